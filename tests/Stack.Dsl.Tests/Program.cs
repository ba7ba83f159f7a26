using Stack.Dsl.Cli;

namespace Stack.Dsl.Tests;

/// <summary>
/// The test assembly's entry point (the test SDK's empty one is turned off): run as
/// <c>dotnet Stack.Dsl.Tests.dll run N DEFINITION OUTPUT</c>, it is one Stack run of definition
/// <c>N</c> in a process of its own, for the tests of runs at once across processes.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["run", var n, var definition, var output])
        {
            var number = int.Parse(n, System.Globalization.CultureInfo.InvariantCulture);
            return StackCli.Run([], () => Cli.ConcurrentRunsTests.Definition(number), Cli.ConcurrentRunsTests.Settings(definition, output), Console.Out, Console.Error);
        }

        return 2;
    }
}
