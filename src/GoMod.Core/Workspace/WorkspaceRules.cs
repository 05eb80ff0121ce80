using GoMod.Core.GoEnv;
using GoMod.Core.Restore;

namespace GoMod.Core.Workspace;

/// <summary>What go 1.19 refuses in workspace mode before loading, for a build in one module directory.</summary>
internal static class WorkspaceRules
{
    /// <summary>
    /// go's <c>setDefaultBuildMod</c> in workspace mode: an explicit <c>-mod</c> other than readonly is an error
    /// (<c>-mod=vendor</c> included: go 1.19 has no workspace vendoring); the module must be one the go.work uses
    /// (go builds <c>./...</c> of a directory outside them as <c>directory prefix . does not contain modules listed in
    /// go.work</c>). <c>GoVendor=true</c> would be <c>go work vendor</c> (go 1.22), not done yet: a warning.
    /// </summary>
    /// <exception cref="WorkspaceException">go refuses the build.</exception>
    public static void Check(GoWorkspace workspace, string moduleDir, ModMode? explicitMode, bool writeVendor, List<Exception> warnings)
    {
        if (explicitMode is { } mode && mode != ModMode.ReadOnly)
        {
            var name = mode == ModMode.Mod ? "mod" : "vendor";
            throw new WorkspaceException(workspace.WorkFilePath,
                $"-mod may only be set to readonly when in workspace mode, but it is set to \"{name}\"" +
                "\n\tRemove the -mod flag to use the default readonly value,\n\tor set GOWORK=off to disable workspace mode.");
        }
        var dir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(moduleDir));
        if (!workspace.Modules.Any(m => m.Dir == dir))
            throw new WorkspaceException(workspace.WorkFilePath,
                "pattern ./...: directory prefix . does not contain modules listed in go.work or their selected dependencies", goPrefixed: false);
        if (writeVendor)
            warnings.Add(new UnsupportedSettingException("GoVendor",
                $"{workspace.WorkFilePath} applies: vendoring a workspace is go work vendor (Go 1.22), which is not supported yet, so vendor/ was not written " +
                "(set GoWork=off to vendor this module on its own)"));
    }
}
