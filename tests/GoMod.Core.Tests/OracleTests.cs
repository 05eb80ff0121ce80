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
