namespace GoMod.Core.Restore;

/// <summary>A snapshot of long-running restore work, reported while downloading: <c>Done</c> of <c>Total</c> modules, bytes so far.</summary>
public readonly record struct RestoreProgress(int Done, int Total, long Bytes);
