using System.CommandLine;
using Stack.Tool.Import;

// `stack import -f docker-compose.yml [-o stack.cs]`: a compose file as a single-file C# definition.
var files = new Option<string[]>("--file", "-f") { Description = "The compose file to import.", Required = true, AllowMultipleArgumentsPerToken = false };
var output = new Option<string>("--output", "-o") { Description = "Where to write the C# (default: stack.cs beside the compose file)." };
var import = new Command("import", "Write a compose file as a C# Stack definition (a single stack.cs).") { files, output };
import.SetAction(parse =>
{
    var inputs = parse.GetValue(files)!;
    if (inputs.Length != 1)
    {
        Console.Error.WriteLine($"error {Stack.Rules.RuleIds.ImportRefused}: the importer reads one compose file for now (environment overrides are not translated yet); give one -f.");
        return 1;
    }

    var file = Path.GetFullPath(inputs[0]);
    string yaml;
    try
    {
        yaml = File.ReadAllText(file);
    }
    catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"{file}: error {Stack.Rules.RuleIds.ImportRefused}: cannot read it: {failure.Message}");
        return 1;
    }

    var version = typeof(ComposeImporter).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.1.0";
    var (code, errors) = ComposeImporter.Import(file, yaml, version, new DirectoryInfo(Path.GetDirectoryName(file)!).Name.ToLowerInvariant());
    if (code is null)
    {
        foreach (var error in errors)
        {
            Console.Error.WriteLine(error);
        }

        Console.Error.WriteLine("Nothing was written.");
        return 1;
    }

    var target = Path.GetFullPath(parse.GetValue(output) ?? Path.Combine(Path.GetDirectoryName(file)!, "stack.cs"));
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
