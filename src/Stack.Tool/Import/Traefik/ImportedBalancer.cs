using System.Globalization;
using System.Text.RegularExpressions;
using Stack.Dsl.Generation;
using Stack.Dsl.Traefik;

namespace Stack.Tool.Import;

/// <summary>
/// An HTTP load balancer's options beyond its port, read from labels as given (Traefik's defaults
/// are not added): the scheme Traefik speaks to the container, passHostHeader, and the health
/// check (a path, with its interval and timeout).
/// </summary>
internal sealed partial record ImportedBalancer
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

    /// <summary>A Go duration Traefik reads (<c>10s</c>, <c>1m30s</c>), typed only when the DSL writes the same text back.</summary>
    public static TimeSpan Duration(string text)
    {
        var parts = Part().Matches(text);
        if (parts.Count == 0 || string.Concat(parts.Select(p => p.Value)) != text)
        {
            throw new NotTyped($"'{text}' is not a duration the DSL writes (such as 10s, 1m30s)");
        }

        var duration = TimeSpan.FromSeconds(parts.Sum(p => int.Parse(p.Groups[1].Value, CultureInfo.InvariantCulture) * p.Groups[2].Value switch { "h" => 3600, "m" => 60, _ => 1 }));
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

        var timing = (HealthInterval is { } interval ? $", interval: {Seconds(interval)}" : string.Empty) + (HealthTimeout is { } timeout ? $", timeout: {Seconds(timeout)}" : string.Empty);
        return $"{made}.WithHealthCheck({CSharpCode.Literal(path)}{timing})";
    }

    private static string Seconds(TimeSpan duration) => $"TimeSpan.FromSeconds({((long)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture)})";

    [GeneratedRegex(@"([0-9]+)(h|m|s)")]
    private static partial Regex Part();
}
