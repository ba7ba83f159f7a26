using Stack.Dsl.Compose;

namespace Stack.Dsl.Validation;

/// <summary>
/// Checks a whole stack before anything is written and reports every problem at once, each with
/// the C# line that made the offending thing.
/// </summary>
public static class StackValidator
{
    /// <summary>Every problem in <paramref name="stack"/>, in a stable order (by location, then rule).</summary>
    public static IReadOnlyList<StackDiagnostic> Validate(ComposeStack stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return NameRules.Check(stack)
            .Concat(DuplicateRules.Check(stack))
            .Concat(ReferenceRules.Check(stack))
            .Concat(LabelRules.Check(stack))
            .OrderBy(d => d.Location.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
    }
}
