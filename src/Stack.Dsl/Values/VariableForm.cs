namespace Stack.Dsl.Values;

/// <summary>How compose interpolates a variable that is unset or empty.</summary>
public enum VariableForm
{
    /// <summary><c>${NAME}</c>: the value, or empty (compose warns when it is unset).</summary>
    Plain,

    /// <summary><c>${NAME:-default}</c>: the default when unset or empty.</summary>
    DefaultIfUnsetOrEmpty,

    /// <summary><c>${NAME-default}</c>: the default only when unset.</summary>
    DefaultIfUnset,

    /// <summary><c>${NAME:?message}</c>: compose stops with the message when unset or empty.</summary>
    RequiredNonEmpty,

    /// <summary><c>${NAME?message}</c>: compose stops with the message when unset.</summary>
    Required,
}
