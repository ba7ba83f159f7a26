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

    /// <summary>A Go duration (<c>1m30s</c>, <c>500ms</c>) as a TimeSpan expression.</summary>
    internal static string Duration(string text, YamlNode at)
    {
        var parts = DurationPart().Matches(text);
        if (parts.Count == 0 || string.Concat(parts.Select(p => p.Value)) != text)
        {
            throw new ImportRefusal(at.Start, $"'{text}' is not a duration (such as 30s, 1m30s).");
        }

        var milliseconds = parts.Sum(p => double.Parse(p.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * p.Groups[2].Value switch
        {
            "h" => 3_600_000, "m" => 60_000, "s" => 1000, "ms" => 1, "us" => 0.001, _ => 0.000001,
        });
        return milliseconds % 1000 == 0
            ? $"TimeSpan.FromSeconds({(milliseconds / 1000).ToString(CultureInfo.InvariantCulture)})"
            : $"TimeSpan.FromMilliseconds({milliseconds.ToString(CultureInfo.InvariantCulture)})";
    }

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

    [GeneratedRegex(@"([0-9]{1,9}(?:\.[0-9]{1,9})?)(h|ms|m|s|us|ns)")]
    private static partial Regex DurationPart();
}
