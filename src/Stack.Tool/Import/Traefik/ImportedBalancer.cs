using System.Globalization;
using Stack.Dsl.Generation;
using Stack.Dsl.Traefik;

namespace Stack.Tool.Import;

/// <summary>
/// An HTTP load balancer's options beyond its port, read from labels as given (Traefik's defaults
/// are not added): the scheme Traefik speaks to the container, passHostHeader, and the health
/// check (a path, with its interval and timeout).
/// </summary>
internal sealed record ImportedBalancer
{
    public string? Scheme { get; init; }

    public bool? PassHostHeader { get; init; }

    public string? HealthPath { get; init; }

    public TimeSpan? HealthInterval { get; init; }

    public TimeSpan? HealthTimeout { get; init; }

    public bool IsEmpty => this == new ImportedBalancer();

    /// <summary>The options the DSL can hold: an interval or timeout goes with a health-check path (it writes them only with one).</summary>
    public ImportedBalancer Checked() => HealthPath is null && (HealthInterval is not null || HealthTimeout is not null)
        ? throw new NotTyped("its health check has an interval or timeout but no path, and the DSL's health check starts from the path")
        : this;

    /// <summary>
    /// A duration Traefik reads (Go's syntax, or whole seconds), typed only when the DSL writes the
    /// same text back (<c>10s</c>, <c>1m30s</c>, <c>500ms</c>; not <c>90s</c> or <c>10</c>).
    /// </summary>
    public static TimeSpan Duration(string text)
    {
        if (!GoDuration.TryParseTraefik(text, out var nanoseconds, out var problem))
        {
            throw new NotTyped(problem);
        }

        var duration = GoDuration.ToTimeSpan(nanoseconds) ?? throw new NotTyped($"the duration '{text}' is finer than the 100ns a TimeSpan holds");
        if (duration < TimeSpan.Zero)
        {
            // The DSL refuses a negative health-check duration (SpecValueRules); the label stays as written.
            throw new NotTyped($"the duration '{text}' is negative, which the DSL's health check does not take");
        }

        return DurationFormat.Format(duration) == text ? duration : throw new NotTyped($"the duration '{text}' is written '{DurationFormat.Format(duration)}' by the DSL");
    }

    /// <summary>The typed service, for the proof.</summary>
    public TraefikService Model(string name, int port)
    {
        var service = new TraefikService(name, port) { Scheme = Scheme, PassHostHeader = PassHostHeader };
        return HealthPath is { } path ? service.WithHealthCheck(path, HealthInterval, HealthTimeout) : service;
    }

    /// <summary>The C# that builds <see cref="Model"/>.</summary>
    public string Code(string name, int port)
    {
        var init = new List<string>();
        if (Scheme is { } scheme)
        {
            init.Add($"Scheme = {CSharpCode.Literal(scheme)}");
        }

        if (PassHostHeader is { } pass)
        {
            init.Add($"PassHostHeader = {(pass ? "true" : "false")}");
        }

        var made = $"new TraefikService({CSharpCode.Literal(name)}, {port.ToString(CultureInfo.InvariantCulture)}){(init.Count > 0 ? $" {{ {string.Join(", ", init)} }}" : string.Empty)}";
        if (HealthPath is not { } path)
        {
            return made;
        }

        var timing = (HealthInterval is { } interval ? $", interval: {CSharpCode.Duration(interval)}" : string.Empty) + (HealthTimeout is { } timeout ? $", timeout: {CSharpCode.Duration(timeout)}" : string.Empty);
        return $"{made}.WithHealthCheck({CSharpCode.Literal(path)}{timing})";
    }
}
