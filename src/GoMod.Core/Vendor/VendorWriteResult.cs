namespace GoMod.Core.Vendor;

/// <summary>What <see cref="VendorTreeWriter.Write"/> did.</summary>
/// <param name="Written">Files (re)written, relative slash paths below vendor/, modules.txt included when it changed.</param>
/// <param name="Removed">Files removed, and directories removed (ending in <c>/</c>; <c>.</c> for vendor/ itself).</param>
/// <param name="Files">Every file of the tree now, relative slash paths, sorted.</param>
public sealed record VendorWriteResult(IReadOnlyList<string> Written, IReadOnlyList<string> Removed, IReadOnlyList<string> Files)
{
    /// <summary>True when nothing was written or removed.</summary>
    public bool Unchanged => Written.Count == 0 && Removed.Count == 0;
}
