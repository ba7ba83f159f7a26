using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Stack.Tool.Import;

/// <summary>The C# for a <c>YamlValue</c> holding a YAML node as it is (for the escape hatches).</summary>
internal static class YamlValueCode
{
    public static string Of(YamlNode node, CSharpCode code) => node switch
    {
        YamlScalarNode scalar when scalar.Style == ScalarStyle.Plain && Nodes.IsNull(scalar) => "YamlValue.Null",
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } scalar => $"YamlValue.Boolean({scalar.Value})",
        YamlScalarNode { Style: ScalarStyle.Plain } scalar when long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => $"YamlValue.Number({CSharpCode.Number(number)})",
        YamlScalarNode { Style: ScalarStyle.Plain } scalar when decimal.TryParse(scalar.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fraction) => $"YamlValue.Number({fraction.ToString(CultureInfo.InvariantCulture)}m)",
        YamlScalarNode scalar => $"YamlValue.Text({code.ComposeText(scalar.Value ?? string.Empty)})",
        YamlSequenceNode sequence => $"YamlValue.Sequence({string.Join(", ", sequence.Children.Select(c => Of(c, code)))})",
        YamlMappingNode mapping => $"YamlValue.Mapping({string.Join(", ", mapping.Children.Select(e => $"new YamlEntry({CSharpCode.Literal(Nodes.Scalar(e.Key, "a key"))}, {Of(e.Value, code)})"))})",
        _ => throw new ImportRefusal(node.Start, "this YAML node cannot be imported."),
    };
}
