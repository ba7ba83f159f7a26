// Shared by Stack.Dsl (runtime validation) and Stack.Analyzers (compile time) as a linked file:
// both sides word the security findings with these texts and decide with Fires.
using System;

namespace Stack.Rules;

/// <summary>The security rules (STK0100-STK0107): texts, and when a finding stands.</summary>
internal static class SecurityPolicy
{
    /// <summary>The analyzer category of the security rules.</summary>
    public const string Category = "Security";

    public static readonly RuleText LiteralSecret = new(
        RuleIds.LiteralSecret,
        "Literal secret in environment",
        "Service '{0}' sets {1} to a literal value, which would be committed with generated/. Use a Variable (declared once, its value in the server's .env) or a compose secret; if it is not a secret, .AcceptLiteralSecret(\"NAME\", \"why\") with the variable, key or flag named here, which accepts that one alone.",
        "generated/ is committed: a literal password in it is in git forever. A Variable keeps only ${NAME} in the YAML.");

    public static readonly RuleText WritableDockerSocket = new(
        RuleIds.WritableDockerSocket,
        "Docker socket mounted writable",
        "Service '{0}' mounts {1} writable, which gives it root on the host. readOnly: true only stops file writes, not API calls, so it narrows nothing but is reviewed as a read-only choice (STK0102); to limit what the service can do, put a socket proxy in between that allows only the calls it needs (tecnativa/docker-socket-proxy, for example). Or .AcceptRisk(SecurityRisk.WritableDockerSocket, \"why\").",
        "Whoever can reach the Docker socket can start a privileged container that mounts the host's root; a read-only bind mount does not change that (it stops file writes, not API calls). A socket proxy that allows only the needed calls does.");

    public static readonly RuleText DaemonSocket = new(
        RuleIds.DaemonSocket,
        "Daemon socket mounted without a reason",
        "Service '{0}' mounts {1}; read-only or not, whoever reaches it can use the whole API (readOnly: true stops file writes, not API calls): list every container's environment, or start a privileged one. Put a socket proxy in between that allows only the calls the service needs, state why with .AcceptRisk(SecurityRisk.DaemonSocket, \"why\"), or remove the mount.",
        "A read-only bind mount of a container-daemon socket still lets the container call the whole API: list every container with its environment (secrets included), or start a privileged container. A socket proxy that allows only the needed calls limits it.");

    public static readonly RuleText HostPrivilege = new(
        RuleIds.HostPrivilege,
        "Privileged container or host namespace",
        "Service '{0}' uses {1}, which removes the container's isolation from the host. Drop it, or .AcceptRisk(SecurityRisk.HostPrivilege, \"why\").",
        "Privileged mode, the host's network, pid or ipc namespace, and security options that switch off seccomp, AppArmor, SELinux labels, masked system paths or no-new-privileges remove isolation between container and host.");

    public static readonly RuleText DangerousCapability = new(
        RuleIds.DangerousCapability,
        "Dangerous capability added",
        "Service '{0}' adds {1}, close to root on the host. Add only the narrow capability the service needs, or .AcceptRisk(SecurityRisk.DangerousCapability, \"why\").",
        "ALL, SYS_ADMIN, SYS_MODULE, SYS_PTRACE and their kind amount to root on the host.");

    public static readonly RuleText DatabasePortPublished = new(
        RuleIds.DatabasePortPublished,
        "Database port published on the host",
        "Service '{0}' runs a database ({1}) and publishes {2} on the host. Other services reach it over a stack network; remove the port, or .AcceptRisk(SecurityRisk.DatabasePortPublished, \"why\").",
        "Never expose the database port: other services reach it over a stack network.");

    public static readonly RuleText PortOnAllInterfaces = new(
        RuleIds.PortOnAllInterfaces,
        "Published port on all interfaces",
        "Service '{0}' publishes {1} on every host interface. {2}",
        "Without a host IP, Docker listens on every interface and opens its own firewall rules.");

    /// <summary>
    /// STK0106's fix ({2}), fitted to the stack's targets. On Compose one address narrows the port;
    /// on Swarm (alone or beside Compose) no address does: docker stack deploy drops it and
    /// publishes the port on every interface of every node, and a loopback port is STK0500.
    /// </summary>
    public static string AllInterfacesAdvice(string service, bool onSwarm) => onSwarm
        ? SwarmChecks.OnSwarm + $", a target of this stack, a host address cannot narrow it: Swarm drops the address and publishes the port on every interface of every node (a loopback port is STK0500, an error). Do not publish it: reach '{service}' over a stack network (.WithNetworks(...)) or through Traefik (.WithRouter(...)); or .AcceptRisk(SecurityRisk.PortOnAllInterfaces, \"why\") for a port meant for the internet."
        : "Bind it to one address (hostIp: IPAddress.Loopback for local use), or .AcceptRisk(SecurityRisk.PortOnAllInterfaces, \"why\") for a port meant for the internet.";

    public static readonly RuleText UnpinnedImage = new(
        RuleIds.UnpinnedImage,
        "Image without a pinned tag",
        "Service '{0}' image {1} {2}, so each pull may run different code. Pin a version tag (or a digest), or .AcceptRisk(SecurityRisk.UnpinnedImage, \"why\").",
        "A moving tag pulls different code without any change in git.");

    /// <summary>The reason <c>stack import</c> gives each risk it carries over from the compose file.</summary>
    public const string ImportedReason = "imported as is: review";

    public static readonly RuleText ImportedRiskNotReviewed = new(
        RuleIds.ImportedRiskNotReviewed,
        "Risk carried over by the import, not reviewed",
        "{0} accepts {1} with the reason stack import wrote (\"" + ImportedReason + "\"), so the compose file's risk is kept unreviewed. Fix the risk and remove the acceptance, or replace the reason with why it is acceptable here.",
        "stack import keeps the risks the compose file already had so that the first run emits the same stack; each one stays a warning (an error with --warnaserror) until a person rewrites its reason.");

    /// <summary>Whether an acceptance's reason is still the one the import wrote (any case, any text after it).</summary>
    public static bool IsImportedReason(string reason) =>
        reason.TrimStart().StartsWith("imported as is", StringComparison.OrdinalIgnoreCase);

    /// <summary>A finding stands when the risk is proven and its acceptance is proven absent.</summary>
    public static Fact Fires(Fact hasRisk, Fact accepted) => hasRisk.And(accepted.Not());
}
