using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace GoMod.Core.Auth;

/// <summary>
/// Runs a GOAUTH helper (a user's command, or <c>git credential</c>): arguments passed as a list (no shell), the text
/// given on standard input then closed, both outputs read whole, bounded by a timeout and the caller's cancellation
/// (a killed helper takes its children with it).
/// </summary>
internal static class AuthProcess
{
    /// <summary>The outcome: exit status and outputs; an exit status of -1 with <see cref="Result.StartError"/> when it could not start.</summary>
    public sealed record Result(int ExitCode, string StdOut, string StdErr, string? StartError = null);

    public static async Task<Result> RunAsync(string fileName, IReadOnlyList<string> args, string? stdin, string? workingDirectory,
        IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (workingDirectory is not null) psi.WorkingDirectory = workingDirectory;
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in environment)
        {
            if (v is null) psi.Environment.Remove(k);
            else psi.Environment[k] = v;
        }
        using var p = new Process { StartInfo = psi };
        try
        {
            p.Start();
        }
        catch (Win32Exception e)
        {
            return new Result(-1, "", "", e.Message);
        }
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(timeout);
        var stdout = p.StandardOutput.ReadToEndAsync(bounded.Token);
        var stderr = p.StandardError.ReadToEndAsync(bounded.Token);
        try
        {
            try
            {
                if (stdin is not null) await p.StandardInput.WriteAsync(stdin.AsMemory(), bounded.Token).ConfigureAwait(false);
                p.StandardInput.Close();
            }
            catch (IOException)
            {
                // The helper exited without reading its input: its output still counts.
            }
            await p.WaitForExitAsync(bounded.Token).ConfigureAwait(false);
            return new Result(p.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            ct.ThrowIfCancellationRequested();
            return new Result(-1, "", "", $"killed after {timeout.TotalSeconds:0.###}s without finishing");
        }
    }
}
