using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;
using Stack.Dsl.Values;
using Stack.Dsl.Yaml;
using Stack.Rules;

namespace Stack.Dsl.Generation.Traefik;

/// <summary>
/// What the stack's Traefik declaration adds to the output: the middlewares its dynamic file
/// defines, and the proxy service with both config files mounted and the variables the dynamic
/// file reads passed into its environment.
/// </summary>
internal static class TraefikWiring
{
    public const string StaticFileName = "traefik.static.yml";

    public const string DynamicFileName = "traefik.dynamic.yml";

    /// <summary>
    /// Every file middleware that a router or entrypoint uses or the proxy lists, one per name
    /// (the first seen), that Stack can write. Others are STK0401's to report.
    /// </summary>
    public static IReadOnlyList<Middleware> FileMiddlewares(ComposeStack stack, TraefikProxy proxy) =>
        UsedMiddlewares(stack, proxy)
            .Where(TraefikDynamicConfig.CanWrite)
            .DistinctBy(m => m.Name)
            .ToList();

    /// <summary>Every middleware a router or entrypoint refers to, plus the proxy's extras, duplicates included.</summary>
    public static IEnumerable<Middleware> UsedMiddlewares(ComposeStack stack, TraefikProxy proxy) =>
        WithChainMembers(stack.Services.SelectMany(s => s.Routers).SelectMany(r => r.Middlewares)
            .Concat(proxy.EntryPoints.SelectMany(e => e.Middlewares))
            .Concat(proxy.ExtraMiddlewares));

    /// <summary>The middlewares and, after each chain, the members it runs (a chain that contains itself is walked once).</summary>
    private static IEnumerable<Middleware> WithChainMembers(IEnumerable<Middleware> middlewares)
    {
        var seen = new HashSet<Middleware>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<Middleware>(middlewares.Reverse());
        while (pending.Count > 0)
        {
            var middleware = pending.Pop();
            yield return middleware;
            if (middleware is ChainMiddleware chain && seen.Add(chain))
            {
                foreach (var member in chain.Middlewares.Reverse())
                {
                    pending.Push(member);
                }
            }
        }
    }

    /// <summary>The load balancers over URLs that routers use, one per name (the first seen): the dynamic file defines them.</summary>
    public static IReadOnlyList<TraefikService> FileServices(ComposeStack stack) =>
        stack.Services.SelectMany(s => s.Routers).Select(r => r.Service).OfType<TraefikService>().Where(s => s.IsFileService).DistinctBy(s => s.Name).ToList();

    /// <summary>The secrets Traefik reads itself (basic-auth users files), wherever the middleware is defined.</summary>
    public static IReadOnlyList<Secret> SecretsTraefikReads(ComposeStack stack, TraefikProxy proxy) =>
        UsedMiddlewares(stack, proxy).OfType<BasicAuthMiddleware>().Select(m => m.Users).DistinctBy(s => s.Name).ToList();

    /// <summary>The variables the dynamic file reads from Traefik's environment.</summary>
    public static IReadOnlyList<Variable> DynamicVariables(IEnumerable<Middleware> middlewares) =>
        middlewares.OfType<ForwardAuthMiddleware>()
            .SelectMany(m => m.Address.Variables)
            .DistinctBy(v => v.Name)
            .OrderBy(v => v.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>Traefik's two config files as text, or null when the stack declares no Traefik.</summary>
    /// <param name="stack">The stack.</param>
    /// <param name="header">The files' header comment lines.</param>
    /// <param name="collect">Called with every scalar written, to collect the variables the files use.</param>
    /// <param name="onFiles">Changes each file before it is written (the Swarm target's provider names).</param>
    public static TraefikTexts? Render(ComposeStack stack, IReadOnlyList<string> header, Action<YamlScalar>? collect, Func<YamlMapping, YamlMapping>? onFiles = null)
    {
        if (stack.Traefik is not { } proxy)
        {
            return null;
        }

        onFiles ??= file => file;
        return new TraefikTexts(
            proxy.StaticConfigForm == TraefikConfigForm.File ? YamlWriter.Write(onFiles(TraefikStaticConfig.Build(proxy, stack.Name)), header, collect) : null,
            YamlWriter.Write(onFiles(TraefikDynamicConfig.Build(FileMiddlewares(stack, proxy), FileServices(stack))), header, collect));
    }

    /// <summary>The proxy's service as emitted: config files mounted read-only, template variables passed in, the secrets it reads granted.</summary>
    public static Service Wire(Service service, TraefikProxy proxy, string projectName, TraefikFileNames files, IReadOnlyList<Variable> dynamicVariables, IReadOnlyList<Secret> secrets)
    {
        var wired = proxy.StaticConfigForm == TraefikConfigForm.File
            ? WithConfigFileFlag(service.WithBind(HostPath.InOutput(files.Static), proxy.StaticConfigPath, readOnly: true), proxy.StaticConfigPath)
            : service.WithCommand(CommandLine.Exec([
                .. (service.Command as ExecCommandLine)?.Arguments ?? [],
                .. TraefikFlags.Of(TraefikStaticConfig.Build(proxy, projectName)).Select(f => (ComposeString)f)]));
        wired = wired.WithBind(HostPath.InOutput(files.Dynamic), proxy.DynamicConfigPath, readOnly: true);
        foreach (var secret in secrets.Where(secret => !wired.Secrets.Any(g => g.Name == secret.Name)))
        {
            wired = wired.WithSecret(secret);
        }

        foreach (var variable in dynamicVariables)
        {
            if (!wired.Environment.ContainsKey(variable.Name))
            {
                wired = wired.WithEnvironment(variable.Name, variable);
            }
        }

        return wired;
    }

    /// <summary>
    /// Traefik finds /etc/traefik/traefik.yml (or .yaml) by itself; anywhere else it must be told
    /// with --configFile, unless the command already passes one (the same path; another is
    /// STK0406's to refuse, as is a shell-form command, left alone here).
    /// </summary>
    private static Service WithConfigFileFlag(Service service, string path)
    {
        var arguments = (service.Command as ExecCommandLine)?.Arguments ?? [];
        if (TraefikStaticSources.IsSearchedYaml(path) || service.Command is ShellCommandLine || arguments.Any(a => TraefikStaticSources.IsConfigFileFlag(a.ToCompose())))
        {
            return service;
        }

        return service.WithCommand(CommandLine.Exec([.. arguments, (ComposeString)$"--configFile={path}"]));
    }
}

/// <summary>The contents of Traefik's two config files.</summary>
/// <param name="Static">The static config; null when it is written as command-line flags.</param>
/// <param name="Dynamic">The dynamic config.</param>
internal sealed record TraefikTexts(string? Static, string Dynamic);

/// <summary>The names of Traefik's two config files in the output folder.</summary>
/// <param name="Static">The static config's file name.</param>
/// <param name="Dynamic">The dynamic config's file name.</param>
internal sealed record TraefikFileNames(string Static, string Dynamic)
{
    public static TraefikFileNames Default { get; } = new(TraefikWiring.StaticFileName, TraefikWiring.DynamicFileName);
}
