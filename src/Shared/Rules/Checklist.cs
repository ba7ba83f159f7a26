// Shared by Stack.Dsl (runtime validation) and Stack.Analyzers (compile time) as a linked file:
// both sides decide with these functions and word the finding with these messages, so they
// cannot drift apart. The runtime passes proven facts; the analyzer passes what it could trace.
namespace Stack.Rules;

/// <summary>The service checklist (STK0001-STK0005): when each rule fires, and what it says.</summary>
internal static class Checklist
{
    /// <summary>The analyzer category of the checklist rules.</summary>
    public const string Category = "Checklist";

    public static readonly RuleText MissingRestartPolicy = new(
        RuleIds.MissingRestartPolicy,
        "Service has no restart policy",
        "Service '{0}' has no restart policy; add .WithRestart(RestartPolicy.UnlessStopped), or .WithRestart(RestartPolicy.No) to choose not to restart",
        "Without a restart policy a container that crashes, or a host that reboots, leaves the service down. An explicit RestartPolicy.No (or AsOneShot()) states that this is intended.");

    public static readonly RuleText MissingNetwork = new(
        RuleIds.MissingNetwork,
        "Service joins no network",
        "Service '{0}' joins no network while other services of the stack join named ones, so it is alone on compose's default network; add .WithNetworks(...) with the stack network it belongs on, or choose .WithNetworkMode(...) explicitly",
        "In a stack that uses named networks, a service without networks lands on compose's implicit default network, apart from the others: usually a forgotten WithNetworks. A stack where no service names a network puts every service on the default network together, which is fine and not reported.");

    public static readonly RuleText MissingEntryPoint = new(
        RuleIds.MissingEntryPoint,
        "Traefik router has no entrypoint",
        "Router '{0}' names no entrypoint; add .WithEntryPoints(...), or .OnDefaultEntryPoints(\"reason\") to rely on Traefik's default entrypoints on purpose",
        "A router without entrypoints listens on every default entrypoint of the Traefik instance, including plain HTTP when that is a default. Naming the entrypoint makes where the service is reachable explicit.");

    public static readonly RuleText MissingAuthentication = new(
        RuleIds.MissingAuthentication,
        "Web-facing router has no Authelia middleware",
        "Router '{0}' serves without a forward-auth (Authelia) middleware; add it with .WithMiddlewares(...), or declare the router public with .WithPublicAccess(\"reason\")",
        "Everything Traefik routes to is reachable from the internet. Unless a service is public on purpose, it belongs behind the Authelia forward-auth middleware.");

    public static readonly RuleText UnhealthyDependency = new(
        RuleIds.UnhealthyDependency,
        "depends_on does not wait on a healthcheck",
        "Service '{0}' depends on '{1}' {2}. {3}",
        "depends_on with service_started only waits for the container to exist, not for the service in it to be ready. Waiting on a healthcheck (or on a declared one-shot job's completion) makes start-up order real.");

    /// <summary>Every checklist rule, in ID order.</summary>
    public static readonly RuleText[] All =
    [
        MissingRestartPolicy, MissingNetwork, MissingEntryPoint, MissingAuthentication, UnhealthyDependency,
    ];

    /// <summary>STK0001: no restart policy was set (AsOneShot sets one).</summary>
    public static Fact MissesRestartPolicy(Fact hasRestartPolicy) => hasRestartPolicy.Not();

    /// <summary>STK0002: neither networks nor a network mode, in a stack whose other services use named networks.</summary>
    public static Fact MissesNetwork(Fact hasNetworks, Fact hasNetworkMode, Fact stackUsesNamedNetworks) =>
        hasNetworks.Or(hasNetworkMode).Not().And(stackUsesNamedNetworks);

    /// <summary>STK0003: no entrypoint, and Traefik's defaults were not chosen with a reason.</summary>
    /// <param name="hasEntryPoints">The router names entrypoints.</param>
    /// <param name="defaultEntryPointsOnPurpose">It was declared to use Traefik's defaults, with a reason.</param>
    /// <param name="proxyHasNoDefaultEntryPoints">
    /// The stack declares its Traefik and none of its entrypoints is a default: then a router without
    /// entrypoints listens on all of them. Without a declaration nothing is proven.
    /// </param>
    public static Fact MissesEntryPoint(Fact hasEntryPoints, Fact defaultEntryPointsOnPurpose, Fact proxyHasNoDefaultEntryPoints) =>
        hasEntryPoints.Or(defaultEntryPointsOnPurpose).Not().And(proxyHasNoDefaultEntryPoints);

    /// <summary>STK0004: no forward-auth middleware, and not declared public with a reason.</summary>
    /// <param name="hasForwardAuth">The router (or one of its entrypoints) uses a forward-auth middleware, of either provider.</param>
    /// <param name="publicOnPurpose">It was declared public, with a reason.</param>
    /// <param name="stackUsesForwardAuth">The stack has a forward-auth middleware at all: in a stack without single sign-on the item does not apply.</param>
    public static Fact MissesAuthentication(Fact hasForwardAuth, Fact publicOnPurpose, Fact stackUsesForwardAuth) =>
        hasForwardAuth.Or(publicOnPurpose).Not().And(stackUsesForwardAuth);

    /// <summary>STK0005: what is wrong with a depends_on, if anything is proven wrong.</summary>
    public static DependencyFinding CheckDependency(WaitCondition condition, Fact targetHasHealthcheck, Fact targetIsOneShot, Fact reasonGiven)
    {
        if (reasonGiven == Fact.Yes)
        {
            return DependencyFinding.None;
        }

        var finding = condition switch
        {
            // A healthy wait on a target without a healthcheck is Compose's refusal, STK0219 (ComposeRefusals), not a checklist item.
            WaitCondition.Healthy => targetHasHealthcheck == Fact.Unknown ? DependencyFinding.Unproven : DependencyFinding.None,
            WaitCondition.CompletedSuccessfully => targetIsOneShot == Fact.No ? DependencyFinding.CompletionOfLongRunningService
                : targetIsOneShot == Fact.Yes ? DependencyFinding.None : DependencyFinding.Unproven,
            WaitCondition.Started => DependencyFinding.NotWaitingOnHealth,
            _ => DependencyFinding.Unproven,
        };
        return reasonGiven == Fact.Unknown && finding != DependencyFinding.None ? DependencyFinding.Unproven : finding;
    }

    /// <summary>The words that complete <see cref="UnhealthyDependency"/>'s message for a finding ({2}).</summary>
    public static string Describe(DependencyFinding finding) => finding switch
    {
        DependencyFinding.CompletionOfLongRunningService => "with service_completed_successfully, but the target is not declared AsOneShot()",
        DependencyFinding.NotWaitingOnHealth => "with service_started, which does not wait until the target is ready",
        _ => string.Empty,
    };

    /// <summary>The fix sentence for a finding ({3}): the exact call, fitted to what is wrong.</summary>
    public static string Advise(DependencyFinding finding, string target) => finding switch
    {
        DependencyFinding.CompletionOfLongRunningService =>
            $"Declare '{target}' a job with .AsOneShot(), or wait with DependencyCondition.ServiceHealthy (on a healthcheck) if it keeps running.",
        _ => $"Wait until it is ready: .DependsOn({target}, DependencyCondition.ServiceHealthy) with a healthcheck on '{target}' (.WithHealthcheck(...)); or state why starting is enough: .DependsOn({target}, DependencyCondition.ServiceStarted, reason: \"why\").",
    };
}

/// <summary>A rule's fixed texts, shared by the analyzer descriptor and the runtime message.</summary>
internal sealed class RuleText
{
    public RuleText(string id, string title, string messageFormat, string description)
    {
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Description = description;
    }

    public string Id { get; }

    public string Title { get; }

    /// <summary>A composite format string; {0} is the service or router name.</summary>
    public string MessageFormat { get; }

    public string Description { get; }

    public string Format(params object[] arguments) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, arguments);
}

/// <summary>The DSL's DependencyCondition, by the same numeric values (a test keeps them equal).</summary>
internal enum WaitCondition
{
    Unknown = -1,
    Started = 0,
    Healthy = 1,
    CompletedSuccessfully = 2,
}

/// <summary>The outcome of checking one depends_on.</summary>
internal enum DependencyFinding
{
    /// <summary>Proven fine.</summary>
    None,

    /// <summary>Could not be decided (compile time only).</summary>
    Unproven,

    CompletionOfLongRunningService,
    NotWaitingOnHealth,
}
