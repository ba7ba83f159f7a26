using System.Runtime.CompilerServices;
using Stack.Dsl.Locations;
using Stack.Dsl.Values;

namespace Stack.Dsl.Compose;

/// <summary>Fluent setters for what runs: image, command, restart, healthcheck.</summary>
public sealed partial record Service
{
    /// <summary>Runs <paramref name="image"/> (pin a version tag: <c>redis:7.4.1-alpine</c>).</summary>
    /// <param name="image">The image reference.</param>
    /// <param name="filePath">Filled in by the compiler: where a finding about the image is reported.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public Service WithImage(ComposeString image, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(image);
        return this with { Image = image, Sites = Sites.WithImage(image, new SourceLocation(filePath, line, nameof(WithImage), image.IsLiteral ? image.ToCompose() : null)) };
    }

    /// <summary>Builds the image from <paramref name="build"/>.</summary>
    /// <param name="build">How to build it.</param>
    /// <param name="filePath">Filled in by the compiler: where a finding about the build section is reported.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public Service WithBuild(BuildSpec build, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        this with { Build = build ?? throw new ArgumentNullException(nameof(build)), Sites = Sites.WithField(nameof(Build), build, new SourceLocation(filePath, line, nameof(WithBuild))) };

    /// <summary>Names the container <paramref name="name"/> instead of compose's generated name.</summary>
    public Service WithContainerName(ComposeString name) => this with { ContainerName = name ?? throw new ArgumentNullException(nameof(name)) };

    /// <summary>Sets the container's host name.</summary>
    public Service WithHostname(ComposeString hostname) => this with { Hostname = hostname ?? throw new ArgumentNullException(nameof(hostname)) };

    /// <summary>Sets the restart policy.</summary>
    public Service WithRestart(RestartPolicy policy) => this with { Restart = policy ?? throw new ArgumentNullException(nameof(policy)) };

    /// <summary>Sets the healthcheck.</summary>
    /// <param name="healthcheck">The healthcheck.</param>
    /// <param name="filePath">Filled in by the compiler: where a finding about the healthcheck is reported.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public Service WithHealthcheck(Healthcheck healthcheck, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        this with { Healthcheck = healthcheck ?? throw new ArgumentNullException(nameof(healthcheck)), Sites = Sites.WithField(nameof(Healthcheck), healthcheck, new SourceLocation(filePath, line, nameof(WithHealthcheck))) };

    /// <summary>Sets the command as an argument list (exec form).</summary>
    public Service WithCommand(params IEnumerable<ComposeString> arguments) => SetCommand(CommandLine.Exec(arguments), ParamsCallSite.Capture(nameof(WithCommand)));

    /// <summary>Sets the command from a list of plain strings, such as a <c>string[]</c> (exec form).</summary>
    public Service WithCommand(IEnumerable<string> arguments) => SetCommand(CommandLine.Exec((arguments ?? throw new ArgumentNullException(nameof(arguments))).Select(a => (ComposeString)a)), ParamsCallSite.Capture(nameof(WithCommand)));

    /// <summary>Sets the command.</summary>
    /// <param name="command">The command line.</param>
    /// <param name="filePath">Filled in by the compiler: where a finding about the command is reported.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public Service WithCommand(CommandLine command, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        SetCommand(command ?? throw new ArgumentNullException(nameof(command)), new SourceLocation(filePath, line, nameof(WithCommand)));

    /// <summary>Sets the entrypoint as an argument list (exec form).</summary>
    public Service WithEntrypoint(params IEnumerable<ComposeString> arguments) => SetEntrypoint(CommandLine.Exec(arguments), ParamsCallSite.Capture(nameof(WithEntrypoint)));

    /// <summary>Sets the entrypoint from a list of plain strings, such as a <c>string[]</c> (exec form).</summary>
    public Service WithEntrypoint(IEnumerable<string> arguments) => SetEntrypoint(CommandLine.Exec((arguments ?? throw new ArgumentNullException(nameof(arguments))).Select(a => (ComposeString)a)), ParamsCallSite.Capture(nameof(WithEntrypoint)));

    /// <summary>Sets the entrypoint.</summary>
    /// <param name="entrypoint">The entrypoint.</param>
    /// <param name="filePath">Filled in by the compiler: where a finding about the entrypoint is reported.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public Service WithEntrypoint(CommandLine entrypoint, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        SetEntrypoint(entrypoint ?? throw new ArgumentNullException(nameof(entrypoint)), new SourceLocation(filePath, line, nameof(WithEntrypoint)));

    // Each setter of a value built apart records the call that set it (ServiceSites.WithField), in the same copy.
    private Service SetCommand(CommandLine command, SourceLocation at) => this with { Command = command, Sites = Sites.WithField(nameof(Command), command, at) };

    private Service SetEntrypoint(CommandLine entrypoint, SourceLocation at) => this with { Entrypoint = entrypoint, Sites = Sites.WithField(nameof(Entrypoint), entrypoint, at) };

    /// <summary>Sets the working directory.</summary>
    public Service WithWorkingDir(string path) => this with { WorkingDir = path ?? throw new ArgumentNullException(nameof(path)) };

    /// <summary>Runs the container as <paramref name="user"/> (<c>uid[:gid]</c> or a name).</summary>
    public Service WithUser(ComposeString user) => this with { User = user ?? throw new ArgumentNullException(nameof(user)) };

    /// <summary>Runs an init process as PID 1. Default: unset (Docker's default, off).</summary>
    public Service WithInit(bool enabled = true) => this with { Init = enabled };

    /// <summary>Sets how long compose waits after SIGTERM before killing. Default: unset (10s).</summary>
    public Service WithStopGracePeriod(TimeSpan period) => this with { StopGracePeriod = period };

    /// <summary>Sets when compose pulls the image.</summary>
    public Service WithPullPolicy(PullPolicy policy) => this with { PullPolicy = policy };

    /// <summary>Enables the service only under these profiles.</summary>
    public Service WithProfiles(params IEnumerable<string> profiles) => this with { Profiles = Profiles.AddRange(profiles) };

    /// <summary>Sets the logging driver.</summary>
    /// <param name="logging">The logging driver and its options.</param>
    /// <param name="filePath">Filled in by the compiler: where a finding about the logging options is reported.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public Service WithLogging(Logging logging, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        this with { Logging = logging ?? throw new ArgumentNullException(nameof(logging)), Sites = Sites.WithField(nameof(Logging), logging, new SourceLocation(filePath, line, nameof(WithLogging))) };

    /// <summary>Caps CPU, memory and processes.</summary>
    public Service WithResourceLimits(ResourceLimits limits) => this with { ResourceLimits = limits ?? throw new ArgumentNullException(nameof(limits)) };

    /// <summary>Sets how an orchestrator runs the service (see <see cref="Compose.Deployment"/>).</summary>
    public Service WithDeployment(Deployment deployment) => this with { Deployment = deployment ?? throw new ArgumentNullException(nameof(deployment)) };

    /// <summary>Runs <paramref name="replicas"/> containers of the service (<c>deploy.replicas</c>).</summary>
    public Service WithReplicas(int replicas) => this with { Deployment = (Deployment ?? new Deployment()) with { Replicas = replicas } };

    /// <summary>Reserves CPU and memory.</summary>
    public Service WithResourceReservations(ResourceLimits reservations) => this with { ResourceReservations = reservations ?? throw new ArgumentNullException(nameof(reservations)) };

    /// <summary>Starts after <paramref name="target"/> meets <paramref name="condition"/>.</summary>
    /// <param name="target">The service to wait for.</param>
    /// <param name="condition">What to wait for; the checklist (STK0005) expects <see cref="DependencyCondition.ServiceHealthy"/>.</param>
    /// <param name="reason">Why waiting without a healthcheck is right here; states the choice for STK0005.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public Service DependsOn(Service target, DependencyCondition condition, string? reason = null, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        DependsOn(new Dependency(target ?? throw new ArgumentNullException(nameof(target)), condition)
        {
            Reason = reason is null || !string.IsNullOrWhiteSpace(reason) ? reason : throw new ArgumentException("A reason must say something.", nameof(reason)),
            Location = new SourceLocation(filePath, line),
        });

    /// <summary>
    /// Declares a job that runs once and exits (a migration, a seed): it does not restart, and
    /// other services may wait for it with <see cref="DependencyCondition.ServiceCompletedSuccessfully"/>.
    /// </summary>
    public Service AsOneShot() => this with { IsOneShot = true, Restart = Restart ?? RestartPolicy.No };

    /// <summary>Adds a dependency.</summary>
    public Service DependsOn(Dependency dependency) => this with { Dependencies = Dependencies.Add(dependency ?? throw new ArgumentNullException(nameof(dependency))) };
}
