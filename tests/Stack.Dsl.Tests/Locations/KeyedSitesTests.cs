using Stack.Dsl.Compose;
using Stack.Dsl.Locations;
using Stack.Dsl.Yaml;

namespace Stack.Dsl.Tests.Locations;

/// <summary>Where a keyed value (a field, an extension) was written: the newest write of its key, for the value it wrote.</summary>
public sealed class KeyedSitesTests
{
    private static readonly SourceLocation First = new("/src/Stack.cs", 10);
    private static readonly SourceLocation Second = new("/src/Stack.cs", 20);

    [Fact]
    public void The_place_of_each_key_is_its_newest_write_of_that_value()
    {
        var values = Enumerable.Range(0, 40).Select(i => (Key: $"x-{i}", Value: (object)YamlValue.Text($"v{i}"))).ToList();
        var sites = values.Aggregate(KeyedSites.None, (s, v) => s.With(v.Key, v.Value, new SourceLocation("/src/Stack.cs", 100 + v.Key.Length)));
        foreach (var (key, value) in values)
        {
            Assert.Equal(new SourceLocation("/src/Stack.cs", 100 + key.Length), sites.Of(key, value));
        }
    }

    [Fact]
    public void A_replaced_value_has_no_place_and_the_new_one_has_the_new_place()
    {
        object old = YamlValue.Text("a"), replacement = YamlValue.Text("a");
        var sites = KeyedSites.None.With("k", old, First).With("other", old, First).With("k", replacement, Second);
        Assert.Null(sites.Of("k", old));
        Assert.Equal(Second, sites.Of("k", replacement));
        Assert.Equal(First, sites.Of("other", old));
    }

    [Fact]
    public void A_write_from_an_unknown_place_hides_the_older_place()
    {
        object value = YamlValue.Text("a");
        var sites = KeyedSites.None.With("k", value, First).With("k", value, SourceLocation.Unknown);
        Assert.Null(sites.Of("k", value));
        Assert.Equal(First, KeyedSites.None.With("k", value, First).Of("k", value));
    }

    [Fact]
    public void Nothing_written_or_no_value_has_no_place()
    {
        object value = YamlValue.Text("a");
        Assert.Null(KeyedSites.None.Of("k", value));
        Assert.Null(KeyedSites.None.With("k", value, First).Of("k", null));
        Assert.Null(KeyedSites.None.With("k", value, First).Of("K", value));
    }

    [Fact]
    public void Sites_are_not_part_of_equality()
    {
        Assert.Equal(KeyedSites.None, KeyedSites.None.With("k", YamlValue.Text("a"), First));
        Assert.Equal(KeyedSites.None.GetHashCode(), KeyedSites.None.With("k", YamlValue.Text("a"), First).GetHashCode());
    }
}
