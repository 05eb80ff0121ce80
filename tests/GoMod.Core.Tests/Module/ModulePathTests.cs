using GoMod.Core.Module;
using GoMod.Core.Semver;

namespace GoMod.Core.Tests.Module;

/// <summary>Conformance tables for module, import and file paths, written from the Go Modules Reference rules.</summary>
public class ModulePathTests
{
    [Theory]
    [InlineData("example.com")]
    [InlineData("example.com/m")]
    [InlineData("github.com/Azure/azure-sdk-for-go")]   // upper case is fine after the first element
    [InlineData("example.com/a_b/c-d/e~f/g.h")]
    [InlineData("127.0.0.1/x")]
    [InlineData("ex-ample.com/x")]
    [InlineData("example.com/m/v2")]
    [InlineData("example.com/m/v10")]
    [InlineData("example.com/v2")]
    [InlineData("example.com/m/v2x")]                   // not a version suffix at all
    [InlineData("example.com/m/v1x")]
    [InlineData("gopkg.in/yaml.v2")]
    [InlineData("gopkg.in/check.v0")]                   // gopkg.in allows .v0
    [InlineData("gopkg.in/user/pkg.v3")]
    [InlineData("gopkg.in/pkg.v1-unstable")]
    [InlineData("example.com/x~")]                      // a tilde without digits after it
    [InlineData("example.com/x~a1")]
    [InlineData("example.com/con1")]                    // not a reserved name
    [InlineData("example.com/com0")]
    [InlineData("example.com/lpt10")]
    public void CheckPath_accepts_valid_module_paths(string path)
    {
        ModulePath.CheckPath(path);
        ModulePath.IsValidPath(path).ShouldBeTrue();
    }

    [Theory]
    [InlineData("", "empty string")]
    [InlineData("-example.com/x", "leading dash")]
    [InlineData("example.com//x", "double slash")]
    [InlineData("example.com/x/", "trailing slash")]
    [InlineData("/example.com", "empty path element")]
    [InlineData("example", "missing dot in first path element")]
    [InlineData("localhost/x", "missing dot in first path element")]
    [InlineData("Example.com/x", "invalid char 'E' in first path element")]
    [InlineData("ex_ample.com/x", "invalid char '_' in first path element")]
    [InlineData("ex~ample.com/x", "invalid char '~' in first path element")]
    [InlineData("example.com/.x", "leading dot in path element")]
    [InlineData(".example.com", "leading dot in path element")]
    [InlineData("example.com/x.", "trailing dot in path element")]
    [InlineData("example.com/..", "invalid path element \"..\"")]
    [InlineData("example.com/.", "invalid path element \".\"")]
    [InlineData("example.com/a+b", "invalid char '+'")]             // '+' is for import paths only
    [InlineData("example.com/a b", "invalid char ' '")]
    [InlineData("example.com/a@b", "invalid char '@'")]
    [InlineData("example.com/a!b", "invalid char '!'")]
    [InlineData("example.com/é", "invalid char 'é'")]               // module paths are ASCII
    [InlineData("example.com/a\tb", "invalid char '\\t'")]
    [InlineData("example.com/con", "\"con\" disallowed as path element component on Windows")]
    [InlineData("example.com/AUX.go", "\"AUX\" disallowed as path element component on Windows")]
    [InlineData("example.com/Lpt1.x.y", "\"Lpt1\" disallowed as path element component on Windows")]
    [InlineData("example.com/x~1", "trailing tilde and digits in path element")]
    [InlineData("example.com/PROGRA~12.d", "trailing tilde and digits in path element")]
    [InlineData("example.com/m/v1", "invalid version")]
    [InlineData("example.com/m/v0", "invalid version")]
    [InlineData("example.com/m/v02", "invalid version")]
    [InlineData("example.com/m/v2.1", "invalid version")]
    [InlineData("example.com/m/v2.", "trailing dot in path element")]
    [InlineData("gopkg.in/yaml", "invalid version")]                // gopkg.in needs .vN
    [InlineData("gopkg.in/yaml.v02", "invalid version")]
    [InlineData("gopkg.in/yaml.v", "invalid version")]
    [InlineData("gopkg.in/v2", "invalid version")]
    public void CheckPath_rejects_with_gos_message(string path, string detail)
    {
        var e = Should.Throw<ModulePathException>(() => ModulePath.CheckPath(path));
        e.Detail.ShouldBe(detail);
        e.Kind.ShouldBe("module");
        e.Path.ShouldBe(path);
        e.Message.ShouldBe($"malformed module path {Quote(path)}: {detail}");
        ModulePath.IsValidPath(path).ShouldBeFalse();
    }

    [Theory]
    [InlineData("fmt")]                          // no dot needed in import paths
    [InlineData("github.com/x/c++")]             // '+' allowed
    [InlineData("Example.com/X")]                // any case
    [InlineData("example.com/.hidden")]          // leading dots allowed
    [InlineData("example.com/m/v1")]             // no version-suffix rules
    [InlineData("a/b/c")]
    public void CheckImportPath_accepts_what_module_paths_forbid_but_imports_allow(string path) => ModulePath.CheckImportPath(path);

    [Theory]
    [InlineData("-x", "leading dash")]
    [InlineData("a//b", "double slash")]
    [InlineData("a/b/", "trailing slash")]
    [InlineData("a/b.", "trailing dot in path element")]
    [InlineData("a/ b", "invalid char ' '")]
    [InlineData("a/b@v1", "invalid char '@'")]
    [InlineData("a/nul", "\"nul\" disallowed as path element component on Windows")]
    [InlineData("a/b~9", "trailing tilde and digits in path element")]
    [InlineData("a/日本", "invalid char '日'")]
    public void CheckImportPath_rejects_with_gos_message(string path, string detail)
        => Should.Throw<ModulePathException>(() => ModulePath.CheckImportPath(path))
            .Message.ShouldBe($"malformed import path {Quote(path)}: {detail}");

    [Theory]
    [InlineData("-x/y.go")]                      // leading dash allowed in files
    [InlineData("dir/a b.txt")]                  // space allowed
    [InlineData("dir/!#$%&()+,-.=@[]^_{}~.txt")] // the allowed punctuation
    [InlineData("docs/日本語.md")]                // Unicode letters
    [InlineData("x~1/y")]                        // short names are only an import-path concern
    [InlineData(".github/workflows/ci.yml")]
    public void CheckFilePath_accepts_file_names(string path) => ModulePath.CheckFilePath(path);

    [Theory]
    [InlineData("a/b\"c", "invalid char '\"'")]
    [InlineData("a/b'c", "invalid char '\\''")]
    [InlineData("a/b*c", "invalid char '*'")]
    [InlineData("a/b<c", "invalid char '<'")]
    [InlineData("a/b?c", "invalid char '?'")]
    [InlineData("a/b`c", "invalid char '`'")]
    [InlineData("a/b|c", "invalid char '|'")]
    [InlineData("a/b:c", "invalid char ':'")]
    [InlineData("a\\b", "invalid char '\\\\'")]
    [InlineData("a/٣", "invalid char '٣'")]                   // non-ASCII digits are not letters
    [InlineData("a/COM3.txt", "\"COM3\" disallowed as path element component on Windows")]
    [InlineData("a/..", "invalid path element \"..\"")]
    [InlineData("a/b.", "trailing dot in path element")]
    public void CheckFilePath_rejects_with_gos_message(string path, string detail)
        => Should.Throw<ModulePathException>(() => ModulePath.CheckFilePath(path))
            .Message.ShouldBe($"malformed file path {Quote(path)}: {detail}");

    [Fact]
    public void Unprintable_characters_are_escaped_in_messages_as_go_quotes_them()
        => Should.Throw<ModulePathException>(() => ModulePath.CheckFilePath("a/b\u00a0c"))
            .Message.ShouldBe("malformed file path \"a/b\\u00a0c\": invalid char '\\u00a0'"); // a non-breaking space is not a letter

    [Fact]
    public void A_lone_surrogate_is_reported_as_invalid_utf8()
        => Should.Throw<ModulePathException>(() => ModulePath.CheckFilePath("a/\ud800b")).Detail.ShouldBe("invalid UTF-8");

    [Theory]
    [InlineData("example.com/m", "example.com/m", "", true)]
    [InlineData("example.com/m/v2", "example.com/m", "/v2", true)]
    [InlineData("example.com/m/v23", "example.com/m", "/v23", true)]
    [InlineData("example.com/m/v1", "example.com/m/v1", "", false)]
    [InlineData("example.com/m/v0", "example.com/m/v0", "", false)]
    [InlineData("example.com/m/v02", "example.com/m/v02", "", false)]
    [InlineData("example.com/m/v2.0", "example.com/m/v2.0", "", false)]
    [InlineData("example.com/m/v", "example.com/m/v", "", true)]
    [InlineData("example.com/mv2", "example.com/mv2", "", true)]
    [InlineData("v2", "v2", "", true)]
    [InlineData("gopkg.in/yaml.v2", "gopkg.in/yaml", ".v2", true)]
    [InlineData("gopkg.in/yaml.v0", "gopkg.in/yaml", ".v0", true)]
    [InlineData("gopkg.in/yaml.v1-unstable", "gopkg.in/yaml", ".v1-unstable", true)]
    [InlineData("gopkg.in/yaml.v01", "gopkg.in/yaml.v01", "", false)]
    [InlineData("gopkg.in/yaml.v0-unstable", "gopkg.in/yaml.v0-unstable", "", false)] // only ".v0" exactly may start with 0
    [InlineData("gopkg.in/yaml.v-unstable", "gopkg.in/yaml", ".v-unstable", true)]    // go counts "-unstable" as the digits
    [InlineData("gopkg.in/yaml", "gopkg.in/yaml", "", false)]
    [InlineData("gopkg.in/yaml/v2", "gopkg.in/yaml/v2", "", false)]
    public void SplitPathVersion_separates_the_major_version_suffix(string path, string prefix, string major, bool ok)
    {
        ModulePath.SplitPathVersion(path, out var p, out var m).ShouldBe(ok);
        p.ShouldBe(prefix);
        m.ShouldBe(major);
    }

    [Theory]
    [InlineData("v0.1.0", "", true)]
    [InlineData("v1.5.0", "", true)]
    [InlineData("v2.0.0", "", false)]
    [InlineData("v2.0.0+incompatible", "", true)]        // no suffix: any +incompatible major
    [InlineData("v2.0.0", "/v2", true)]
    [InlineData("v2.0.0+incompatible", "/v2", true)]     // module.Check itself does not police the suffix here
    [InlineData("v3.0.0", "/v2", false)]
    [InlineData("v1.0.0", "/v2", false)]
    [InlineData("v2.0.0", ".v2", true)]
    [InlineData("v1.0.0", ".v1-unstable", true)]
    [InlineData("v0.3.0", ".v0", true)]
    [InlineData("v0.0.0-20200101000000-abcdefabcdef", ".v1", true)] // go's historical allowance for gopkg.in .v1
    [InlineData("v0.1.0", ".v1", false)]
    [InlineData("bad", "", false)]
    public void MatchPathMajor_compares_the_versions_major_with_the_suffix(string version, string pathMajor, bool ok)
        => ModulePath.MatchPathMajor(version, pathMajor).ShouldBe(ok);

    [Theory]
    [InlineData("v2.0.0", "", "version \"v2.0.0\" invalid: should be v0 or v1, not v2")]
    [InlineData("v3.1.0", "/v2", "version \"v3.1.0\" invalid: should be v2, not v3")]
    [InlineData("v1.0.0", ".v2-unstable", "version \"v1.0.0\" invalid: should be v2, not v1")]
    [InlineData("bad", "/v2", "version \"bad\" invalid: should be v2, not ")]
    public void CheckPathMajor_explains_the_mismatch(string version, string pathMajor, string message)
        => Should.Throw<InvalidVersionException>(() => ModulePath.CheckPathMajor(version, pathMajor)).Message.ShouldBe(message);

    [Theory]
    [InlineData("example.com/m", "v1.2.3")]
    [InlineData("example.com/m", "v0.0.0-20200101000000-abcdefabcdef")]
    [InlineData("example.com/m", "v4.0.0+incompatible")]
    [InlineData("example.com/m/v2", "v2.0.0")]
    [InlineData("example.com/m/v2", "v2")]                // Check wants valid, not canonical
    [InlineData("gopkg.in/yaml.v3", "v3.0.1")]
    public void Check_accepts_matching_path_and_version(string path, string version) => ModulePath.Check(path, version);

    [Theory]
    [InlineData("example.com/m", "1.2.3", "example.com/m@1.2.3: invalid version: not a semantic version")]
    [InlineData("example.com/m", "v2.0.0", "example.com/m@v2.0.0: invalid version: should be v0 or v1, not v2")]
    [InlineData("example.com/m/v3", "v2.0.0", "example.com/m/v3@v2.0.0: invalid version: should be v3, not v2")]
    [InlineData("gopkg.in/yaml.v2", "v3.0.0", "gopkg.in/yaml.v2@v3.0.0: invalid version: should be v2, not v3")]
    public void Check_reports_version_errors_as_module_errors(string path, string version, string message)
    {
        var e = Should.Throw<ModuleException>(() => ModulePath.Check(path, version));
        e.Message.ShouldBe(message);
        e.Path.ShouldBe(path);
        e.Version.ShouldBe(version);
        e.InnerException.ShouldBeOfType<InvalidVersionException>();
    }

    [Fact]
    public void Check_reports_a_bad_path_before_the_version()
        => Should.Throw<ModulePathException>(() => ModulePath.Check("example/m", "bad"))
            .Message.ShouldBe("malformed module path \"example/m\": missing dot in first path element");

    [Theory]
    [InlineData("example.com/m", "v2.0.0+incompatible", null)]
    [InlineData("example.com/m", "v1.2.3", null)]
    [InlineData("example.com/m/v2", "v2.1.0", null)]
    [InlineData("example.com/m", "v1.0.0+incompatible", "example.com/m@v1.0.0+incompatible: invalid version: +incompatible suffix not allowed: major version v1 is compatible")]
    [InlineData("example.com/m/v2", "v2.0.0+incompatible", "example.com/m/v2@v2.0.0+incompatible: invalid version: +incompatible suffix not allowed: major version v2 is compatible")]
    [InlineData("example.com/m/v2", "v3.0.0+incompatible", "example.com/m/v2@v3.0.0+incompatible: invalid version: module path includes a major version suffix, so major version must match")]
    [InlineData("example.com/m", "v2.0.0", "example.com/m@v2.0.0: invalid version: should be v0 or v1, not v2")]
    [InlineData("example.com/m", "v2", "example.com/m@v2: invalid version: should be v0 or v1, not v2")]
    [InlineData("example.com/m", "2.0.0+incompatible", "example.com/m@2.0.0+incompatible: invalid version: not a semantic version")]
    public void CheckIncompatible_allows_the_suffix_only_without_a_major_suffix_and_from_v2(string path, string version, string? message)
    {
        if (message is null) ModulePath.CheckIncompatible(path, version);
        else Should.Throw<ModuleException>(() => ModulePath.CheckIncompatible(path, version)).Message.ShouldBe(message);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("/v2", "v2")]
    [InlineData(".v0", "v0")]
    [InlineData(".v1-unstable", "v1")]
    public void PathMajorPrefix_is_the_tag_major_the_suffix_implies(string pathMajor, string prefix)
        => ModulePath.PathMajorPrefix(pathMajor).ShouldBe(prefix);

    [Theory]
    [InlineData("v2")]
    [InlineData("/v2.1")]
    [InlineData("/x")]
    public void PathMajorPrefix_rejects_suffixes_SplitPathVersion_cannot_produce(string pathMajor)
        => Should.Throw<ArgumentException>(() => ModulePath.PathMajorPrefix(pathMajor));

    [Theory]
    [InlineData("v2.0+incompatible", "")]                 // a shorthand takes no build suffix, so it is invalid
    [InlineData("v2.0.0+incompatible", "v2.0.0+incompatible")]
    [InlineData("v1.2.3+meta", "v1.2.3")]
    [InlineData("v1.2.3+incompatible.x", "v1.2.3")]
    [InlineData("v1", "v1.0.0")]
    [InlineData("bad+incompatible", "")]
    public void CanonicalVersion_keeps_only_the_incompatible_build_suffix(string v, string expected)
        => ModulePath.CanonicalVersion(v).ShouldBe(expected);

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\t", "\\t") + "\"";
}
