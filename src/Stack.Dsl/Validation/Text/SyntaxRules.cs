using System.Net;
using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;
using Stack.Rules;

namespace Stack.Dsl.Validation.Text;

/// <summary>
/// STK0216: values that a reader parses (the engine, compose's short syntax, Traefik) are in the
/// grammar it expects, so they mean what the C# says: image references, mount paths (a ':' would
/// add an option such as <c>:ro</c>), host paths of each kind, extra_hosts, IP ranges.
/// </summary>
internal static class SyntaxRules
{
    public static IEnumerable<StackDiagnostic> Check(ComposeStack stack)
    {
        foreach (var service in stack.Services)
        {
            foreach (var problem in Check(service))
            {
                yield return problem;
            }
        }

        foreach (var middleware in stack.Services.SelectMany(s => s.Routers).SelectMany(r => r.Middlewares).OfType<IpAllowListMiddleware>().DistinctBy(m => m.Name))
        {
            foreach (var range in middleware.SourceRanges.Where(r => !IsIpOrRange(r)))
            {
                yield return new(RuleIds.InvalidSyntax, $"Middleware '{middleware.Name}' allows '{range}', which is not an IP address or CIDR range (such as 192.168.0.0/16); Traefik would refuse its dynamic config. Use an address or range.", middleware.Location.Or(stack.Traefik?.Location ?? stack.Location));
            }
        }
    }

    private static IEnumerable<StackDiagnostic> Check(Service service)
    {
        StackDiagnostic Bad(string message, SourceLocation? location = null) =>
            new(RuleIds.InvalidSyntax, $"Service '{service.Name}' {message}", location ?? service.Location);

        if (service.Image is { IsLiteral: true } image && image.ToString() is { Length: > 0 } reference && !string.IsNullOrWhiteSpace(reference)
            && TextRules.Offending(reference, TextKind.Line) is null && !ImageReferenceGrammar.IsValid(reference))
        {
            yield return Bad($"has image '{TextRules.Escaped(reference)}', which is not an image reference ([registry/]name[:tag][@digest], lower-case name, no spaces); the engine would refuse to pull it. Fix the reference.");
        }

        foreach (var mount in service.Volumes)
        {
            if (PathProblem(mount.Target) is { } targetProblem)
            {
                yield return Bad($"mounts at '{mount.Target}', which {targetProblem}.", mount.Location);
            }

            if (mount is BindMount { Source: var source } && HostPathProblem(source) is { } sourceProblem)
            {
                yield return Bad($"binds {sourceProblem}.", mount.Location);
            }
        }

        foreach (var tmpfs in service.Tmpfs)
        {
            if (PathProblem(tmpfs.Target) is { } problem)
            {
                yield return Bad($"has a tmpfs at '{tmpfs.Target}', which {problem}.");
            }
        }

        foreach (var file in service.EnvFiles)
        {
            if (HostPathProblem(file) is { } problem)
            {
                yield return Bad($"reads an env_file from {problem}.");
            }
        }

        foreach (var host in service.ExtraHosts)
        {
            if (!NameGrammar.Host.Matches(host.HostName))
            {
                yield return Bad($"maps extra host '{TextRules.Escaped(host.HostName)}', which is not a host name (letters, digits, '.', '-', '_'). Fix the name.");
            }

            if (host.Address != ExtraHost.HostGateway && !IPAddress.TryParse(host.Address, out _))
            {
                yield return Bad($"maps extra host '{host.HostName}' to '{TextRules.Escaped(host.Address)}', which is neither an IP address nor {ExtraHost.HostGateway}; the engine would refuse it. Use ExtraHost.For(name, IPAddress.Parse(...)).");
            }
        }
    }

    /// <summary>Why a path in short syntax would not mean what it says, or null.</summary>
    private static string? PathProblem(string path)
    {
        if (!path.StartsWith('/'))
        {
            return "is not absolute; a container path starts with '/': write it in full, such as \"/data\"";
        }

        if (path.Contains(':', StringComparison.Ordinal))
        {
            return "holds ':'; compose's short syntax would read what follows as the mount's options (such as ro): remove the ':' and pass options as arguments (readOnly: true)";
        }

        return path.Contains(',', StringComparison.Ordinal)
            ? "holds ','; compose's short syntax separates a mount's options with it"
            : null;
    }

    private static string? HostPathProblem(HostPath path)
    {
        if (path is AbsoluteHostPath { Path: var absolute } && absolute.Parts.FirstOrDefault() is { Variable: null } first && !first.Text.StartsWith('/'))
        {
            var text = first.Text;
            var fix = text.StartsWith('~')
                ? $"for a path in the home folder of the user who runs compose use HostPath.InHome(\"{text.TrimStart('~').TrimStart('/')}\")"
                : $"use HostPath.InProject(\"{text.TrimStart('.').TrimStart('/')}\") for a file of the definition project, HostPath.Absolute(\"/...\") with the full path, or HostPath.FromVariable(variable, \"...\") for a folder the server names";
            return $"'{absolute}' from HostPath.Absolute, which is not absolute (it must start with '/' or a variable holding an absolute path); {fix}";
        }

        // Literal text only: a variable's value is the server's business.
        var literal = path switch
        {
            AbsoluteHostPath absolutePath => string.Concat(absolutePath.Path.Parts.Where(p => p.Variable is null).Select(p => p.Text)),
            ProjectHostPath project => project.RelativePath,
            OutputHostPath output => output.FileName,
            HomeHostPath home => home.RelativePath,
            VariableHostPath variable => variable.RelativePath,
            _ => string.Empty,
        };
        return literal.IndexOfAny([':', ',']) >= 0
            ? $"'{literal}', which holds '{literal[literal.IndexOfAny([':', ','])]}'; compose's short syntax splits a mount at ':' and its options at ','"
            : null;
    }

    private static bool IsIpOrRange(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return IPAddress.TryParse(text, out _);
        }

        return IPAddress.TryParse(text[..slash], out var address)
            && int.TryParse(text[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bits)
            && bits <= (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32);
    }
}
