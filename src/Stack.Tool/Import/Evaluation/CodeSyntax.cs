using System.Globalization;
using System.Text;

namespace Stack.Tool.Import.Evaluation;

/// <summary>An expression of the C# the importer writes, as <see cref="CodeParser"/> reads it.</summary>
internal abstract record Code;

internal sealed record Literal(object? Value) : Code;

/// <summary>A whole number as written: C# gives it a type only where it is used (int, long, a port).</summary>
internal sealed record WholeNumber(long Value) : Code;

internal sealed record Interpolation(IReadOnlyList<object> Parts) : Code; // each part a string or a Code hole

internal sealed record Name(string Identifier) : Code;

internal sealed record Member(Code Target, string Identifier) : Code;

internal sealed record Call(Code Target, IReadOnlyList<Argument> Arguments) : Code;

internal sealed record Creation(string Type, IReadOnlyList<Argument> Arguments, IReadOnlyList<(string Property, Code Value)> Initializer) : Code;

internal sealed record With(Code Target, IReadOnlyList<(string Property, Code Value)> Changes) : Code;

internal sealed record Cast(string Type, Code Value) : Code;

internal sealed record Collection(IReadOnlyList<(bool Spread, Code Item)> Items) : Code;

internal sealed record Lambda(string Parameter, Code Body) : Code;

internal sealed record Negation(Code Value) : Code;

internal sealed record Argument(string? Name, Code Value);

/// <summary>
/// A reader of the small C# subset the importer writes (creations, calls, member access,
/// literals, interpolated strings, collection expressions, casts, <c>with</c>, one-parameter
/// lambdas). Anything else is refused: the importer wrote something this reader was not taught.
/// </summary>
internal sealed class CodeParser
{
    private readonly string _text;
    private int _at;

    private CodeParser(string text) => _text = text;

    public static Code Parse(string text)
    {
        var parser = new CodeParser(text);
        var code = parser.Expression();
        parser.Space();
        return parser._at == parser._text.Length ? code : throw parser.Unknown();
    }

    private Code Expression()
    {
        Space();
        var start = _at;
        if (TryIdentifier() is { } parameter && Space() && Take("=>"))
        {
            return new Lambda(parameter, Expression());
        }

        _at = start;
        var value = Primary();
        while (true)
        {
            Space();
            if (Take("."))
            {
                value = new Member(value, Identifier());
            }
            else if (Peek('('))
            {
                value = new Call(value, Arguments());
            }
            else if (Keyword("with"))
            {
                value = new With(value, Assignments());
            }
            else
            {
                return value;
            }
        }
    }

    private Code Primary()
    {
        Space();
        if (Take("$\""))
        {
            return InterpolatedRest();
        }

        if (Peek('"'))
        {
            _at++;
            return new Literal(StringRest());
        }

        if (Take("-"))
        {
            return new Negation(Primary());
        }

        if (_at < _text.Length && char.IsDigit(_text[_at]))
        {
            return Number();
        }

        if (Take("["))
        {
            var items = new List<(bool, Code)>();
            while (!TakeSpaced("]"))
            {
                Space();
                var spread = Take("..");
                items.Add((spread, Expression()));
                TakeSpaced(",");
            }

            return new Collection(items);
        }

        if (Take("("))
        {
            var start = _at;
            if (TypeName() is { } type && TakeSpaced(")") && Space() && _at < _text.Length && (char.IsLetterOrDigit(_text[_at]) || _text[_at] is '"' or '$' or '(' or '['))
            {
                return new Cast(type, Primary());
            }

            _at = start;
            var inner = Expression();
            return TakeSpaced(")") ? inner : throw Unknown();
        }

        if (Keyword("new"))
        {
            var type = TypeName() ?? throw Unknown();
            Space();
            var arguments = Peek('(') ? Arguments() : [];
            Space();
            return new Creation(type, arguments, Peek('{') ? Assignments() : []);
        }

        var name = Identifier();
        return name switch
        {
            "true" => new Literal(true),
            "false" => new Literal(false),
            "null" => new Literal(null),
            _ => new Name(name),
        };
    }

    private List<Argument> Arguments()
    {
        Expect("(");
        var arguments = new List<Argument>();
        while (!TakeSpaced(")"))
        {
            Space();
            var start = _at;
            var name = TryIdentifier();
            if (name is null || !(Space() && Take(":")) || Peek(':'))
            {
                (name, _at) = (null, start);
            }

            arguments.Add(new Argument(name, Expression()));
            TakeSpaced(",");
        }

        return arguments;
    }

    private List<(string, Code)> Assignments()
    {
        Space();
        Expect("{");
        var changes = new List<(string, Code)>();
        while (!TakeSpaced("}"))
        {
            Space();
            var property = Identifier();
            Space();
            Expect("=");
            changes.Add((property, Expression()));
            TakeSpaced(",");
        }

        return changes;
    }

    private Code Number()
    {
        var start = _at;
        while (_at < _text.Length && (char.IsDigit(_text[_at]) || _text[_at] is '_' or '.' && _at + 1 < _text.Length && char.IsDigit(_text[_at + 1]) || _text[_at] == '_'))
        {
            _at++;
        }

        var digits = _text[start.._at].Replace("_", string.Empty, StringComparison.Ordinal);
        if (_at < _text.Length && _text[_at] is 'L' or 'l' or 'D' or 'd' or 'M' or 'm')
        {
            return char.ToUpperInvariant(_text[_at++]) switch
            {
                'L' => new Literal(long.Parse(digits, CultureInfo.InvariantCulture)),
                'M' => new Literal(decimal.Parse(digits, CultureInfo.InvariantCulture)),
                _ => new Literal(double.Parse(digits, CultureInfo.InvariantCulture)),
            };
        }

        return digits.Contains('.', StringComparison.Ordinal)
            ? new Literal(double.Parse(digits, CultureInfo.InvariantCulture))
            : new WholeNumber(long.Parse(digits, CultureInfo.InvariantCulture));
    }

    private string StringRest()
    {
        var text = new StringBuilder();
        while (_text[_at] != '"')
        {
            text.Append(_text[_at] == '\\' ? Escape() : _text[_at++]);
        }

        _at++;
        return text.ToString();
    }

    private Interpolation InterpolatedRest()
    {
        var parts = new List<object>();
        var text = new StringBuilder();
        while (_text[_at] != '"')
        {
            if (Take("{{") || Take("}}"))
            {
                text.Append(_text[_at - 1]);
            }
            else if (Take("{"))
            {
                parts.Add(text.ToString());
                text.Clear();
                parts.Add(Expression());
                Expect("}");
            }
            else
            {
                text.Append(_text[_at] == '\\' ? Escape() : _text[_at++]);
            }
        }

        _at++;
        parts.Add(text.ToString());
        return new Interpolation([.. parts.Where(p => p is not "")]);
    }

    private char Escape()
    {
        var c = _text[_at + 1];
        _at += 2;
        switch (c)
        {
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case '0': return '\0';
            case 'u':
                _at += 4;
                return (char)int.Parse(_text.AsSpan(_at - 4, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            default: return c;
        }
    }

    /// <summary>A type's name (dotted, perhaps generic), or null.</summary>
    private string? TypeName()
    {
        Space();
        var name = TryIdentifier();
        while (name is not null && Peek('.') && !Peek("..") && _at + 1 < _text.Length && char.IsLetter(_text[_at + 1]))
        {
            _at++;
            name += "." + Identifier();
        }

        return name;
    }

    private string Identifier() => TryIdentifier() ?? throw Unknown();

    private string? TryIdentifier()
    {
        Space();
        var start = _at;
        if (_at < _text.Length && _text[_at] == '@')
        {
            _at++;
        }

        while (_at < _text.Length && (char.IsLetterOrDigit(_text[_at]) || _text[_at] == '_'))
        {
            _at++;
        }

        if (_at == start || char.IsDigit(_text[start]))
        {
            _at = start;
            return null;
        }

        return _text[start.._at].TrimStart('@');
    }

    private bool Keyword(string word)
    {
        Space();
        var start = _at;
        if (TryIdentifier() == word && !(_text.Length > start && _text[start] == '@'))
        {
            return true;
        }

        _at = start;
        return false;
    }

    /// <summary>Skips white space and comments; always true, to chain in conditions.</summary>
    private bool Space()
    {
        while (_at < _text.Length)
        {
            if (char.IsWhiteSpace(_text[_at]))
            {
                _at++;
            }
            else if (Peek("//"))
            {
                while (_at < _text.Length && _text[_at] != '\n')
                {
                    _at++;
                }
            }
            else
            {
                break;
            }
        }

        return true;
    }

    private bool Peek(char c) => _at < _text.Length && _text[_at] == c;

    private bool Peek(string s) => string.CompareOrdinal(_text, _at, s, 0, s.Length) == 0;

    private bool Take(string s)
    {
        if (!Peek(s))
        {
            return false;
        }

        _at += s.Length;
        return true;
    }

    private bool TakeSpaced(string s) => Space() && Take(s);

    private void Expect(string s)
    {
        if (!TakeSpaced(s))
        {
            throw Unknown();
        }
    }

    private UnreadCode Unknown() =>
        new($"the import's evaluator does not read the C# it wrote holds a shape the import's evaluator does not read, at \"{_text[Math.Max(0, _at - 20)..Math.Min(_text.Length, _at + 20)]}\"");
}
