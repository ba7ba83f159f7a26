using Stack.Dsl.Compose;
using Stack.Dsl.Validation;

namespace Stack.Dsl.Tests.Validation;

/// <summary>
/// Settings Compose writes without a word and the engine refuses at start: a host name longer than
/// the kernel sets (STK0201), a container name on more than one replica (STK0217), a ulimit the
/// engine does not know (STK0212).
/// </summary>
public sealed class EngineLimitTests
{
    private static readonly Network Net = new("n");

    private static Service Safe() => new Service("app").WithImage("example/app:1.0").WithRestart(RestartPolicy.Always).WithNetworks(Net);

    private static IReadOnlyList<StackDiagnostic> Validate(Service service) => StackValidator.Validate(new ComposeStack("s").WithServices(service));

    [Theory]
    [InlineData(65)]
    [InlineData(100)]
    public void A_hostname_over_64_bytes_is_STK0201(int length)
    {
        var finding = Assert.Single(Validate(Safe().WithHostname(new string('h', length))), d => d.Id == "STK0201");

        Assert.Contains($"is {length} bytes long", finding.Message, StringComparison.Ordinal);
        Assert.Contains("sethostname", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostname_of_64_bytes_is_taken_and_bytes_are_counted_not_characters()
    {
        Assert.DoesNotContain(Validate(Safe().WithHostname(new string('h', 64))), d => d.Id == "STK0201");
        Assert.Contains(Validate(Safe().WithHostname(new string('é', 33))), d => d.Id == "STK0201");
    }

    [Fact]
    public void A_container_name_with_more_than_one_replica_is_STK0217()
    {
        Assert.Contains("sets container_name and asks for 3 replicas", Assert.Single(Validate(Safe().WithContainerName("fixed").WithReplicas(3)), d => d.Id == "STK0217").Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Validate(Safe().WithContainerName("fixed").WithReplicas(1)), d => d.Id == "STK0217");
        Assert.DoesNotContain(Validate(Safe().WithReplicas(3)), d => d.Id == "STK0217");
    }

    [Theory]
    [InlineData("nofiles")]
    [InlineData("NOFILE")]
    [InlineData("as")]
    public void A_ulimit_the_engine_does_not_know_is_STK0212(string name)
    {
        Assert.Contains($"has ulimit '{name}', which the engine does not know", Assert.Single(Validate(Safe().WithUlimit(name, Ulimit.Of(10))), d => d.Id == "STK0212").Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Validate(Safe().WithUlimit("nofile", Ulimit.Of(10))), d => d.Id == "STK0212");
    }
}
