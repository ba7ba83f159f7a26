using System.Text.Json;
using Stack.Dsl.Validation;

namespace Stack.Dsl.Cli;

/// <summary>
/// The findings the compiler printed in the build of this <c>dotnet run</c>, so the program does
/// not print them a second time. build/Stack.Dsl.targets hands over the compiler's SARIF log only
/// when the compile ran in this <c>dotnet run</c> (an up-to-date build prints nothing, and then
/// nothing is handed over); the program reads the log once and deletes it.
/// </summary>
internal sealed class CompilerFindings
{
    private readonly HashSet<string> printed;

    private CompilerFindings(HashSet<string> printed) => this.printed = printed;

    /// <summary>No finding was printed by a compile of this run.</summary>
    public static CompilerFindings None { get; } = new([]);

    /// <summary>How many findings were left out because the compiler printed them.</summary>
    public int Skipped { get; private set; }

    /// <summary>
    /// Takes the hand-over at <paramref name="handOver"/> (the program's <c>Stack.CompilerFindings</c>
    /// metadata) if there is one: reads it and deletes it, so a later run of the program alone prints everything.
    /// </summary>
    public static CompilerFindings Take(string? handOver)
    {
        if (handOver is null || !File.Exists(handOver))
        {
            return None;
        }

        try
        {
            var findings = Read(File.ReadAllBytes(handOver));
            File.Delete(handOver);
            return findings;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            // Unreadable: print everything (twice is better than never).
            return None;
        }
    }

    /// <summary>The findings a SARIF 2.1 log lists as reported (not suppressed) with a file and line.</summary>
    public static CompilerFindings Read(ReadOnlySpan<byte> sarif)
    {
        var printed = new HashSet<string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(sarif, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        using var log = JsonDocument.ParseValue(ref reader);
        foreach (var run in Array(log.RootElement, "runs"))
        {
            foreach (var result in Array(run, "results"))
            {
                if (result.TryGetProperty("suppressions", out var suppressions) && suppressions.ValueKind == JsonValueKind.Array && suppressions.GetArrayLength() > 0)
                {
                    continue;
                }

                if (!result.TryGetProperty("ruleId", out var id) || id.GetString() is not { } ruleId)
                {
                    continue;
                }

                foreach (var location in Array(result, "locations"))
                {
                    if (location.TryGetProperty("physicalLocation", out var physical)
                        && physical.TryGetProperty("artifactLocation", out var artifact)
                        && artifact.TryGetProperty("uri", out var uri)
                        && uri.GetString() is { } address
                        && physical.TryGetProperty("region", out var region)
                        && region.TryGetProperty("startLine", out var line)
                        && line.TryGetInt32(out var startLine)
                        && Uri.TryCreate(address, UriKind.Absolute, out var file)
                        && file.IsFile)
                    {
                        printed.Add(Key(ruleId, file.LocalPath, startLine));
                    }
                }
            }
        }

        return new CompilerFindings(printed);
    }

    /// <summary>Whether the compiler printed <paramref name="diagnostic"/>: a warning with the same ID, file and line.</summary>
    public bool Printed(StackDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (printed.Count == 0 || diagnostic.Severity != DiagnosticSeverity.Warning || !diagnostic.Location.IsKnown
            || !printed.Contains(Key(diagnostic.Id, Path.GetFullPath(diagnostic.Location.FilePath), diagnostic.Location.Line)))
        {
            return false;
        }

        Skipped++;
        return true;
    }

    // One string, not a tuple: a set of tuples is compiled at start on every run (DEVELOPERS.md, Start-up).
    private static string Key(string id, string file, int line) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{id}\n{file}\n{line}");

    // An empty array's enumerator when the property is missing or not an array.
    private static JsonElement.ArrayEnumerator Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray()
            : EmptyArray.Value.EnumerateArray();

    // Apart, so the everyday run (no hand-over) never parses it.
    private static class EmptyArray
    {
        public static readonly JsonElement Value = JsonDocument.Parse("[]").RootElement;
    }
}
