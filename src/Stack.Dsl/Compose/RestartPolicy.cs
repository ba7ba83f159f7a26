using Stack.Dsl.Values;

namespace Stack.Dsl.Compose;

/// <summary>A service's <c>restart</c> policy.</summary>
public sealed record RestartPolicy
{
    private RestartPolicy(string value) => Value = value;

    /// <summary>Never restart (<c>"no"</c>, compose's default). Choosing it explicitly states intent.</summary>
    public static RestartPolicy No { get; } = new("no");

    /// <summary>Always restart, also after the daemon restarts.</summary>
    public static RestartPolicy Always { get; } = new("always");

    /// <summary>Restart unless the container was stopped by hand: the usual choice for a long-running service.</summary>
    public static RestartPolicy UnlessStopped { get; } = new("unless-stopped");

    /// <summary>Restart only when the container exits with an error.</summary>
    public static RestartPolicy OnFailure { get; } = new("on-failure");

    /// <summary>The compose value; for a policy from a variable, its default (what the checks judge).</summary>
    public string Value { get; }

    /// <summary>The variable that chooses the policy (<see cref="FromVariable"/>); <see langword="null"/> for a fixed one.</summary>
    public Variable? Variable { get; private init; }

    /// <summary>What the compose file says: the value, or the variable's reference (<c>${RESTART:-unless-stopped}</c>).</summary>
    public ComposeString Compose => Variable is { } variable ? ComposeString.Of(variable) : ComposeString.Literal(Value);

    /// <summary>
    /// The policy <paramref name="variable"/> chooses at <c>up</c>, with a default policy when it is
    /// unset: <c>RestartPolicy.FromVariable(restart.OrDefault("unless-stopped"))</c> writes
    /// <c>${RESTART:-unless-stopped}</c>. The stack's checks judge the default.
    /// </summary>
    /// <param name="variable">The variable, with its default (<see cref="Variable.OrDefault(string, string, int)"/> or <see cref="Variable.OrDefaultIfUnset"/>) a policy: no, always, unless-stopped, on-failure[:N].</param>
    /// <exception cref="ArgumentException">The variable has no default, or its default is not a restart policy.</exception>
    public static RestartPolicy FromVariable(Variable variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var policy = variable.Form is VariableForm.DefaultIfUnsetOrEmpty or VariableForm.DefaultIfUnset && variable.FallbackVariables.IsEmpty ? Parse(variable.Fallback!) : null;
        return policy is null
            ? throw new ArgumentException($"A restart policy from ${{{variable.Name}}} needs a default that is a policy (no, always, unless-stopped, on-failure[:N]), so the stack has one when it is unset: write RestartPolicy.FromVariable(variable.OrDefault(\"unless-stopped\")).", nameof(variable))
            : policy with { Variable = variable };
    }

    /// <summary>The policy compose reads from <paramref name="text"/>, or <see langword="null"/>.</summary>
    public static RestartPolicy? Parse(string text) => text switch
    {
        "no" => No,
        "always" => Always,
        "unless-stopped" => UnlessStopped,
        "on-failure" => OnFailure,
        _ when text.StartsWith("on-failure:", StringComparison.Ordinal) && int.TryParse(text["on-failure:".Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var retries) && retries > 0 => OnFailureAtMost(retries),
        _ => null,
    };

    /// <summary>Restart on failure at most <paramref name="maxRetries"/> times.</summary>
    public static RestartPolicy OnFailureAtMost(int maxRetries)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRetries);
        return new RestartPolicy($"on-failure:{maxRetries}");
    }

    /// <inheritdoc/>
    public override string ToString() => Compose.ToCompose();
}
