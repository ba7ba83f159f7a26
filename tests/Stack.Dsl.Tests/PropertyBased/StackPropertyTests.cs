using System.Net;
using CsCheck;
using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Dsl.Tests.Yaml;
using Stack.Dsl.Validation;

namespace Stack.Dsl.Tests.PropertyBased;

/// <summary>
/// Property tests (CsCheck; a failure prints the seed to replay it): random valid stacks are
/// accepted and their YAML reads back as the same document with no scalar changing type; random
/// invalid stacks (a valid one with one defect) are refused with the defect's rule, never with an
/// exception.
/// </summary>
public sealed class StackPropertyTests
{
    private const int Iterations = 300;

    [Fact]
    public void Valid_stacks_are_accepted_and_round_trip() =>
        StackGenerators.Stack.Sample(
            stack =>
            {
                Assert.DoesNotContain(StackValidator.Validate(stack), d => d.Severity == DiagnosticSeverity.Error);
                RoundTripTests.AssertRoundTrip(stack);
            },
            iter: Iterations);

    private static readonly (string Id, Func<ComposeStack, ComposeStack> Break)[] Defects =
    [
        ("STK0100", s => Change(s, 0, x => x.WithEnvironment("DB_PASSWORD", "hunter2"))),
        ("STK0107", s => Change(s, 0, x => x.WithImage("example/app:latest"))),
        ("STK0201", s => Change(s, 0, x => new Service("Not Valid") { Image = x.Image })),
        ("STK0202", s => s.WithServices(s.Services[0])),
        ("STK0206", s => Change(s, 0, x => x.DependsOn(x, DependencyCondition.ServiceHealthy))),
        ("STK0207", s => Change(s, 0, x => x.WithPort(0, 80, IPAddress.Loopback))),
        ("STK0208", s => s.WithServices(new Service("clash").WithImage("example/clash:1").WithPort(s.Services[0].Ports[0].Published!.Value, 80, IPAddress.Loopback))),
        ("STK0209", s => Change(s, 0, x => x.WithTmpfs("/data").WithTmpfs("/data"))),
        ("STK0210", s => Change(s, 0, x => x.WithNetworkMode(NetworkMode.None))),
        ("STK0211", s => Change(s, 0, x => x with { Image = null })),
        ("STK0212", s => Change(s, 0, x => x.WithStopGracePeriod(TimeSpan.FromSeconds(-1)))),
        ("STK0213", s => Change(s, 0, x => x.WithHealthcheck(new Healthcheck(HealthcheckTest.Exec())))),
        ("STK0213", s => Change(s, 0, x => x.WithHealthcheck(new Healthcheck(HealthcheckTest.Exec("CMD-SHELL", "true"))))),
        ("STK0202", s => s.WithServices(new Service(s.Services[0].Name.ToUpperInvariant()).WithImage("example/upper:1"))),
        ("STK0215", s => Change(s, 0, x => x.WithEnvironment("NUL", "a\0b"))),
        ("STK0215", s => Change(s, 0, x => x.WithEnvironment("SPLIT\nKEY", "v"))),
        ("STK0215", s => Change(s, 0, x => x.WithLabel("x.half", "\ud83d"))),
        ("STK0215", s => Change(s, 0, x => x.WithHostname("host\nprivileged: true"))),
        ("STK0216", s => Change(s, 0, x => x.WithTmpfs("/tmp:exec"))),
        ("STK0216", s => Change(s, 0, x => x.WithBind(HostPath.Absolute("/srv/data"), "/data:ro"))),
        ("STK0216", s => Change(s, 0, x => x.WithImage("Example/App:1"))),
        ("STK0217", s => Change(s, 0, x => (x with { Networks = [] }).WithNetworkMode(NetworkMode.Host).AcceptRisk(SecurityRisk.HostPrivilege, "test"))),
        ("STK0101", s => Change(s, 0, x => x.WithBind(HostPath.Absolute("/var/lib/../run//docker.sock"), "/sock"))),
    ];

    [Fact]
    public void Invalid_stacks_are_refused_with_the_defects_rule_and_never_throw() =>
        Gen.Select(StackGenerators.Stack, Gen.Int[0, Defects.Length - 1]).Sample(
            (stack, defect) =>
            {
                var (id, breakIt) = Defects[defect];
                var broken = breakIt(stack);

                var result = StackGenerator.Generate(broken, Emit.Options);

                Assert.False(result.Succeeded);
                Assert.Contains(result.Diagnostics, d => d.Id == id && d.Severity == DiagnosticSeverity.Error);
                Assert.Empty(result.Files);
            },
            iter: Iterations);

    private static ComposeStack Change(ComposeStack stack, int index, Func<Service, Service> change) =>
        stack with { Services = stack.Services.SetItem(index, change(stack.Services[index])) };
}
