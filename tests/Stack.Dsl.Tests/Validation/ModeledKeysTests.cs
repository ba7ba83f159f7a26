using System.Reflection;
using System.Text.RegularExpressions;
using Stack.Dsl.Compose;
using Stack.Rules;

namespace Stack.Dsl.Tests.Validation;

/// <summary>Every key the escape hatch refuses names the call that sets it, and that call exists.</summary>
public sealed partial class ModeledKeysTests
{
    public static TheoryData<string, Type> Owners => new()
    {
        { "service", typeof(Service) }, { "build", typeof(BuildSpec) }, { "secret", typeof(Secret) },
        { "config", typeof(Config) }, { "network", typeof(Network) }, { "volume", typeof(Volume) },
    };

    [Theory]
    [MemberData(nameof(Owners))]
    public void Every_refused_key_names_a_member_of_the_DSL(string owner, Type type)
    {
        var modeled = owner == "service"
            ? ServiceFieldNames.Modeled
            : (IReadOnlySet<string>)type.GetField("Modeled", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

        Assert.NotEmpty(modeled);
        // One list: the keys the library's type refuses are the keys the shared table (which the analyzer reads) names.
        Assert.Equal(modeled.Order(StringComparer.Ordinal), ModeledKeys.Keys(owner).Order(StringComparer.Ordinal));
        Assert.All(modeled, key =>
        {
            var api = ModeledKeys.Api(owner, key);
            Assert.True(api is not null, $"{owner} key '{key}' names no call");
            foreach (Match member in Member().Matches(api!))
            {
                var name = member.Groups[1].Value;
                var home = name.StartsWith("With", StringComparison.Ordinal) && type == typeof(Service) || owner != "service" ? type : typeof(Service);
                Assert.True(home.GetMember(name).Length > 0 || typeof(Stack.Dsl.Traefik.Router).GetMember(name).Length > 0, $"{owner} key '{key}': {home.Name} has no member {name} ({api})");
            }
        });
    }

    // ".WithX(", "Type.FromX(", "{ Property = ": the members a reader would call or set.
    [GeneratedRegex(@"(?:\.|\{ )([A-Z][A-Za-z]+)(?:\(| =)")]
    private static partial Regex Member();
}
