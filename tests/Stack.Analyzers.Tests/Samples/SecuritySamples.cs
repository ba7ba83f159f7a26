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
                    {|STK0100:Base("a").WithEnvironment("DB_PASSWORD", "hunter2")|},
                    {|STK0101:Base("b").WithBind(HostPath.Absolute("/var/run/docker.sock"), "/var/run/docker.sock")|},
                    {|STK0102:Base("c").WithBind(HostPath.Absolute("/var/run/docker.sock"), "/var/run/docker.sock", readOnly: true)|},
                    {|STK0103:Base("d").WithPrivileged()|},
                    {|STK0103:Base("d2").WithPid(NamespaceMode.Host)|},
                    {|STK0101:Base("b2").WithApiSocket()|},
                    {|STK0104:Base("e").WithCapAdd("SYS_NICE", "SYS_ADMIN")|},
                    {|STK0105:Base("f").WithImage("mysql:8.4.3").WithPort(3306, 3306, IPAddress.Loopback)|},
                    {|STK0106:Base("g").WithPort(8080, 80)|},
                    {|STK0107:Base("h").WithImage("nginx:latest")|});
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

        new("security: isolation switched off by a security option, however it is written", [$$"""
            static class Definition
            {
                {{Common}}
                const string Seccomp = "seccomp:unconfined";
                static Service Relaxed(this Service service) => service.WithSecurityOpt("no-new-privileges=False");

                public static ComposeStack Build() => new ComposeStack("s").WithServices(
                    {|STK0103:Base("a").WithSecurityOpt("no-new-privileges:true", Seccomp)|},
                    {|STK0103:Base("b").WithSecurityOpt(["apparmor=unconfined", "label:disable"])|},
                    {|STK0103:Base("c").WithSecurityOpt("systempaths=unconfined")|},
                    {|STK0103:Base("d").Relaxed()|},
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
                    {|STK0100:Keyed("b").AcceptLiteralSecret("PUBLIC_KEY", "as above").WithEnvironment("DB_PASSWORD", "hunter2")|},
                    {|STK0100:Keyed("c").AcceptLiteralSecret("DB_PASSWORD", "the wrong name")|});
            }
            """], ["STK0100", "STK0100"]),
    ];
}
