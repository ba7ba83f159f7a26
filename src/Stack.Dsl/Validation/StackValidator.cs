using Stack.Dsl.Compose;

namespace Stack.Dsl.Validation;

/// <summary>
/// Checks a whole stack before anything is written and reports every problem at once, each with
/// the C# line that made the offending thing.
/// </summary>
public static class StackValidator
{
    /// <summary>Every problem in <paramref name="stack"/>, in a stable order (by location, then rule).</summary>
    /// <param name="stack">The stack.</param>
    /// <param name="projectDirectory">The definition project's folder; when given, project files must exist in it.</param>
    public static IReadOnlyList<StackDiagnostic> Validate(ComposeStack stack, string? projectDirectory = null) =>
        Validate(stack, projectDirectory, definition: null);

    /// <summary>
    /// Every problem in <paramref name="stack"/>, an environment's stack, judged with what its
    /// <paramref name="definition"/> establishes: an environment may not take away what makes a rule apply
    /// (the stack's single sign-on, say), or it would silence the rule there.
    /// </summary>
    internal static IReadOnlyList<StackDiagnostic> Validate(ComposeStack stack, string? projectDirectory, ComposeStack? definition)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var texts = Text.TextInventory.Of(stack).ToList();
        return NameRules.Check(stack)
            .Concat(Text.TextRules.Check(texts))
            .Concat(Text.SyntaxRules.Check(stack))
            .Concat(projectDirectory is null ? [] : ProjectFileRules.Check(stack, projectDirectory))
            .Concat(DuplicateRules.Check(stack))
            .Concat(ReferenceRules.Check(stack))
            .Concat(LabelRules.Check(stack))
            .Concat(CycleRules.Check(stack))
            .Concat(PortRules.Check(stack))
            .Concat(ShapeRules.Check(stack))
            .Concat(EngineConflictRules.Check(stack))
            .Concat(SpecValueRules.Check(stack))
            .Concat(NumberRules.Check(stack))
            .Concat(TraefikRules.Check(stack))
            .Concat(TraefikWiringRules.Check(stack))
            .Concat(BackupRules.Check(stack))
            .Concat(Security.SecurityRules.Check(stack, texts))
            .Concat(ChecklistRules.Check(stack, definition))
            .Concat(Swarm.SwarmRules.Check(stack))
            .OrderBy(d => d.Location.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
    }
}
