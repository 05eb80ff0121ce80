using GoMod.Core.Module;
using GoMod.Core.Semver;

namespace GoMod.Core.Tests.Module;

/// <summary>Case-escaping of module paths and versions: <c>X</c> ↔ <c>!x</c>, and the inputs each direction refuses.</summary>
public class EscapingTests
{
    [Theory]
    [InlineData("github.com/Azure/azure-sdk-for-go", "github.com/!azure/azure-sdk-for-go")]
    [InlineData("github.com/GoogleCloudPlatform/cloudsql-proxy", "github.com/!google!cloud!platform/cloudsql-proxy")]
    [InlineData("github.com/Sirupsen/logrus", "github.com/!sirupsen/logrus")]
    [InlineData("rsc.io/quote", "rsc.io/quote")]
    [InlineData("example.com/ABC/v2", "example.com/!a!b!c/v2")]
    [InlineData("example.com/x_Y~Z", "example.com/x_!y~!z")]
    public void EscapePath_and_UnescapePath_are_inverse(string path, string escaped)
    {
        ModulePath.EscapePath(path).ShouldBe(escaped);
        ModulePath.UnescapePath(escaped).ShouldBe(path);
    }

    [Theory]
    [InlineData("v1.2.3", "v1.2.3")]
    [InlineData("v1.2.3-RC1", "v1.2.3-!r!c1")]
    [InlineData("v2.0.0+incompatible", "v2.0.0+incompatible")]
    [InlineData("master", "master")]                // queries are escaped too
    [InlineData("Feature", "!feature")]
    public void EscapeVersion_and_UnescapeVersion_are_inverse(string version, string escaped)
    {
        ModulePath.EscapeVersion(version).ShouldBe(escaped);
        ModulePath.UnescapeVersion(escaped).ShouldBe(version);
    }

    [Theory]
    [InlineData("Example.com/x", "malformed module path \"Example.com/x\": invalid char 'E' in first path element")]
    [InlineData("example.com/a!b", "malformed module path \"example.com/a!b\": invalid char '!'")]
    public void EscapePath_rejects_invalid_module_paths(string path, string message)
        => Should.Throw<ModulePathException>(() => ModulePath.EscapePath(path)).Message.ShouldBe(message);

    [Theory]
    [InlineData("v1.0.0!")]          // '!' would be ambiguous
    [InlineData("a/b")]              // a version is one path element
    [InlineData("v1.0.0 *")]
    [InlineData("")]
    [InlineData("con")]
    public void EscapeVersion_rejects_disallowed_version_strings(string version)
        => Should.Throw<InvalidVersionException>(() => ModulePath.EscapeVersion(version))
            .Message.ShouldBe($"version \"{version}\" invalid: disallowed version string");

    [Fact]
    public void EscapeVersion_cannot_escape_non_ascii_letters()
        => Should.Throw<FormatException>(() => ModulePath.EscapeVersion("vé")).Message.ShouldBe("internal error: inconsistency in EscapePath");

    [Theory]
    [InlineData("github.com/!")]             // '!' at the end
    [InlineData("github.com/!!azure")]       // '!' followed by '!'
    [InlineData("github.com/!1")]            // '!' followed by a digit
    [InlineData("github.com/!Azure")]        // '!' followed by an upper-case letter
    [InlineData("github.com/Azure")]         // upper case in an escaped string
    [InlineData("github.com/é")]             // non-ASCII
    public void UnescapePath_rejects_malformed_escapes(string escaped)
        => Should.Throw<FormatException>(() => ModulePath.UnescapePath(escaped))
            .Message.ShouldBe($"invalid escaped module path \"{escaped}\"");

    [Fact]
    public void UnescapePath_rejects_an_escape_that_names_an_invalid_path()
        => Should.Throw<FormatException>(() => ModulePath.UnescapePath("!example.com/x"))
            .Message.ShouldBe("invalid escaped module path \"!example.com/x\": malformed module path \"Example.com/x\": invalid char 'E' in first path element");

    [Theory]
    [InlineData("v1.0.0-!", "invalid escaped version \"v1.0.0-!\"")]
    [InlineData("V1.0.0", "invalid escaped version \"V1.0.0\"")]
    [InlineData("a/b", "invalid escaped version \"a/b\": invalid char '/'")]
    [InlineData("!c!o!n", "invalid escaped version \"CON\": \"CON\" disallowed as path element component on Windows")]
    public void UnescapeVersion_rejects_bad_escapes_and_bad_versions(string escaped, string message)
        => Should.Throw<FormatException>(() => ModulePath.UnescapeVersion(escaped)).Message.ShouldBe(message);
}
