namespace Stack.Tool.Import;

/// <summary>
/// An import as a project laid out as this repository's definition is: <c>Program.cs</c> and
/// <c>Definition.cs</c> at the root, the shared variables, networks and volumes in
/// <c>Common/</c>, one file per service in <c>Services/</c>, one per environment in
/// <c>Environments/</c>; every declaration a static member, so the analyzers follow them.
/// </summary>
internal static class ProjectWriter
{
    public static IReadOnlyDictionary<string, string> Write(ImportedCode imported, string packageVersion)
    {
        // The project's namespace; "Stack" would hide Stack.Dsl inside it.
        var name = Naming.Member(imported.StackName) is var member && member != "Stack" ? member : "MyStack";
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{name}.csproj"] = Project(packageVersion),
            ["Program.cs"] = CSharpCode.Comment($"Imported from {string.Join(", ", imported.Sources)} by `stack import`. `dotnet run` writes generated/;") + "\n"
                + "// the build shows what the stack misses (STKnnnn) at its line. TODO(import) marks what Stack does not type.\n"
                + $"return Stack.Dsl.Cli.StackCli.Run(args, {name}.Definition.Build);\n",
            ["Definition.cs"] = Class(name, "Definition", "The whole stack.",
                $"    public static ComposeStack Build() => {SingleFileWriter.StackExpression(imported, "\n        ", imported.Variables.Count > 0 ? "Variables.All" : null)};\n"),
        };

        if (imported.Variables.Count > 0)
        {
            var members = imported.Variables.Select(v => $"    public static readonly Variable {MemberOf(v.Value)} = new({CSharpCode.Literal(v.Key)});\n");
            files["Common/Variables.cs"] = Class(name, "Variables", "The variables the server's .env provides (.env.example lists them).", string.Concat(members)
                + $"\n    /// <summary>Every variable, for <c>WithVariables</c>.</summary>\n    public static readonly Variable[] All = [{string.Join(", ", imported.Variables.Values.Select(MemberOf))}];\n");
        }

        foreach (var (group, type) in new[] { (imported.Networks, "Network"), (imported.Volumes, "Volume"), (imported.Secrets, "Secret"), (imported.Configs, "Config"), (imported.EntryPoints, "EntryPoint"), (imported.Middlewares, "Middleware") }.Where(g => g.Item1.Count > 0))
        {
            var members = group.Select(d => (d.Todo is { } todo ? $"    {todo}\n" : string.Empty)
                + $"    public static readonly {type} {MemberOf(d.Identifier)} = {d.Chain[0]};\n");
            files[$"Common/{type}s.cs"] = Class(name, type + "s", $"The stack's {type.ToLowerInvariant()}s.", string.Join("\n", members));
        }

        foreach (var service in imported.Services)
        {
            var chain = service.Chain[0] + string.Concat(service.Chain.Skip(1).Select(link => "\n        " + link));
            var serviceClass = service.Identifier[..service.Identifier.IndexOf('.', StringComparison.Ordinal)]; // Class.Service
            files[$"Services/{serviceClass}.cs"] = Class(name, serviceClass, $"Service '{service.Name}'.", $"    public static readonly Service Service = {chain};\n");
        }

        foreach (var (environment, code) in imported.Environments)
        {
            var environmentName = Naming.Member(environment);
            files[$"Environments/{environmentName}.cs"] = Class(name, environmentName + "Environment", $"Environment '{environment}': what dc.{environment}.yml changes.", $"    public static readonly StackEnvironment Environment = {Indented(code)};\n");
        }

        return files;
    }

    /// <summary>The member a project's identifier names (<c>Variables.BaseHost</c> is <c>BaseHost</c>).</summary>
    private static string MemberOf(string identifier) => identifier[(identifier.IndexOf('.', StringComparison.Ordinal) + 1)..];

    private static string Project(string packageVersion) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <!-- A Stack definition imported by `stack import`: `dotnet run` writes generated/. -->
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Stack.Dsl" Version="{packageVersion}" />
          </ItemGroup>
        </Project>

        """;

    /// <summary>A file holding one static class.</summary>
    private static string Class(string ns, string name, string summary, string members) =>
        $"{ImportedCode.Usings(members)}\nnamespace {ns};\n\n/// <summary>{summary}</summary>\npublic static class {name}\n{{\n{members}}}\n";

    // The environment's code is written for a single file's indentation: one level less here.
    private static string Indented(string code) => code.Replace("\n        ", "\n", StringComparison.Ordinal);
}
