using System.CommandLine;
using Stack.Tool.Import;

// `stack import -f docker-compose.yml [-f more.yml ...] [-o stack.cs]`: compose files as a single-file C# definition.
var files = new Option<string[]>("--file", "-f") { Description = "A compose file to import; repeat for a stack split across files.", Required = true, AllowMultipleArgumentsPerToken = false };
var output = new Option<string>("--output", "-o") { Description = "Where to write the C# (default: stack.cs beside the compose file)." };
var import = new Command("import", "Write a compose file as a C# Stack definition (a single stack.cs).") { files, output };
import.SetAction(parse =>
{
    var inputs = parse.GetValue(files)!.Select(Path.GetFullPath).ToList();
    var sources = new List<(string File, string Yaml)>();
    foreach (var file in inputs)
    {
        try
        {
            sources.Add((file, File.ReadAllText(file)));
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{file}: error {Stack.Rules.RuleIds.ImportRefused}: cannot read it: {failure.Message}");
            return 1;
        }
    }

    var first = inputs[0];
    var version = typeof(ComposeImporter).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.1.0";
    var (code, errors) = ComposeImporter.Import(sources, version, new DirectoryInfo(Path.GetDirectoryName(first)!).Name.ToLowerInvariant());
    if (code is null)
    {
        foreach (var error in errors)
        {
            Console.Error.WriteLine(error);
        }

        Console.Error.WriteLine("Nothing was written.");
        return 1;
    }

    var target = Path.GetFullPath(parse.GetValue(output) ?? Path.Combine(Path.GetDirectoryName(first)!, "stack.cs"));
    if (File.Exists(target))
    {
        Console.Error.WriteLine($"{target}: error {Stack.Rules.RuleIds.ImportRefused}: it exists; stack import never overwrites a file. Choose another with -o.");
        return 1;
    }

    try
    {
        File.WriteAllText(target, code);
    }
    catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"{target}: error {Stack.Rules.RuleIds.ImportRefused}: cannot write it: {failure.Message}");
        return 1;
    }

    Console.WriteLine($"Wrote {target}. Run it with: dotnet run {Path.GetFileName(target)}");
    return 0;
});

return new RootCommand("stack: tools for Stack definitions.") { import }.Parse(args).Invoke();
