using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Stack.Dsl.Locations;

namespace Stack.Dsl.Traefik;

/// <summary>
/// Sets request and response headers (<c>headers</c>): security headers (HSTS, frame and content-type
/// options, a content security policy), CORS, and custom headers. Unset options are left out.
/// </summary>
public sealed record HeadersMiddleware : Middleware
{
    /// <summary>Creates a headers middleware.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public HeadersMiddleware(string name, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
        : base(name, "file", Origin.Capture(filePath, line))
    {
    }

    /// <summary>Headers added to (or, with an empty value, removed from) the request, sorted by name.</summary>
    public ImmutableSortedDictionary<string, string> CustomRequestHeaders { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>Headers added to (or, with an empty value, removed from) the response, sorted by name.</summary>
    public ImmutableSortedDictionary<string, string> CustomResponseHeaders { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="header"/> to the request (an empty <paramref name="value"/> removes it), as <c>customRequestHeaders.NAME</c>.</summary>
    public HeadersMiddleware WithRequestHeader(string header, string value) =>
        this with { CustomRequestHeaders = CustomRequestHeaders.SetItem(Header(header), value ?? throw new ArgumentNullException(nameof(value))) };

    /// <summary>Adds <paramref name="header"/> to the response (an empty <paramref name="value"/> removes it), as <c>customResponseHeaders.NAME</c>.</summary>
    public HeadersMiddleware WithResponseHeader(string header, string value) =>
        this with { CustomResponseHeaders = CustomResponseHeaders.SetItem(Header(header), value ?? throw new ArgumentNullException(nameof(value))) };

    /// <summary>HSTS max-age in seconds (<c>stsSeconds</c>).</summary>
    public long? StsSeconds { get; init; }

    /// <summary>Whether HSTS covers subdomains (<c>stsIncludeSubdomains</c>).</summary>
    public bool? StsIncludeSubdomains { get; init; }

    /// <summary>Whether HSTS asks for browser preload lists (<c>stsPreload</c>).</summary>
    public bool? StsPreload { get; init; }

    /// <summary>Whether HSTS is sent over plain HTTP too (<c>forceSTSHeader</c>).</summary>
    public bool? ForceStsHeader { get; init; }

    /// <summary>Whether pages may not be framed (<c>frameDeny</c>, X-Frame-Options: DENY).</summary>
    public bool? FrameDeny { get; init; }

    /// <summary>X-Frame-Options with a value of your own, such as SAMEORIGIN (<c>customFrameOptionsValue</c>).</summary>
    public string? CustomFrameOptionsValue { get; init; }

    /// <summary>Whether X-Content-Type-Options: nosniff is sent (<c>contentTypeNosniff</c>).</summary>
    public bool? ContentTypeNosniff { get; init; }

    /// <summary>Whether X-XSS-Protection is sent (<c>browserXssFilter</c>).</summary>
    public bool? BrowserXssFilter { get; init; }

    /// <summary>The Referrer-Policy (<c>referrerPolicy</c>).</summary>
    public string? ReferrerPolicy { get; init; }

    /// <summary>The Content-Security-Policy (<c>contentSecurityPolicy</c>).</summary>
    public string? ContentSecurityPolicy { get; init; }

    /// <summary>The Permissions-Policy (<c>permissionsPolicy</c>).</summary>
    public string? PermissionsPolicy { get; init; }

    /// <summary>CORS: origins allowed (<c>accessControlAllowOriginList</c>).</summary>
    public ImmutableArray<string> AccessControlAllowOriginList { get; init; } = [];

    /// <summary>CORS: methods allowed (<c>accessControlAllowMethods</c>).</summary>
    public ImmutableArray<string> AccessControlAllowMethods { get; init; } = [];

    /// <summary>CORS: request headers allowed (<c>accessControlAllowHeaders</c>).</summary>
    public ImmutableArray<string> AccessControlAllowHeaders { get; init; } = [];

    /// <summary>CORS: whether credentials are allowed (<c>accessControlAllowCredentials</c>).</summary>
    public bool? AccessControlAllowCredentials { get; init; }

    /// <summary>CORS: how long a preflight answer is cached, in seconds (<c>accessControlMaxAge</c>).</summary>
    public long? AccessControlMaxAge { get; init; }

    /// <summary>Whether Vary: Origin is added (<c>addVaryHeader</c>).</summary>
    public bool? AddVaryHeader { get; init; }

    /// <summary>The security headers most self-hosted services want: HSTS for a year with subdomains, no framing, nosniff, a strict referrer policy.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public static HeadersMiddleware Secure(string name, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) => new(name, filePath, line)
    {
        StsSeconds = 31536000,
        StsIncludeSubdomains = true,
        FrameDeny = true,
        ContentTypeNosniff = true,
        ReferrerPolicy = "strict-origin-when-cross-origin",
    };

    private static string Header(string header)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(header);
        return header;
    }

    internal override MiddlewareDefinition Definition(MiddlewareText text) => new("headers", new MiddlewareOptions(text)
        .AddMap("customRequestHeaders", CustomRequestHeaders)
        .AddMap("customResponseHeaders", CustomResponseHeaders)
        .Add("stsSeconds", StsSeconds)
        .Add("stsIncludeSubdomains", StsIncludeSubdomains)
        .Add("stsPreload", StsPreload)
        .Add("forceSTSHeader", ForceStsHeader)
        .Add("frameDeny", FrameDeny)
        .Add("customFrameOptionsValue", CustomFrameOptionsValue)
        .Add("contentTypeNosniff", ContentTypeNosniff)
        .Add("browserXssFilter", BrowserXssFilter)
        .Add("referrerPolicy", ReferrerPolicy)
        .Add("contentSecurityPolicy", ContentSecurityPolicy)
        .Add("permissionsPolicy", PermissionsPolicy)
        .AddList("accessControlAllowOriginList", AccessControlAllowOriginList)
        .AddList("accessControlAllowMethods", AccessControlAllowMethods)
        .AddList("accessControlAllowHeaders", AccessControlAllowHeaders)
        .Add("accessControlAllowCredentials", AccessControlAllowCredentials)
        .Add("accessControlMaxAge", AccessControlMaxAge)
        .Add("addVaryHeader", AddVaryHeader)
        .Build());
}
