using System.Runtime.CompilerServices;
using Stack.Dsl.Compose;
using Stack.Dsl.Locations;

namespace Stack.Dsl.Traefik;

/// <summary>
/// Asks for a user name and password (<c>basicAuth</c>). The users (htpasswd lines) come from a
/// secret mounted into Traefik, never from a literal hash in the definition, so nothing secret
/// lands in git: grant the secret to the Traefik service, and this reads <c>/run/secrets/NAME</c>.
/// </summary>
public sealed record BasicAuthMiddleware : Middleware
{
    /// <summary>Creates a basic-auth middleware whose users file is <paramref name="users"/>.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="users">The secret holding the users (htpasswd lines).</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public BasicAuthMiddleware(string name, Secret users, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
        : base(name, "file", Origin.Capture(filePath, line)) => Users = users ?? throw new ArgumentNullException(nameof(users));

    /// <summary>The secret holding htpasswd lines.</summary>
    public Secret Users { get; }

    /// <summary>The realm the browser shows (<c>realm</c>).</summary>
    public string? Realm { get; init; }

    /// <summary>Whether the Authorization header is removed before the request goes on (<c>removeHeader</c>).</summary>
    public bool? RemoveHeader { get; init; }

    /// <summary>A header that carries the authenticated user's name to the service (<c>headerField</c>).</summary>
    public string? HeaderField { get; init; }

    internal override MiddlewareDefinition Definition(MiddlewareText text) => new("basicAuth", new MiddlewareOptions(text)
        .Add("usersFile", "/run/secrets/" + Users.Name)
        .Add("realm", Realm)
        .Add("removeHeader", RemoveHeader)
        .Add("headerField", HeaderField)
        .Build());
}
