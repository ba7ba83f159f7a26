using System.Text;

namespace Stack.Tool.Import;

/// <summary>An import as one <c>stack.cs</c> that <c>dotnet run stack.cs</c> runs: everything a local of <c>Build()</c>.</summary>
internal static class SingleFileWriter
{
    public static string Write(ImportedCode imported, string packageVersion, string fileName)
    {
        var text = new StringBuilder();
        text.Append("#:package Stack.Dsl@").Append(packageVersion).Append('\n');
        text.Append(CSharpCode.Comment($"Imported from {string.Join(", ", imported.Sources)} by `stack import`. `dotnet run {fileName}` writes generated/;")).Append('\n');
        text.Append("// the build shows what the stack misses (STKnnnn) at its line. TODO(import) marks what Stack does not type.\n");
        text.Append(ImportedCode.Usings(imported.AllCode + (imported.Variables.Count > 0 ? " Variable " : string.Empty), cli: true)).Append('\n');
        text.Append("return StackCli.Run(args, Build);\n\nstatic ComposeStack Build()\n{\n");
        foreach (var (name, identifier) in imported.Variables)
        {
            text.Append("    var ").Append(identifier).Append(" = new Variable(").Append(CSharpCode.Literal(name)).Append(");\n");
        }

        text.Append(imported.Variables.Count > 0 ? "\n" : string.Empty);
        foreach (var group in new[] { imported.Networks, imported.Volumes, imported.Secrets, imported.Configs, imported.EntryPoints, imported.Middlewares }.Where(g => g.Count > 0))
        {
            foreach (var declared in group)
            {
                text.Append(declared.Todo is { } todo ? $"    {todo}\n" : string.Empty);
                text.Append("    var ").Append(declared.Identifier).Append(" = ").Append(declared.Chain[0]).Append(";\n");
            }

            text.Append('\n');
        }

        foreach (var service in imported.Services)
        {
            text.Append("    var ").Append(service.Identifier).Append(" = ").Append(service.Chain[0]);
            foreach (var link in service.Chain.Skip(1))
            {
                text.Append("\n        ").Append(link);
            }

            text.Append(";\n\n");
        }

        text.Append("    return ").Append(StackExpression(imported, "\n        ")).Append(";\n}\n");
        return text.ToString();
    }

    /// <summary>The <c>new ComposeStack(...)</c> chain that assembles what was declared, one call a line.</summary>
    /// <param name="imported">What was imported.</param>
    /// <param name="lineBreak">A line break and the indentation of each call.</param>
    /// <param name="variables">The argument of WithVariables, when not the list of every variable.</param>
    public static string StackExpression(ImportedCode imported, string lineBreak, string? variables = null)
    {
        var text = new StringBuilder("new ComposeStack(").Append(CSharpCode.Literal(imported.StackName)).Append(')');
        void Call(string method, IEnumerable<string> arguments)
        {
            var list = arguments.ToList();
            if (list.Count > 0)
            {
                text.Append(lineBreak).Append('.').Append(method).Append('(').Append(string.Join(", ", list)).Append(')');
            }
        }

        Call("WithVariables", variables is null ? imported.Variables.Values : [variables]);
        Call("WithNetworks", imported.Networks.Select(n => n.Identifier));
        Call("WithVolumes", imported.Volumes.Select(v => v.Identifier));
        Call("WithSecrets", imported.Secrets.Select(s => s.Identifier));
        Call("WithConfigs", imported.Configs.Select(c => c.Identifier));
        Call("WithServices", imported.BaseServices);
        Call("WithTargets", imported.Targets is null ? [] : [imported.Targets]);
        if (imported.Traefik is { } traefik)
        {
            text.Append(lineBreak).Append(".WithTraefik(").Append(traefik.Replace("\n", lineBreak + "    ", StringComparison.Ordinal)).Append(')');
        }
        foreach (var extension in imported.Extensions)
        {
            text.Append(lineBreak).Append(extension);
        }

        if (imported.Environments.Count > 0)
        {
            text.Append(lineBreak).Append(".WithEnvironments(").Append(lineBreak).Append("    ")
                .Append(string.Join("," + lineBreak + "    ", imported.Environments.Select(e => e.Code))).Append(')');
        }

        return text.ToString();
    }
}
