using Stack.Dsl.Compose;
using Stack.Dsl.Validation;

namespace Stack.Dsl.Tests.Validation;

/// <summary>Two findings with the same rule, message, place and severity are one (said once), and hash alike.</summary>
public sealed class StackDiagnosticEqualityTests
{
    [Fact]
    public void Equal_findings_hash_alike_and_are_kept_once()
    {
        var random = new Random(23);
        var findings = Enumerable.Range(0, 2_000).Select(_ => new StackDiagnostic(
            $"STK0{random.Next(3)}",
            $"m{random.Next(3)}",
            random.Next(4) == 0 ? SourceLocation.Unknown : new SourceLocation($"/src/F{random.Next(2)}.cs", random.Next(1, 3)))
        {
            Severity = random.Next(2) == 0 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        }).ToList();
        foreach (var a in findings.Take(200))
        {
            foreach (var b in findings)
            {
                if (a.Equals(b))
                {
                    Assert.Equal(a.GetHashCode(), b.GetHashCode());
                }
            }
        }

        var distinct = findings.Select(f => (f.Id, f.Message, f.Location.FilePath, f.Location.Line, f.Severity)).Distinct().Count();
        Assert.Equal(distinct, findings.ToHashSet().Count);
        Assert.True(distinct > 50); // the sample holds many different findings, not a few
    }

    [Fact]
    public void A_finding_differs_by_each_part()
    {
        var finding = new StackDiagnostic("STK0001", "m", new SourceLocation("/a.cs", 1));
        Assert.NotEqual(finding, finding with { Id = "STK0002" });
        Assert.NotEqual(finding, finding with { Message = "n" });
        Assert.NotEqual(finding, finding with { Location = new SourceLocation("/a.cs", 2) });
        Assert.NotEqual(finding, finding with { Severity = DiagnosticSeverity.Warning });
        Assert.Equal(finding, finding with { AddedAt = new SourceLocation("/b.cs", 9) });
    }
}
