namespace GoMod.Core.ModLoad;

/// <summary>A failure the go command reports on its own line as <c>go: message</c>; <see cref="Exception.Message"/> is the text after <c>go: </c>.</summary>
public class GoCommandException : Exception
{
    /// <summary>Creates the error with go's wording.</summary>
    public GoCommandException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
