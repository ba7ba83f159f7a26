using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Dsl.Traefik;
using Stack.Dsl.Values;

namespace Stack.Dsl.Tests.Generation;

public class VariablesTests
{
    [Fact]
    public void Generator_lists_every_variable_the_stack_uses_once_sorted_by_name()
    {
        var host = new Variable("BASE_HOST");
        var token = new Variable("TOKEN");
        var data = new Variable("DATA_DIR");
        var user = new Variable("APP_USER");
        var stack = new ComposeStack("test").WithServices(
            Emit.Minimal("a").WithEnvironment("T", token).WithRouter(new Router("a").WithHost($"a.{host}").WithPort(1)),
            Emit.Minimal("b").WithBind(HostPath.Absolute($"{data}/b"), "/b", readOnly: true).WithUser(user).WithLabel("h", host));

        var result = StackGenerator.Generate(stack, Emit.Options);

        Assert.Equal(["APP_USER", "BASE_HOST", "DATA_DIR", "TOKEN"], result.Variables.Select(v => v.Name));
    }

    [Fact]
    public void A_literal_dollar_is_not_a_variable()
    {
        var result = StackGenerator.Generate(new ComposeStack("test").WithServices(Emit.Minimal().WithEnvironment("P", "${NOT_ONE}")), Emit.Options);

        Assert.Empty(result.Variables);
    }
}
