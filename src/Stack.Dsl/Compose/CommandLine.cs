using System.Collections.Immutable;
using Stack.Dsl.Values;

namespace Stack.Dsl.Compose;

/// <summary>A <c>command</c> or <c>entrypoint</c>: an argument list (exec form) or one shell string.</summary>
public abstract record CommandLine
{
    private protected CommandLine()
    {
    }

    /// <summary>The exec form: each argument passed as is, no shell involved.</summary>
    public static CommandLine Exec(params IEnumerable<ComposeString> arguments) => new ExecCommandLine([.. arguments]);

    /// <summary>The string form: compose splits it like a shell would.</summary>
    public static CommandLine Shell(ComposeString command) => new ShellCommandLine(command);
}

/// <summary>An argument list.</summary>
/// <param name="Arguments">The arguments, in order.</param>
public sealed record ExecCommandLine(ImmutableArray<ComposeString> Arguments) : CommandLine;

/// <summary>A single command string.</summary>
/// <param name="Command">The command text.</param>
public sealed record ShellCommandLine(ComposeString Command) : CommandLine;
