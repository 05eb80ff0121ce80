using System.Diagnostics;
using System.Text;
using GoMod.Core.Diagnostics;

namespace GoMod.Core.GoBuild;

/// <summary>
/// Runs one go build (<see cref="GoBuildCommand"/>) with the go command at a given path and turns its output into
/// diagnostics: compile errors and warnings at their file, line and column; anything else go says when it fails as one
/// error in go's words.
/// </summary>
public static class GoBuilder
{
    /// <summary>Builds; <paramref name="goPath"/> is the go executable (<see cref="GoToolchain.Locate"/>).</summary>
    public static async Task<GoBuildResult> BuildAsync(GoBuildRequest request, string goPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.OutputFile is { } output) Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        Directory.CreateDirectory(request.GoCache);
        int exitCode;
        string text;
        try
        {
            (exitCode, text) = await RunAsync(goPath, GoBuildCommand.Arguments(request), GoBuildCommand.Environment(request),
                request.ModuleDirectory, cancellationToken).ConfigureAwait(false);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            var failure = new GoBuildFailedException($"cannot run {goPath}: {e.Message}", -1, e);
            return new GoBuildResult(false, [Diagnose(failure)], "");
        }
        var (problems, other) = GoBuildOutputParser.Parse(text, request.ModuleDirectory);
        var failures = new List<Exception>(problems);
        var failed = exitCode != 0;
        // go's own lines beside positioned errors ("go: finding module for package …") only narrate them.
        if (failed && !problems.OfType<GoCompileException>().Any())
        {
            var words = other.Trim().Length > 0 ? other.Trim() : $"go build exited with status {exitCode}";
            failures.Add(new GoBuildFailedException(words.Replace("\n", " "), exitCode));
        }
        return new GoBuildResult(!failed, failures.Select(Diagnose).ToList(), text);
    }

    /// <summary>The diagnostic of a build problem, at its position in the source when it has one.</summary>
    public static Diagnostic Diagnose(Exception failure) => failure switch
    {
        GoCompileException c => FailureCodes.ToDiagnostic(c, c.File, c.Line, c.Column),
        GoCompileWarningException w => FailureCodes.ToDiagnostic(w, w.File, w.Line, w.Column),
        _ => FailureCodes.ToDiagnostic(failure),
    };

    private static async Task<(int ExitCode, string Output)> RunAsync(string goPath, IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string?> env, string directory, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(goPath)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env)
        {
            if (v is null) psi.Environment.Remove(k);
            else psi.Environment[k] = v;
        }
        using var p = new Process { StartInfo = psi };
        p.Start();
        p.StandardInput.Close();
        // go writes compile errors to stderr; both streams are read so neither pipe can fill and block it.
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        var stderr = p.StandardError.ReadToEndAsync(ct);
        try
        {
            await p.WaitForExitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw;
        }
        var output = (await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false));
        return (p.ExitCode, output);
    }
}
