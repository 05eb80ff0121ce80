using GoMod.Core.Mvs;

namespace GoMod.Core.ModLoad;

/// <summary>
/// A failure the go command reports on its own line as <c>go: message</c> while it selects or loads modules;
/// <see cref="Exception.Message"/> is the text after <c>go: </c>. The base of the loader's typed failures; a
/// <see cref="Mvs.BuildListException"/> reaches callers wrapped in one, as go's modload wraps mvs's errors.
/// </summary>
public class GoCommandException : Exception
{
    /// <summary>Creates the error with go's wording.</summary>
    public GoCommandException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
