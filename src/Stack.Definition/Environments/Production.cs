using Stack.Dsl.Environments;

namespace Stack.Definition.Environments;

/// <summary>The production server runs the definition as written.</summary>
public static class Production
{
    public static readonly StackEnvironment Environment = new("prod", stack => stack);
}
