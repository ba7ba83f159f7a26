using Stack.Dsl.Generation;
using Stack.Dsl.Yaml;

namespace Stack.Dsl.Cli;

/// <summary>
/// Work for the second core while the definition builds on the main thread. A generate runs once
/// per process, so most of its time is first-call cost (type loads, class constructors, the
/// runtime compiling generic code): the command line's preparation (settings, console, parser)
/// and a first run of the YAML writer, which the end of the run waits for, cost nothing there.
/// Measured on the reference stack, 2 cores (bench/process-timing.sh): the YAML warm-up saves
/// 3-5 ms of ~80; generating a whole sample stack instead cost more than it saved, competing
/// with the real generation for the two cores.
/// </summary>
internal static class SpareCore
{
    /// <summary>
    /// Runs <paramref name="prepare"/> on another core and then warms the YAML writer there; the
    /// task completes as soon as <paramref name="prepare"/> has. With one core, runs it here.
    /// </summary>
    public static Task<T> Prepare<T>(Func<T> prepare) =>
        SpareThread.Available ? SpareThread.Run(prepare, then: WarmYamlWriter) : Task.FromResult(prepare());

    private static void WarmYamlWriter()
    {
        var sample = new YamlMapping([
            new YamlEntry("services", new YamlMapping([
                new YamlEntry("app", new YamlSequence(["a: b", YamlScalar.Number(1), YamlScalar.Boolean(true)])),
            ])),
        ]);
        _ = YamlWriter.Write(sample, ["warm-up"]);
    }
}
