namespace Stack.Analyzers.Tests.Samples.Constants;

/// <summary>Secret names and values, and images, put together from constants: <c>+</c> and interpolation, in place and through a helper's parameters.</summary>
internal static class ConcatenatedConstants
{
    public static IEnumerable<Sample> All =>
    [
        new("constants put together: an unpinned image and literal secrets", [$$"""
            static class Definition
            {
                {{ConstantShapeSamples.Common}}
                const string Repo = "nginx";
                const string Tag = "latest";
                const string Prefix = "DB";
                const string SecretName = Prefix + "_PASSWORD";
                const string Password = "hunter" + "2";

                static Service Database(string prefix, string password) => App(prefix.ToLowerInvariant()).WithEnvironment(prefix + "_PASSWORD", password + "!");

                public static ComposeStack Build() => new ComposeStack("s").WithServices(
                    App("a").{|STK0107:WithImage(Repo + ":" + Tag)|},
                    App("b").{|STK0107:WithImage($"{Repo}:{Tag}")|},
                    App("c").{|STK0100:WithEnvironment(SecretName, Password)|},
                    App("d").{|STK0100:WithEnvironment($"{Prefix}_TOKEN", $"{Password}-{Tag}")|},
                    {|STK0100:Database("MYSQL", "s3cret")|});
            }
            """], ["STK0107", "STK0107", "STK0100", "STK0100", "STK0100"]),

        new("constants: a number under a secret's name is a PIN", [$$"""
            static class Definition
            {
                {{ConstantShapeSamples.Common}}
                const long Pin = 987654321;

                public static ComposeStack Build() => new ComposeStack("s").WithServices(
                    App("a").{|STK0100:WithEnvironment("DB_PASSWORD", 987654321)|},
                    App("b").{|STK0100:WithEnvironment("ADMIN_PASSWORD", Pin)|});
            }
            """], ["STK0100", "STK0100"]),

        new("constants: a number under a setting's name about a secret", [$$"""
            static class Definition
            {
                {{ConstantShapeSamples.Common}}
                const int Lifetime = 3600;

                public static ComposeStack Build() => new ComposeStack("s").WithServices(
                    App("a").WithEnvironment("TOKEN_LIFETIME", Lifetime).WithEnvironment("SECRET_PORT", 3000).WithEnvironment("PASSWORD_LENGTH", 32));
            }
            """], []),

        new("constants put together: a pinned image, a secret from a variable, a path", [$$"""
            using Stack.Dsl.Values;

            static class Definition
            {
                {{ConstantShapeSamples.Common}}
                const string Repo = "nginx";
                const string Tag = "1.27.3";
                const string Prefix = "DB";
                const string Secrets = "/run/secrets/";

                static Service Database(string prefix) => App(prefix).WithEnvironment(prefix + "_PASSWORD_FILE", Secrets + prefix);

                public static ComposeStack Build() => new ComposeStack("s").WithServices(
                    App("a").WithImage(Repo + ":" + Tag),
                    App("b").WithImage($"{Repo}:{Tag}"),
                    App("c").WithEnvironment(Prefix + "_PASSWORD", new Variable(Prefix + "_PASSWORD")),
                    App("d").WithEnvironment($"{Prefix}_PASSWORD", Secrets + "db"),
                    Database("pg"));
            }
            """], []),
    ];
}
