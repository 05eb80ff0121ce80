using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace GoMod.Core.Vcs;

/// <summary>
/// Runs the git command line as the go command does (cmd/go/internal/modload/init.go, codehost.Run): never
/// prompting (<c>GIT_TERMINAL_PROMPT=0</c> unless set, <c>GCM_INTERACTIVE=never</c>, ssh in batch mode, no askpass
/// program), with the user's git configuration (credential helpers, <c>url.&lt;base&gt;.insteadOf</c>) read from
/// <see cref="Home"/>. Every command is bounded by <see cref="VcsOptions.CommandTimeout"/> and by the caller's
/// cancellation; a killed command takes its children with it.
/// </summary>
internal sealed partial class GitRunner(VcsOptions options, string? home)
{
    public VcsOptions Options { get; } = options;

    /// <summary>The HOME git sees (so <c>~/.gitconfig</c> and <c>~/.netrc</c> are the configured user's).</summary>
    public string? Home { get; } = home;

    /// <summary>Runs git in <paramref name="dir"/>; a non-zero exit throws <see cref="GitCommandException"/>.</summary>
    public async Task<byte[]> RunAsync(string dir, IReadOnlyList<string> args, CancellationToken ct)
    {
        var (code, stdout, stderr) = await RunRawAsync(dir, args, ct).ConfigureAwait(false);
        if (code != 0) throw new GitCommandException(Describe(args), code, stderr);
        return stdout;
    }

    /// <summary>Runs git and returns its exit status and output whatever the status; <paramref name="stdin"/>, when given, is its input.</summary>
    public async Task<(int ExitCode, byte[] StdOut, string StdErr)> RunRawAsync(string dir, IReadOnlyList<string> args, CancellationToken ct, string? stdin = null)
    {
        var psi = new ProcessStartInfo(Options.GitPath)
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        // No askpass program: an empty core.askPass stops git from falling back to SSH_ASKPASS or a terminal.
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("core.askPass=");
        foreach (var a in args) psi.ArgumentList.Add(a);
        var env = psi.Environment;
        if (Home is not null) env["HOME"] = Home;
        if (!env.ContainsKey("GIT_TERMINAL_PROMPT")) env["GIT_TERMINAL_PROMPT"] = "0";
        if (!env.ContainsKey("GIT_SSH") && !env.ContainsKey("GIT_SSH_COMMAND"))
            env["GIT_SSH_COMMAND"] = "ssh -o ControlMaster=no -o BatchMode=yes";
        env["GCM_INTERACTIVE"] = "never";
        env.Remove("GIT_ASKPASS");
        env.Remove("SSH_ASKPASS");
        env["LC_ALL"] = "C";

        using var p = new Process { StartInfo = psi };
        try
        {
            p.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new CodeHostException(VcsErrorKind.GitMissing, $"cannot run {Options.GitPath}: {e.Message}", e);
        }
        if (stdin is not null)
        {
            try
            {
                await p.StandardInput.WriteAsync(stdin.AsMemory(), ct).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // git exited without reading its input: its status says why.
            }
        }
        p.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Options.CommandTimeout);
        var outTask = CopyAsync(p.StandardOutput.BaseStream, timeout.Token);
        var errTask = CopyAsync(p.StandardError.BaseStream, timeout.Token);
        try
        {
            await p.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            var stdout = await outTask.ConfigureAwait(false);
            var stderr = await errTask.ConfigureAwait(false);
            return (p.ExitCode, stdout, Redact(Encoding.UTF8.GetString(stderr).TrimEnd('\n')));
        }
        catch (OperationCanceledException)
        {
            try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            ct.ThrowIfCancellationRequested();
            throw new CodeHostException(VcsErrorKind.Timeout,
                $"{Describe(args)}: killed after {Options.CommandTimeout.TotalSeconds:0.###}s without finishing");
        }
    }

    private static async Task<byte[]> CopyAsync(Stream s, CancellationToken ct)
    {
        using var ms = new MemoryStream();
        await s.CopyToAsync(ms, ct).ConfigureAwait(false);
        return ms.ToArray();
    }

    private static string Describe(IReadOnlyList<string> args) => Redact("git " + string.Join(' ', args));

    [GeneratedRegex(@"(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*://)(?<user>[^/@\s:]*)(?<password>:[^/@\s]*)?@")]
    private static partial Regex UserInfo();

    /// <summary>Replaces the password of every URL in <paramref name="text"/> with <c>xxxxx</c>, as go's url.Redacted does.</summary>
    public static string Redact(string text) =>
        UserInfo().Replace(text, m => m.Groups["password"].Success ? m.Groups["scheme"].Value + m.Groups["user"].Value + ":xxxxx@" : m.Value);
}
