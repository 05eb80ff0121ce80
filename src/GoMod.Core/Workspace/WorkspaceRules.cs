using GoMod.Core.GoEnv;
using GoMod.Core.Restore;

namespace GoMod.Core.Workspace;

/// <summary>
/// What go refuses in workspace mode before loading, for a build in one module directory, and the <c>-mod</c> it
/// runs with: go 1.19's rules, with go 1.22's workspace vendoring (<c>-mod=vendor</c> accepted, and the default when
/// the workspace has a vendor/ written by <c>go work vendor</c>).
/// </summary>
internal static class WorkspaceRules
{
    /// <summary>
    /// go's <c>setDefaultBuildMod</c> in workspace mode: an explicit <c>-mod</c> other than readonly or vendor is an
    /// error (go 1.23's words; go 1.19 refused vendor too, having no workspace vendoring); the module must be one the
    /// go.work uses (go builds <c>./...</c> of a directory outside them as <c>directory prefix . does not contain
    /// modules listed in go.work</c>).
    /// </summary>
    /// <exception cref="WorkspaceException">go refuses the build.</exception>
    public static void Check(GoWorkspace workspace, string moduleDir, ModMode? explicitMode, bool writeVendor, List<Exception> warnings)
    {
        if (explicitMode is ModMode.Mod)
        {
            throw new WorkspaceException(workspace.WorkFilePath,
                "-mod may only be set to readonly or vendor when in workspace mode, but it is set to \"mod\"" +
                "\n\tRemove the -mod flag to use the default readonly value,\n\tor set GOWORK=off to disable workspace mode.");
        }
        var dir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(moduleDir));
        if (!workspace.Modules.Any(m => m.Dir == dir))
            throw new WorkspaceException(workspace.WorkFilePath,
                "pattern ./...: directory prefix . does not contain modules listed in go.work or their selected dependencies", goPrefixed: false);
    }

    /// <summary>
    /// The <c>-mod</c> of a workspace build: an explicit one; else vendor when <see cref="WorkspaceVendorMode.IsDefault"/>;
    /// else readonly. <c>GoVendor=true</c> (<c>go work vendor</c>) loads from the module cache: readonly.
    /// </summary>
    public static ModMode Mode(GoWorkspace workspace, ModMode? explicitMode, bool writeVendor)
    {
        if (writeVendor) return ModMode.ReadOnly;
        if (explicitMode is { } mode) return mode;
        return WorkspaceVendorMode.IsDefault(workspace) ? ModMode.Vendor : ModMode.ReadOnly;
    }
}
