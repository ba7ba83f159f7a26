// Shared by Stack.Dsl (runtime validation) and Stack.Analyzers (compile time) as a linked file,
// so a rule has one ID on both sides. Ranges: STK00nn service checklist, STK01nn security,
// STK02nn structure, STK03nn backups, STK04nn Traefik/Authelia wiring,
// STK05nn checks that hold only on a Swarm target.
namespace Stack.Rules;

/// <summary>Every rule's ID, named by what it guards.</summary>
internal static class RuleIds
{
    /// <summary>A service has no restart policy.</summary>
    public const string MissingRestartPolicy = "STK0001";

    /// <summary>A service joins no network.</summary>
    public const string MissingNetwork = "STK0002";

    /// <summary>A Traefik router has no entrypoint.</summary>
    public const string MissingEntryPoint = "STK0003";

    /// <summary>A Traefik router serves without the forward-auth (Authelia) middleware.</summary>
    public const string MissingAuthentication = "STK0004";

    /// <summary>A depends_on does not wait on a healthcheck.</summary>
    public const string UnhealthyDependency = "STK0005";

    /// <summary>A secret-looking environment variable has a literal value.</summary>
    public const string LiteralSecret = "STK0100";

    /// <summary>The Docker socket is mounted writable.</summary>
    public const string WritableDockerSocket = "STK0101";

    /// <summary>A container-daemon socket is mounted without a stated reason.</summary>
    public const string DaemonSocket = "STK0102";

    /// <summary>A service is privileged or shares a host namespace (network, pid, ipc).</summary>
    public const string HostPrivilege = "STK0103";

    /// <summary>A service adds a dangerous capability (ALL, SYS_ADMIN, ...).</summary>
    public const string DangerousCapability = "STK0104";

    /// <summary>A database publishes a port on the host.</summary>
    public const string DatabasePortPublished = "STK0105";

    /// <summary>A published port is bound to all host interfaces.</summary>
    public const string PortOnAllInterfaces = "STK0106";

    /// <summary>An image has no tag, or a moving one such as latest.</summary>
    public const string UnpinnedImage = "STK0107";

    /// <summary>A risk is accepted with the reason <c>stack import</c> wrote, which no person has reviewed yet.</summary>
    public const string ImportedRiskNotReviewed = "STK0108";

    /// <summary>A named volume has no backup decision.</summary>
    public const string MissingBackupDecision = "STK0300";

    /// <summary>A dump lands in a volume that is not backed up as files.</summary>
    public const string DumpNotBackedUp = "STK0301";

    /// <summary>A backup command has no single service to run in.</summary>
    public const string BackupCommandWithoutService = "STK0302";

    /// <summary>Backup commands are declared but no backup runner would run them.</summary>
    public const string MissingBackupRunner = "STK0303";

    /// <summary>The forward-auth service's own router uses its forward-auth middleware (a login loop).</summary>
    public const string ForwardAuthLoop = "STK0400";

    /// <summary>A router or entrypoint uses a middleware the stack's Traefik does not define.</summary>
    public const string UndefinedMiddleware = "STK0401";

    /// <summary>A router names an entrypoint the stack's Traefik does not have.</summary>
    public const string UnknownEntryPoint = "STK0402";

    /// <summary>A routed service shares no network with Traefik.</summary>
    public const string UnreachableRoutedService = "STK0403";

    /// <summary>A routed service is off Traefik's default network and does not say which network Traefik uses.</summary>
    public const string AmbiguousTraefikNetwork = "STK0404";

    /// <summary>A router's certificate resolver is not declared on the stack's Traefik.</summary>
    public const string UnknownCertResolver = "STK0405";

    /// <summary>The Traefik service's command, environment or mounts make Traefik read another static config than the generated one.</summary>
    public const string IgnoredStaticConfig = "STK0406";

    /// <summary>A certificate resolver keeps its ACME storage outside every volume and bind mount of the Traefik service.</summary>
    public const string AcmeStorageNotPersisted = "STK0407";

    /// <summary>A DSL call was given a value it cannot accept.</summary>
    public const string InvalidArgument = "STK0200";

    /// <summary>A service, container, network, volume, secret or config name breaks compose's pattern.</summary>
    public const string InvalidName = "STK0201";

    /// <summary>Two things of one kind share a name.</summary>
    public const string DuplicateName = "STK0202";

    /// <summary>A reference points at something that is not part of the stack.</summary>
    public const string UnknownReference = "STK0203";

    /// <summary>Two sources write the same label with different values.</summary>
    public const string ConflictingLabel = "STK0204";

    /// <summary>A file or folder of the definition project that the stack mounts or reads does not exist.</summary>
    public const string MissingProjectFile = "STK0205";

    /// <summary>Services wait on each other in a circle (depends_on, network_mode: service:, volumes_from).</summary>
    public const string DependencyCycle = "STK0206";

    /// <summary>A port is outside 1-65535, or a range is reversed or maps to a range of another length.</summary>
    public const string InvalidPort = "STK0207";

    /// <summary>Two services publish the same host address, port and protocol.</summary>
    public const string PortConflict = "STK0208";

    /// <summary>One service mounts two things at the same container path.</summary>
    public const string DuplicateMountTarget = "STK0209";

    /// <summary>A service has both a network mode and networks.</summary>
    public const string NetworkModeWithNetworks = "STK0210";

    /// <summary>A service has neither an image nor a build.</summary>
    public const string MissingImage = "STK0211";

    /// <summary>A duration, size or count is out of range (zero or negative where compose needs positive).</summary>
    public const string InvalidValue = "STK0212";

    /// <summary>A healthcheck's test is empty.</summary>
    public const string InvalidHealthcheck = "STK0213";

    /// <summary>A ${VARIABLE} is used but the stack does not declare it.</summary>
    public const string UndeclaredVariable = "STK0214";

    /// <summary>A text holds a character its place in the output cannot carry (a line break in a key or path, NUL, an unpaired surrogate).</summary>
    public const string UnsafeText = "STK0215";

    /// <summary>A value is not in the grammar its reader expects (an image reference, a mount path, an IP address).</summary>
    public const string InvalidSyntax = "STK0216";

    /// <summary>Settings that are valid alone but that the engine refuses together (ports with network_mode, a static IP without a subnet).</summary>
    public const string EngineConflict = "STK0217";

    /// <summary>A compose file `stack import` cannot turn into C# (invalid YAML, not compose, a key it does not translate yet).</summary>
    public const string ImportRefused = "STK0218";

    /// <summary>A service waits for another to be healthy, but that one has no healthcheck: Compose refuses it at `up`.</summary>
    public const string HealthyWaitWithoutHealthcheck = "STK0219";

    /// <summary>On Swarm, a port bound to a host address: Swarm drops the address and publishes it on every interface.</summary>
    public const string SwarmPortAddress = "STK0500";

    /// <summary>On Swarm, a setting that changes what the service may or can do is ignored (privileged, devices, network_mode, ...).</summary>
    public const string SwarmIgnoredSetting = "STK0501";

    /// <summary>On Swarm, a service is built but names no image: Swarm cannot build, and refuses a service without one.</summary>
    public const string SwarmBuildWithoutImage = "STK0502";

    /// <summary>On Swarm, a setting is dropped that changes nothing the service can do (container_name, build beside an image, ...).</summary>
    public const string SwarmDroppedSetting = "STK0503";

    /// <summary>On Swarm, a depends_on waits for readiness, which Swarm does not honour, and nothing replaces the wait.</summary>
    public const string SwarmIgnoredWait = "STK0504";

    /// <summary>On Swarm, a service mounts a node-local volume but is not pinned to one node.</summary>
    public const string SwarmVolumeNotPinned = "STK0505";

    /// <summary>On Swarm, the backup runner is not pinned to the node whose volumes and containers it backs up.</summary>
    public const string SwarmBackupNotPinned = "STK0506";

    /// <summary>On Swarm, a router, a label or a chain names a middleware or service <c>name@docker</c>; Traefik's swarm provider names them <c>name@swarm</c>.</summary>
    public const string SwarmMiddlewareProvider = "STK0507";

    /// <summary>On Swarm, a client-IP feature (IP allow list, forwarded-header trust) sits behind the ingress mesh, which hides the client's address.</summary>
    public const string SwarmClientIpBehindIngress = "STK0508";

    /// <summary>The Swarm target cannot express something the definition holds (a key docker stack deploy refuses or ignores).</summary>
    public const string SwarmInexpressible = "STK0540";

    /// <summary>The link to a rule's documentation page.</summary>
    public static string HelpLink(string id) => $"https://github.com/stack-dsl/stack/blob/main/docs/rules/{id}.md";
}
