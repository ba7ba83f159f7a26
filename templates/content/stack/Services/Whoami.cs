using System.Net;
using Stack.Dsl.Compose;

namespace MyStack.Services;

/// <summary>
/// A first service that passes every rule: a pinned image, a restart policy, a named network, and
/// a port published on loopback only. Replace it with yours.
/// </summary>
public static class Whoami
{
    public static readonly Service Service = new Service("whoami")
        .WithImage("traefik/whoami:v1.10.3")
        .WithRestart(RestartPolicy.UnlessStopped)
        .WithNetworks(Networks.Web)
        .WithPort(8080, 80, IPAddress.Loopback);
}
