namespace Stack.Dsl.Compose;

/// <summary>A service's <c>network_mode</c>: an explicit alternative to joining networks.</summary>
public abstract record NetworkMode
{
    private protected NetworkMode()
    {
    }

    /// <summary>Use the host's network stack.</summary>
    public static NetworkMode Host { get; } = new NamedNetworkMode("host");

    /// <summary>No networking at all.</summary>
    public static NetworkMode None { get; } = new NamedNetworkMode("none");

    /// <summary>Docker's default bridge network.</summary>
    public static NetworkMode Bridge { get; } = new NamedNetworkMode("bridge");

    /// <summary>Share another service's network stack (<c>service:NAME</c>).</summary>
    public static NetworkMode OfService(Service service) => new ServiceNetworkMode(service);

    /// <summary>
    /// Share the network stack of a container this stack does not define (<c>container:NAME</c>,
    /// a VPN client started elsewhere, for example). A service of the stack is shared with
    /// <see cref="OfService"/> instead, which Stack checks and orders.
    /// </summary>
    /// <param name="container">The container's name or ID, as <c>docker ps</c> shows it.</param>
    public static NetworkMode OfContainer(string container) =>
        string.IsNullOrEmpty(container) || !char.IsAsciiLetterOrDigit(container[0]) || !container.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-')
            ? throw new ArgumentException($"'{container}' is not a container name: give the name or ID docker ps shows (a letter or digit, then letters, digits, '_', '.', '-').", nameof(container))
            : new NamedNetworkMode("container:" + container);

    /// <summary>The compose value.</summary>
    public abstract string Value { get; }
}

/// <summary>A fixed network mode such as <c>host</c>.</summary>
/// <param name="Value">The compose value.</param>
public sealed record NamedNetworkMode(string Value) : NetworkMode
{
    /// <inheritdoc/>
    public override string Value { get; } = Value;
}

/// <summary>Sharing another service's network stack.</summary>
/// <param name="Service">The service whose stack is shared.</param>
public sealed record ServiceNetworkMode(Service Service) : NetworkMode
{
    /// <inheritdoc/>
    public override string Value => "service:" + Service.Name;
}
