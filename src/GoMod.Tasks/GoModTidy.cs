using GoMod.Core.Tidy;

namespace GoMod.Tasks;

/// <summary>
/// <c>go mod tidy [-e] [-compat=version]</c> as a task (targets GoModTidy and, with <see cref="Check"/>, GoModTidyCheck):
/// go.mod and go.sum rewritten as go 1.19's tidy leaves them, or — checking — left alone, failing with GOMOD0307 and the
/// differences when tidy would change them. A thin adapter over <see cref="ModuleTidyCommand"/>.
/// </summary>
public sealed class GoModTidy : GoModCommandTask
{
    /// <summary>GoModTidyCheck: change nothing; fail when go.mod or go.sum is not tidy.</summary>
    public bool Check { get; set; }

    /// <inheritdoc />
    public override bool Execute() => Run((o, ct) => ModuleTidyCommand.RunAsync(o,
        new TidyOptions { Compat = GoTidyCompat?.Trim() ?? "", AllowErrors = GoTidyErrors }, Check, ct), out _);
}
