using MyStack.Services;
using Stack.Dsl.Compose;

namespace MyStack;

/// <summary>The stack: every service, once. Add a file under Services/ for each new one.</summary>
public static class Definition
{
    public static ComposeStack Build() => new ComposeStack("my-stack").WithServices(Whoami.Service);
}
