using Stack.Dsl.Compose;
using Stack.Dsl.Environments;
using Stack.Dsl.Generation;
using Stack.Dsl.Values;
using Stack.Testing;

namespace Stack.Dsl.Tests.Generation;

/// <summary>
/// .env.example says "copy to .env": the copy must mean what the stack says when nothing is
/// filled in, so a variable the stack reads with a compose default is written commented out.
/// </summary>
public sealed class EnvExampleDefaultsTests
{
    private static readonly Variable Gid = new("GID", "Group id the app runs as.") { Default = "2000" };
    private static readonly Variable Uid = new("UID");
    private static readonly Variable Mode = new("MODE");
    private static readonly Variable Host = new("BASE_HOST");
    private static readonly Variable Token = new("TOKEN");

    /// <summary>Every default form, a default read only in an environment, a plain use beside a default, and a required one.</summary>
    private static ComposeStack Stack() => new ComposeStack("env").WithVariables(Gid, Uid, Mode, Host, Token)
        .WithServices(Emit.Minimal()
            .WithEnvironment("GID_UNSET_ONLY", Gid.OrDefaultIfUnset("1000"))
            .WithEnvironment("GID_PLAIN", Gid)
            .WithEnvironment("UID_UNSET_OR_EMPTY", Uid.OrDefault("1001"))
            .WithEnvironment("HOST", Host)
            .WithEnvironment("TOKEN", Token.Required("set TOKEN in .env")))
        .WithEnvironments(new StackEnvironment("prod", s => s.MapServices(x => x.WithEnvironment("MODE", Mode.OrDefaultIfUnset("fast")))));

    [Fact]
    public void A_variable_with_a_compose_default_is_written_commented_out_with_the_default()
    {
        var text = StackGenerator.Generate(Stack(), Emit.Options).Files[".env.example"];

        Assert.Contains("\n# Group id the app runs as.\n# Unset, compose uses the default 1000 where the stack reads it; uncomment to set it.\n# GID=1000\n", text, StringComparison.Ordinal);
        Assert.Contains("\n# UID=1001\n", text, StringComparison.Ordinal);
        Assert.Contains("\n# MODE=fast\n", text, StringComparison.Ordinal); // read only in dc.prod.yml
        Assert.Contains("\nBASE_HOST=\n", text, StringComparison.Ordinal);
        Assert.Contains("\nTOKEN=\n", text, StringComparison.Ordinal); // required: it must be set, so it stays a line to fill in
    }

    [Fact]
    public void One_variable_with_two_defaults_names_both_and_suggests_none()
    {
        var stack = new ComposeStack("env").WithVariables(Gid).WithServices(
            Emit.Minimal("a").WithEnvironment("G", Gid.OrDefault("1000")), Emit.Minimal("b").WithEnvironment("G", Gid.OrDefaultIfUnset("2000")));

        var text = StackGenerator.Generate(stack, Emit.Options).Files[".env.example"];

        Assert.Contains("# Unset, compose uses the defaults 1000, 2000 where the stack reads it; uncomment to set it.\n# GID=\n", text, StringComparison.Ordinal);
    }

    /// <summary>The reader: docker-compose with .env.example copied to .env, no variable set otherwise.</summary>
    [SkippableFact]
    public void Copying_env_example_to_env_keeps_every_compose_default()
    {
        DockerCompose.RequireInstalled();
        var files = StackGenerator.Generate(Stack(), Emit.Options).Files;
        var env = new Dictionary<string, string> { [".env"] = files[".env.example"].Replace("\nTOKEN=\n", "\nTOKEN=t\n", StringComparison.Ordinal) };

        var config = DockerCompose.Config([("docker-compose.yml", files["docker-compose.yml"]), ("dc.prod.yml", files["dc.prod.yml"])], [], env);

        Assert.Contains("GID_UNSET_ONLY: '1000'", config, StringComparison.Ordinal);
        Assert.Contains("UID_UNSET_OR_EMPTY: '1001'", config, StringComparison.Ordinal);
        Assert.Contains("MODE: fast", config, StringComparison.Ordinal);
        Assert.Contains("TOKEN: t", config, StringComparison.Ordinal);
    }
}
