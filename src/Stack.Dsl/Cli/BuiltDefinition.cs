using System.Runtime.ExceptionServices;
using Stack.Dsl.Compose;

namespace Stack.Dsl.Cli;

/// <summary>
/// The stack a definition built, or what building it threw. The definition builds before the
/// command line is read (<see cref="StackCli"/>), so a failure is kept and rethrown, with its
/// stack trace, only when a command needs the stack: <c>--help</c> still works.
/// </summary>
internal sealed class BuiltDefinition
{
    private readonly ComposeStack? _stack;
    private readonly ExceptionDispatchInfo? _failure;

    private BuiltDefinition(ComposeStack? stack, ExceptionDispatchInfo? failure) => (_stack, _failure) = (stack, failure);

    public static BuiltDefinition Of(Func<ComposeStack> define)
    {
        try
        {
            return new BuiltDefinition(define(), failure: null);
        }
#pragma warning disable CA1031 // Kept, not swallowed: Stack() rethrows it where the run reports failures.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return new BuiltDefinition(stack: null, ExceptionDispatchInfo.Capture(exception));
        }
    }

    /// <summary>What the definition returned (which a careless one may make null); throws what it threw.</summary>
    public ComposeStack Stack()
    {
        _failure?.Throw();
        return _stack!;
    }
}
