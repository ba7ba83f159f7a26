using Stack.Dsl.Cli;
using Stack.Dsl.Compose;

namespace Stack.Dsl.Tests.Validation;

/// <summary>
/// A definition run through the command line as a user runs it, over the generated/ a good
/// definition wrote just before: its exit code, what it printed on standard error, and the
/// folder's files before and after (each path with its text), to show it was left alone.
/// </summary>
internal static class CommandLineRun
{
    public static (int Code, string Error, string Before, string After) After(Func<ComposeStack> previous, Func<ComposeStack> define, string root)
    {
        var settings = new StackCliSettings { DefinitionDirectory = Path.Combine(root, "definition"), DefaultOutputDirectory = Path.Combine(root, "generated") };
        Assert.Equal(ExitCodes.Success, StackCli.Run([], previous, settings, TextWriter.Null, TextWriter.Null));
        var before = Snapshot(settings.DefaultOutputDirectory);

        using var error = new StringWriter();
        var code = StackCli.Run([], define, settings, TextWriter.Null, error);

        return (code, error.ToString(), before, Snapshot(settings.DefaultOutputDirectory));
    }

    private static string Snapshot(string folder) => string.Join("\n", Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .Select(f => f + "\n" + File.ReadAllText(f)));
}
