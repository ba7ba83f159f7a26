using Stack.Dsl.Yaml;

namespace Stack.Dsl.Cli;

/// <summary>
/// Runs the YAML writer once on a spare core while the definition builds on the main thread. A
/// generate runs once per process, so much of its time is first-call cost (type loads, class
/// constructors: YamlDotNet builds a Regex for anchor names in one), and writing the files is
/// what the run waits for last. Measured on the reference stack, 2 cores: 3-5 ms of ~80
/// (bench/process-timing.sh). A whole sample stack generated instead cost more than it saved:
/// it competes with the real generation for the two cores.
/// </summary>
internal static class StartupWarmup
{
    public static void Start()
    {
        if (System.Environment.ProcessorCount > 1)
        {
            _ = Task.Run(WriteSample);
        }
    }

    private static void WriteSample()
    {
        var sample = new YamlMapping([
            new YamlEntry("services", new YamlMapping([
                new YamlEntry("app", new YamlSequence(["a: b", YamlScalar.Number(1), YamlScalar.Boolean(true)])),
            ])),
        ]);
        _ = YamlWriter.Write(sample, ["warm-up"]);
    }
}
