// dotnet run eng/install.cs: installs what the README's quick start needs, from this clone, for the
// current user. It packs Stack.Dsl (with its analyzers), the `dotnet new stack` template and the
// `stack` tool into a local feed (~/.stack/feed), registers that folder as a NuGet source, and
// installs the template and the tool. Run it again after a pull or a change: a second run with
// nothing changed packs nothing.
//
// Why a C# file and not a shell script: the quick start asks for the .NET SDK and nothing else, and
// this runs wherever the SDK does (Windows included) with no shell of a given flavour.
//
// Why <VersionPrefix>-local-<hash>: NuGet treats a version as immutable, so a rebuilt 0.1.0 would be
// ignored wherever an older 0.1.0 is cached (the global packages folder, a single file's build
// cache). A version named after a hash of the packed sources is new exactly when they change, and a
// prerelease of a local build never collides with the 0.1.0 published on nuget.org.
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

try
{
    return Installer.Run();
}
catch (InstallException failure)
{
    Console.Error.WriteLine($"install: error: {failure.Message}");
    return 1;
}
catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"install: error: {failure.Message}");
    return 1;
}

/// <summary>A step failed; the message says which, why and what to do.</summary>
internal sealed class InstallException(string message) : Exception(message);

internal static class Installer
{
    private const string SourceName = "stack-local";
    private static readonly string[] PackageIds = ["Stack.Dsl", "Stack.Tool", "Stack.Templates"];

    // What goes into the three packages: a change to any of these files is a new version.
    private static readonly string[] Inputs =
    [
        "src/Stack.Dsl", "src/Stack.Analyzers", "src/Stack.Analyzers.CodeFixes", "src/Shared", "src/Stack.Tool",
        "templates", "Directory.Build.props", "Directory.Packages.props", "eng/install.cs",
    ];

    public static int Run()
    {
        var clock = Stopwatch.StartNew();
        var repo = FindRepository();
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var feed = Path.Combine(home, ".stack", "feed");
        var prefix = VersionPrefix(repo);
        var suffix = $"local-{InputsHash(repo)}";
        var version = $"{prefix}-{suffix}";
        Console.WriteLine($"Stack {version} from {repo}");

        var upgrade = Directory.Exists(feed) && Directory.EnumerateFiles(feed, "Stack.Dsl.*.nupkg").Any();
        var packed = Pack(repo, feed, prefix, suffix, version);
        RegisterFeed(feed, home);
        InstallTemplate(feed, version, home);
        InstallTool(feed, version, home);

        Console.WriteLine($"done in {clock.Elapsed.TotalSeconds:0.0} s. Next, in a folder of your choice:");
        Console.WriteLine("  dotnet new stack -o home");
        Console.WriteLine("  cd home && dotnet run stack.cs");
        if (packed && upgrade)
        {
            Console.WriteLine($"A stack made before asks for its own build (#:package Stack.Dsl@..., or the PackageReference); change it to {version} to use this one.");
        }

        return 0;
    }

    private static string FindRepository()
    {
        // A file-based app knows its own path; eng/ is one level below the repository's root.
        var script = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Directory.GetCurrentDirectory();
        var repo = Path.GetFullPath(Path.Combine(script, ".."));
        if (!File.Exists(Path.Combine(repo, "src", "Stack.Dsl", "Stack.Dsl.csproj")))
        {
            throw new InstallException($"{repo} is not a clone of Stack (no src/Stack.Dsl/Stack.Dsl.csproj). Run `dotnet run eng/install.cs` from the clone's root.");
        }

        return repo;
    }

    private static string VersionPrefix(string repo)
    {
        var props = Path.Combine(repo, "Directory.Build.props");
        var match = Regex.Match(File.ReadAllText(props), "<VersionPrefix>([^<]+)</VersionPrefix>");
        return match.Success
            ? match.Groups[1].Value.Trim()
            : throw new InstallException($"{props} has no <VersionPrefix>: it is the version every package shares.");
    }

    /// <summary>SHA-256 over each input file's path and bytes, in ordinal path order; bin/ and obj/ are build output.</summary>
    private static string InputsHash(string repo)
    {
        var files = new List<string>();
        foreach (var input in Inputs)
        {
            var path = Path.Combine(repo, input);
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(SourceFiles(path));
            }
            else
            {
                throw new InstallException($"{path} is missing: the clone is incomplete (git status shows what changed).");
            }
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files.Select(f => (Full: f, Relative: Path.GetRelativePath(repo, f).Replace('\\', '/'))).OrderBy(f => f.Relative, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file.Relative + "\0"));
            hash.AppendData(File.ReadAllBytes(file.Full));
            hash.AppendData([0]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..10];
    }

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder).Concat(Directory.EnumerateDirectories(folder)
            .Where(d => Path.GetFileName(d) is not ("bin" or "obj"))
            .SelectMany(SourceFiles));

    /// <summary>Packs the three packages into the feed unless this version is there already; true when it packed.</summary>
    private static bool Pack(string repo, string feed, string prefix, string suffix, string version)
    {
        var nupkgs = PackageIds.Select(id => Path.Combine(feed, $"{id}.{version}.nupkg")).ToArray();
        if (nupkgs.All(File.Exists))
        {
            Console.WriteLine($"  pack      up to date: {version} is in {feed}");
            return false;
        }

        var work = Path.Combine(repo, "artifacts", "install");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        var output = Path.Combine(work, "packages");
        string[] properties = ["-c", "Release", "-o", output, $"-p:VersionSuffix={suffix}", "--nologo"];
        Timed("pack", "Stack.Dsl (the library and its analyzers)", () => Dotnet(repo, ["pack", "src/Stack.Dsl", .. properties]));
        Timed("pack", "Stack.Tool (the stack command)", () => Dotnet(repo, ["pack", "src/Stack.Tool", .. properties]));
        var staged = StageTemplates(repo, Path.Combine(work, "templates"), prefix, version);
        Timed("pack", "Stack.Templates (dotnet new stack)", () => Dotnet(repo, ["pack", staged, .. properties]));

        // Into the feed only when all three are packed, each under a temporary name first: a failed
        // or interrupted run never leaves a package the next run would take for finished.
        Directory.CreateDirectory(feed);
        foreach (var nupkg in nupkgs)
        {
            var packedFile = Path.Combine(output, Path.GetFileName(nupkg));
            if (!File.Exists(packedFile))
            {
                throw new InstallException($"dotnet pack did not write {packedFile}.");
            }

            File.Copy(packedFile, nupkg + ".partial", overwrite: true);
            File.Move(nupkg + ".partial", nupkg, overwrite: true);
        }

        Directory.Delete(work, recursive: true);
        Console.WriteLine($"  feed      {feed} holds {version}");
        return true;
    }

    /// <summary>A copy of templates/ whose content asks for this build of Stack.Dsl instead of <paramref name="prefix"/>.</summary>
    private static string StageTemplates(string repo, string staged, string prefix, string version)
    {
        var source = Path.Combine(repo, "templates");
        string[] references = [$"#:package Stack.Dsl@{prefix}", $"Include=\"Stack.Dsl\" Version=\"{prefix}\""];
        var found = new bool[references.Length];
        foreach (var file in SourceFiles(source))
        {
            var target = Path.Combine(staged, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var text = File.ReadAllText(file);
            for (var i = 0; i < references.Length; i++)
            {
                found[i] |= text.Contains(references[i], StringComparison.Ordinal);
                text = text.Replace(references[i], references[i].Replace(prefix, version, StringComparison.Ordinal), StringComparison.Ordinal);
            }

            File.WriteAllText(target, text);
        }

        for (var i = 0; i < references.Length; i++)
        {
            if (!found[i])
            {
                throw new InstallException($"no file under templates/content has `{references[i]}`: the template must ask for Stack.Dsl {prefix} (the <VersionPrefix>) so this build can point it at {version}.");
            }
        }

        return Path.Combine(staged, "Stack.Templates.csproj");
    }

    /// <summary>Makes the feed a NuGet source of this user (the user-wide NuGet.Config), enabled, under one name.</summary>
    private static void RegisterFeed(string feed, string home)
    {
        var listed = Dotnet(home, ["nuget", "list", "source", "--format", "detailed"]);
        var sources = Regex.Matches(listed, @"^\s*\d+\.\s+(?<name>.+?) \[(?<state>Enabled|Disabled)\]\r?\n\s*(?<path>.+?)\s*$", RegexOptions.Multiline)
            .Select(m => (Name: m.Groups["name"].Value, Enabled: m.Groups["state"].Value == "Enabled", Path: m.Groups["path"].Value))
            .ToList();
        var same = sources.FirstOrDefault(s => SamePath(s.Path, feed));
        if (same.Name is not null && same.Enabled)
        {
            Console.WriteLine($"  source    up to date: {feed} is the NuGet source \"{same.Name}\"");
            return;
        }

        if (same.Name is not null)
        {
            Dotnet(home, ["nuget", "enable", "source", same.Name]);
            Console.WriteLine($"  source    enabled the NuGet source \"{same.Name}\" ({feed})");
        }
        else if (sources.Any(s => s.Name == SourceName))
        {
            Dotnet(home, ["nuget", "update", "source", SourceName, "--source", feed]);
            Dotnet(home, ["nuget", "enable", "source", SourceName]);
            Console.WriteLine($"  source    the NuGet source \"{SourceName}\" now points at {feed}");
        }
        else
        {
            Dotnet(home, ["nuget", "add", "source", feed, "--name", SourceName]);
            Console.WriteLine($"  source    added the NuGet source \"{SourceName}\": {feed}");
        }
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static void InstallTemplate(string feed, string version, string home)
    {
        // `dotnet new uninstall` with no argument lists what is installed: the package ID, then its version.
        var installed = Regex.Matches(Dotnet(home, ["new", "uninstall"]), @"^\s*Stack\.Templates\s*\r?\n\s*Version:\s*(\S+)", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value)
            .ToList();
        if (installed is [var only] && only == version)
        {
            Console.WriteLine($"  template  up to date: Stack.Templates {version} (dotnet new stack)");
            return;
        }

        // A package installed from a file is not replaced by another version's file: both stay, and
        // `dotnet new stack` warns of two templates with one identity. So every older one goes first.
        if (installed.Count > 0)
        {
            Dotnet(home, ["new", "uninstall", "Stack.Templates"]);
            Console.WriteLine($"  template  uninstalled Stack.Templates {string.Join(", ", installed)}");
        }

        Timed("template", $"Stack.Templates {version}", () => Dotnet(home, ["new", "install", Path.Combine(feed, $"Stack.Templates.{version}.nupkg")]));
    }

    private static void InstallTool(string feed, string version, string home)
    {
        var installed = Regex.Match(Dotnet(home, ["tool", "list", "--global"]), @"^stack\.tool\s+(\S+)", RegexOptions.Multiline | RegexOptions.IgnoreCase);
        if (installed.Success && installed.Groups[1].Value == version)
        {
            Console.WriteLine($"  tool      up to date: Stack.Tool {version} (the stack command)");
        }
        else
        {
            // `tool update` installs when the tool is missing; local versions are hashes, not an order.
            Timed("tool", $"Stack.Tool {version}", () => Dotnet(home, ["tool", "update", "--global", "Stack.Tool", "--version", version, "--add-source", feed, "--allow-downgrade"]));
        }

        var tools = Path.Combine(home, ".dotnet", "tools");
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator);
        if (!path.Any(p => SamePath(p, tools)))
        {
            Console.WriteLine($"            `stack` is in {tools}, which is not on your PATH; add it to run `stack import`.");
        }
    }

    private static void Timed(string step, string what, Func<string> action)
    {
        Console.WriteLine($"  {step,-9} {what} ...");
        var clock = Stopwatch.StartNew();
        action();
        Console.WriteLine($"  {string.Empty,-9} {what}: done in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Runs the dotnet CLI in English (its output is read) and returns what it printed; a failure shows all of it.</summary>
    private static string Dotnet(string folder, string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var command = $"dotnet {string.Join(' ', arguments)}";
        using var process = Process.Start(start) ?? throw new InstallException($"could not start `{command}`.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd() + error.GetAwaiter().GetResult();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output
            : throw new InstallException($"`{command}` (in {folder}) failed with exit code {process.ExitCode}:\n{output.TrimEnd()}");
    }
}
