using Stack.Dsl.Compose;
using Stack.Dsl.Validation;

namespace Stack.Dsl.Tests.Validation.Locations;

/// <summary>
/// A finding about an escape-hatch field or an <c>x-</c> extension is reported where the value was
/// written (the WithField or WithExtension call), not at the service or the stack, also when the
/// service or stack was made on another line.
/// </summary>
public sealed class WrittenValueLocationTests
{
    private static int ThisLine([System.Runtime.CompilerServices.CallerLineNumber] int line = 0) => line;

    private static Service Made() => new Service("a").WithImage("example/app:1.0").WithRestart(RestartPolicy.Always);

    [Fact]
    public void A_secret_in_a_service_field_is_reported_at_the_WithField_call()
    {
        var service = Made();
        var line = ThisLine(); var withSecret = service.WithField("x-api-token", "a1b2c3d4e5f6");

        var finding = Assert.Single(StackValidator.Validate(new ComposeStack("s").WithServices(withSecret)), d => d.Id == "STK0100");

        Assert.Equal(line, finding.Location.Line);
        Assert.EndsWith(nameof(WrittenValueLocationTests) + ".cs", finding.Location.FilePath, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_in_a_stack_extension_is_reported_at_the_WithExtension_call()
    {
        var stack = new ComposeStack("s").WithServices(Made());
        var line = ThisLine(); stack = stack.WithExtension("x-db-password", "hunter2");

        var finding = Assert.Single(StackValidator.Validate(stack), d => d.Id == "STK0100");

        Assert.Equal(line, finding.Location.Line);
        Assert.EndsWith(nameof(WrittenValueLocationTests) + ".cs", finding.Location.FilePath, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsafe_text_in_a_field_and_an_extension_is_reported_at_the_call_that_wrote_it()
    {
        var service = Made();
        var fieldLine = ThisLine(); service = service.WithField("x-note", "a\0b");
        var stack = new ComposeStack("s").WithServices(service);
        var extensionLine = ThisLine(); stack = stack.WithExtension("x-note", "a\0b");

        var lines = StackValidator.Validate(stack).Where(d => d.Id == "STK0215").Select(d => d.Location.Line).Order().ToList();

        Assert.Equal([fieldLine, extensionLine], lines);
    }

    [Fact]
    public void A_field_replaced_by_a_with_expression_falls_back_to_the_service()
    {
        var service = Made().WithField("x-api-token", "a1b2c3d4e5f6");
        var line = ThisLine(); var replaced = new Service("a").WithImage("example/app:1.0").WithRestart(RestartPolicy.Always) with { ExtraFields = service.ExtraFields.SetItem("x-api-token", "f6e5d4c3b2a1") };

        Assert.Equal(line, Assert.Single(StackValidator.Validate(new ComposeStack("s").WithServices(replaced)), d => d.Id == "STK0100").Location.Line);
    }
}

/// <summary>An environment made by a helper with parameters is reported where the helper is called.</summary>
public sealed class EnvironmentHelperLocationTests
{
    private static int ThisLine([System.Runtime.CompilerServices.CallerLineNumber] int line = 0) => line;

    private static Stack.Dsl.Environments.StackEnvironment Env(string name) => new(name, stack => stack);

    [Fact]
    public void A_bad_environment_name_from_a_helper_is_reported_at_the_helpers_call()
    {
        var stack = new ComposeStack("s").WithServices(new Service("a").WithImage("example/app:1.0").WithRestart(RestartPolicy.Always));
        var line = ThisLine(); var bad = Env("Not Valid");

        var result = Stack.Dsl.Generation.StackGenerator.Generate(stack.WithEnvironments(bad, Env("fine")), Emit.Options);

        var finding = Assert.Single(result.Diagnostics, d => d.Id == "STK0201");
        Assert.Equal(line, finding.Location.Line);
        Assert.EndsWith("WrittenValueLocationTests.cs", finding.Location.FilePath, StringComparison.Ordinal);
    }
}
