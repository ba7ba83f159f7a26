using System.Text;
using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;
using Stack.Dsl.Values;
using Stack.Dsl.Yaml;
using Stack.Testing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Stack.Dsl.Tests.Yaml;

/// <summary>
/// Parses the emitted YAML back with YamlDotNet's representation model and walks it beside the
/// document the generator meant to write: every key and scalar must come back with the same
/// value, strings must not be plain where a YAML 1.1 or 1.2 reader would see another type, and
/// numbers, booleans and nulls must be plain.
/// </summary>
public class RoundTripTests
{
    internal const string Tricky = "aeoyntfxYNO01579.:-+_~ #'\"\\$`{}[]*&!%@,?|>=<\t\n";

    [Fact]
    public void Every_scalar_of_a_feature_rich_stack_keeps_its_type_and_value()
    {
        AssertRoundTrip(FeatureRichStack());
    }

    [Fact]
    public void Random_strings_keep_their_type_and_value_everywhere_a_string_goes()
    {
        var random = new Random(20261123);
        for (var round = 0; round < 2000; round++)
        {
            // A blank healthcheck command is refused (STK0213); any other string must survive.
            var check = RandomText(random);
            var service = Emit.Minimal($"s{round}")
                .WithEnvironment("A", RandomText(random))
                .WithEnvironment("B", RandomText(random))
                .WithLabel("label." + round, RandomText(random))
                .WithCommand(RandomText(random), RandomText(random))
                .WithHealthcheck(new Healthcheck(HealthcheckTest.Shell(string.IsNullOrWhiteSpace(check) ? check + "x" : check)))
                .WithField("x-note", RandomText(random));
            AssertRoundTrip(new ComposeStack("test").WithServices(service));
        }
    }

    private static string RandomText(Random random)
    {
        var length = random.Next(0, 12);
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(Tricky[random.Next(Tricky.Length)]);
        }

        return text.ToString();
    }

    internal static void AssertRoundTrip(ComposeStack stack)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Emit.Yaml(stack)));
        AssertSame(Emit.Document(stack), stream.Documents[0].RootNode, "$");
    }

    private static void AssertSame(YamlValue expected, YamlNode actual, string path)
    {
        switch (expected)
        {
            case DeferredYamlValue deferred:
                AssertSame(deferred.Resolve(), actual, path);
                break;
            case YamlScalar scalar:
                var node = Assert.IsType<YamlScalarNode>(actual);
                Assert.True(scalar.Value == node.Value, $"{path}: wrote '{scalar.Value}', read back '{node.Value}'");
                AssertKind(scalar.Kind, node, path);
                break;
            case YamlSequence sequence:
                var items = Assert.IsType<YamlSequenceNode>(actual).Children;
                Assert.Equal(sequence.Items.Length, items.Count);
                for (var i = 0; i < items.Count; i++)
                {
                    AssertSame(sequence.Items[i], items[i], $"{path}[{i}]");
                }

                break;
            case YamlMapping mapping:
                var entries = Assert.IsType<YamlMappingNode>(actual).Children.ToList();
                Assert.Equal(mapping.Entries.Select(e => e.Key), entries.Select(e => ((YamlScalarNode)e.Key).Value));
                for (var i = 0; i < entries.Count; i++)
                {
                    AssertKind(ScalarKind.Text, (YamlScalarNode)entries[i].Key, $"{path}.{mapping.Entries[i].Key} (key)");
                    AssertSame(mapping.Entries[i].Value, entries[i].Value, $"{path}.{mapping.Entries[i].Key}");
                }

                break;
        }
    }

    private static void AssertKind(ScalarKind kind, YamlScalarNode node, string path)
    {
        var plain = node.Style is ScalarStyle.Plain or ScalarStyle.Any;
        if (kind == ScalarKind.Text)
        {
            Assert.False(plain && Yaml11.ResolvesToNonString(node.Value!), $"{path}: string '{node.Value}' is plain, so YAML would read another type");
        }
        else
        {
            Assert.True(plain && Yaml11.ResolvesToNonString(node.Value!), $"{path}: {kind} '{node.Value}' must be a plain scalar of that type");
        }
    }

    private static ComposeStack FeatureRichStack()
    {
        var host = new Variable("BASE_HOST");
        var data = new Volume("data");
        var net = new Network("back") { Internal = true };
        var db = Emit.Minimal("db")
            .WithHealthcheck(new Healthcheck(HealthcheckTest.Exec("pg_isready", "-U", "postgres")) { Retries = 3, Interval = TimeSpan.FromSeconds(10) })
            .WithNetworks(net)
            .WithVolume(data, "/var/lib/postgresql/data");
        var app = Emit.Minimal("app")
            .DependsOn(db, DependencyCondition.ServiceHealthy)
            .WithEnvironment("ENABLED", "yes")
            .WithEnvironment("MODE", "0755")
            .WithEnvironment("COUNT", 3)
            .WithEnvironment("PASS_THROUGH", EnvironmentValue.PassThrough)
            .WithEnvironment("URL", $"https://{host}/")
            .WithPort(8080, 80, System.Net.IPAddress.Loopback)
            .WithNetworks(net)
            .WithInit()
            .WithReadOnlyRootFilesystem()
            .WithResourceLimits(new ResourceLimits { Cpus = 0.5m, Memory = ByteSize.Megabytes(512), Pids = 100 })
            .WithStopGracePeriod(TimeSpan.FromSeconds(90))
            .WithLabel("on", "off")
            .WithRouter(new Router("app").WithHost($"app.{host}").WithPort(80))
            .WithSysctl("net.core.somaxconn", "1024")
            .WithUlimit("nofile", new Ulimit(20000, 40000))
            .WithUlimit("nproc", Ulimit.Of(512))
            .WithGroupAdd("0100", "audio")
            .WithDns(System.Net.IPAddress.Parse("9.9.9.9"))
            .WithOomScoreAdj(-500)
            .WithTty()
            .WithReplicas(2)
            .WithField("blkio_config", YamlValue.Mapping(new YamlEntry("weight", 300)))
            .WithField("x-enabled", true);
        return new ComposeStack("test").WithServices(app, db).WithExtension("x-version", "1.10");
    }
}
