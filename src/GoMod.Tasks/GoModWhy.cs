using Microsoft.Build.Framework;
using GoMod.Core.Reports;
using GoMod.Core.Restore;

namespace GoMod.Tasks;

/// <summary>
/// <c>go mod why [-m] [-vendor] args…</c> as a task: prints, for each package (or module), a shortest import path from
/// the main module exactly as go does, and writes the same text to a file when asked. A thin adapter over
/// <see cref="ModuleCommands"/>.
/// </summary>
public sealed class GoModWhy : GoModCommandTask
{
    /// <summary>The packages (or, with <see cref="Modules"/>, modules) to explain, <c>;</c>-separated (GoWhy).</summary>
    public string? Arguments { get; set; }

    /// <summary>GoWhyModules: the arguments are modules (<c>-m</c>).</summary>
    public bool Modules { get; set; }

    /// <summary>GoWhyVendor: leave out the tests of dependencies (<c>-vendor</c>).</summary>
    public bool Vendor { get; set; }

    /// <summary>Where to write the <c>go mod why</c> text (full path; empty for none).</summary>
    public string? OutputFile { get; set; }

    /// <summary>The <c>go mod why</c> text.</summary>
    [Output] public string Output { get; private set; } = "";

    /// <inheritdoc />
    public override bool Execute()
    {
        var args = (Arguments ?? "").Split([';', ' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var why = new WhyOptions { Modules = Modules, Vendor = Vendor };
        if (!Run((o, ct) => ModuleCommands.WhyAsync(o, args, why, ct), out var result)) return false;
        Output = result.Output.StdOut;
        if (Output.Length > 0) Log.LogMessage(MessageImportance.High, "{0}", Output.TrimEnd('\n'));
        WriteOutput(OutputFile, Output);
        return true;
    }
}
