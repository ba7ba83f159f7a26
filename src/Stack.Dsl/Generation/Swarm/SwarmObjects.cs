using Stack.Dsl.Compose;
using Stack.Dsl.Yaml;
using static Stack.Dsl.Yaml.YamlValue;

namespace Stack.Dsl.Generation.Swarm;

/// <summary>
/// Top-level secrets and configs. Swarm keeps them as immutable objects, so a file Stack can read
/// gets a name that carries its content's hash (see <see cref="ContentName"/>). The v3 schema has
/// no <c>environment:</c> source and no <c>content:</c>: a config's literal content is written to
/// a file in swarm/ instead, and a source from a variable is refused.
/// </summary>
internal static class SwarmObjects
{
    public static YamlMapping Secret(Secret secret, string stackName, SwarmContext context) =>
        Build(secret.Name, "secret", secret.File, secret.Environment, content: null, secret.External, secret.Labels, secret.RealName, secret.ExtraFields.Keys, secret.Location, stackName, context);

    public static YamlMapping Config(Config config, string stackName, SwarmContext context) =>
        Build(config.Name, "config", config.File, config.Environment, config.Content, config.External, config.Labels, config.RealName, config.ExtraFields.Keys, config.Location, stackName, context);

    private static YamlMapping Build(
        string key, string kind, HostPath? file, Values.Variable? environment, Values.ComposeString? content, bool external,
        System.Collections.Immutable.ImmutableSortedDictionary<string, Values.ComposeString> labels, Values.ComposeString? realName,
        IEnumerable<string> extraKeys, SourceLocation location, string stackName, SwarmContext context)
    {
        foreach (var extra in extraKeys)
        {
            context.Refuse(location, $"The {kind} '{key}' sets '{extra}' through WithField, which the v3 schema docker stack deploy reads does not have. Remove it, or deploy the stack with Compose only: .WithTargets(DeployTarget.Compose).");
        }

        var entries = new List<YamlEntry>();
        if (external)
        {
            entries.Add(new("external", Boolean(true)));
            if (realName is not null)
            {
                entries.Add(new("name", Text(realName)));
            }

            return new YamlMapping([.. entries]);
        }

        var baseName = realName is { IsLiteral: true } literal ? literal.ToCompose() : $"{stackName}_{key}";
        if (environment is not null)
        {
            context.Refuse(location, $"The {kind} '{key}' comes from the variable {environment.Name}, which the v3 schema docker stack deploy reads cannot say (it has no environment: source). Keep the value in a file: {(kind == "secret" ? "Secret" : "Config")}.FromFile(\"{key}\", HostPath.Absolute(\"/run/...\")), or create it on the swarm and use {(kind == "secret" ? "Secret" : "Config")}.FromExternal(\"{key}\").");
            return new YamlMapping([]);
        }

        if (content is not null)
        {
            if (!content.IsLiteral)
            {
                context.Refuse(location, $"The config '{key}' is written from content with variables, which docker stack deploy cannot interpolate (the v3 schema has no content: key). Use literal content, or a file: Config.FromFile(\"{key}\", HostPath.InProject(\"...\")).");
                return new YamlMapping([]);
            }

            var text = content.Parts.Aggregate(string.Empty, (all, part) => all + part.Text);
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            ObjectSize.Check($"The content of config '{key}'", bytes.Length, "Give it content, or keep the stack on Compose: .WithTargets(DeployTarget.Compose).", location, context);
            var fileName = $"config.{key}";
            context.ExtraFiles[fileName] = text;
            entries.Add(new("name", Text(ContentName.Of(baseName, bytes))));
            entries.Add(new("file", Text("./" + fileName)));
        }
        else if (file is not null)
        {
            var (path, bytes) = Read(file, context);
            if (bytes is not null && file is ProjectHostPath)
            {
                ObjectSize.Check($"The file of {kind} '{key}'", bytes.Length, "Give it content (under 500 KiB), or keep the stack on Compose: .WithTargets(DeployTarget.Compose).", location, context);
            }

            var onHost = bytes is null ? HostFileHash.For(file, kind, key, context.Options) : null;
            entries.Add(new("name", bytes is not null ? Text(ContentName.Of(baseName, bytes))
                : onHost is not null ? Text(ContentName.Of(baseName, context.Hash(onHost)))
                : Text(baseName)));
            entries.Add(new("file", path));
        }

        if (!labels.IsEmpty)
        {
            entries.Add(new("labels", new YamlMapping([.. labels.Select(l => new YamlEntry(l.Key, Text(l.Value)))])));
        }

        return new YamlMapping([.. entries]);
    }

    /// <summary>The deploying user's home folder, as deploy.sh hashes a home file ("$HOME"/...).</summary>
    private static readonly Values.Variable Home = new Values.Variable("HOME").Required("the home folder of the user who deploys: docker stack deploy reads it from HOME");

    /// <summary>The file's path from swarm/ and, when Stack can read it, its bytes (a file only on the deploying host cannot be hashed here).</summary>
    private static (YamlScalar Path, byte[]? Content) Read(HostPath file, SwarmContext context)
    {
        switch (file)
        {
            case ProjectHostPath project:
                var full = context.ProjectDirectory is { } root ? Path.Combine(root, project.RelativePath) : null;
                return (Text($"{context.Options.ProjectDirectoryFromOutput}/{project.RelativePath}"), full is not null && context.ProjectFiles.File(full) is { } read ? read.Content : System.Text.Encoding.UTF8.GetBytes(project.RelativePath));
            case OutputHostPath output when context.OutputFiles.TryGetValue(output.FileName, out var written):
                return (Text("../" + output.FileName), System.Text.Encoding.UTF8.GetBytes(written));
            case HomeHostPath home:
                // docker stack deploy reads a secret's or config's file: relative to the stack file and
                // expands no '~' there (docker/cli's loader, absPath; it does for a bind): swarm/~/x.
                return (Text(Values.ComposeString.Join(string.Empty, [Home, "/" + home.RelativePath])), null);
            default:
                return (Text(HostPathFormat.Format(file, context.Options)), null);
        }
    }
}
