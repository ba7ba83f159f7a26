using System.Collections.Immutable;
using Stack.Dsl.Compose;
using Stack.Dsl.Generation.Swarm;
using Stack.Dsl.Values;
using Stack.Dsl.Yaml;

namespace Stack.Dsl.Tests.Validation.Swarm;

/// <summary>
/// STK0507 and the Swarm writer read "which label names another object" alike (one reader,
/// TraefikReferenceLabels): a hand-written <c>name@docker</c> in such a label is reported, and the
/// writer would rename exactly what is reported (so a stack that passes is written as the user
/// wrote it); keys are read as Traefik reads them (root exact, the rest without case), the
/// provider suffix exactly.
/// </summary>
public sealed partial class SwarmRulesTests
{
    // key, value, what the writer makes of it (null: kept as written, and not reported).
    public static TheoryData<string, string, string?> ReferenceLabels => new()
    {
        { "traefik.http.routers.x.middlewares", "compress@file, auth@docker", "compress@file, auth@swarm" },
        { "traefik.HTTP.Routers.x.Middlewares", "auth@docker", "auth@swarm" },
        { "traefik.http.middlewares.all.chain.middlewares", "auth@docker", "auth@swarm" },
        { "traefik.http.middlewares.all.Chain.Middlewares", "a@docker,b@docker", "a@swarm,b@swarm" },
        { "traefik.http.routers.x.service", "api@docker", "api@swarm" },
        { "traefik.http.routers.x.SERVICE", "api@docker", "api@swarm" },
        { "traefik.tcp.routers.x.middlewares", "limit@docker", "limit@swarm" },
        { "traefik.tcp.routers.x.service", "db@docker", "db@swarm" },
        { "traefik.udp.routers.x.service", "dns@docker", "dns@swarm" },
        { "traefik.http.middlewares.oops.errors.service", "pages@docker", "pages@swarm" },
        { "traefik.http.middlewares.oops.Errors.Service", "pages@docker", "pages@swarm" },
        { "traefik.http.services.x.middlewares", "auth@docker", "auth@swarm" },

        // A header's value, a rule: not references.
        { "traefik.http.middlewares.h.headers.customresponseheaders.X-Contact", "ops@docker.example.com", null },
        { "traefik.http.routers.x.rule", "Host(`auth@docker`)", null },

        // References, but not to the docker provider: Traefik compares the provider exactly, so
        // auth@Docker is missing on Compose as well (no Swarm finding), and a list item is one name.
        { "traefik.http.routers.x.middlewares", "ops@docker.example.com", null },
        { "traefik.http.routers.x.middlewares", "auth@Docker", null },
        { "traefik.http.middlewares.all.chain.middlewares", "auth@Docker", null },
        { "traefik.http.routers.x.middlewares", "@docker", null },
        { "traefik.http.routers.x.service", "a@docker,b@docker", null },

        // Keys Traefik does not read as references: a UDP router has no middlewares, TCP middlewares
        // name nothing, and a root other than "traefik" fails the container's labels altogether.
        { "traefik.udp.routers.x.middlewares", "auth@docker", null },
        { "traefik.tcp.middlewares.all.chain.middlewares", "auth@docker", null },
        { "Traefik.http.routers.x.middlewares", "auth@docker", null },
    };

    [Theory]
    [MemberData(nameof(ReferenceLabels))]
    public void A_hand_written_docker_reference_is_reported_exactly_where_the_writer_would_rename_it(string key, string value, string? onSwarm)
    {
        var stack = OnSwarm(Safe("a").WithLabel(key, value));

        Assert.Equal(onSwarm is null ? [] : ["STK0507"], Swarm(stack).Select(d => d.Id).Distinct());
        Assert.Equal(onSwarm ?? value, ((YamlScalar)SwarmLabels.WithSwarmProvider(key, YamlValue.Text(value))).Value);
        Assert.Empty(Swarm(stack.WithTargets(DeployTarget.Compose)));
    }

    [Fact]
    public void A_variable_in_a_reference_label_is_neither_reported_nor_rewritten()
    {
        ComposeString value = $"{new Variable("AUTH")}@docker";

        Assert.Empty(Swarm(OnSwarm(Safe("a").WithLabel("traefik.http.routers.x.middlewares", value))));
        Assert.Equal("${AUTH}@docker", ((YamlScalar)SwarmLabels.WithSwarmProvider("traefik.http.routers.x.middlewares", YamlValue.Text(value))).Value);
    }

    [Fact]
    public void A_deploy_label_naming_a_service_at_docker_is_reported_at_the_service_with_the_service_named()
    {
        var service = Safe("a").WithDeployment(new Deployment { Labels = ImmutableSortedDictionary.CreateRange<string, ComposeString>(StringComparer.Ordinal, [new("traefik.http.routers.x.service", "api@docker")]) });

        var finding = Assert.Single(Swarm(OnSwarm(service)));

        Assert.Equal("STK0507", finding.Id);
        Assert.Equal(service.Location, finding.Location);
        Assert.Contains("the label 'traefik.http.routers.x.service' of service 'a' uses service 'api@docker'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Traefik reports the service as missing", finding.Message, StringComparison.Ordinal);
        Assert.Contains(".WithService(new TraefikService(\"api\", 0) { Provider = \"docker\" })", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_with_no_typed_call_says_what_holds_on_both_targets()
    {
        var finding = Assert.Single(Swarm(OnSwarm(Safe("a").WithLabel("traefik.http.services.x.middlewares", "auth@docker"))));

        Assert.Contains("uses middleware 'auth@docker'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("define 'auth' in Traefik's dynamic file and write 'auth@file'", finding.Message, StringComparison.Ordinal);
    }
}
