using System.Reflection;
using System.Text.RegularExpressions;
using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Rules;

namespace Stack.Dsl.Tests.Validation;

/// <summary>
/// The message standard (DEVELOPERS.md, Rules): every message says what is wrong, where, and the
/// exact API or value that fixes it. What a machine can check: a fix is named (a DSL call such
/// as <c>.WithRestart(</c> or <c>HostPath.InHome(</c>), nothing of .NET's leaks in, and the
/// message ends on a sentence.
/// </summary>
public sealed partial class MessageStandardTests
{
    public static TheoryData<string> Cases => [.. BadDefinitionTests.Corpus.Keys];

    /// <summary>Every message a bad definition of the corpus gets, not only the one its case is about.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_message_of_a_bad_definition_names_its_fix(string name)
    {
        ComposeStack stack;
        try
        {
            stack = BadDefinitionTests.Corpus[name]().Build();
        }
        catch (ArgumentException refused)
        {
            // Refused by the DSL call itself: the CLI prints it as STK0200, through DefinitionFailure.
            Meets("STK0200", Stack.Dsl.Cli.DefinitionFailure.WithoutParameterSuffix(refused));
            return;
        }

        var result = StackGenerator.Generate(stack, Emit.Options);

        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Meets(d.Id, d.Message));
    }

    public static TheoryData<string> Templates => [.. RuleTexts().Select(t => t.Id + " " + t.MessageFormat)];

    /// <summary>The shared texts the analyzers' descriptors use as message formats.</summary>
    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_shared_message_template_names_its_fix(string template)
    {
        var (id, format) = (template[..7], template[8..]);

        // STK0005, STK0106, STK0219 and the Swarm rules pass their fix sentence as an argument; every other placeholder is a name or a detail.
        string[] arguments = id switch
        {
            "STK0005" => ["x", "y", Checklist.Describe(DependencyFinding.NotWaitingOnHealth), Checklist.Advise(DependencyFinding.NotWaitingOnHealth, "y")],
            "STK0219" => ["x", "y", ComposeRefusals.Advice("y", null)],
            "STK0106" => ["x", "8080:80", SecurityPolicy.AllInterfacesAdvice("x", onSwarm: false)],
            "STK0500" => ["x", SwarmChecks.Ports(["127.0.0.1:80:80"]), SwarmChecks.PortAdvice("x", "80", "80", isProxy: false)],
            "STK0501" => ["x", SwarmSetting.Privileged.Describe(), SwarmSetting.Privileged.Effect, SwarmSetting.Privileged.Fix],
            "STK0503" => ["x", SwarmSetting.ContainerName.Describe(), SwarmSetting.ContainerName.Effect, SwarmSetting.ContainerName.Fix],
            "STK0504" => ["x", "y", "to be healthy", SwarmChecks.WaitAdvice("x", "y", runsOnce: false)],
            "STK0505" or "STK0506" => ["x", "y", SwarmChecks.PinCall],
            "STK0507" => ["router 'x'", "middleware", "y@docker", "y", SwarmChecks.ExternalMiddlewareAdvice("y")],
            "STK0508" => ["web", "80:80", SwarmChecks.AllowListEffect("lan", "router 'x'"), "80", "80"],
            _ => ["x", "y", "z", "w"],
        };
        var filled = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, arguments);
        Meets(id, filled);
    }

    public static TheoryData<string> SwarmSettings =>
        [.. typeof(SwarmSetting).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(SwarmSetting)).Select(f => f.Name)];

    /// <summary>Every setting Swarm ignores or drops, in the message it fills.</summary>
    [Theory]
    [MemberData(nameof(SwarmSettings))]
    public void Every_swarm_setting_names_its_fix(string name)
    {
        var setting = (SwarmSetting)typeof(SwarmSetting).GetField(name)!.GetValue(null)!;
        var rule = setting.ChangesWhatRuns ? SwarmChecks.IgnoredSetting : SwarmChecks.DroppedSetting;
        Meets(rule.Id, rule.Format("x", setting.Describe(), setting.Effect, setting.Fix));
        Assert.StartsWith(".With", setting.Call, StringComparison.Ordinal);
    }

    private static void Meets(string id, string message)
    {
        Assert.True(Fix().IsMatch(message) || FixSentence().IsMatch(message), $"{id} names no fix (a DSL call such as .WithX(...), or a sentence that says what to do): {message}");
        Assert.DoesNotContain("(Parameter '", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", message, StringComparison.Ordinal);

        // A message of several sentences ends with a period; one sentence has none (Roslyn's RS1032 for descriptors).
        var text = message.TrimEnd();
        Assert.True(text.EndsWith('.') || !text.Contains(". ", StringComparison.Ordinal), $"{id} does not end on a sentence: {message}");
    }

    private static IEnumerable<RuleText> RuleTexts() =>
        new[] { typeof(Checklist), typeof(SecurityPolicy), typeof(BackupPolicy), typeof(ComposeRefusals), typeof(SwarmChecks) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(RuleText))
            .Select(f => (RuleText)f.GetValue(null)!);

    // ".WithRestart(", "HostPath.InHome(", "AcceptRisk(", "Healthcheck.Disabled", "{ Scheme = ".
    [GeneratedRegex(@"\.[A-Z][A-Za-z]+\(|\b[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+\b|\b(?:Accept|With|As|On|Depends)[A-Za-z]*\(|\{ [A-Z][A-Za-z]+ = ")]
    private static partial Regex Fix();

    // A clause that says what to do: "...; remove one of these dependencies.", "Publish each port on its own."
    [GeneratedRegex(@"(?:^|[.;:,(] |, or |\band |\bor )(?:add|use|remove|pick|publish|make|give|set|drop|declare|write|rename|move|fix|leave|choose|keep|name|put|state|pass|mount|wait|accept|derive|split|create|replace|map|lower|raise|start|end|prefix|quote|escape|spell|join|flatten)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FixSentence();
}
