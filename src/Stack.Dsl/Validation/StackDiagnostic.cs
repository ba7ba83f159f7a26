using Stack.Dsl.Compose;

namespace Stack.Dsl.Validation;

/// <summary>One problem found in a stack: its rule ID, what is wrong and how to fix it, and where.</summary>
/// <param name="Id">The rule ID, for example <c>STK0202</c>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Location">The C# line that made the offending thing.</param>
public sealed record StackDiagnostic(string Id, string Message, SourceLocation Location)
{
    /// <summary>Errors stop generation; warnings (the service checklist) are reported and generation goes on.</summary>
    public DiagnosticSeverity Severity { get; init; } = DiagnosticSeverity.Error;

    /// <summary>
    /// For a finding about a service reported at the call that caused it, where that service
    /// joined the stack (its <c>WithServices</c> statement); null when not about a service or not
    /// known to have joined (one an environment changed); not <see cref="SourceLocation.IsKnown"/>
    /// when the program's symbols do not say (they are read only when it is shown). Shown after
    /// the message; not part of the finding's identity.
    /// </summary>
    public SourceLocation? AddedAt { get; init; }

    /// <summary>MSBuild's canonical format, so IDEs and CI annotate the line: <c>file(line): error ID: message</c>.</summary>
    public override string ToString() => Describe(location => location.ToString());

    /// <summary>The canonical format, with the location written by <paramref name="where"/> (the CLI adds the column).</summary>
    public string Describe(Func<SourceLocation, string> where)
    {
        ArgumentNullException.ThrowIfNull(where);
        var severity = Severity == DiagnosticSeverity.Warning ? "warning" : "error";
        var added = AddedAt is { IsKnown: true } joined && !joined.Equals(Location) ? $" (added to the stack at {where(joined)})" : string.Empty;
        return Location.IsKnown ? $"{where(Location)}: {severity} {Id}: {Message}{added}" : $"{severity} {Id}: {Message}{added}";
    }

    /// <inheritdoc/>
    public bool Equals(StackDiagnostic? other) =>
        other is not null && Id == other.Id && Message == other.Message && Location.Equals(other.Location) && Severity == other.Severity;

    /// <inheritdoc/>
    /// <remarks>Plain arithmetic: <c>HashCode.Combine</c> over this library's types is generic code compiled at start-up.</remarks>
    public override int GetHashCode()
    {
        var hash = Id?.GetHashCode(StringComparison.Ordinal) ?? 0;
        hash = unchecked((hash * 31) + (Message?.GetHashCode(StringComparison.Ordinal) ?? 0));
        hash = unchecked((hash * 31) + Location.GetHashCode());
        return unchecked((hash * 31) + (int)Severity);
    }
}

/// <summary>How serious a <see cref="StackDiagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The stack cannot be generated.</summary>
    Error,

    /// <summary>The stack breaks the checklist; it is generated anyway unless warnings are treated as errors.</summary>
    Warning,
}
