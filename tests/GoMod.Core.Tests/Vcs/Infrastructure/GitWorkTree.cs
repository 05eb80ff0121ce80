using System.Globalization;
using GoMod.Testing;

namespace GoMod.Core.Tests.Vcs.Infrastructure;

/// <summary>
/// A scratch git work tree for building test repositories with real git: files, symlinks, commits at fixed times,
/// tags (lightweight or annotated) and branches, then pushed into a bare repository that a <see cref="GitHttpServer"/>
/// serves. Git runs with no user or system configuration.
/// </summary>
public sealed class GitWorkTree
{
    private DateTimeOffset _clock;

    public GitWorkTree(string dir, DateTimeOffset start)
    {
        Dir = dir;
        _clock = start;
        Directory.CreateDirectory(dir);
        Git("init", "-q", "-b", "main");
    }

    public string Dir { get; }

    /// <summary>Commit times advance by one hour per commit.</summary>
    public DateTimeOffset LastCommitTime { get; private set; }

    public static IReadOnlyDictionary<string, string?> Environment(DateTimeOffset? when = null)
    {
        var date = (when ?? DateTimeOffset.UnixEpoch).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + " +0000";
        return new Dictionary<string, string?>
        {
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_AUTHOR_NAME"] = "Test",
            ["GIT_AUTHOR_EMAIL"] = "test@example.com",
            ["GIT_COMMITTER_NAME"] = "Test",
            ["GIT_COMMITTER_EMAIL"] = "test@example.com",
            ["GIT_AUTHOR_DATE"] = date,
            ["GIT_COMMITTER_DATE"] = date,
        };
    }

    public string Git(params string[] args) =>
        ProcessRunner.Run("git", args, Dir, Environment(LastCommitTime), TimeSpan.FromMinutes(1)).EnsureSuccess("git " + string.Join(' ', args)).StdOut.Trim();

    public GitWorkTree Write(string path, string content)
    {
        var full = Path.Combine(Dir, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return this;
    }

    public GitWorkTree Symlink(string path, string target)
    {
        File.CreateSymbolicLink(Path.Combine(Dir, path), target);
        return this;
    }

    public GitWorkTree Remove(string path)
    {
        Git("rm", "-q", "-r", "--", path);
        return this;
    }

    /// <summary>Commits everything and returns the full hash.</summary>
    public string Commit(string message)
    {
        _clock = _clock.AddHours(1);
        LastCommitTime = _clock;
        Git("add", "-A");
        ProcessRunner.Run("git", ["commit", "-q", "--allow-empty", "-m", message], Dir, Environment(_clock)).EnsureSuccess("git commit");
        return Git("rev-parse", "HEAD");
    }

    public GitWorkTree Tag(string name, bool annotated = false)
    {
        if (annotated) Git("tag", "-a", "-m", "release " + name, name);
        else Git("tag", name);
        return this;
    }

    public GitWorkTree Checkout(string branch, bool create = false)
    {
        if (create) Git("checkout", "-q", "-b", branch);
        else Git("checkout", "-q", branch);
        return this;
    }

    /// <summary>Creates (or updates) the bare repository <paramref name="bareDir"/> with every branch and tag; HEAD is main.</summary>
    public void PushTo(string bareDir)
    {
        if (!Directory.Exists(bareDir))
        {
            Directory.CreateDirectory(bareDir);
            ProcessRunner.Run("git", ["init", "-q", "--bare", "-b", "main"], bareDir, Environment()).EnsureSuccess("git init --bare");
        }
        Git("push", "-q", "-f", bareDir, "refs/heads/*:refs/heads/*", "refs/tags/*:refs/tags/*");
    }
}
