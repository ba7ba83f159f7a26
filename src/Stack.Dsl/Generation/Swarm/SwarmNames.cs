using Stack.Dsl.Compose;

namespace Stack.Dsl.Generation.Swarm;

/// <summary>
/// The names <c>docker stack deploy</c> gives the services and networks it creates
/// (<c>STACK_NAME</c>, or a network's own <c>name:</c>), held to what the swarm manager accepts
/// (swarmkit's <c>validateAnnotations</c>: <c>^[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*$</c>, at most 63
/// characters, a DNS label). Compose takes more (<c>my.app</c>, <c>app-</c>, 70 characters): the
/// CLI and <c>docker stack config</c> pass such a name, and the deploy fails at that object,
/// after creating the ones before it. The manager also holds names unique regardless of case
/// (swarmkit's store looks a new name up lower-cased): networks <c>Back</c> and <c>back</c> are
/// two on Compose, a name conflict on Swarm.
/// </summary>
internal sealed class SwarmNames(SwarmContext context)
{
    // "KIND/NAME" (regardless of case, as the manager compares) to the definition's name that took
    // it and the name as written: two string maps, not one of records (each new record type as a
    // dictionary's value loads a dozen generic types on first use; see SwarmFiles.Targets).
    private readonly Dictionary<string, string> _takenBy = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _takenAs = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A DNS label's limit, which the manager holds a service's and a network's name to.</summary>
    public const int MaxLength = 63;

    /// <summary>The manager's limit on a secret's or config's name.</summary>
    public const int MaxObjectLength = 64;

    /// <summary>What deploy.sh puts for a hash variable: ten hex digits.</summary>
    private static readonly string HashStandIn = new('0', ContentName.HashLength);

    /// <summary>Refuses a Swarm service or network name the manager would refuse, naming what to change.</summary>
    /// <param name="kind">"Service" or "Network", as the message names it.</param>
    /// <param name="key">The name in the definition.</param>
    /// <param name="swarmName">The name Swarm gets.</param>
    /// <param name="prefixed">Whether <paramref name="swarmName"/> is the stack's name, '_' and <paramref name="key"/>.</param>
    /// <param name="location">Where the definition creates it.</param>
    public void Check(string kind, string key, string swarmName, bool prefixed, SourceLocation location)
    {
        // Kinds apart: a service and a network may share a name.
        var taken = $"{kind}/{swarmName}";
        if (_takenBy.TryGetValue(taken, out var other) && other != key)
        {
            context.Refuse(location, $"{kind}s '{other}' and '{key}' are created on Swarm as '{_takenAs[taken]}' and '{swarmName}', one name to the swarm manager (it compares names regardless of case): the deploy fails at the second. Rename one: new {kind}(\"{key}-2\").");
        }

        Take(taken, key, swarmName);

        var room = prefixed ? MaxLength - (swarmName.Length - key.Length) : MaxLength;
        if (!IsDnsLabel(swarmName))
        {
            context.Refuse(location, $"{kind} '{key}' is created on Swarm as '{swarmName}', a name the swarm manager refuses: it takes letters, digits, '-' and '_', starting and ending with a letter or digit (no '.'). Rename it: new {kind}(\"{Suggest(key, room)}\"), or keep the stack on Compose: .WithTargets(DeployTarget.Compose).");
        }
        else if (swarmName.Length > MaxLength)
        {
            context.Refuse(location, $"{kind} '{key}' is created on Swarm as '{swarmName}', {swarmName.Length} characters: the swarm manager refuses a name over {MaxLength} (a DNS label). {(room > 0 ? $"Use a name of at most {room} characters: new {kind}(\"{Suggest(key, room)}\")" : "Use a shorter stack name: new ComposeStack(\"...\")")}, or keep the stack on Compose: .WithTargets(DeployTarget.Compose).");
        }
    }

    /// <summary>
    /// Refuses a secret's or config's name (<paramref name="written"/>'s <c>name:</c>) the manager
    /// would refuse: swarmkit's <c>validateConfigOrSecretAnnotations</c> takes at most 64 of
    /// letters, digits, '-', '_' and '.', starting and ending with a letter or digit. A hash
    /// variable deploy.sh sets counts as its 10 hex digits. An external one is not created here.
    /// </summary>
    public void CheckObject(string kind, string key, Yaml.YamlValue written, SourceLocation location)
    {
        if (written is not Yaml.YamlMapping mapping || mapping.ValueOf("name") is not Yaml.YamlScalar { Composed: { } composed } || mapping.ValueOf("external") is not null)
        {
            return;
        }

        var name = new System.Text.StringBuilder();
        foreach (var part in composed.Parts)
        {
            name.Append(part.Variable is null ? part.Text : HashStandIn);
        }

        var shown = composed.ToCompose();

        // Compared as written: two hash variables may hold two hashes (a possible clash of one host file's content is not reported).
        var taken = $"{kind}/{shown}";
        if (_takenBy.TryGetValue(taken, out var other) && other != key && _takenAs[taken] != shown)
        {
            context.Refuse(location, $"{kind}s '{other}' and '{key}' are created on Swarm as '{_takenAs[taken]}' and '{shown}', one name to the swarm manager (it compares names regardless of case): the deploy fails at the second. Rename one: {kind}.FromFile(\"{key}-2\", ...).");
        }

        Take(taken, key, shown);
        if (name.Length > MaxObjectLength || !IsObjectName(name.ToString()))
        {
            context.Refuse(location, $"{kind} '{key}' is created on Swarm as '{shown}', a name the swarm manager refuses: at most {MaxObjectLength} letters, digits, '-', '_' and '.', starting and ending with a letter or digit. Give it such a name: .WithRealName(\"{Suggest(key, MaxObjectLength - ContentName.HashLength - 1)}\"), or keep the stack on Compose: .WithTargets(DeployTarget.Compose).");
        }
    }

    /// <summary>What swarmkit's pattern says, as a loop (a regular expression here is compiled on every run).</summary>
    private static bool IsDnsLabel(string name)
    {
        if (name.Length == 0 || !char.IsAsciiLetterOrDigit(name[0]) || !char.IsAsciiLetterOrDigit(name[^1]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsObjectName(string name)
    {
        if (name.Length == 0 || !char.IsAsciiLetterOrDigit(name[0]) || !char.IsAsciiLetterOrDigit(name[^1]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The name with what Swarm refuses replaced by '-', cut to <paramref name="room"/>, ending on a letter or digit.</summary>
    private static string Suggest(string key, int room)
    {
        var chars = key.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray();
        var suggestion = new string(chars, 0, Math.Min(chars.Length, Math.Max(room, 1))).Trim('-', '_');
        return suggestion.Length == 0 ? "app" : suggestion;
    }

    /// <summary>Keeps the first to take a name.</summary>
    private void Take(string taken, string key, string swarmName)
    {
        if (_takenBy.TryAdd(taken, key))
        {
            _takenAs[taken] = swarmName;
        }
    }
}
