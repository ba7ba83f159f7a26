using System.Runtime.CompilerServices;
using Stack.Dsl.Cli;

namespace Stack.Testing;

/// <summary>
/// Snapshot assertions with Verify's conventions (Verify itself cannot be restored here):
/// <c>Class.Method.verified.yml</c> sits beside the test file and is reviewed like code; on a
/// mismatch <c>Class.Method.received.yml</c> is written next to it and the test fails with a
/// diff. Accept a change by renaming received to verified, or run the tests with
/// <c>ACCEPT_SNAPSHOTS=1</c>, which is ignored when <c>CI=true</c>.
/// </summary>
internal static class Snapshot
{
    public static void Match(string actual, string extension = "yml", [CallerFilePath] string sourceFile = "", [CallerMemberName] string method = "")
    {
        var directory = Path.GetDirectoryName(sourceFile)!;
        var stem = Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(sourceFile)}.{method}");
        var verified = $"{stem}.verified.{extension}";
        var received = $"{stem}.received.{extension}";

        var expected = File.Exists(verified) ? File.ReadAllText(verified) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        if (CanAccept())
        {
            File.Move(received, verified, overwrite: true);
            return;
        }

        var diff = UnifiedDiff.Format(expected ?? string.Empty, actual, Path.GetFileName(verified), Path.GetFileName(received));
        Assert.Fail(expected is null
            ? $"No snapshot yet. Review {received} and rename it to {Path.GetFileName(verified)}.\n{diff}"
            : $"Snapshot differs. Review the diff; if the change is right, rename {Path.GetFileName(received)} to {Path.GetFileName(verified)}.\n{diff}");
    }

    private static bool CanAccept() =>
        Environment.GetEnvironmentVariable("ACCEPT_SNAPSHOTS") == "1"
        && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
