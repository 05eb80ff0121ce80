namespace GoMod.Core.Reports;

/// <summary>The flags of <c>go mod why</c>.</summary>
public sealed record WhyOptions
{
    /// <summary><c>-m</c>: the arguments are module paths; each stanza explains the module's nearest package.</summary>
    public bool Modules { get; init; }

    /// <summary><c>-vendor</c>: the tests of dependencies do not count (go's <c>UseVendorAll</c>, no <c>LoadTests</c>).</summary>
    public bool Vendor { get; init; }
}
