using GoMod.Core.Module;

namespace GoMod.Core.Fetch;

/// <summary>A progress report for one module version.</summary>
/// <param name="Module">The module version.</param>
/// <param name="Stage">What just happened.</param>
/// <param name="Bytes">Size of the downloaded zip, when known.</param>
/// <param name="Error">The failure message for <see cref="DownloadStage.Failed"/>.</param>
public sealed record DownloadProgress(ModuleVersion Module, DownloadStage Stage, long? Bytes = null, string? Error = null);
