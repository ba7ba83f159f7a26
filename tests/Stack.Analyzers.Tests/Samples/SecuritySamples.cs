namespace Stack.Analyzers.Tests.Samples;

/// <summary>STK0100-STK0107: proven by constants, accepted with AcceptRisk anywhere in the making, or left to the runtime.</summary>
internal static class SecuritySamples
{
    private const string Common = """
        static readonly Network Net = new("n");
        static Service Base(string name) => new Service(name).WithImage("example/app:1.0").WithRestart(RestartPolicy.Always).WithNetworks(Net);
        """;

    public static IEnumerable<Sample> All =>
    [
        new("security: each risk proven by constants", [$$"""
            using System.Net;

            static class Definition
            {
                {{Common}}
                public static ComposeStack Build() => new ComposeStack("s").WithServices(
                    Base("a").{|STK0100:WithEnvironment("DB_PASSWORD", "hunter2")|},
                    Base("b").{|STK0101:WithBind(HostPath.Absolute("/var/run/docker.sock"), "/var/run/docker.sock")|},
                    Base("c").{|STK0102:WithBind(HostPath.Absolute("/var/run/docker.sock"), "/var/run/docker.sock", readOnly: true)|},
                    {|STK0103:Base("d")|}.WithPrivileged(),
                    {|STK0103:Base("d2")|}.WithPid(NamespaceMode.Host),
                    {|STK0101:Base("b2")|}.WithApiSocket(),
                    Base("e").{|STK0104:WithCapAdd("SYS_NICE", "SYS_ADMIN")|},
                    Base("f").WithImage("mysql:8.4.3").{|STK0105:WithPort(3306, 3306, IPAddress.Loopback)|},
                    Base("g").{|STK0106:WithPort(8080, 80)|},
                    Base("h").{|STK0107:WithImage("nginx:latest")|});
            }
            """], ["STK0100", "STK0101", "STK0101", "STK0102", "STK0103", "STK0103", "STK0104", "STK0105", "STK0106", "STK0107"]),

        new("security: accepted with a reason, before or after, or in a helper", [$$"""
            static class Definition
            {
                {{Common}}
                static Service Proxy(this Service service) => service
                    .WithBind(HostPath.Absolute("/var/run/docker.sock"), "/var/run/docker.sock", readOnly: true)
                    .AcceptRisk(SecurityRisk.DaemonSocket, "reads labels");

                public static ComposeStack Build() => new ComposeStack("s").WithServices(
                    Base("a").AcceptRisk(SecurityRisk.PortOnAllInterfaces, "the front door").WithPort(443, 443),
                    Base("b").WithBind(HostPath.Absolute("/var/run/docker.sock"), "/var/run/docker.sock").AcceptRisk(SecurityRisk.WritableDockerSocket, "backups"),
                    Base("c").Proxy());
            }
            """], []),

        new("security: safe values and values only the runtime can judge", [$$"""
            using System.Net;
            using Stack.Dsl.Values;

            static class Definition
            {
                {{Common}}
                static readonly Variable Password = new("DB_PASSWORD");

                public static ComposeStack Build(string image = "nginx:latest")
                {
                    var secret = Base("a").WithEnvironment("DB_PASSWORD", "hunter2");
                    return new ComposeStack("s").WithServices(
                        secret.WithEnvironment("DB_PASSWORD", Password),
                        Base("b").WithEnvironment("DB_PASSWORD_FILE", "/run/secrets/db").WithPort(8080, 80, IPAddress.Loopback),
                        Base("c").WithImage(image));
                }
            }
            """], ["STK0107"]), // the image comes from a parameter: only the runtime sees 'latest'

        new("security: an image the stack builds, numbers, paths and settings about a secret", [$$"""
            static class Definition
            {
                {{Common}}
                public static ComposeStack Build() => new ComposeStack("s").WithServices(
                    Base("a").WithBuild(new BuildSpec(HostPath.Absolute("/srv/app"))).WithImage("my-app"),
                    Base("b").WithImage("my-app").WithBuild(new BuildSpec(HostPath.Absolute("/srv/app"))),
                    Base("c").WithEnvironment("SECRET_PORT", "3000").WithEnvironment("TOKEN_SOURCE", "accessToken")
                        .WithEnvironment("SSL_KEY", "/etc/ssl/x.key").WithEnvironment("JWT_PUBLIC_KEY", "./jwt/public.pem"),
                    Base("d").{|STK0107:WithImage("my-app")|},
                    Base("e").{|STK0100:WithEnvironment("API_TOKEN", "accessToken")|});
            }
            """], ["STK0107", "STK0100"]),

        new("security: risks carried over by stack import warn until a person rewrites the reason", [$$"""
            static class Definition
            {
                {{Common}}
                public static ComposeStack Build() => new ComposeStack("s").WithServices(
                    Base("a").WithImage("nginx:latest").AcceptRisk(SecurityRisk.UnpinnedImage, {|STK0108:"imported as is: review"|}),
                    Base("b").WithEnvironment("DB_PASSWORD", "hunter2").AcceptLiteralSecret("DB_PASSWORD", {|STK0108:"Imported as is: review"|}),
                    Base("c").WithImage("nginx:latest").AcceptRisk(SecurityRisk.UnpinnedImage, "reviewed: the vendor publishes only latest"));
            }
            """], ["STK0108", "STK0108"]),

        new("security: isolation switched off by a security option, however it is written", [$$"""
            static class Definition
            {
                {{Common}}
                const string Seccomp = "seccomp:unconfined";
                static Service Relaxed(this Service service) => service.{|STK0103:WithSecurityOpt("no-new-privileges=False")|};

                public static ComposeStack Build() => new ComposeStack("s").WithServices(
                    Base("a").{|STK0103:WithSecurityOpt("no-new-privileges:true", Seccomp)|},
                    Base("b").{|STK0103:WithSecurityOpt(["apparmor=unconfined", "label:disable"])|},
                    Base("c").{|STK0103:WithSecurityOpt("systempaths=unconfined")|},
                    Base("d").Relaxed(),
                    Base("e").WithSecurityOpt("seccomp=unconfined").AcceptRisk(SecurityRisk.HostPrivilege, "a sandbox that traces its children"),
                    Base("f").WithSecurityOpt("no-new-privileges:true", "seccomp=/etc/docker/seccomp.json", "label=type:svirt_apache_t", "apparmor=docker-default"),
                    Base("g").WithSecurityOpt("Seccomp=unconfined", "no-new-privileges"));
            }
            """], ["STK0103", "STK0103", "STK0103", "STK0103"]),

        new("security: a security option only the runtime can judge", [$$"""
            static class Definition
            {
                {{Common}}
                public static ComposeStack Build(string option = "apparmor:unconfined") => new ComposeStack("s").WithServices(
                    Base("a").WithSecurityOpt(option));
            }
            """], ["STK0103"]), // the option comes from a parameter: only the runtime sees it

        new("security: a literal secret accepted by name hides no other", [$$"""
            static class Definition
            {
                {{Common}}
                static Service Keyed(string name) => Base(name).WithEnvironment("PUBLIC_KEY", "ssh-ed25519 AAAA");

                public static ComposeStack Build() => new ComposeStack("s").WithServices(
                    Keyed("a").AcceptLiteralSecret("PUBLIC_KEY", "a public key only looks secret"),
                    Keyed("b").AcceptLiteralSecret("PUBLIC_KEY", "as above").{|STK0100:WithEnvironment("DB_PASSWORD", "hunter2")|},
                    {|STK0100:Keyed("c")|}.AcceptLiteralSecret("DB_PASSWORD", "the wrong name"));
            }
            """], ["STK0100", "STK0100"]),
    ];
}
