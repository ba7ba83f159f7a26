using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Stack.Tool.Import;

/// <summary>Compose's scalar shapes (numbers, sizes, durations, enum spellings, lists) as C# expressions, refused at their line when malformed.</summary>
internal sealed partial class ServiceImporter
{
    private static string Int(YamlNode node, string what) =>
        int.TryParse(Nodes.Scalar(node, what), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? CSharpCode.Number(number) : throw new ImportRefusal(node.Start, $"{what} must be a whole number.");

    /// <summary>Docker's sizes (<c>256m</c>, <c>1.5g</c>, bytes) as a ByteSize expression.</summary>
    private static string Size(string text, YamlNode at)
    {
        var match = SizePattern().Match(text);
        if (!match.Success)
        {
            throw new ImportRefusal(at.Start, $"'{text}' is not a size (such as 512m or 1g).");
        }

        var number = match.Groups[1].Value;
        return (match.Groups[2].Value.ToLowerInvariant(), number.Contains('.', StringComparison.Ordinal)) switch
        {
            ("g", _) => $"ByteSize.Gigabytes({number})",
            ("m", _) => $"ByteSize.Megabytes({number})",
            ("k", false) => $"ByteSize.Kilobytes({number})",
            ("" or "b", false) => $"new ByteSize({number})",
            _ => throw new ImportRefusal(at.Start, $"'{text}' is a fraction of a unit the importer does not translate."),
        };
    }

    private static IEnumerable<YamlNode> Items(YamlNode value, string what) =>
        value as YamlSequenceNode ?? throw new ImportRefusal(value.Start, $"{what} must be a list.");

    private static string Words(YamlNode value, string what) =>
        string.Join(", ", Nodes.Strings(value, what).Select(w => CSharpCode.HasVariable(w.Value) ? throw new ImportRefusal(w.At, $"{what} holds a variable, but Stack's API for it takes plain words.") : CSharpCode.Literal(w.Value)));

    /// <summary>A compose duration (Go's syntax: <c>1m30s</c>, <c>500ms</c>, <c>0</c>) as a TimeSpan expression, refused at its line when Go refuses it.</summary>
    internal static string Duration(string text, YamlNode at) =>
        DurationCode(text, at, GoDuration.TryParse(text, out var nanoseconds, out var problem), nanoseconds, problem);

    /// <summary>A duration in Traefik's static file (Go's syntax, or whole seconds such as <c>42</c>) as a TimeSpan expression, refused at its line when Traefik refuses it.</summary>
    internal static string TraefikDuration(string text, YamlNode at) =>
        DurationCode(text, at, GoDuration.TryParseTraefik(text, out var nanoseconds, out var problem), nanoseconds, problem);

    // Go reads a negative duration, but none of the places the importer types takes one (the DSL refuses it), so it stops here, at its line.
    private static string DurationCode(string text, YamlNode at, bool parsed, long nanoseconds, string? problem) =>
        !parsed ? throw new ImportRefusal(at.Start, $"{problem}; write a duration such as 30s or 1m30s.")
        : nanoseconds < 0 ? throw new ImportRefusal(at.Start, $"'{text}' is a negative duration, which Stack does not take here; write a positive one such as 30s.")
        : GoDuration.ToTimeSpan(nanoseconds) is { } value ? CSharpCode.Duration(value)
        : throw new ImportRefusal(at.Start, $"'{text}' is finer than the 100ns a TimeSpan holds; round it to a multiple of 100ns.");

    /// <summary>A decimal number as a C# literal; anything else is refused at its line.</summary>
    private static string Decimal(YamlNode node, string what) =>
        decimal.TryParse(Nodes.Scalar(node, what), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? number.ToString(CultureInfo.InvariantCulture) + "m"
            : throw new ImportRefusal(node.Start, $"{what} must be a number such as 0.5.");

    /// <summary>A required key of a mapping.</summary>
    private static YamlNode Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : throw new ImportRefusal(mapping.Start, $"this needs a {key}.");

    /// <summary>
    /// The DSL enum member compose's value names, spelled as compose spells it (ReplicatedJob is
    /// replicated-job, OnFailure on-failure), or a refusal listing those spellings.
    /// </summary>
    private static string Member<TEnum>(YamlNode node, string what)
        where TEnum : struct, Enum
    {
        var text = Nodes.Scalar(node, what);
        static string Spelled(string member) => string.Concat(member.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
        return Enum.GetNames<TEnum>().FirstOrDefault(n => Spelled(n) == text)
            ?? throw new ImportRefusal(node.Start, $"{what} '{text}' is not one of {string.Join(", ", Enum.GetNames<TEnum>().Select(Spelled))}.");
    }

    private static string Pascal(string key) => string.Concat(key.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    [GeneratedRegex(@"^([0-9]{1,12}(?:\.[0-9]{1,6})?)\s*([bkmgBKMG]?)[bB]?$")]
    private static partial Regex SizePattern();
}
