namespace Stack.Engine.Tests.Import;

/// <summary>
/// Durations as each reader the import stands in for reads them (GoDurationTests holds the reader
/// to Go): compose's keys, Traefik's labels and Traefik's static file. What Go takes is typed or,
/// where the DSL cannot hold it, refused at its line (compose) or left as the label it was (Traefik).
/// </summary>
public sealed class ImportDurationTests
{
    /// <summary>Compose (Go's parser) takes these; the importer refused them with "not a duration".</summary>
    [Theory]
    [InlineData("0", "TimeSpan.FromSeconds(0)")]
    [InlineData("+10s", "TimeSpan.FromSeconds(10)")]
    [InlineData(".5s", "TimeSpan.FromMilliseconds(500)")]
    [InlineData("1.5s", "TimeSpan.FromMilliseconds(1500)")]
    [InlineData("1m30s", "TimeSpan.FromSeconds(90)")]
    [InlineData("1500\u00B5s", "TimeSpan.FromTicks(15000)")]
    [InlineData("2500us", "TimeSpan.FromTicks(25000)")]
    public void A_compose_duration_Go_reads_is_typed(string duration, string expected)
    {
        var (code, errors) = AgreedImport.Import("dc.yml", StopGracePeriod(duration), "0.1.0", "s");

        Assert.True(code is not null, string.Join('\n', errors));
        Assert.Contains($".WithStopGracePeriod({expected})", code, StringComparison.Ordinal);
    }

    /// <summary>
    /// 1ns is a duration to Go, but not a TimeSpan: the importer wrote TimeSpan.FromMilliseconds(1E-06),
    /// which is zero. Refused at its line instead; so is what Go refuses.
    /// </summary>
    [Theory]
    [InlineData("1ns", "'1ns' is finer than the 100ns a TimeSpan holds")]
    [InlineData("1h-2m", "'1h-2m' has the unit 'h-'")] // Go reads everything up to a digit as the unit
    [InlineData("1e3s", "'1e3s' has the unit 'e'")]
    [InlineData("10", "'10' has a number without a unit")]
    [InlineData("-1s", "'-1s' is a negative duration, which Stack does not take here")] // Go reads it; the DSL refuses it
    public void A_compose_duration_the_DSL_cannot_hold_is_refused_at_its_line(string duration, string message)
    {
        var (code, errors) = AgreedImport.Import("dc.yml", StopGracePeriod(duration), "0.1.0", "s");

        Assert.Null(code);
        var error = Assert.Single(errors).ToString();
        Assert.StartsWith("dc.yml(4,", error, StringComparison.Ordinal);
        Assert.Contains(": error STK0218: " + message, error, StringComparison.Ordinal);
    }

    /// <summary>
    /// A health-check interval past Go's limit (Traefik refuses it) stays a label: the importer's
    /// int.Parse overflowed on it and the import stopped with an unhandled exception.
    /// </summary>
    [Fact]
    public void A_health_check_interval_past_Gos_limit_stays_a_label()
    {
        var (code, errors) = AgreedImport.Import("dc.yml", Balancer("99999999999s"), "0.1.0", "s");

        Assert.True(code is not null, string.Join('\n', errors));
        Assert.Contains("WithLabel(\"traefik.http.services.web.loadbalancer.healthcheck.interval\", \"99999999999s\")", code, StringComparison.Ordinal);
    }

    /// <summary>A health-check interval the DSL writes back as given is typed, milliseconds too; one it writes otherwise, or refuses (negative), stays a label.</summary>
    [Theory]
    [InlineData("10s", "interval: TimeSpan.FromSeconds(10)")]
    [InlineData("1m30s", "interval: TimeSpan.FromSeconds(90)")]
    [InlineData("500ms", "interval: TimeSpan.FromMilliseconds(500)")]
    [InlineData("90s", null)]
    [InlineData("10", null)]
    [InlineData("-1s", null)]
    public void A_health_check_interval_is_typed_only_when_written_back_as_given(string interval, string? expected)
    {
        var (code, errors) = AgreedImport.Import("dc.yml", Balancer(interval), "0.1.0", "s");

        Assert.True(code is not null, string.Join('\n', errors));
        if (expected is null)
        {
            Assert.Contains($"WithLabel(\"traefik.http.services.web.loadbalancer.healthcheck.interval\", \"{interval}\")", code, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains($".WithHealthCheck(\"/health\", {expected})", code, StringComparison.Ordinal);
        }
    }

    /// <summary>Traefik reads a rate limit's period as Go's syntax or whole seconds; the importer took neither <c>.5s</c> nor <c>10</c>.</summary>
    [Theory]
    [InlineData(".5s", "TimeSpan.FromMilliseconds(500)")]
    [InlineData("10", "TimeSpan.FromSeconds(10)")]
    [InlineData("1m30s", "TimeSpan.FromSeconds(90)")]
    public void A_rate_limit_period_Traefik_reads_is_typed(string period, string expected)
    {
        var (code, errors) = AgreedImport.Import("dc.yml", RateLimited(period), "0.1.0", "s");

        Assert.True(code is not null, string.Join('\n', errors));
        Assert.Contains($"new RateLimitMiddleware(\"limit\", 100, 50, {expected}).ViaDockerLabels()", code, StringComparison.Ordinal);
    }

    /// <summary>Traefik's static file takes a whole number as seconds (paerser's Duration); the importer refused <c>readTimeout: 42</c> as "not a duration".</summary>
    [Fact]
    public void A_static_timeout_in_whole_seconds_is_typed()
    {
        const string compose = "name: home\nservices:\n  traefik:\n    image: traefik:v3.2.1\n    restart: unless-stopped\n    command: [\"--configFile=/etc/traefik/traefik.yml\"]\n    ports: [\"80:80\"]\n"
            + "    networks: [proxy]\n    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml:ro\n      - /var/run/docker.sock:/var/run/docker.sock:ro\nnetworks:\n  proxy: {}\n";
        const string staticConfig = "entryPoints:\n  web:\n    address: \":80\"\n    transport:\n      respondingTimeouts:\n        readTimeout: 42\n        idleTimeout: 1m30s\n"
            + "providers:\n  docker:\n    exposedByDefault: false\n    network: home_proxy\n";

        var (code, errors) = AgreedImport.Import([("dc.yml", compose), ("traefik.yml", staticConfig)], "0.1.0", "home");

        Assert.True(code is not null, string.Join('\n', errors));
        Assert.Contains("new EntryPoint(\"web\", 80) { ReadTimeout = TimeSpan.FromSeconds(42), IdleTimeout = TimeSpan.FromSeconds(90) }", code, StringComparison.Ordinal);
    }

    /// <summary>
    /// A period past Go's limit (about 292 years) is one Traefik refuses: the importer typed it
    /// (TimeSpan holds it) and the stack wrote a label Traefik would not read. It stays a label.
    /// </summary>
    [Fact]
    public void A_rate_limit_period_Traefik_refuses_stays_a_label()
    {
        var (code, errors) = AgreedImport.Import("dc.yml", RateLimited("99999999999s"), "0.1.0", "s");

        Assert.True(code is not null, string.Join('\n', errors));
        Assert.DoesNotContain("new RateLimitMiddleware(", code, StringComparison.Ordinal);
        Assert.Contains("WithLabel(\"traefik.http.middlewares.limit.ratelimit.period\", \"99999999999s\")", code, StringComparison.Ordinal);
    }

    private static string StopGracePeriod(string duration) =>
        $"services:\n  web:\n    image: nginx:1.27.3\n    stop_grace_period: \"{duration}\"\n";

    private static string RateLimited(string period) =>
        "services:\n  web:\n    image: nginx:1.27.3\n    labels:\n      traefik.enable: \"true\"\n      traefik.http.routers.web.rule: Host(`example.org`)\n      traefik.http.routers.web.middlewares: limit@docker\n"
        + $"      traefik.http.middlewares.limit.ratelimit.average: \"100\"\n      traefik.http.middlewares.limit.ratelimit.burst: \"50\"\n      traefik.http.middlewares.limit.ratelimit.period: \"{period}\"\n";

    private static string Balancer(string interval) =>
        "services:\n  web:\n    image: nginx:1.27.3\n    labels:\n      traefik.enable: \"true\"\n      traefik.http.routers.web.rule: Host(`example.org`)\n"
        + "      traefik.http.services.web.loadbalancer.server.port: \"8080\"\n      traefik.http.services.web.loadbalancer.healthcheck.path: /health\n"
        + $"      traefik.http.services.web.loadbalancer.healthcheck.interval: \"{interval}\"\n";
}
