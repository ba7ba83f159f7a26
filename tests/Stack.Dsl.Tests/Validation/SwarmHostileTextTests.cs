using Stack.Dsl.Compose;
using Stack.Dsl.Generation;

namespace Stack.Dsl.Tests.Validation;

/// <summary>
/// <see cref="HostileTextTests"/>' fields and values with the Swarm target on: the Swarm files
/// (swarm/*.yml, deploy.sh, restore.sh, RESTORE.md) keep the structure the harmless value gives,
/// or the definition is refused with an STK error. A field Swarm refuses even when harmless is
/// STK0540's (SwarmMappingTests), not this test's.
/// </summary>
public sealed class SwarmHostileTextTests
{
    public static TheoryData<string, int> Cases() => HostileTextTests.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Swarm_files_are_refused_or_written_with_the_structure_of_a_harmless_value(string field, int hostile)
    {
        var baseline = Generate(() => HostileTextTests.Fields[field](HostileTextTests.Harmless));
        if (baseline.Result is not { Succeeded: true })
        {
            return; // refused on Swarm whatever its value
        }

        var value = HostileTextTests.HostileValue(hostile);
        var attempt = Generate(() => HostileTextTests.Fields[field](value));
        if (attempt.Refusal is not null || attempt.Result is { Succeeded: false })
        {
            Assert.True(attempt.Refusal is ArgumentException || attempt.Result!.Diagnostics.Any(d => d.Id.StartsWith("STK", StringComparison.Ordinal) && d.Severity == Stack.Dsl.Validation.DiagnosticSeverity.Error), $"refused without an STK error: {attempt.Refusal}");
            return;
        }

        var files = attempt.Result!.Files;
        Assert.Equal(baseline.Result.Files.Keys.Order(StringComparer.Ordinal), files.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, content) in files.Where(f => f.Key.StartsWith("swarm/", StringComparison.Ordinal)))
        {
            if (name.EndsWith(".yml", StringComparison.Ordinal))
            {
                Assert.Equal(HostileTextTests.Shape(baseline.Result.Files[name], HostileTextTests.Harmless), HostileTextTests.Shape(content, value));
            }
            else
            {
                Assert.True(baseline.Result.Files[name].Split('\n').Length == content.Split('\n').Length, $"{name} gained or lost lines:\n{content}");
            }
        }
    }

    private static (GenerationResult? Result, Exception? Refusal) Generate(Func<ComposeStack> build)
    {
        try
        {
            var stack = build();
            stack = stack with { Services = [.. stack.Services.Select(Emit.AcceptingEveryRisk)] };
            return (StackGenerator.Generate(stack.WithTargets(DeployTarget.Compose, DeployTarget.Swarm), Emit.Options), null);
        }
        catch (ArgumentException refused)
        {
            return (null, refused);
        }
    }

    [Fact]
    public void Most_fields_reach_the_Swarm_writer()
    {
        // 68 of 87 on 2026-12-07; the others Swarm refuses whatever their value (security_opt, devices, a port's name, ...).
        var written = HostileTextTests.Fields.Keys.Count(f => Generate(() => HostileTextTests.Fields[f](HostileTextTests.Harmless)).Result is { Succeeded: true });
        Assert.True(written >= 68, $"only {written} of {HostileTextTests.Fields.Count} fields reach the Swarm writer");
    }
}
