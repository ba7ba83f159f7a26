using Stack.Dsl.Compose;

namespace MyStack;

/// <summary>The stack's networks, shared by the services that join them.</summary>
public static class Networks
{
    public static readonly Network Web = new("web");
}
