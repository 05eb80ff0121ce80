using GoMod.Core.ModFile;

namespace GoMod.Core.Tests.ModFile;

/// <summary>Directives keep where they were parsed, so diagnostics can point at the go.mod line to fix.</summary>
public sealed class PositionTests
{
    private const string Text = """
        module example.com/m

        require example.com/single v1.0.0

        require (
        	example.com/a v1.0.0
        	  example.com/b v1.2.0 // indirect
        )

        replace example.com/a => ./local
        replace (
        	example.com/b v1.2.0 => example.com/c v1.3.0
        )

        exclude example.com/a v0.9.0

        """;

    [Fact]
    public void Positions_are_the_verb_outside_a_block_and_the_first_token_inside_one()
    {
        var f = GoModFile.Parse("go.mod", Text);

        f.PositionOfModule().ShouldBe(new ModFilePosition(1, 1));
        f.PositionOfRequire("example.com/single").ShouldBe(new ModFilePosition(3, 1));
        f.PositionOfRequire("example.com/a", "v1.0.0").ShouldBe(new ModFilePosition(6, 2));
        f.PositionOfRequire("example.com/b").ShouldBe(new ModFilePosition(7, 4));
        f.PositionOfExclude("example.com/a", "v0.9.0").ShouldBe(new ModFilePosition(15, 1));
    }

    [Fact]
    public void Replace_position_prefers_the_exact_version_over_the_wildcard()
    {
        var f = GoModFile.Parse("go.mod", Text);

        f.PositionOfReplace("example.com/a", "v1.0.0").ShouldBe(new ModFilePosition(10, 1));
        f.PositionOfReplace("example.com/b", "v1.2.0").ShouldBe(new ModFilePosition(12, 2));
        f.PositionOfReplace("example.com/b", "v1.0.0").ShouldBeNull();
    }

    [Fact]
    public void Unknown_and_dropped_directives_have_no_position()
    {
        var f = GoModFile.Parse("go.mod", Text);
        f.DropRequire("example.com/a");

        f.PositionOfRequire("example.com/a").ShouldBeNull();
        f.PositionOfRequire("example.com/none").ShouldBeNull();
        f.PositionOfExclude("example.com/a", "v1.0.0").ShouldBeNull();
    }
}
