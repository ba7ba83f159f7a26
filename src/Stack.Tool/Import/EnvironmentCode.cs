using System.Text;

namespace Stack.Tool.Import;

/// <summary>A base service an environment changes: how the code names it, the <c>with</c> resets, and the calls that follow.</summary>
internal sealed record MappedService(string Name, string Identifier, IReadOnlyList<string> Resets, IReadOnlyList<string> Calls);

/// <summary>
/// An override file as imported: the base services it changes (<c>MapService</c>) and those it
/// adds (<c>WithServices</c>), kept apart until written so the risks it adds can be accepted on
/// the service they concern (ComposeImporter.CarryRisks).
/// </summary>
internal sealed record EnvironmentCode(string Name, IReadOnlyList<MappedService> Mapped, IReadOnlyList<string> Added)
{
    /// <summary>The <c>new StackEnvironment(...)</c> expression.</summary>
    public string Code
    {
        get
        {
            var changes = new StringBuilder();
            foreach (var mapped in Mapped)
            {
                changes.Append("\n                .MapService(").Append(mapped.Identifier).Append(", service => ")
                    .Append(mapped.Resets.Count == 0 ? "service" : $"(service with {{ {string.Join(", ", mapped.Resets)} }})");
                foreach (var line in mapped.Calls)
                {
                    changes.Append("\n                    ").Append(line);
                }

                changes.Append(')');
            }

            if (Added.Count > 0)
            {
                changes.Append("\n                .WithServices(").Append(string.Join(", ", Added)).Append(')');
            }

            return $"new StackEnvironment({CSharpCode.Literal(Name)}, stack => stack{changes})";
        }
    }

    public void Deconstruct(out string name, out string code) => (name, code) = (Name, Code);
}
