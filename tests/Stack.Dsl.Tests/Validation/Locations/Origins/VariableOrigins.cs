using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;
using Stack.Dsl.Values;
using static Stack.Dsl.Tests.Validation.Locations.Origins.Valid;

namespace Stack.Dsl.Tests.Validation.Locations.Origins;

/// <summary>Variables declared, or given a default, on one line and used on another.</summary>
internal static class VariableOrigins
{
    public static IEnumerable<OriginCase> Cases() =>
    [
        OriginCase.Of("STK0100", "OrDefault", DefaultInEnvironment) with { Name = "environment" },
        OriginCase.Of("STK0100", "OrDefault", DefaultInCommand) with { Name = "command" },
        OriginCase.Of("STK0100", "OrDefault", DefaultInForwardAuthAddress) with { Name = "address" },
        OriginCase.Of("STK0100", "OrDefaultIfUnset", DefaultOfSecretVariable) with { Name = "secret" },
        OriginCase.Of("STK0100", "new", SuggestedDefault) with { Name = "suggested" },
        OriginCase.Of("STK0215", "new", UnsafeDescription) with { Name = "description" },
        OriginCase.Of("STK0202", "new", DeclaredTwice) with { Name = "twice" },
    ];

    private static ComposeStack DefaultInEnvironment()
    {
        var password = new Variable("DB_PASSWORD").OrDefault("hunter2hunter2"); // built: STK0100 environment
        return new ComposeStack("s").WithServices(App().WithEnvironment("DB_PASSWORD", password));
    }

    private static ComposeStack DefaultInCommand()
    {
        var token = new Variable("API_TOKEN").OrDefault("9f8e7d6c5b4a3f2e"); // built: STK0100 command
        return new ComposeStack("s").WithServices(App().WithCommand(CommandLine.Exec("app", $"--token={token}")));
    }

    private static ComposeStack DefaultInForwardAuthAddress()
    {
        var key = new Variable("AUTH_API_KEY").OrDefault("9f8e7d6c5b4a3f2e"); // built: STK0100 address
        var auth = new ForwardAuthMiddleware("auth", $"http://authelia:9091/api/verify?key={key}");
        return Proxied(p => p, App().WithRouter(Route().WithMiddlewares(auth)));
    }

    private static ComposeStack DefaultOfSecretVariable()
    {
        var upstream = Variable.Secret("UPSTREAM").OrDefaultIfUnset("9f8e7d6c5b4a3f2e"); // built: STK0100 secret
        return new ComposeStack("s").WithServices(App().WithEnvironment("UPSTREAM", upstream));
    }

    private static ComposeStack SuggestedDefault()
    {
        var password = new Variable("SMTP_PASSWORD") { Default = "hunter2hunter2" }; // built: STK0100 suggested
        return new ComposeStack("s").WithServices(App().WithEnvironment("SMTP_PASSWORD", password)).WithVariables(password);
    }

    private static ComposeStack UnsafeDescription()
    {
        var host = new Variable("BASE_HOST", "the host\u0007name"); // built: STK0215 description
        return new ComposeStack("s").WithServices(App().WithEnvironment("BASE_HOST", host)).WithVariables(host);
    }

    private static ComposeStack DeclaredTwice()
    {
        var first = new Variable("BASE_HOST", "the host");
        var second = new Variable("BASE_HOST", "another host"); // built: STK0202 twice
        return new ComposeStack("s").WithServices(App().WithEnvironment("BASE_HOST", first)).WithVariables(first, second);
    }
}
