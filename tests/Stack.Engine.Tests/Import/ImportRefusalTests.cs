using System.Text;
using Microsoft.CodeAnalysis;

namespace Stack.Engine.Tests.Import;

/// <summary>
/// stack import refuses what it cannot translate faithfully, at the line that says it: bad YAML,
/// tags and keys where they mean nothing, and input built to exhaust it. Nothing is written.
/// </summary>
public sealed class ImportRefusalTests
{
    [Theory]
    [InlineData("services:\n  web:\n    image: nginx:1.27.3\n    ports: !reset []\n", "!reset changes how an override file applies; in the file that defines service 'web' it means nothing")]
    [InlineData("services:\n  web:\n    image: nginx:1.27.3\n    labels:\n      a: !reset b\n", "the !reset tag is read only on a service's own keys")]
    public void A_merge_tag_where_it_means_nothing_is_refused_at_its_line(string yaml, string message)
    {
        var (code, errors) = AgreedImport.Import("dc.yml", yaml, "0.1.0", "s");

        Assert.Null(code);
        Assert.Contains(": error STK0218: " + message, Assert.Single(errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_merge_key_that_is_not_a_mapping_is_refused_at_its_line()
    {
        var (code, errors) = AgreedImport.Import("dc.yml", "services:\n  web:\n    <<: nginx\n    image: nginx:1.27\n", "0.1.0", "s");

        Assert.Null(code);
        Assert.StartsWith("dc.yml(3,9): error STK0218: a merge key (<<) takes a mapping", Assert.Single(errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_typed_key_the_importer_does_not_translate_is_refused_at_its_line()
    {
        var yaml = "services:\n  db:\n    image: postgres:17.2\n    volumes_from:\n      - x\n";

        var (code, errors) = AgreedImport.Import("dc.yml", yaml, "0.1.0", "s");

        Assert.Null(code);
        Assert.Equal("dc.yml(4,5): error STK0218: Service 'db' uses 'volumes_from', which Stack types (see docs/compose.md) but the importer does not translate yet. Remove it from a copy, import, and add it with its C# API.", Assert.Single(errors).ToString());
    }

    [Theory]
    [InlineData("services: [", "the YAML does not parse")]
    [InlineData("web:\n  image: nginx:1.27\n", "this is not a compose file")]
    [InlineData("services:\n  web:\n    image: nginx:1.27\nsecretz: {}\n", "the top-level key 'secretz'")]
    [InlineData("services:\n  web:\n    image: nginx:1.27\n    working_dir: ${DIR}\n", "working_dir holds a variable")]
    [InlineData("services:\n  web:\n    image: nginx:1.27\n    ports: [\"${HTTP_PORT}:80\"]\n", "the port '${HTTP_PORT}:80' holds a variable other than a host port with a default port")]
    [InlineData("services:\n  web:\n    image: nginx:1.27\n    ports: [\"${BIND_IP:-127.0.0.1}:${WEB_PORT:-8080}:80\"]\n", "the port '${BIND_IP:-127.0.0.1}:${WEB_PORT:-8080}:80' binds the host address ${BIND_IP:-127.0.0.1}, a variable, but Stack checks which interfaces a published port opens and takes the address as written; write the address (127.0.0.1:${WEB_PORT:-8080}:80)")]
    [InlineData("services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - type: tmpfs\n        target: /tmp\n        tmpfs:\n          size: 64000000\n", "a tmpfs mount in the long syntax (type: tmpfs) is not translated by the importer yet")]
    [InlineData("services:\n  web:\n    image: nginx:1.27\n    devices: [\"${GPU:-/dev/dri}:/dev/dri\"]\n", "the device '${GPU:-/dev/dri}:/dev/dri' holds a variable")]
    [InlineData("services:\n  web:\n    image: nginx:1.27\n    volumes: [\"${DATA:-./data}:/data:rw:ro\"]\n", "the mount '${DATA:-./data}:/data:rw:ro' has more than source:target:modes")]
    [InlineData("services:\n  web:\n    image: !custom nginx:1.27\n", "the tag !custom means nothing to compose")]
    [InlineData("services:\n  web:\n    image: nginx:1.27\n    deploy:\n      update_config:\n        order: Stop-First\n", "order 'Stop-First' is not one of stop-first, start-first")]
    [InlineData("services:\n  web:\n    image: nginx:1.27\n    deploy:\n      endpoint_mode: VIP\n", "endpoint_mode 'VIP' is not one of vip, dnsrr")]
    [InlineData("services:\n  ? [a, b]\n  : image: nginx:1.27\n", "this mapping key is a list or a mapping")]
    [InlineData("services: []\n", "services must be a mapping")]
    [InlineData("services:\n  web:\n    image: nginx:1.27\nnetworks: [a]\n", "networks must be a mapping")]
    public void Bad_input_is_refused_with_its_position_and_nothing_written(string yaml, string message)
    {
        var (code, errors) = AgreedImport.Import("dc.yml", yaml, "0.1.0", "s");

        Assert.Null(code);
        Assert.Contains(errors, e => e.ToString().StartsWith("dc.yml(", StringComparison.Ordinal) && e.ToString().Contains(": error STK0218: " + message, StringComparison.Ordinal));
    }

    /// <summary>Input built to exhaust the importer: an alias bomb, and nesting deep enough to overflow a recursive parser.</summary>
    public static TheoryData<string, string> Exhausting()
    {
        var bomb = new StringBuilder("x-a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
        {
            bomb.Append($"x-a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
        }

        bomb.Append("services:\n  web:\n    image: nginx:1.27.3\n    x-boom: *a9\n");
        const string service = "services:\n  web:\n    image: nginx:1.27.3\n";
        return new()
        {
            { bomb.ToString(), "its aliases expand 37 written values to 8335593974; that is an alias bomb" },
            { service + "    x-deep: " + new string('[', 300) + new string(']', 300) + "\n", "values nest more than 64 levels deep here" },
            { service + "    x-deep: " + new string('[', 300_000) + new string(']', 300_000) + "\n", "values nest more than 1000 levels deep here" },
            { service + string.Concat(Enumerable.Range(0, 3000).Select(i => new string(' ', 4 + (2 * i)) + $"k{i}:\n")), "values nest more than 1000 levels deep here" },
        };
    }

    [Theory]
    [MemberData(nameof(Exhausting))]
    public void Input_built_to_exhaust_the_importer_is_refused_with_its_position(string yaml, string message)
    {
        var (code, errors) = AgreedImport.Import("dc.yml", yaml, "0.1.0", "s");

        Assert.Null(code);
        Assert.Contains(": error STK0218: " + message, Assert.Single(errors).ToString(), StringComparison.Ordinal);
    }
}
