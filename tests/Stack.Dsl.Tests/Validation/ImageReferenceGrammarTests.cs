using Stack.Dsl.Validation.Text;

namespace Stack.Dsl.Tests.Validation;

/// <summary>The image reference grammar the engine parses with (docker/distribution's reference package).</summary>
public sealed class ImageReferenceGrammarTests
{
    [Theory]
    [InlineData("nginx", true)]
    [InlineData("nginx:1.27", true)]
    [InlineData("library/nginx:1.27-alpine", true)]
    [InlineData("ghcr.io/dgtlmoon/changedetection.io:0.46.04", true)]
    [InlineData("localhost:5000/team/app:v1", true)]
    [InlineData("registry.example.com:443/a/b/c", true)]
    [InlineData("[::1]:5000/app:1", true)]
    [InlineData("my_app__x--y.z:1", true)]
    [InlineData("traefik@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true)]
    [InlineData("MyOrg/App:1", false)]
    [InlineData("nginx:", false)]
    [InlineData("nginx:1 .0", false)]
    [InlineData("-nginx", false)]
    [InlineData("nginx-", false)]
    [InlineData("a//b", false)]
    [InlineData("a..b", false)]
    [InlineData("nginx@sha256:xyz", false)]
    [InlineData("Registry.Example.com/app", true)]
    [InlineData("bad_host.example.com/app", false)]
    [InlineData("nginx:.hidden", false)]
    public void Parses_as_the_engine_does(string reference, bool valid) => Assert.Equal(valid, ImageReferenceGrammar.IsValid(reference));
}
