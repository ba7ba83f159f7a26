using Stack.Dsl.Locations;

namespace Stack.Dsl.Compose;

/// <summary>Fluent setters for capabilities and security options.</summary>
public sealed partial record Service
{
    /// <summary>Adds Linux capabilities (for example <c>SYS_NICE</c>).</summary>
    public Service WithCapAdd(params IEnumerable<string> capabilities)
    {
        string[] added = [.. capabilities];
        return this with { CapAdd = CapAdd.AddRange(added), Sites = Sites.WithItems(ServiceSites.ListKind.CapAdd, added, ParamsCallSite.Capture(nameof(WithCapAdd))) };
    }

    /// <summary>Drops Linux capabilities (for example <c>ALL</c>).</summary>
    public Service WithCapDrop(params IEnumerable<string> capabilities) => this with { CapDrop = CapDrop.AddRange(capabilities) };

    /// <summary>Adds security options (for example <c>no-new-privileges:true</c>).</summary>
    public Service WithSecurityOpt(params IEnumerable<string> options)
    {
        string[] added = [.. options];
        return this with { SecurityOpt = SecurityOpt.AddRange(added), Sites = Sites.WithItems(ServiceSites.ListKind.SecurityOpt, added, ParamsCallSite.Capture(nameof(WithSecurityOpt))) };
    }
}
