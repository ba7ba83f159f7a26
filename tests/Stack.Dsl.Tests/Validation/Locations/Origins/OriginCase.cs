using System.Runtime.CompilerServices;
using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;

namespace Stack.Dsl.Tests.Validation.Locations.Origins;

/// <summary>
/// One hostile definition of the corpus: a value built on one line (marked <c>// built: ID</c>) and
/// added to the stack on another. Its finding must name that line, and the column of the call that
/// built it (the first <paramref name="Call"/> on the line), in the file the definition is written in.
/// </summary>
/// <param name="Id">The rule expected.</param>
/// <param name="Call">What the marked line calls to build the value (<c>new</c>, <c>OrDefault</c>).</param>
/// <param name="Build">The definition.</param>
/// <param name="File">The source file holding it (caller information).</param>
public sealed record OriginCase(string Id, string Call, Func<ComposeStack> Build, string File)
{
    public static OriginCase Of(string id, string call, Func<ComposeStack> build, [CallerFilePath] string file = "") => new(id, call, build, file);

    /// <summary>The line marked for this case (1-based) and the column (1-based) of its call there.</summary>
    public (int Line, int Column) Expected()
    {
        var lines = System.IO.File.ReadAllLines(File);
        var marked = Enumerable.Range(0, lines.Length).Where(i => lines[i].TrimEnd().EndsWith("// built: " + Id + " " + Name, StringComparison.Ordinal)).ToList();
        var index = Assert.Single(marked);
        var column = lines[index].IndexOf(Call == "new" ? "new " : Call + "(", StringComparison.Ordinal);
        Assert.True(column >= 0, $"line {index + 1} of {File} does not call {Call}");
        return (index + 1, column + 1);
    }

    /// <summary>The case's name in its file (the marker's last word).</summary>
    public string Name { get; init; } = string.Empty;

    public override string ToString() => $"{Id} {Name} ({Path.GetFileNameWithoutExtension(File)})";
}

/// <summary>Values every case shares: a service, a network and a proxy that are valid.</summary>
internal static class Valid
{
    public static readonly Network Net = new("n");

    public static Service App(string name = "app") => new Service(name).WithImage("example/app:1.0").WithRestart(RestartPolicy.Always).WithNetworks(Net);

    public static Router Route(string name = "r") => new Router(name).WithHost("app.example.org").WithPort(80).OnDefaultEntryPoints("test").WithPublicAccess("test");

    /// <summary>A stack with a Traefik proxy and one app, after <paramref name="change"/>.</summary>
    public static ComposeStack Proxied(Func<TraefikProxy, TraefikProxy> change, Service? app = null)
    {
        var traefik = App("traefik").WithImage("traefik:v3.3");
        return new ComposeStack("s").WithServices(traefik, app ?? App()).WithTraefik(change(new TraefikProxy(traefik, Net)));
    }
}
