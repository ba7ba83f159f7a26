using System.CommandLine;
using Stack.Tool;
using Stack.Tool.Import;

// `stack import -f docker-compose.yml [-f more.yml ...] [-o stack.cs | --project DIR]`: compose files as a C# definition,
// a single file or a project.
var files = new Option<string[]>("--file", "-f") { Description = "A compose file to import; repeat for a stack split across files.", Required = true, AllowMultipleArgumentsPerToken = false };
var output = new Option<string>("--output", "-o") { Description = "Where to write the C# (default: stack.cs beside the compose file)." };
var project = new Option<string>("--project") { Description = "Write a project into this new folder instead: one file per service, shared variables, networks and volumes in Common/, one file per environment." };
var import = new Command("import", "Write compose files as a C# Stack definition: a single stack.cs, or a project with --project.") { files, output, project };
import.Validators.Add(result =>
{
    if (result.GetResult(output) is not null && result.GetResult(project) is not null)
    {
        result.AddError("--output and --project choose between a single file and a project: give one.");
    }
});
import.SetAction(parse =>
{
    try
    {
        return Import(parse);
    }
#pragma warning disable CA1031 // The last line of defence: any failure is one error line, never a stack trace.
    catch (Exception failure)
#pragma warning restore CA1031
    {
        Console.Error.WriteLine($"error {Stack.Rules.RuleIds.ImportRefused}: the importer failed on this input ({failure.GetType().Name}: {failure.Message.ReplaceLineEndings(" ")}); nothing was written. Please report it with the file.");
        return 1;
    }
});

return new RootCommand("stack: tools for Stack definitions.") { import }.Parse(args).Invoke();

int Import(ParseResult parse)
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
    // The package version this tool was packed as (a local build's is 0.1.0-local-<hash>, which only
    // the local feed has): the written file asks for the Stack.Dsl packed beside it.
    var version = PackageVersion.Of(typeof(ComposeImporter).Assembly);
    var fallbackName = new DirectoryInfo(Path.GetDirectoryName(first)!).Name.ToLowerInvariant();
    IReadOnlyDictionary<string, string>? written;
    IReadOnlyList<ImportError> errors;
    var carried = new List<string>();
    string target;
    if (parse.GetValue(project) is { } folder)
    {
        target = Path.GetFullPath(folder);
        (written, errors) = ComposeImporter.ImportProject(sources, version, fallbackName, carried);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() || File.Exists(target))
        {
            Console.Error.WriteLine($"{target}: error {Stack.Rules.RuleIds.ImportRefused}: it exists and is not an empty folder; stack import never overwrites. Choose a new folder.");
            return 1;
        }
    }
    else
    {
        target = Path.GetFullPath(parse.GetValue(output) ?? Path.Combine(Path.GetDirectoryName(first)!, "stack.cs"));
        var (code, refused) = ComposeImporter.Import(sources, version, fallbackName, Path.GetFileName(target), carried);
        (written, errors) = (code is null ? null : new Dictionary<string, string> { [string.Empty] = code }, refused);
        if (File.Exists(target))
        {
            Console.Error.WriteLine($"{target}: error {Stack.Rules.RuleIds.ImportRefused}: it exists; stack import never overwrites a file. Choose another with -o.");
            return 1;
        }
    }

    if (written is null)
    {
        foreach (var error in errors)
        {
            Console.Error.WriteLine(error);
        }

        Console.Error.WriteLine("Nothing was written.");
        return 1;
    }

    try
    {
        Output.Write(target, written);
    }
    catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"{target}: error {Stack.Rules.RuleIds.ImportRefused}: cannot write it: {failure.Message}");
        return 1;
    }

    Console.WriteLine(parse.GetValue(project) is null
        ? $"Wrote {target}. Run it with: dotnet run {Path.GetFileName(target)}"
        : $"Wrote {written.Count} files to {target}. Run it with: dotnet run --project {target}");
    if (carried.Count > 0)
    {
        // The same stack first, then the list of what to fix: each stays a warning (STK0108) until reviewed.
        Console.WriteLine($"{carried.Count} risk{(carried.Count == 1 ? " was" : "s were")} carried over from the compose file, each accepted with the reason \"{Stack.Rules.SecurityPolicy.ImportedReason}\" and a warning (STK0108) until you review it:");
        foreach (var risk in carried)
        {
            Console.WriteLine($"  {risk}");
        }
    }

    return 0;
}
