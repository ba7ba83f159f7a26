namespace Stack.Analyzers.Tracing;

/// <summary>The properties of a DSL value that the checklist rules read.</summary>
internal enum FactKind
{
    /// <summary>A service has a restart policy.</summary>
    Restart,

    /// <summary>A service joins at least one network.</summary>
    Networks,

    /// <summary>A service has a network mode.</summary>
    NetworkMode,

    /// <summary>A service has a healthcheck that is not disabled.</summary>
    Healthcheck,

    /// <summary>A service is declared AsOneShot().</summary>
    OneShot,

    /// <summary>A router names at least one entrypoint.</summary>
    EntryPoints,

    /// <summary>A router relies on the default entrypoints with a reason.</summary>
    DefaultEntryPoints,

    /// <summary>A router uses a forward-auth middleware; for a middleware, it is one.</summary>
    ForwardAuth,

    /// <summary>A router is declared public with a reason.</summary>
    PublicAccess,

    /// <summary>A healthcheck is the disabled one (test NONE).</summary>
    DisabledHealthcheck,
}
