using System.Collections.Immutable;
using Stack.Dsl.Values;

namespace Stack.Dsl.Compose;

/// <summary>The <c>test</c> of a healthcheck.</summary>
public abstract record HealthcheckTest
{
    private protected HealthcheckTest()
    {
    }

    /// <summary>No test: turns off the image's healthcheck.</summary>
    public static HealthcheckTest None { get; } = new NoHealthcheckTest();

    /// <summary>A shell command, written as a plain string (compose runs it as <c>CMD-SHELL</c>).</summary>
    public static HealthcheckTest Shell(ComposeString command) => new ShellHealthcheckTest(command);

    /// <summary>An exec-form command, written <c>[CMD, arg, ...]</c>; no shell involved.</summary>
    public static HealthcheckTest Exec(params IEnumerable<ComposeString> arguments) => new ExecHealthcheckTest([.. arguments]);
}

/// <summary>A shell command test.</summary>
/// <param name="Command">The command line.</param>
public sealed record ShellHealthcheckTest(ComposeString Command) : HealthcheckTest;

/// <summary>An exec-form test.</summary>
/// <param name="Arguments">The program and its arguments.</param>
public sealed record ExecHealthcheckTest(ImmutableArray<ComposeString> Arguments) : HealthcheckTest;

/// <summary>The disabled test.</summary>
public sealed record NoHealthcheckTest : HealthcheckTest;
