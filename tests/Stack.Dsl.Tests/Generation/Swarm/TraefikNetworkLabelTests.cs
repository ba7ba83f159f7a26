using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Dsl.Generation.Swarm;
using Stack.Dsl.Traefik;

namespace Stack.Dsl.Tests.Generation.Swarm;

/// <summary>
/// A routed service's network label on Swarm: <c>traefik.swarm.network</c> for a proxy that reads
/// it (v3.2.2+), <c>traefik.docker.network</c> for any other (Traefik's extractSwarmLabels).
/// </summary>
public sealed class TraefikNetworkLabelTests
{
    private static ComposeStack Stack(string? proxyImage)
    {
        var edge = new Network("edge");
        var back = new Network("back");
        var app = Emit.Minimal("app").WithNetworks(edge, back).WithTraefikNetwork(edge)
            .WithRouter(new Router("app").WithHost("app.example.org").WithPort(8080));
        var proxy = Emit.Minimal("proxy").WithNetworks(edge).WithPort(443, 443);
        proxy = proxyImage is null ? proxy : proxy.WithImage(proxyImage);
        return new ComposeStack("demo").WithServices(proxy, app).WithTraefik(new TraefikProxy(proxy, edge).WithEntryPoints(new EntryPoint("websecure", 443)));
    }

    [Theory]
    [InlineData("traefik:v3.2.2", "traefik.swarm.network")]
    [InlineData("traefik:v3.6.1", "traefik.swarm.network")]
    [InlineData("docker.io/library/traefik:3.3", "traefik.swarm.network")]
    [InlineData("traefik:v3.10.0", "traefik.swarm.network")]
    [InlineData("traefik:v4.0.0", "traefik.swarm.network")]
    [InlineData("traefik:v4", "traefik.swarm.network")]
    [InlineData("traefik:v3.2.1", "traefik.docker.network")]
    [InlineData("traefik:v3.1.6", "traefik.docker.network")]
    [InlineData("traefik:v3.1.9", "traefik.docker.network")]
    [InlineData("traefik:v2.11.30", "traefik.docker.network")]
    [InlineData("traefik:v3.2", "traefik.docker.network")] // may be v3.2.0
    [InlineData("traefik:v3", "traefik.docker.network")]
    [InlineData("example/app:1.0", "traefik.docker.network")] // not a Traefik tag: what every v3 reads
    public void The_network_label_is_the_one_the_proxy_reads(string proxyImage, string key)
    {
        var files = SwarmEmit.Files(Stack(proxyImage));
        var labels = (YamlDotNet.RepresentationModel.YamlMappingNode)SwarmEmit.Parse(files[SwarmEmit.FileName]).At("services", "app", "deploy", "labels")!;

        var networkKeys = labels.Children.Keys.Select(k => k.ToString()).Where(k => k.EndsWith(".network", StringComparison.Ordinal)).ToList();
        Assert.Equal([key], networkKeys); // never both: Traefik skips a service with both kinds
        Assert.Equal("demo_edge", labels.Text(key));
        Assert.Contains("traefik.docker.network: demo_edge", files[StackGenerator.ComposeFileName], StringComparison.Ordinal); // Compose keeps its provider's label
    }

    [Theory]
    [InlineData("traefik.docker.lbswarm", "traefik.swarm.lbswarm")]
    [InlineData("traefik.docker.network", "traefik.swarm.network")]
    [InlineData("traefik.docker.allownonrunning", "traefik.docker.allownonrunning")] // the docker provider's alone
    [InlineData("traefik.http.routers.a.rule", "traefik.http.routers.a.rule")]
    public void Only_the_settings_both_prefixes_share_are_renamed(string key, string renamed)
    {
        Assert.Equal(renamed, TraefikLabelPrefix.Rename(key, TraefikLabelPrefix.Swarm));
        Assert.Equal(key, TraefikLabelPrefix.Rename(key, TraefikLabelPrefix.Docker));
    }
}
