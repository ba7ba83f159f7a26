using System.Runtime.CompilerServices;
using Stack.Dsl.Compose;
using Stack.Dsl.Validation;

namespace Stack.Dsl.Tests.Validation;

/// <summary>
/// WithCapAdd and WithSecurityOpt take <c>params</c>, so no caller information: their findings
/// (STK0104, STK0103) are placed from the call stack and the test program's symbols, at the line
/// of the call in a fluent chain, or at the user's call of a helper that makes it.
/// </summary>
public sealed class ParamsCallSiteTests
{
    private static readonly Network Net = new("n");

    [Fact]
    public void A_dangerous_capability_is_reported_at_the_WithCapAdd_line_of_its_chain()
    {
        var web = new Service("web").WithImage("nginx:1.27").WithRestart(RestartPolicy.Always)
            .WithNetworks(Net)
            .WithCapAdd("SYS_NICE", "SYS_ADMIN"); var line = Line();

        var finding = Single(web, "STK0104");

        Assert.Equal((ThisFile(), line), (finding.Location.FilePath, finding.Location.Line));
    }

    [Fact]
    public void Isolation_switched_off_is_reported_at_the_WithSecurityOpt_call_that_switched_it_off()
    {
        var web = new Service("web").WithImage("nginx:1.27").WithRestart(RestartPolicy.Always).WithNetworks(Net)
            .WithSecurityOpt("seccomp=unconfined"); var line = Line();

        var finding = Single(web, "STK0103");

        Assert.Equal((ThisFile(), line), (finding.Location.FilePath, finding.Location.Line));
    }

    [Fact]
    public void Two_calls_of_the_method_in_one_statement_fall_back_to_the_statement_start()
    {
        var start = Line(); var web = new Service("web").WithImage("nginx:1.27").WithRestart(RestartPolicy.Always).WithNetworks(Net)
            .WithSecurityOpt("no-new-privileges:true")
            .WithSecurityOpt("seccomp=unconfined");

        var finding = Single(web, "STK0103");

        Assert.Equal((ThisFile(), start), (finding.Location.FilePath, finding.Location.Line));
    }

    [Fact]
    public void An_option_set_in_a_helper_is_reported_in_the_helper_as_a_call_with_caller_information_is()
    {
        var web = Relaxed(new Service("web").WithImage("nginx:1.27").WithRestart(RestartPolicy.Always).WithNetworks(Net), out var relaxedLine);

        var finding = Single(web, "STK0103");

        Assert.Equal((ThisFile(), relaxedLine), (finding.Location.FilePath, finding.Location.Line));
    }

    [Fact]
    public void Host_privileges_of_another_kind_stay_at_the_service()
    {
        var web = new Service("web").WithImage("nginx:1.27").WithRestart(RestartPolicy.Always).WithNetworks(Net).WithPrivileged()
            .WithSecurityOpt("seccomp=unconfined");

        var finding = Single(web, "STK0103");

        Assert.Equal(web.Location, finding.Location);
    }

    private static Service Relaxed(Service service, out int line)
    {
        line = Line(); return service.WithSecurityOpt("apparmor=unconfined");
    }

    private static StackDiagnostic Single(Service service, string id) =>
        Assert.Single(StackValidator.Validate(new ComposeStack("s").WithServices(service)), d => d.Id == id);

    private static int Line([CallerLineNumber] int line = 0) => line;

    private static string ThisFile([CallerFilePath] string file = "") => file;
}
