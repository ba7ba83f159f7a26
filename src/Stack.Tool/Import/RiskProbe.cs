using Stack.Dsl.Compose;
using Stack.Dsl.Validation.Security;
using Stack.Dsl.Values;
using Stack.Tool.Import.Evaluation;

namespace Stack.Tool.Import;

/// <summary>
/// The risks the imported stack takes, found by the stack's own security rules
/// (<see cref="SecurityRules.Unaccepted"/>, what STK0100-STK0107 report) on the model the imported
/// C# builds. The code is run by <see cref="CodeEvaluator"/>, not compiled: the acceptances the
/// import writes are exactly what the rules find, without paying for a compiler (docs/import.md).
/// </summary>
internal static class RiskProbe
{
    /// <summary>
    /// Each risk the stack <paramref name="imported"/> builds takes without accepting it, with
    /// <paramref name="environment"/> applied when named, and each literal secret a network or volume
    /// holds without accepting it (a CIFS volume's <c>password=</c>), as the resource's kind ("Network",
    /// "Volume"), compose name and the name it is accepted by; or why its code could not be run (an importer fault).
    /// </summary>
    public static (IReadOnlyList<(string Service, SecurityRisk Risk, string? Subject)> Risks, IReadOnlyList<(string Kind, string Name, string Subject)> Resources, string? Problem) Find(
        ImportedCode imported, string? environment)
    {
        try
        {
            var stack = Model(imported);
            stack = environment is null ? stack : stack.Environments.Single(e => e.Name == environment).Apply(stack);
            return ([.. SecurityRules.Unaccepted(stack)], [.. SecurityRules.UnacceptedInResources(stack).Select(r => (r.Resource.GetType().Name, r.Resource.Name, r.Subject))], null);
        }
        catch (UnreadCode unread)
        {
            return ([], [], unread.Message);
        }
#pragma warning disable CA1031 // Whatever the library throws while building is the import's fault, reported as one line.
        catch (Exception failed)
#pragma warning restore CA1031
        {
            return ([], [], $"the stack it wrote does not build ({failed.Message})");
        }
    }

    /// <summary>
    /// The stack the imported code builds, declaration by declaration in the order the writers
    /// write them (both layouts: a project's identifiers are dotted, <c>Variables.Db</c>).
    /// </summary>
    public static ComposeStack Model(ImportedCode imported)
    {
        var code = new CodeEvaluator();
        var variables = imported.Variables.Select(v => (v.Value, Variable: new Variable(v.Key))).ToList();
        foreach (var (identifier, variable) in variables)
        {
            code.Declare(identifier, variable);
        }

        code.Declare("Variables.All", variables.Select(v => v.Variable).ToArray());
        foreach (var declared in new[] { imported.Networks, imported.Volumes, imported.Secrets, imported.Configs, imported.EntryPoints, imported.Middlewares }.SelectMany(g => g))
        {
            code.Declare(declared.Identifier, code.Evaluate<object>(declared.Chain[0]));
        }

        foreach (var service in imported.Services)
        {
            code.Declare(service.Identifier, code.Evaluate<Service>(string.Join('\n', service.Chain)));
        }

        return code.Evaluate<ComposeStack>(SingleFileWriter.StackExpression(imported, "\n", variables.Count > 0 ? "Variables.All" : null));
    }
}
