namespace GoMod.Core.Fetch;

/// <summary>
/// What was served as a module zip is not one: not a zip at all (an HTML page), a zip with files outside
/// <c>path@version/</c>, or one the module zip rules refuse (hostile names, sizes). Nothing of it is kept.
/// </summary>
public sealed class InvalidModuleZipException(string path, string version, string detail, Exception? cause = null)
    : ModuleFetchException(path, version, detail, cause);
