// Shared by Stack.Dsl and Stack.Analyzers as a linked file: the service settings that
// docker stack deploy does not carry into a Swarm service, with what that means and the way out.
// Read from docker/cli: cli/compose/convert/service.go (the ContainerSpec it builds has no field
// for these) and cli/compose/types/types.go (UnsupportedProperties, DeprecatedProperties).
namespace Stack.Rules;

/// <summary>A setting Swarm does not carry: the compose key, the DSL call that sets it, what happens, and the fix.</summary>
internal sealed class SwarmSetting
{
    private SwarmSetting(string key, string call, string effect, string fix, bool changesWhatRuns)
    {
        Key = key;
        Call = call;
        Effect = effect;
        Fix = fix;
        ChangesWhatRuns = changesWhatRuns;
    }

    /// <summary>The compose key.</summary>
    public string Key { get; }

    /// <summary>The DSL method that sets it (without arguments), as the message names it.</summary>
    public string Call { get; }

    /// <summary>What the service gets on Swarm instead.</summary>
    public string Effect { get; }

    /// <summary>The way out, as code.</summary>
    public string Fix { get; }

    /// <summary>True: STK0501 (an error, the service runs with other privileges, devices or mounts); false: STK0503 (a warning).</summary>
    public bool ChangesWhatRuns { get; }

    /// <summary>What the message says the service sets: <c>privileged (.WithPrivileged(...))</c>.</summary>
    public string Describe() => $"{Key} ({Call}(...))";

    private const string RunWithCompose = "or run this service with docker compose on the node that has what it needs, in a definition whose targets are .WithTargets(DeployTarget.Compose).";

    public static readonly SwarmSetting Privileged = new(
        "privileged", ".WithPrivileged",
        "the task runs unprivileged, without the access the definition gives it.",
        "Grant only what it needs with the capabilities Swarm does carry: .WithCapAdd(\"NET_ADMIN\") (cap_add); " + RunWithCompose,
        changesWhatRuns: true);

    public static readonly SwarmSetting Devices = new(
        "devices", ".WithDevice",
        "the task sees none of the host's devices.",
        "Swarm cannot map a device into a service: remove .WithDevice(...) for this target, " + RunWithCompose,
        changesWhatRuns: true);

    public static readonly SwarmSetting NetworkMode = new(
        "network_mode", ".WithNetworkMode",
        "the task joins the stack's overlay networks with its own network namespace instead.",
        "For the host's network, join the swarm's network named host: .WithNetworks(new Network(\"host\").AsExternal()); to share another service's namespace there is no Swarm equivalent: put both on one network (.WithNetworks(...)), " + RunWithCompose,
        changesWhatRuns: true);

    public static readonly SwarmSetting Pid = new(
        "pid", ".WithPid",
        "the task gets its own process namespace.",
        "Swarm cannot share a process namespace: remove .WithPid(...), " + RunWithCompose,
        changesWhatRuns: true);

    public static readonly SwarmSetting Ipc = new(
        "ipc", ".WithIpc",
        "the task gets its own IPC namespace.",
        "Swarm cannot share an IPC namespace: remove .WithIpc(...), " + RunWithCompose,
        changesWhatRuns: true);

    public static readonly SwarmSetting UsernsMode = new(
        "userns_mode", ".WithUsernsMode",
        "the task runs in the engine's default user namespace.",
        "Swarm cannot choose a user namespace per service: remove .WithUsernsMode(...) (set userns-remap on every node's engine instead), " + RunWithCompose,
        changesWhatRuns: true);

    public static readonly SwarmSetting SecurityOpt = new(
        "security_opt", ".WithSecurityOpt",
        "the task runs with the engine's default seccomp and AppArmor profiles and without these options (no-new-privileges included).",
        "Swarm cannot set security options per service: confine it with what Swarm carries, .WithCapDrop(\"ALL\") and .WithReadOnlyRootFilesystem(), and remove .WithSecurityOpt(...); " + RunWithCompose,
        changesWhatRuns: true);

    public static readonly SwarmSetting CgroupParent = new(
        "cgroup_parent", ".WithCgroupParent",
        "the task runs in the engine's default cgroup, outside the limits of that parent.",
        "Limit it with the resources Swarm carries: .WithResourceLimits(new ResourceLimits { ... }), and remove .WithCgroupParent(...); " + RunWithCompose,
        changesWhatRuns: true);

    public static readonly SwarmSetting ShmSize = new(
        "shm_size", ".WithShmSize",
        "the task gets the engine's default 64 MB /dev/shm, which a database can outgrow.",
        "Swarm sizes /dev/shm only through a tmpfs mount (volumes: type: tmpfs), which Stack does not write yet: remove .WithShmSize(...) if 64 MB is enough, " + RunWithCompose,
        changesWhatRuns: true);

    public static readonly SwarmSetting ContainerName = new(
        "container_name", ".WithContainerName",
        "Swarm names the task's container STACK_SERVICE.SLOT.TASKID, so nothing reaches it by this name (docker exec, scripts, other containers).",
        "Reach it by its service name on a shared network, or find its container with docker ps --filter label=com.docker.swarm.service.name=STACK_SERVICE; then remove .WithContainerName(...), or keep it for the Compose target and accept that Swarm drops it.",
        changesWhatRuns: false);

    public static readonly SwarmSetting BuildBesideImage = new(
        "build", ".WithBuild",
        "Swarm does not build: every node pulls the image the service names.",
        "Build and push that image to a registry every node reaches before deploying (docker build -t IMAGE . && docker push IMAGE).",
        changesWhatRuns: false);

    public static readonly SwarmSetting DomainName = new(
        "domainname", ".WithDomainName",
        "the task's container has no domain name.",
        "Remove .WithDomainName(...), or set the name the service needs in its own configuration.",
        changesWhatRuns: false);

    public static readonly SwarmSetting MacAddress = new(
        "mac_address", ".WithMacAddress",
        "the task's container gets an address the engine chooses.",
        "Remove .WithMacAddress(...): a Swarm task cannot keep a fixed MAC address.",
        changesWhatRuns: false);
}
