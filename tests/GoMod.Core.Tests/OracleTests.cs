using GoMod.Testing;

namespace GoMod.Core.Tests;

public class OracleTests
{
    [GoFact]
    public void The_go_oracle_runs_hermetically_and_reports_its_version()
    {
        using var home = new TempDirectory("oracle");
        var result = GoOracle.Run(home.Path, home.Path, null, "env", "GOPROXY", "GOMODCACHE");
        result.EnsureSuccess("go env");
        var lines = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("off");
        lines[1].ShouldStartWith(home.Path);
    }
}

public class LaterGoOracleTests
{
    [LaterGoFact]
    public void The_later_go_oracle_is_go_1_23_or_newer_and_never_switches_toolchains()
    {
        using var home = new TempDirectory("later-oracle");
        var result = LaterGoOracle.Run(home.Path, home.Path, null, "env", "GOVERSION", "GOTOOLCHAIN", "GOPROXY");
        result.EnsureSuccess("go env");
        var lines = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var minor = int.Parse(lines[0].Split('.')[1], System.Globalization.CultureInfo.InvariantCulture);
        minor.ShouldBeGreaterThanOrEqualTo(LaterGoOracle.MinimumMinor);
        lines[1].ShouldBe("local");
        lines[2].ShouldBe("off");
    }
}
