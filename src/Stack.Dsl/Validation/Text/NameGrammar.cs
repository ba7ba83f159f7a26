namespace Stack.Dsl.Validation.Text;

/// <summary>
/// The plain ASCII name grammars of compose, Docker and Traefik: a first character from one set,
/// the rest from another (and, for host names, a last one from a third). Checked with a loop, not
/// a <see cref="System.Text.RegularExpressions.Regex"/>: a run checks a few dozen names once, and a
/// regex's first use costs more than all of them (its search tables are built and their vectorized
/// search code compiled at start-up, about 3 ms of a ~60 ms run: bench/process-timing.sh). The
/// tests hold each grammar's regex and compare the two.
/// </summary>
internal sealed class NameGrammar
{
    /// <summary>Compose project names and Stack's environment names (they name dc.ENV.yml): <c>^[a-z0-9][a-z0-9_-]*\z</c>.</summary>
    public static readonly NameGrammar Project = new(AsciiSet.Of(AsciiSet.Lower, AsciiSet.Digits), AsciiSet.Of(AsciiSet.Lower, AsciiSet.Digits, "_-"));

    /// <summary>
    /// Services, networks, volumes, secrets and configs: <c>^[a-zA-Z0-9][a-zA-Z0-9._-]*\z</c>.
    /// The compose schema's key pattern lets a name start with '.', '_' or '-', but its readers do
    /// not: a volume named <c>.</c> or <c>.data</c> is written <c>.:/data</c>, which Compose reads
    /// as a bind mount of the project folder; a name starting with '-' is an option to the
    /// <c>docker</c> and <c>docker compose</c> commands that take it (<c>logs -web</c>); Docker's
    /// own object names start with a letter or digit.
    /// </summary>
    public static readonly NameGrammar Resource = new(AsciiSet.Of(AsciiSet.Letters, AsciiSet.Digits), AsciiSet.Of(AsciiSet.Letters, AsciiSet.Digits, "._-"));

    /// <summary>Docker container names: <c>^[a-zA-Z0-9][a-zA-Z0-9_.-]+\z</c> (two characters at least).</summary>
    public static readonly NameGrammar Container = new(AsciiSet.Of(AsciiSet.Letters, AsciiSet.Digits), AsciiSet.Of(AsciiSet.Letters, AsciiSet.Digits, "_.-"), minLength: 2);

    /// <summary>Traefik routers, services and middlewares (a '.' would split the label path): <c>^[a-zA-Z0-9_-]+\z</c>.</summary>
    public static readonly NameGrammar Traefik = Every(AsciiSet.Of(AsciiSet.Letters, AsciiSet.Digits, "_-"));

    /// <summary>Host names in extra_hosts: <c>^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?\z</c>.</summary>
    public static readonly NameGrammar Host = new(AsciiSet.Of(AsciiSet.Letters, AsciiSet.Digits, "_"), AsciiSet.Of(AsciiSet.Letters, AsciiSet.Digits, "_.-"), last: AsciiSet.Of(AsciiSet.Letters, AsciiSet.Digits, "_"));

    /// <summary>Compose variable names: <c>^[A-Za-z_][A-Za-z0-9_]*\z</c>.</summary>
    public static readonly NameGrammar Variable = new(AsciiSet.Of(AsciiSet.Letters, "_"), AsciiSet.Of(AsciiSet.Letters, AsciiSet.Digits, "_"));

    private readonly AsciiSet _first;
    private readonly AsciiSet _rest;
    private readonly AsciiSet _last;
    private readonly int _minLength;

    private NameGrammar(AsciiSet first, AsciiSet rest, AsciiSet? last = null, int minLength = 1) =>
        (_first, _rest, _last, _minLength) = (first, rest, last ?? rest, minLength);

    /// <summary>Whether <paramref name="name"/> is a whole name of this grammar.</summary>
    public bool Matches(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length < _minLength)
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var allowed = i == 0 ? _first : i == name.Length - 1 ? _last : _rest;
            if (!allowed.Contains(name[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static NameGrammar Every(AsciiSet set) => new(set, set);
}

/// <summary>A set of ASCII characters; anything else (a control character, a surrogate, any non-ASCII letter) is outside it.</summary>
internal sealed class AsciiSet
{
    public const string Lower = "abcdefghijklmnopqrstuvwxyz";
    public const string Letters = Lower + "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public const string Digits = "0123456789";

    private readonly bool[] _members = new bool[128];

    private AsciiSet(string[] parts)
    {
        foreach (var part in parts)
        {
            foreach (var c in part)
            {
                _members[c] = true;
            }
        }
    }

    public static AsciiSet Of(params string[] parts) => new(parts);

    public bool Contains(char c) => c < _members.Length && _members[c];
}
