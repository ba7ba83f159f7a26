using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Stack.Analyzers.Checklist;
using Stack.Testing;

namespace Stack.Analyzers.Tests;

/// <summary>Every descriptor, its docs page and the release-tracking file agree.</summary>
public sealed class DescriptorDocsTests
{
    public static TheoryData<string> Ids => [.. Descriptors().Select(d => d.Id)];

    [Fact]
    public void The_analyzers_carry_the_library_version_they_ship_with()
    {
        var library = typeof(Stack.Dsl.Compose.Service).Assembly.GetName().Version;

        Assert.Equal(library, typeof(Stack.Analyzers.Checklist.ChecklistAnalyzer).Assembly.GetName().Version);
        Assert.NotEqual(new Version(1, 0, 0, 0), library);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Help_link_points_at_a_docs_page_titled_with_the_id_and_title(string id)
    {
        var descriptor = Descriptors().Single(d => d.Id == id);
        var page = Path.Combine(Repository.Root, "docs", "rules", id + ".md");

        Assert.Equal($"https://github.com/stack-dsl/stack/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
        Assert.True(File.Exists(page), $"no docs page at docs/rules/{id}.md");
        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: {descriptor.Title}\n", text, StringComparison.Ordinal);
        Assert.All(["## Cause", "## Rule description", "## How to fix", "## How to suppress", "// Bad", "// Good", "#pragma warning disable " + id],
            section => Assert.Contains(section, text, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Release_tracking_lists_the_rule_with_its_category_and_severity(string id)
    {
        var descriptor = Descriptors().Single(d => d.Id == id);
        var releases = File.ReadAllText(Path.Combine(Repository.Root, "src", "Stack.Analyzers", "AnalyzerReleases.Unshipped.md"));

        var row = Regex.Match(releases, $"^{id} \\| ([^|]+) \\| ([^|]+) \\|", RegexOptions.Multiline);
        Assert.True(row.Success, $"{id} is not in AnalyzerReleases.Unshipped.md");
        Assert.Equal((descriptor.Category, descriptor.DefaultSeverity.ToString()), (row.Groups[1].Value.Trim(), row.Groups[2].Value.Trim()));
    }

    [Fact]
    public void Every_rule_in_release_tracking_has_a_descriptor()
    {
        var releases = File.ReadAllText(Path.Combine(Repository.Root, "src", "Stack.Analyzers", "AnalyzerReleases.Unshipped.md"));
        var listed = Regex.Matches(releases, "^(STK\\d{4}) \\|", RegexOptions.Multiline).Select(m => m.Groups[1].Value);

        Assert.Equal(Descriptors().Select(d => d.Id).Order(), listed.Order());
    }

    /// <summary>Every descriptor of every analyzer in the analyzer assembly, so a new analyzer cannot skip its docs.</summary>
    private static IEnumerable<DiagnosticDescriptor> Descriptors() =>
        typeof(ChecklistAnalyzer).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(DiagnosticAnalyzer)) && !t.IsAbstract)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .DistinctBy(d => d.Id);
}
