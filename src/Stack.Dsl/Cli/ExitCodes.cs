namespace Stack.Dsl.Cli;

/// <summary>The command line's exit codes.</summary>
public static class ExitCodes
{
    /// <summary>Files written, or already up to date.</summary>
    public const int Success = 0;

    /// <summary>The definition has errors, or (with <c>--check</c>) the output folder is stale.</summary>
    public const int Failed = 1;

    /// <summary>The command line itself was wrong.</summary>
    public const int Usage = 2;
}
