using Stack.Dsl.Compose;
using Stack.Dsl.Validation;

namespace Stack.Dsl.Tests.Validation;

/// <summary>
/// Settings Compose writes without a word and the engine refuses at start: a host name longer than
/// the kernel sets (STK0201), a container name on more than one replica (STK0217), a ulimit the
/// engine does not know, a sysctl outside the container's own namespaces, a CPU limit under the
/// kernel's smallest quota (STK0212).
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

    [Theory]
    [InlineData("vm.max_map_count")] // Elasticsearch's README value: a host setting
    [InlineData("kernel.core_pattern")]
    [InlineData("vm/overcommit_memory")]
    [InlineData("kernel.hostname")]
    public void A_sysctl_outside_the_containers_namespaces_is_STK0212(string name)
    {
        var finding = Assert.Single(Validate(Safe().WithSysctl(name, "1")), d => d.Id == "STK0212");

        Assert.Contains($"sets the sysctl '{name}'", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("net.ipv4.ip_forward")]
    [InlineData("net/core/somaxconn")]
    [InlineData("kernel.shmmax")]
    [InlineData("fs.mqueue.msg_max")]
    [InlineData("kernel.domainname")]
    public void A_namespaced_sysctl_is_taken(string name) =>
        Assert.DoesNotContain(Validate(Safe().WithSysctl(name, "1")), d => d.Id == "STK0212");

    [Fact]
    public void A_namespaced_sysctl_in_the_hosts_namespace_is_STK0212()
    {
        var host = new Service("app").WithImage("example/app:1.0").WithRestart(RestartPolicy.Always).WithNetworkMode(NetworkMode.Host);

        Assert.Contains("with network_mode: host", Assert.Single(Validate(host.WithSysctl("net.ipv4.ip_forward", "1")), d => d.Id == "STK0212").Message, StringComparison.Ordinal);
        Assert.Contains("with ipc: host", Assert.Single(Validate(Safe().WithIpc(NamespaceMode.Host).WithSysctl("kernel.shmmax", "1")), d => d.Id == "STK0212").Message, StringComparison.Ordinal);
        Assert.Single(Validate(Safe().WithUts(NamespaceMode.Host).WithSysctl("kernel.domainname", "x")), d => d.Id == "STK0212");
    }

    [Theory]
    [InlineData("0.005", true)]
    [InlineData("0.0099", true)]
    [InlineData("0.01", false)]
    public void A_cpu_limit_under_the_kernels_smallest_quota_is_STK0212_and_a_reservation_is_not(string cpus, bool refused)
    {
        var value = decimal.Parse(cpus, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(refused, Validate(Safe().WithResourceLimits(new ResourceLimits { Cpus = value })).Any(d => d.Id == "STK0212" && d.Message.Contains("under 0.01 of a CPU", StringComparison.Ordinal)));
        Assert.DoesNotContain(Validate(Safe().WithResourceReservations(new ResourceLimits { Cpus = value })), d => d.Id == "STK0212");
    }
}
