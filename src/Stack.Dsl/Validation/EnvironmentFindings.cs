using Stack.Dsl.Environments;

namespace Stack.Dsl.Validation;

/// <summary>
/// Findings of the definition and of its environments, each said once, in the order first found.
/// One that environments bring and the definition does not names every environment that brings
/// it, so a fix made for the first environment is not followed by the same finding for the next.
/// </summary>
internal sealed class EnvironmentFindings
{
    private readonly List<StackDiagnostic> said = [];
    private readonly HashSet<StackDiagnostic> plain = [];
    private readonly Dictionary<StackDiagnostic, (int Index, List<StackEnvironment> Environments)> brought = [];

    /// <summary>A finding of the definition itself, said as it is.</summary>
    public void Plain(StackDiagnostic finding)
    {
        if (plain.Add(finding))
        {
            said.Add(finding);
        }
    }

    /// <summary>A finding <paramref name="environment"/> brings (ignored when said plainly already).</summary>
    public void In(StackEnvironment environment, StackDiagnostic finding)
    {
        if (plain.Contains(finding))
        {
            return;
        }

        if (!brought.TryGetValue(finding, out var by))
        {
            brought[finding] = by = (said.Count, []);
            said.Add(finding);
        }

        // By reference: two environments may be written alike (STK0202 reports their shared name).
        if (by.Environments.Count == 0 || !ReferenceEquals(by.Environments[^1], environment))
        {
            by.Environments.Add(environment);
        }
    }

    /// <summary>Every finding once, those environments brought starting with their names.</summary>
    public List<StackDiagnostic> Said()
    {
        var all = new List<StackDiagnostic>(said);
        foreach (var (finding, (index, environments)) in brought)
        {
            all[index] = finding with { Message = Prefix(environments) + finding.Message };
        }

        return all;
    }

    /// <summary><c>In environment 'a' (file(line)): </c>, or <c>In environments 'a' (...) and 'b' (...): </c>.</summary>
    public static string Prefix(IReadOnlyList<StackEnvironment> environments)
    {
        var named = environments.Select(e => $"'{e.Name}' ({e.Location})").ToList();
        return named.Count == 1
            ? $"In environment {named[0]}: "
            : $"In environments {string.Join(", ", named.Take(named.Count - 1))} and {named[^1]}: ";
    }
}
