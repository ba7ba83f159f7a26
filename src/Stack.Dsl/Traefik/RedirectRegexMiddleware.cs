using System.Runtime.CompilerServices;
using Stack.Dsl.Locations;
namespace Stack.Dsl.Traefik;

/// <summary>
/// Redirects requests whose URL matches <see cref="Regex"/> to <see cref="Replacement"/>
/// (Go regular expression; <c>${1}</c> is the first group), for example stripping <c>www.</c>.
/// </summary>
public sealed record RedirectRegexMiddleware : Middleware
{
    /// <summary>Creates a regex redirect.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="regex">The pattern the request URL must match.</param>
    /// <param name="replacement">The URL to redirect to.</param>
    /// <param name="permanent">Whether the redirect is permanent; null writes no <c>permanent</c> option (Traefik's default, temporary).</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public RedirectRegexMiddleware(string name, string regex, string replacement, bool? permanent, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
        : base(name, "file", Origin.Capture(filePath, line))
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(regex);
        ArgumentException.ThrowIfNullOrWhiteSpace(replacement);
        Regex = regex;
        Replacement = replacement;
        Permanent = permanent;
    }

    /// <summary>The pattern the request URL must match.</summary>
    public string Regex { get; }

    /// <summary>The URL to redirect to.</summary>
    public string Replacement { get; }

    /// <summary>Whether the redirect is permanent (301/308) rather than temporary; null leaves the option out.</summary>
    public bool? Permanent { get; }

    internal override MiddlewareDefinition Definition(MiddlewareText text) => new("redirectRegex", new MiddlewareOptions(text)
        .Add("regex", text.Literal(Regex))
        .Add("replacement", text.Literal(Replacement))
        .Add("permanent", Permanent)
        .Build());
}
