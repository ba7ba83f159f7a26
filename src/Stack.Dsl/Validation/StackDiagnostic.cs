using Stack.Dsl.Compose;

namespace Stack.Dsl.Validation;

/// <summary>One problem found in a stack: its rule ID, what is wrong and how to fix it, and where.</summary>
/// <param name="Id">The rule ID, for example <c>STK0202</c>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Location">The C# line that made the offending thing.</param>
public sealed record StackDiagnostic(string Id, string Message, SourceLocation Location)
{
    /// <summary>MSBuild's canonical error format, so IDEs and CI annotate the line: <c>file(line): error ID: message</c>.</summary>
    public override string ToString() =>
        Location.IsKnown ? $"{Location}: error {Id}: {Message}" : $"error {Id}: {Message}";
}
