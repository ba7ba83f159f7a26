using System.Collections.Immutable;
using Stack.Dsl.Values;
using Stack.Dsl.Yaml;

namespace Stack.Dsl.Compose;

/// <summary>
/// What top-level networks and volumes share: a name that compose prefixes with the project
/// name, a driver with options, an external flag, a fixed real name, and labels.
/// </summary>
public abstract record ComposeResource
{
    private protected ComposeResource(string name, SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Location = location;
    }

    /// <summary>The key under <c>networks:</c> or <c>volumes:</c>.</summary>
    public string Name { get; }

    /// <summary>Where it was created, for error messages.</summary>
    public SourceLocation Location { get; }

    /// <summary>The driver; unset means compose's default (bridge for networks, local for volumes).</summary>
    public string? Driver { get; init; }

    /// <summary>Driver options, sorted by key.</summary>
    public ImmutableSortedDictionary<string, ComposeString> DriverOptions { get; init; } = ImmutableSortedDictionary.Create<string, ComposeString>(StringComparer.Ordinal);

    /// <summary>Whether it is created outside this stack.</summary>
    public bool External { get; init; }

    /// <summary>The real name (<c>name:</c>), when it must not be project-prefixed.</summary>
    public ComposeString? ExternalName { get; init; }

    /// <summary>Labels, sorted by key.</summary>
    public ImmutableSortedDictionary<string, ComposeString> Labels { get; init; } = ImmutableSortedDictionary.Create<string, ComposeString>(StringComparer.Ordinal);

    /// <summary>Keys the DSL does not model, and <c>x-</c> extensions, sorted by key.</summary>
    public ImmutableSortedDictionary<string, YamlValue> ExtraFields { get; init; } = EscapeHatch.None;

    /// <summary>
    /// Literal secrets this resource accepts, each by the name the STK0100 message gives and with why
    /// (<see cref="Network.AcceptLiteralSecret"/>, <see cref="Volume.AcceptLiteralSecret"/>); not emitted.
    /// </summary>
    public ImmutableArray<AcceptedRisk> AcceptedRisks { get; init; } = [];

    /// <summary>Whether the literal secret held by <paramref name="subject"/> was accepted.</summary>
    public bool AcceptsLiteralSecret(string subject) => RiskAcceptances.Contain(AcceptedRisks, SecurityRisk.LiteralSecret, subject);

    /// <summary>The acceptances with <paramref name="name"/>'s literal secret accepted, as a service accepts one (STK0100).</summary>
    private protected ImmutableArray<AcceptedRisk> AcceptSecret(string name, string reason, SourceLocation location)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("Name the driver option, label or assignment (password) whose literal value is accepted.", nameof(name));
        }

        return RiskAcceptances.With(AcceptedRisks, new AcceptedRisk(SecurityRisk.LiteralSecret, RiskAcceptances.Reason(reason)) { Subject = name, Location = location });
    }

    private protected ImmutableSortedDictionary<string, ComposeString> SetDriverOption(string key, ComposeString value) =>
        DriverOptions.SetItem(key ?? throw new ArgumentNullException(nameof(key)), value ?? throw new ArgumentNullException(nameof(value)));

    private protected ImmutableSortedDictionary<string, ComposeString> SetLabel(string key, ComposeString value) =>
        Labels.SetItem(key ?? throw new ArgumentNullException(nameof(key)), value ?? throw new ArgumentNullException(nameof(value)));

    private protected ImmutableSortedDictionary<string, YamlValue> SetExtraField(string key, YamlValue value, IReadOnlySet<string> modeled) =>
        EscapeHatch.Set(ExtraFields, key, value, modeled, GetType().Name.ToLowerInvariant());
}
