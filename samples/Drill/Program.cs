using System.Reflection;
using Stack.Dsl.Cli;
using Stack.Samples.Drill;

var metadata = typeof(DrillStack).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
return StackCli.Run(args, DrillStack.Build, new StackCliSettings
{
    DefinitionDirectory = metadata["Stack.DefinitionDirectory"]!,
    DefaultOutputDirectory = metadata["Stack.OutputDirectory"]!,
    RunCommand = "dotnet run --project samples/Drill",
});
