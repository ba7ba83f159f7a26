using System.Reflection;
using Stack.Rules;
using Stack.Testing;

namespace Stack.Dsl.Tests.Validation;

/// <summary>Every rule ID has its docs page, and every docs page belongs to a rule.</summary>
public class RuleDocsTests
{
    private static readonly string[] Ids = typeof(RuleIds)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .Order(StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public void Rule_ids_are_unique_and_well_formed()
    {
        Assert.Equal(Ids.Length, Ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(Ids, id => Assert.Matches("^STK0[0-5][0-9]{2}$", id));
    }

    [Fact]
    public void Every_rule_has_a_docs_page_titled_with_its_id()
    {
        foreach (var id in Ids)
        {
            var page = Path.Combine(Repository.Root, "docs", "rules", id + ".md");
            Assert.True(File.Exists(page), $"{id} has no docs page at docs/rules/{id}.md");
            Assert.StartsWith($"# {id}: ", File.ReadAllText(page), StringComparison.Ordinal);
            Assert.EndsWith($"/docs/rules/{id}.md", RuleIds.HelpLink(id), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_docs_page_belongs_to_a_rule()
    {
        var pages = Directory.GetFiles(Path.Combine(Repository.Root, "docs", "rules"), "STK*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal);

        Assert.Equal(Ids, pages);
    }
}
