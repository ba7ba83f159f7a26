using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Stack.Tool.Import;

/// <summary>
/// C# text for values read from compose: string literals, identifiers, and compose text with
/// <c>${VAR}</c> references turned into interpolated strings over declared <c>Variable</c>s.
/// </summary>
internal sealed partial class CSharpCode(Naming naming)
{
    private readonly SortedDictionary<string, string> _variables = new(StringComparer.Ordinal);

    /// <summary>A single file's naming, for callers that need no project.</summary>
    public CSharpCode()
        : this(new Naming(ImportLayout.SingleFile))
    {
    }

    /// <summary>How declared things are named in the code being written.</summary>
    public Naming Naming => naming;

    private readonly SortedDictionary<string, string> _entryPoints = new(StringComparer.Ordinal);

    /// <summary>The variables met, by name, with their C# identifiers.</summary>
    public IReadOnlyDictionary<string, string> Variables => _variables;

    /// <summary>The Traefik entrypoints routers name, by name, with their C# identifiers.</summary>
    public IReadOnlyDictionary<string, string> EntryPoints => _entryPoints;

    /// <summary>Declares a variable by name (once) and returns how the code names it.</summary>
    public string Variable(string name) => Declare(_variables, name, naming.Variable);

    /// <summary>Declares the entrypoint a router names (once) and returns how the code names it.</summary>
    public string EntryPoint(string name) => Declare(_entryPoints, name, naming.EntryPoint);

    /// <summary>
    /// The port of an entrypoint known by its conventional name; null for any other. Labels name
    /// an entrypoint, Traefik's static config gives its port: the C# needs one, and says where it came from.
    /// </summary>
    public static int? EntryPointPort(string name) => name.ToLowerInvariant() switch
    {
        "web" or "http" => 80,
        "websecure" or "https" => 443,
        _ => null,
    };

    /// <summary>The C# that makes an entrypoint.</summary>
    public static string EntryPointCode(string name) => $"new EntryPoint({Literal(name)}, {EntryPointPort(name) ?? 0})";

    /// <summary>Where an entrypoint's port came from: a TODO for the reader.</summary>
    public static string EntryPointTodo(string name) => EntryPointPort(name) is not null
        ? Comment($"TODO(import): {EntryPointPort(name)} is the conventional port of '{name}'; Traefik's static config has the real one.")
        : Comment($"TODO(import): labels name '{name}' but only Traefik's static config has its port; set it before declaring the TraefikProxy.");

    /// <summary>A C# string literal of <paramref name="text"/>, whatever it holds.</summary>
    public static string Literal(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ => Visible(c),
            });
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// A <c>//</c> comment line saying <paramref name="text"/>. Every comment the importer writes is
    /// made here: a compose file's text in it (a key, a file name, a label) cannot end the line and
    /// go on as code.
    /// </summary>
    public static string Comment(string text) => "// " + string.Concat(text.Select(Visible));

    /// <summary>
    /// A character as C# may hold it on one line: line breaks (C# also ends a line at U+0085,
    /// U+2028 and U+2029), other control characters and lone surrogate halves as escapes.
    /// </summary>
    private static string Visible(char c) => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        _ when char.IsControl(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => $"\\u{(int)c:x4}",
        _ => c.ToString(),
    };

    /// <summary>A C# identifier for a compose name (<c>change-detection</c> becomes <c>changeDetection</c>).</summary>
    public static string Identifier(string name, bool pascal = false)
    {
        var parts = NonWord().Split(name).Where(p => p.Length > 0).ToList();
        var builder = new StringBuilder();
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i].ToLowerInvariant();
            builder.Append(i == 0 && !pascal ? part : char.ToUpperInvariant(part[0]) + part[1..]);
        }

        var identifier = builder.Length == 0 ? (pascal ? "Value" : "value") : builder.ToString();
        return char.IsDigit(identifier[0]) ? "_" + identifier : Keywords.Contains(identifier) ? "@" + identifier : identifier;
    }

    /// <summary>
    /// Compose text as a C# expression: a literal when it holds no variable, else an interpolated
    /// string whose holes are declared variables (with their <c>:-</c>, <c>-</c>, <c>:?</c>, <c>?</c> forms).
    /// </summary>
    public string ComposeText(string text)
    {
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return Literal(text);
        }

        var builder = new StringBuilder("$\"");
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '$')
            {
                builder.Append('$');
                i += 2;
                continue;
            }

            var match = ComposeReferences.Pattern().Match(text, i);
            if (text[i] == '$' && match.Success && match.Index == i)
            {
                var name = match.Groups["braced"].Success ? match.Groups["braced"].Value : match.Groups["bare"].Value;
                var variable = Declare(_variables, name, naming.Variable);
                if (match.Groups["arg"].Value.Contains('$', StringComparison.Ordinal))
                {
                    // ${A:-text ${B:-x}}: the default is compose text itself (Variable.OrDefault(ComposeString)).
                    var outer = Balanced(text, i);
                    var fallbackText = outer.Length > name.Length + 4 ? outer[(2 + name.Length + 2)..^1] : string.Empty;
                    var literalText = WithoutReferences(fallbackText);
                    if (match.Groups["op"].Value != ":-" || !outer.EndsWith('}') || literalText.Contains('$', StringComparison.Ordinal) || literalText.Contains('}', StringComparison.Ordinal))
                    {
                        throw NestedReference(text, i, name);
                    }

                    builder.Append('{').Append(variable).Append(".OrDefault(").Append(ComposeText(fallbackText)).Append(")}");
                    i += outer.Length;
                    continue;
                }

                var form = match.Groups["op"].Value switch
                {
                    ":-" => $".OrDefault({Literal(match.Groups["arg"].Value)})",
                    "-" => $".OrDefaultIfUnset({Literal(match.Groups["arg"].Value)})",
                    ":?" => $".Required({Literal(match.Groups["arg"].Value)})",
                    "?" => $".RequiredEvenIfEmpty({Literal(match.Groups["arg"].Value)})",
                    _ => string.Empty,
                };
                builder.Append('{').Append(variable).Append(form).Append('}');
                i += match.Length;
                continue;
            }

            var c = text[i];
            builder.Append(c switch
            {
                '{' => "{{",
                '}' => "}}",
                _ => Literal(c.ToString())[1..^1],
            });
            i++;
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Text that is exactly one reference (<c>${RESTART:-always}</c>) as the C# <c>Variable</c> expression it becomes (<c>restart.OrDefault("always")</c>).</summary>
    public string WholeVariable(string text)
    {
        var composed = ComposeText(text);
        return composed.StartsWith("$\"{", StringComparison.Ordinal) && composed.EndsWith("}\"", StringComparison.Ordinal)
            ? composed[3..^2]
            : throw new ArgumentException($"'{text}' is not one variable reference.", nameof(text));
    }

    /// <summary>
    /// <c>${ROOT_URL-http://localhost:${HOST_PORT:-3000}}</c>: a default of another form, or a message,
    /// holding another reference (only <c>:-</c> takes compose text in the DSL), or one never closed.
    /// </summary>
    private static ImportRefusal NestedReference(string text, int start, string name)
    {
        var outer = Balanced(text, start);
        var innerStart = outer.IndexOf("${", 2, StringComparison.Ordinal);
        var inner = innerStart < 0 ? string.Empty : Balanced(outer, innerStart);
        var innerMatch = ComposeReferences.Pattern().Match(inner);
        var written = innerMatch.Success && innerMatch.Groups["op"].Value is ":-" or "-" ? outer.Replace(inner, innerMatch.Groups["arg"].Value, StringComparison.Ordinal) : null;
        return new ImportRefusal(YamlDotNet.Core.Mark.Empty, $"the default of ${{{name}}} holds another variable ({(inner.Length > 0 ? inner : outer)}), which Compose v2 expands and docker-compose 1.x cuts at its first '}}', and a Stack variable's default is plain text: write the default out{(written is null ? string.Empty : $" ({written})")}, or set {name} in .env.")
        {
            Text = text,
        };
    }

    /// <summary>The text outside its references (each nested reference skipped whole, <c>$$</c> kept): what must be plain in a default.</summary>
    private static string WithoutReferences(string text)
    {
        var plain = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                i += Balanced(text, i).Length - 1;
            }
            else if (text[i] == '$' && ComposeReferences.Pattern().Match(text, i) is { Success: true } bare && bare.Index == i)
            {
                i += bare.Length - 1;
            }
            else
            {
                plain.Append(text[i]);
            }
        }

        return plain.ToString();
    }

    /// <summary>The reference starting at <paramref name="start"/> (<c>${</c>) up to its matching <c>}</c>, or to the end.</summary>
    private static string Balanced(string text, int start)
    {
        var depth = 0;
        for (var j = start + 1; j < text.Length; j++)
        {
            depth += text[j] == '{' ? 1 : text[j] == '}' ? -1 : 0;
            if (depth == 0)
            {
                return text[start..(j + 1)];
            }
        }

        return text[start..];
    }

    /// <summary>A host path as a C# <c>HostPath</c>: absolute (or from a variable), in the home folder, or in the project; one that climbs out is refused.</summary>
    public string HostPath(string path, YamlDotNet.Core.Mark at, string what)
    {
        if (path.StartsWith('$'))
        {
            // ${DATA:-./data}/sub: the default is a project folder, which the generator must write from
            // the output folder (HostPath.FromVariable rebases it); as Absolute it would move into generated/.
            var reference = ComposeReferences.Pattern().Match(path);
            var rest = reference is { Success: true, Index: 0 } ? path[reference.Length..] : null;
            return rest is not null && reference.Groups["op"].Value is ":-" or "-" && reference.Groups["arg"].Value.StartsWith('.') && !reference.Groups["arg"].Value.Contains('$', StringComparison.Ordinal)
                && (rest is "" || (rest.StartsWith('/') && !CSharpCode.HasVariable(rest) && !rest.Split('/').Contains("..")))
                ? $"HostPath.FromVariable({WholeVariable(path[..reference.Length])}{(rest.Trim('/').Length > 0 ? ", " + CSharpCode.Literal(rest.Trim('/')) : string.Empty)})"
                : $"HostPath.Absolute({ComposeText(path)})";
        }

        if (path.StartsWith('/'))
        {
            return $"HostPath.Absolute({ComposeText(path)})";
        }

        if (path.StartsWith("~/", StringComparison.Ordinal))
        {
            return $"HostPath.InHome({CSharpCode.Literal(path[2..])})";
        }

        var relative = path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;
        return relative.Split('/').Contains("..") || relative.Length == 0
            ? throw new ImportRefusal(at, $"the {what} '{path}' climbs out of the compose file's folder; Stack keeps project files inside the definition (write it as an absolute path).")
            : $"HostPath.InProject({CSharpCode.Literal(relative)})";
    }

    /// <summary><c>IPAddress.Parse("...")</c> for an address; anything else is refused at its position (the C# would throw when run).</summary>
    public static string Address(string text, YamlDotNet.Core.Mark at) =>
        System.Net.IPAddress.TryParse(text, out _) ? $"IPAddress.Parse({Literal(text)})" : throw new ImportRefusal(at, $"'{text}' is not an IP address.");

    /// <summary><c>IPNetwork.Parse("...")</c> for a CIDR range; anything else is refused at its position.</summary>
    public static string Range(string text, YamlDotNet.Core.Mark at) =>
        System.Net.IPNetwork.TryParse(text, out _) ? $"IPNetwork.Parse({Literal(text)})" : throw new ImportRefusal(at, $"'{text}' is not an IP range in CIDR form (such as 172.28.0.0/16).");

    /// <summary>Whether the text refers to a variable (so it needs an API that takes compose text).</summary>
    public static bool HasVariable(string text) => text.Replace("$$", string.Empty, StringComparison.Ordinal).Contains('$', StringComparison.Ordinal);

    /// <summary>A plain number, as C# reads it.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A TimeSpan as the C# a person writes: whole seconds, else whole milliseconds, else ticks.</summary>
    public static string Duration(TimeSpan value) =>
        value.Ticks % TimeSpan.TicksPerSecond == 0 ? $"TimeSpan.FromSeconds({Number(value.Ticks / TimeSpan.TicksPerSecond)})"
        : value.Ticks % TimeSpan.TicksPerMillisecond == 0 ? $"TimeSpan.FromMilliseconds({Number(value.Ticks / TimeSpan.TicksPerMillisecond)})"
        : $"TimeSpan.FromTicks({Number(value.Ticks)})";

    /// <summary>The identifier <paramref name="declared"/> holds for <paramref name="name"/>, named once.</summary>
    private static string Declare(SortedDictionary<string, string> declared, string name, Func<string, string> identifier)
    {
        if (!declared.TryGetValue(name, out var known))
        {
            known = identifier(name);
            declared[name] = known;
        }

        return known;
    }

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "case", "catch", "char", "class", "const", "continue", "default", "do", "double",
        "else", "enum", "event", "false", "finally", "fixed", "float", "for", "foreach", "if", "in", "int", "interface", "internal",
        "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "params", "private", "protected", "public",
        "return", "static", "string", "struct", "switch", "this", "throw", "true", "try", "using", "var", "void", "while",
    };

    [GeneratedRegex(@"[^A-Za-z0-9]+")]
    private static partial Regex NonWord();
}
