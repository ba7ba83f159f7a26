using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Stack.Dsl.Yaml;

/// <summary>
/// Writes a <see cref="YamlValue"/> tree through YamlDotNet's emitter, choosing every scalar's
/// style itself: no anchors or aliases, <c>\n</c> line ends, literal blocks for multi-line text,
/// quotes wherever a plain scalar would change type.
/// </summary>
internal static class YamlWriter
{
    /// <summary>Writes one document, preceded by <paramref name="headerComments"/> lines.</summary>
    /// <param name="document">The document.</param>
    /// <param name="headerComments">Comment lines for the top of the file.</param>
    /// <param name="onScalar">Called with every value scalar written, for example to collect variables.</param>
    public static string Write(YamlMapping document, IEnumerable<string> headerComments, Action<YamlScalar>? onScalar = null)
    {
        var text = new StringWriter { NewLine = "\n" };
        text.Write(Generation.HeaderLines.Render(headerComments));

        var emitter = new Emitter(text, new EmitterSettings(
            bestIndent: 2,
            bestWidth: int.MaxValue,
            isCanonical: false,
            maxSimpleKeyLength: 1024,
            skipAnchorName: false,
            indentSequences: true,
            newLine: "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, document, onScalar);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Emit(IEmitter emitter, YamlValue value, Action<YamlScalar>? onScalar)
    {
        switch (value)
        {
            case YamlScalar scalar:
                EmitScalar(emitter, scalar);
                onScalar?.Invoke(scalar);
                break;
            case DeferredYamlValue deferred:
                Emit(emitter, deferred.Resolve(), onScalar);
                break;
            case YamlSequence sequence:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Block));
                foreach (var item in sequence.Items)
                {
                    Emit(emitter, item, onScalar);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case YamlMapping mapping:
                var style = mapping.Entries.IsEmpty ? MappingStyle.Flow : MappingStyle.Block;
                emitter.Emit(new MappingStart(null, null, isImplicit: true, style));
                foreach (var (key, item) in mapping.Entries)
                {
                    EmitScalar(emitter, key, StyleOfText(key, alwaysQuoted: false));
                    Emit(emitter, item, onScalar);
                }

                emitter.Emit(new MappingEnd());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown YAML value.");
        }
    }

    private static void EmitScalar(IEmitter emitter, YamlScalar scalar) =>
        EmitScalar(emitter, scalar.Value, scalar.Kind is ScalarKind.Text ? StyleOfText(scalar.Value, scalar.AlwaysQuoted) : ScalarStyle.Plain);

    private static void EmitScalar(IEmitter emitter, string value, ScalarStyle style)
    {
        var plain = style is ScalarStyle.Plain;
        emitter.Emit(new Scalar(null, null, value, style, isPlainImplicit: plain, isQuotedImplicit: !plain));
    }

    private static ScalarStyle StyleOfText(string text, bool alwaysQuoted)
    {
        if (YamlScalarRules.IsMultiLine(text))
        {
            return YamlScalarRules.IsLiteralSafe(text) ? ScalarStyle.Literal : ScalarStyle.DoubleQuoted;
        }

        if (!alwaysQuoted && YamlScalarRules.IsPlainSafe(text))
        {
            return ScalarStyle.Plain;
        }

        // Single quotes need no escapes except '' and keep backslashes literal; control
        // characters need double quotes' escapes.
        return YamlScalarRules.HasControlCharacter(text, allowTabAndNewline: false) ? ScalarStyle.DoubleQuoted : ScalarStyle.SingleQuoted;
    }
}
