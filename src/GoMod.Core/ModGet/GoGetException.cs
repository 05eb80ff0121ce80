using GoMod.Core.ModLoad;

namespace GoMod.Core.ModGet;

/// <summary>
/// go get could not apply its arguments: an argument that does not parse or resolve, conflicting versions, a package
/// no module provides (go get's error line, without <c>go: </c>; the failure that caused it, if any, is the inner exception).
/// </summary>
public sealed class GoGetException(string message, Exception? cause = null) : GoCommandException(message, cause);
