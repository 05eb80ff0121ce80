using System.Text.RegularExpressions;
using GoMod.Core.ModFile;

namespace GoMod.Tasks;

/// <summary>
/// The Go settings the targets pass to every GoMod task as one item list (<c>Settings="@(_GoModSetting)"</c>: identity
/// the MSBuild property name, metadata <c>Value</c>), and how a value that may carry credentials travels without being
/// logged.
/// </summary>
/// <remarks>
/// MSBuild logs every task parameter, every property a target sets and every environment variable a project reads
/// through <c>$(…)</c> (with its value), so a proxy URL with a password would land in a binlog. The targets therefore
/// pass URL-bearing values with the password replaced by <c>xxxxx</c> (go's <c>URL.Redacted</c>), and the task takes the
/// real value from where the redacted one came from: a global property (read through <c>IBuildEngine6</c>, which logs
/// nothing) or the environment variable. A redacted value that matches neither is used as it is (a password written
/// into a project file is already in that file). When the environment variable itself holds a password the targets do
/// not read the property at all (reading it would log the variable) and mark the setting <c>FromEnvironment</c>: the
/// global property wins, else the environment variable; a value set in a project file is then not seen.
/// </remarks>
internal static class GoSettings
{
    /// <summary>
    /// The password part of a URL's user info, in every URL of a list (GOPROXY's <c>,</c>/<c>|</c> lists, GOSUMDB's
    /// <c>name+key url</c>). GoMod.targets (<c>_GoModUserInfoPattern</c>) holds the same pattern; a test keeps them equal.
    /// </summary>
    public const string UserInfoPattern = "(://[^/?#@,|: ]*):[^/?#,| ]*@";

    /// <summary>What the password becomes, as go's <c>URL.Redacted</c> writes it.</summary>
    public const string Replacement = "$1:xxxxx@";

    private static readonly Regex UserInfo = new(UserInfoPattern, RegexOptions.CultureInvariant);

    /// <summary>The value with every URL password replaced by <c>xxxxx</c>.</summary>
    public static string Redact(string value) => UserInfo.Replace(value, Replacement);

    /// <summary>
    /// The real value of a setting the targets passed as <paramref name="passed"/> (possibly redacted): the global
    /// property <paramref name="name"/> when it redacts to <paramref name="passed"/>, else the environment variable
    /// <paramref name="environmentName"/> when it does, else <paramref name="passed"/> itself.
    /// </summary>
    public static string Resolve(string passed, string name, string? environmentName,
        IReadOnlyDictionary<string, string>? globalProperties, Func<string, string?> getEnvironmentVariable)
    {
        if (Global(globalProperties, name) is { } global && Redact(global) == passed) return global;
        if (environmentName is not null && getEnvironmentVariable(environmentName) is { } env && Redact(env) == passed) return env;
        return passed;
    }

    /// <summary>A setting marked <c>FromEnvironment</c>: the global property <paramref name="name"/>, else the environment variable.</summary>
    public static string FromEnvironment(string name, string? environmentName,
        IReadOnlyDictionary<string, string>? globalProperties, Func<string, string?> getEnvironmentVariable) =>
        Global(globalProperties, name) ?? (environmentName is null ? null : getEnvironmentVariable(environmentName)) ?? "";

    private static string? Global(IReadOnlyDictionary<string, string>? globalProperties, string name)
    {
        if (globalProperties is null) return null;
        foreach (var (key, value) in globalProperties)
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return value;
        return null;
    }
}
