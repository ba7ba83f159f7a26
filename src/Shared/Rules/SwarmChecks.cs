// Shared by Stack.Dsl (runtime validation) and Stack.Analyzers (compile time) as a linked file:
// the checks that hold only when a stack targets Docker Swarm (STK05nn). What each setting does
// on Swarm is read from docker/cli (cli/compose/convert/service.go builds the swarm service spec
// from a fixed list of keys; cli/compose/types.UnsupportedProperties and DeprecatedProperties are
// dropped with a log line; opts/swarmopts/port.go drops a port's host address).
namespace Stack.Rules;

/// <summary>The Swarm checks (STK0500-STK0539): when each fires, and what it says.</summary>
internal static class SwarmChecks
{
    /// <summary>The analyzer category of these rules.</summary>
    public const string Category = "Swarm";

    /// <summary>How every message names the target, so a finding says which one it is about.</summary>
    public const string OnSwarm = "On Swarm (docker stack deploy)";

    public static readonly RuleText PortAddress = new(
        RuleIds.SwarmPortAddress,
        "Port bound to a host address on Swarm",
        OnSwarm + ", service '{0}' publishes {1} on a host address, but a Swarm port has no host address: docker stack deploy drops it and publishes the port on every interface of every node. {2}",
        "Swarm's port configuration has a published port, a target port, a protocol and a mode, and no address: docker/cli logs \"ignoring IP-address\" and the service listens on 0.0.0.0, in ingress mode on every node of the swarm. A port meant for the host alone becomes public.");

    public static readonly RuleText IgnoredSetting = new(
        RuleIds.SwarmIgnoredSetting,
        "Setting that Swarm ignores changes what the service can do",
        OnSwarm + ", service '{0}' sets {1}, which Swarm ignores: {2} {3}",
        "docker stack deploy builds a Swarm service from a fixed set of keys; privileged, devices, network_mode, pid, ipc, userns_mode, security_opt, cgroup_parent and shm_size are dropped with only a log line. The service then runs with other privileges, devices, namespaces or shared memory than the definition says. (A service's tmpfs, which Swarm drops silently, is not reported: Stack writes it as a mount of type tmpfs, which Swarm keeps.)");

    public static readonly RuleText BuildWithoutImage = new(
        RuleIds.SwarmBuildWithoutImage,
        "Service built without an image on Swarm",
        OnSwarm + ", service '{0}' is built (.WithBuild(...)) but names no image: Swarm does not build, and docker stack deploy refuses a service without an image. Build and push the image where every node can pull it, and name it: .WithImage(\"registry.example.com/{0}:1.0\").",
        "Swarm nodes pull the image a service names; docker stack deploy ignores build: and fails with \"no image specified\" when there is no image.");

    public static readonly RuleText DroppedSetting = new(
        RuleIds.SwarmDroppedSetting,
        "Setting that Swarm drops",
        OnSwarm + ", service '{0}' sets {1}, which Swarm drops: {2} {3} Or, when nothing on Swarm relies on it, accept it for the Swarm target: .AcceptOnSwarm(SwarmDifference.DroppedSetting, \"why\") on '{0}'.",
        "Some keys mean nothing to a Swarm service (container_name, domainname, mac_address, build beside an image): docker stack deploy drops them with a log line. What relies on them (a script that runs docker exec by container name, a pre-built image) breaks quietly.");

    public static readonly RuleText IgnoredWait = new(
        RuleIds.SwarmIgnoredWait,
        "depends_on wait that Swarm does not honour",
        OnSwarm + ", service '{0}' waits for '{1}' {2}, but docker stack deploy ignores depends_on: '{0}' starts at the same time as '{1}', and nothing replaces the wait. {3} Or, when '{0}' copes on its own, accept it for the Swarm target: .AcceptOnSwarm(SwarmDifference.IgnoredWait, \"why\") on '{0}'.",
        "Swarm starts every service of a stack at once and has no depends_on. What stands in for a wait is the dependent's own health and restart policy: a task whose healthcheck fails is replaced, a task that exits is restarted, and start-first updates keep the old task serving until the new one is healthy.");

    public static readonly RuleText VolumeNotPinned = new(
        RuleIds.SwarmVolumeNotPinned,
        "Service with a node-local volume is not pinned to a node",
        OnSwarm + ", service '{0}' mounts volume '{1}', which lives on the node that runs the task, but '{0}' is not pinned to one node: when Swarm places it on another node it starts there with an empty '{1}'. Pin it: {2}; or give '{1}' a volume driver every node shares (.WithDriver(\"...\")); or, when an empty '{1}' on another node is harmless, accept it for the Swarm target: .AcceptOnSwarm(SwarmDifference.VolumeNotPinned, \"why\") on '{0}'.",
        "A named volume of the local driver exists on one node. Swarm may place a replicated task on any node that meets its constraints, and creates an empty volume of the same name there. A stateful service (and the backup that reads its volume) must be pinned to the node holding its data, by node.hostname, node.id or a node label.");

    public static readonly RuleText BackupNotPinned = new(
        RuleIds.SwarmBackupNotPinned,
        "Backup runner is not pinned to the node it backs up",
        OnSwarm + ", the backup runner '{0}' reads the volumes of its own node and runs docker exec in containers of its own node, but {1}. Pin '{0}' to the same node as the services it backs up: {2} on each of them; or accept it for the Swarm target: .AcceptOnSwarm(SwarmDifference.BackupRunnerNotPinned, \"why\") on '{0}'.",
        "The backup runner bind-mounts the engine's volumes folder and the engine's socket: both see only the node the runner's task is on. On a swarm the runner must be pinned to the node of the volumes and databases it backs up, with the same constraint as they.");

    public static readonly RuleText MiddlewareProvider = new(
        RuleIds.SwarmMiddlewareProvider,
        "Middleware or service referred to with the docker provider on Swarm",
        OnSwarm + ", {0} uses {1} '{2}', but Traefik reads a swarm's labels through its swarm provider, which names what they define '{3}@swarm': Traefik reports the {1} as missing and does not serve the routers that need it. {4}",
        "Traefik v3 reads a swarm with providers.swarm; a middleware or service defined by labels there is name@swarm, and name@docker exists only when Traefik also runs its docker provider.");

    public static readonly RuleText ClientIpBehindIngress = new(
        RuleIds.SwarmClientIpBehindIngress,
        "Client-IP feature behind Swarm's ingress mesh",
        OnSwarm + ", Traefik's entrypoint '{0}' is published through the ingress routing mesh (port '{1}'), which hands Traefik the mesh's address instead of each client's, and what decides by the client's address there goes wrong. {2} Publish the port on the node itself: .WithPort(new PortMapping({3}) {{ Published = {4}, Mode = PortMode.Host }}) on Traefik's service.",
        "Swarm's ingress mesh forwards a connection from any node to a task through an IPVS load balancer that replaces the source address. An IP allow list, forwarded-header or PROXY protocol trust, and per-client rate limits then see one address for everyone; ports published in mode host reach Traefik with the client's address.");

    /// <summary>
    /// Whether a placement constraint pins a task to one node: by its hostname, its ID, or a node
    /// label (a label can be set on one node). <c>node.role == manager</c> does not: a swarm can
    /// have several managers.
    /// </summary>
    public static bool IsPinning(string constraint)
    {
        var equals = constraint.IndexOf("==", System.StringComparison.Ordinal);
        if (equals < 0 || constraint.IndexOf("==", equals + 2, System.StringComparison.Ordinal) >= 0 || constraint.Substring(equals + 2).Trim().Length == 0)
        {
            return false;
        }

        var key = constraint.Substring(0, equals).Trim();
        return key == "node.hostname" || key == "node.id" || (key.StartsWith("node.labels.", System.StringComparison.Ordinal) && key.Length > "node.labels.".Length);
    }

    /// <summary>The pinning call to suggest, as C#.</summary>
    public const string PinCall = ".WithDeployment(new Deployment { Placement = new Placement { Constraints = [\"node.hostname == NODE\"] } })";

    /// <summary>The fix for a wait Swarm ignores (STK0504, {3}): what stands in for it, by the dependent's kind.</summary>
    public static string WaitAdvice(string service, string target, bool runsOnce) => runsOnce
        ? $"Let Swarm try '{service}' again until '{target}' is ready: .WithDeployment(new Deployment {{ RestartPolicy = new DeployRestartPolicy {{ Condition = DeployRestartCondition.OnFailure, MaxAttempts = 10 }} }})."
        : $"Give '{service}' a healthcheck that fails until it can work with '{target}' (.WithHealthcheck(new Healthcheck(HealthcheckTest.Exec(\"program\", \"args\")))): Swarm replaces a task that stays unhealthy, and with start-first updates (.WithDeployment(new Deployment {{ UpdateConfig = new RolloutConfig {{ Order = RolloutOrder.StartFirst }} }})) keeps the old task serving until the new one is healthy.";

    /// <summary>What an IP allow list does behind the mesh (STK0508).</summary>
    public static string AllowListEffect(string name, string where) =>
        $"The IP allow list '{name}' ({where}) sees one address for every client: it lets everyone in when it allows the mesh's private range, and no one otherwise.";

    /// <summary>What a per-client rate limit does behind the mesh (STK0508).</summary>
    public static string RateLimitEffect(string name, string where) =>
        $"The rate limit '{name}' ({where}) counts every client as one, so one busy client throttles all.";

    /// <summary>What trusting forwarded headers or the PROXY protocol does behind the mesh (STK0508).</summary>
    public static string TrustEffect(string what, string ranges) =>
        $"Trusting {what} from {ranges} trusts every client when the range holds the mesh's addresses (each client can then claim any address), and no one otherwise.";

    /// <summary>The fix for a middleware Stack refers to as name@docker (STK0507, {3}).</summary>
    public static string ExternalMiddlewareAdvice(string name) =>
        $"Use the name Swarm gives it: new ExternalMiddleware(\"{name}\", \"swarm\"); or, for a stack that runs on both targets, define it in Traefik's dynamic file and refer to it as new ExternalMiddleware(\"{name}\", \"file\").";

    /// <summary>
    /// The fix for a hand-written label that refers to name@docker (STK0507, {4}): the typed call
    /// that lets Stack name it for each target, when there is one; '@swarm' written by hand holds
    /// on Swarm alone (Compose's docker provider has no name@swarm).
    /// </summary>
    public static string LabelReferenceAdvice(string name, string key, string? typedCall) => typedCall is null
        ? $"On a stack that targets Swarm alone, write '{name}@swarm' in the label '{key}'; on one that also runs on Compose, define '{name}' in Traefik's dynamic file and write '{name}@file'."
        : $"Let Stack write the reference, with each target's provider: {typedCall}; or, on a stack that targets Swarm alone, write '{name}@swarm' in the label '{key}'.";

    /// <summary>The ports of STK0500's {1}: <c>port 'a'</c> or <c>ports 'a', 'b'</c>.</summary>
    public static string Ports(System.Collections.Generic.IReadOnlyList<string> ports) =>
        (ports.Count == 1 ? "port '" : "ports '") + string.Join("', '", ports) + "'";

    /// <summary>The fix for a port on a host address (STK0500, {2}), fitted to the first such port.</summary>
    public static string PortAdvice(string service, string target, string published, bool isProxy) =>
        (isProxy ? $"Do not publish it: reach '{service}' over a shared network (.WithNetworks(...)); " : $"Do not publish it: reach '{service}' over a shared network (.WithNetworks(...)) or through Traefik (.WithRouter(...)); ")
        + $"or publish it on every interface on purpose, without the address: .WithPort(new PortMapping({target}) {{ Published = {published} }}) with .AcceptRisk(SecurityRisk.PortOnAllInterfaces, \"why\").";
}
