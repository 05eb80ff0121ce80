using GoMod.Core.Tidy;

namespace GoMod.Tasks;

/// <summary>
/// <c>go mod tidy [-e] [-v] [-go=version] [-compat=version]</c> as a task (targets GoModTidy and, with <see cref="Check"/>, GoModTidyCheck):
/// go.mod and go.sum rewritten as go 1.19's tidy leaves them (go 1.23's from go 1.21 go lines), or — checking — left alone, failing with GOMOD0307 and the
/// differences when tidy would change them. A thin adapter over <see cref="ModuleTidyCommand"/>.
/// </summary>
public sealed class GoModTidy : GoModCommandTask
{
    /// <summary>GoModTidyCheck: change nothing; fail when go.mod or go.sum is not tidy.</summary>
    public bool Check { get; set; }

    /// <inheritdoc />
    public override bool Execute() => Run((o, ct) => ModuleTidyCommand.RunAsync(o,
        new TidyOptions
        {
            Compat = GoTidyCompat?.Trim() ?? "",
            AllowErrors = GoTidyErrors,
            Go = GoTidyGo?.Trim() ?? "",
            Verbose = GoTidyVerbose,
            LocalToolchain = GoLocalToolchain?.Trim() ?? "",
        }, Check, ct), out _);
}
