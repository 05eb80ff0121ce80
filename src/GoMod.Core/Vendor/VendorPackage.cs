using GoMod.Core.Module;

namespace GoMod.Core.Vendor;

/// <summary>A package <c>go mod vendor</c> copies: its import path, the build-list module providing it, and where its files are.</summary>
/// <param name="ImportPath">The package's import path (its directory under vendor/).</param>
/// <param name="Module">The module of the build list that provides it, as go.mod names it (before any replacement).</param>
/// <param name="Dir">The package's source directory (in the module cache or a replacement directory).</param>
/// <param name="ModuleDir">The providing module's root directory (license files are copied from every directory up to it).</param>
public sealed record VendorPackage(string ImportPath, ModuleVersion Module, string Dir, string ModuleDir);
