using GoMod.Core.Module;

namespace GoMod.Core.Packages;

/// <summary>go's <c>PackageNotInModuleError</c> for a module argument that names a package path of another module.</summary>
internal sealed class PackageNotInModuleException(ModuleVersion mod, ModuleVersion replacement, string query, string pattern)
    : Exception(Format(mod, replacement, query, pattern))
{
    private static string Format(ModuleVersion mod, ModuleVersion replacement, string query, string pattern)
    {
        var found = "";
        if (replacement.Path is not null)
        {
            var repl = replacement.Version.Length != 0 ? $"{replacement.Path}@{replacement.Version}" : replacement.Path;
            found = query == mod.Version ? $" (replaced by {repl})" : $" ({mod.Version}, replaced by {repl})";
        }
        else if (query != mod.Version)
        {
            found = $" ({mod.Version})";
        }
        return $"module {mod.Path}@{query} found{found}, but does not contain package {pattern}";
    }
}
