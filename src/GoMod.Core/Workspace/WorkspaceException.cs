namespace GoMod.Core.Workspace;

/// <summary>
/// A go.work that go refuses before loading anything (go 1.19's <c>loadWorkFile</c> and <c>makeMainModules</c>): a
/// <c>use</c> of a directory without go.mod, a directory used twice, conflicting replacements between the modules'
/// go.mod files that go.work does not settle, a main module replaced at every version, <c>-mod</c> other than readonly.
/// <see cref="Exception.Message"/> is go's text; <see cref="GoPrefixed"/> says whether go prints it after <c>go: </c>.
/// </summary>
public sealed class WorkspaceException : Exception
{
    /// <summary>Creates the failure with go's wording.</summary>
    public WorkspaceException(string workFile, string message, bool goPrefixed = true, Exception? innerException = null)
        : base(message, innerException)
    {
        WorkFile = workFile;
        GoPrefixed = goPrefixed;
    }

    /// <summary>The go.work file in force.</summary>
    public string WorkFile { get; }

    /// <summary>Whether go prints the message as <c>go: message</c> (go prints <c>reading go.work: …</c> bare).</summary>
    public bool GoPrefixed { get; }

    /// <summary>The line go prints on stderr.</summary>
    public string GoLine => GoPrefixed ? "go: " + Message : Message;
}
