using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Dsl.Validation;
using Stack.Dsl.Values;

namespace Stack.Dsl.Tests.Generation;

/// <summary>WithSecretFile: an image's NAME_FILE variable wired to a compose secret, and no literal secret anywhere.</summary>
public sealed class SecretFileTests
{
    private static readonly Variable RootPassword = Variable.Secret("MYSQL_ROOT_PASSWORD", "MySQL root password.");
    private static readonly Secret Root = Secret.FromEnvironment("mysql-root", RootPassword);

    [Fact]
    public void Grants_the_secret_and_points_the_file_variable_at_it()
    {
        var service = Emit.Minimal("mysql").WithSecretFile("MYSQL_ROOT_PASSWORD", Root);

        Assert.Equal("/run/secrets/mysql-root", Assert.IsType<TextEnvironmentValue>(service.Environment["MYSQL_ROOT_PASSWORD_FILE"]).Value.ToCompose());
        Assert.Equal("mysql-root", Assert.Single(service.Secrets).Name);
        // Passing the _FILE name itself gives the same variable, not MYSQL_ROOT_PASSWORD_FILE_FILE.
        Assert.Equal(["MYSQL_ROOT_PASSWORD_FILE"], Emit.Minimal("mysql").WithSecretFile("MYSQL_ROOT_PASSWORD_FILE", Root).Environment.Keys);
    }

    [Fact]
    public void The_stack_reads_the_value_from_the_environment_and_passes_every_rule()
    {
        var stack = new ComposeStack("s").WithVariables(RootPassword).WithSecrets(Root)
            .WithServices(Emit.Minimal("mysql").WithSecretFile("MYSQL_ROOT_PASSWORD", Root));

        var result = StackGenerator.Generate(stack, Emit.Options);

        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var yaml = result.Files[StackGenerator.ComposeFileName];
        Assert.Contains("MYSQL_ROOT_PASSWORD_FILE: /run/secrets/mysql-root", yaml, StringComparison.Ordinal);
        Assert.Contains("environment: MYSQL_ROOT_PASSWORD", yaml, StringComparison.Ordinal);
        Assert.Contains("MYSQL_ROOT_PASSWORD=\n", result.Files[".env.example"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_the_stack_does_not_declare_is_STK0203() =>
        Assert.Contains(
            StackValidator.Validate(new ComposeStack("s").WithServices(Emit.Minimal("mysql").WithSecretFile("MYSQL_ROOT_PASSWORD", Root))),
            d => d.Id == "STK0203" && d.Message.Contains("secret 'mysql-root'", StringComparison.Ordinal));
}
