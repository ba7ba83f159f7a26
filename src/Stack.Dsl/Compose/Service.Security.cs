namespace Stack.Dsl.Compose;

/// <summary>Fluent setters for capabilities and security options.</summary>
public sealed partial record Service
{
    /// <summary>Adds Linux capabilities (for example <c>SYS_NICE</c>).</summary>
    public Service WithCapAdd(params IEnumerable<string> capabilities) => this with { CapAdd = CapAdd.AddRange(capabilities) };

    /// <summary>Drops Linux capabilities (for example <c>ALL</c>).</summary>
    public Service WithCapDrop(params IEnumerable<string> capabilities) => this with { CapDrop = CapDrop.AddRange(capabilities) };

    /// <summary>Adds security options (for example <c>no-new-privileges:true</c>).</summary>
    public Service WithSecurityOpt(params IEnumerable<string> options) => this with { SecurityOpt = SecurityOpt.AddRange(options) };
}
