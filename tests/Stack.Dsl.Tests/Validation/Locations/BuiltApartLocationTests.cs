using Stack.Dsl.Compose;
using Stack.Dsl.Validation;

namespace Stack.Dsl.Tests.Validation.Locations;

/// <summary>
/// A healthcheck, a command line, an entrypoint or a logging section is often built on one line
/// and set on another: a finding about it (a literal secret, a duration the engine refuses, an
/// empty test) is reported at the call that set it on the service, not at the service's
/// <c>new Service(...)</c>, which is neither where the value was written nor where it was used.
/// </summary>
public sealed class BuiltApartLocationTests
{
    private static int ThisLine([System.Runtime.CompilerServices.CallerLineNumber] int line = 0) => line;

    private static readonly Network Net = new("n");

    private static Service Made() => new Service("a").WithImage("example/app:1.0").WithRestart(RestartPolicy.Always).WithNetworks(Net);

    private static StackDiagnostic Only(Service service, string id) =>
        Assert.Single(StackValidator.Validate(new ComposeStack("s").WithServices(service)), d => d.Id == id);

    [Fact]
    public void A_secret_in_a_healthcheck_built_apart_is_reported_at_the_WithHealthcheck_call()
    {
        var check = new Healthcheck(HealthcheckTest.Exec("app", "--password", "hunter2"));
        var service = Made();
        var line = ThisLine(); service = service.WithHealthcheck(check);

        var finding = Only(service, "STK0100");

        Assert.Equal(line, finding.Location.Line);
        Assert.EndsWith(nameof(BuiltApartLocationTests) + ".cs", finding.Location.FilePath, StringComparison.Ordinal);
    }

    [Fact]
    public void A_healthcheck_duration_or_test_the_engine_refuses_is_reported_at_the_WithHealthcheck_call()
    {
        var tooShort = new Healthcheck(HealthcheckTest.Exec("true")) { Interval = TimeSpan.FromTicks(1) };
        var empty = new Healthcheck(HealthcheckTest.Shell(" "));
        var service = Made();
        var shortLine = ThisLine(); var withShort = service.WithHealthcheck(tooShort);
        var emptyLine = ThisLine(); var withEmpty = service.WithHealthcheck(empty);

        Assert.Equal(shortLine, Only(withShort, "STK0212").Location.Line);
        Assert.Equal(emptyLine, Only(withEmpty, "STK0213").Location.Line);
    }

    [Fact]
    public void A_secret_in_a_command_or_entrypoint_is_reported_at_the_call_that_set_it()
    {
        var command = CommandLine.Exec(["app", "--password", "hunter2"]);
        var service = Made();
        var commandLine = ThisLine(); var withCommand = service.WithCommand(command);
        var entrypointLine = ThisLine(); var withEntrypoint = service.WithEntrypoint(command);
        var paramsLine = ThisLine(); var withParams = service.WithCommand("app", "--password", "hunter2");
        string[] words = ["app", "--password", "hunter2"];
        var listLine = ThisLine(); var withList = service.WithEntrypoint(words);

        Assert.Equal(commandLine, Only(withCommand, "STK0100").Location.Line);
        Assert.Equal(entrypointLine, Only(withEntrypoint, "STK0100").Location.Line);
        Assert.Equal(paramsLine, Only(withParams, "STK0100").Location.Line);
        Assert.Equal(listLine, Only(withList, "STK0100").Location.Line);
    }

    [Fact]
    public void A_secret_in_a_logging_option_built_apart_is_reported_at_the_WithLogging_call()
    {
        var logging = new Logging("fluentd").WithOption("fluentd-password", "hunter2");
        var service = Made();
        var line = ThisLine(); service = service.WithLogging(logging);

        Assert.Equal(line, Only(service, "STK0100").Location.Line);
    }

    [Fact]
    public void A_healthcheck_replaced_by_a_with_expression_falls_back_to_the_service()
    {
        var set = Made().WithHealthcheck(new Healthcheck(HealthcheckTest.Exec("app", "--password", "hunter2")));
        var line = ThisLine(); var replaced = new Service("a").WithImage("example/app:1.0").WithRestart(RestartPolicy.Always).WithNetworks(Net) with { Sites = set.Sites, Healthcheck = new Healthcheck(HealthcheckTest.Exec("app", "--password", "hunter3")) };

        Assert.Equal(line, Only(replaced, "STK0100").Location.Line);
    }
}
