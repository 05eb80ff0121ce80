namespace GoMod.Core.Tests.WorkFile;

/// <summary>go.work texts authored for the differential tests: names are what each exercises.</summary>
public static class GoWorkCases
{
    /// <summary>Files go 1.19 reads: formatted by <c>go work edit -fmt</c>, printed by <c>go work edit -json</c>.</summary>
    public static readonly Dictionary<string, string> Valid = new()
    {
        ["empty"] = "",
        ["go_only"] = "go 1.19\n",
        ["single_use"] = "go 1.18\n\nuse ./a\n",
        ["use_block_unsorted_with_comments"] = "// Workspace of the shop.\ngo 1.19\n\nuse (\n\t./web // front\n\t// the api\n\t./api\n\n\t./admin\n)\n",
        ["messy_spacing"] = "go    1.19\nuse   ./a   // trailing\n\n\n\nuse (\n  ./c\n      ./b\n)\n",
        ["quoted_paths"] = "go 1.19\n\nuse \"./with space\"\nuse \"./plain\"\nuse (\n\t\"./q\\\"uote\"\n)\n",
        ["one_line_block"] = "go 1.19\n\nuse (\n\t./only\n)\n\nreplace (\n\texample.com/a => ../a\n)\n",
        ["empty_blocks"] = "go 1.19\n\nuse ()\n\nreplace (\n)\n",
        ["replace_single_and_block"] = "go 1.19\n\nuse ./m\n\nreplace example.com/x v1.0.0 => example.com/y v1.2.0\n\nreplace (\n\texample.com/z => ./z // local\n\texample.com/b v1.1 => ../b\n\texample.com/a => example.com/aa v2.0.0+incompatible\n)\n",
        ["duplicate_replace_last_wins"] = "go 1.19\n\nreplace example.com/x v1.0.0 => ../one\n\nreplace example.com/x v1.0.0 => ../two\n\nreplace (\n\texample.com/y => ../y1\n\texample.com/y => ../y2\n)\n",
        ["duplicate_use_kept"] = "go 1.19\n\nuse ./a\n\nuse ./a\n",
        ["go_line_after_use"] = "use ./a\n\ngo 1.18\n",
        ["comments_everywhere"] = "// head\n\n// go line\ngo 1.19 // eol\n\n// before block\nuse ( // open\n\t./a // a\n) // close\n\n// tail\n",
        ["absolute_and_windows_like_paths"] = "go 1.19\n\nuse /abs/dir\nuse ../up\n",
        ["no_trailing_newline"] = "go 1.19\nuse ./a",
        ["crlf"] = "go 1.19\r\n\r\nuse ./a\r\n",
    };

    /// <summary>Files go 1.19 rejects, with the same words (positions and messages).</summary>
    public static readonly Dictionary<string, string> Invalid = new()
    {
        ["unknown_directive_require"] = "go 1.19\n\nrequire example.com/a v1.0.0\n",
        ["module_line_is_unknown_in_go_work"] = "module example.com/m\n",
        ["unknown_block_type"] = "go 1.19\nrequire (\n\tx v1.0.0\n)\n",
        ["block_with_two_tokens"] = "use foo (\n\t./a\n)\n",
        ["use_with_two_args"] = "use ./a ./b\n",
        ["use_without_args"] = "use\n",
        ["use_bad_quote"] = "use \"a\\q\"\n",
        ["use_unquoted_quote"] = "use a\"b\n",
        ["repeated_go"] = "go 1.18\ngo 1.19\n",
        ["go_two_args"] = "go 1.18 1.19\n",
        ["replace_missing_arrow"] = "replace example.com/a v1.0.0 ../a\n",
        ["replace_bad_version"] = "replace example.com/a vx => ../a\n",
        ["several_errors_in_order"] = "go 1.19\nexclude a v1.0.0\nuse ./a ./b\nuse (\n\t./c ./d\n)\nretract v1.0.0\n",
        ["syntax_error_unterminated_string"] = "use \"abc\n",
        ["syntax_error_unterminated_block"] = "use (\n\t./a\n",
    };

    /// <summary>Where go 1.19 and today's x/mod word an error differently: we follow today's (the Go Modules Reference).</summary>
    public static readonly Dictionary<string, (string Text, string Error)> InvalidNewer = new()
    {
        ["bad_go_version"] = ("go 1.19.x\n", "go.work:1: invalid go version '1.19.x': must match format 1.23.0"),
        ["bad_toolchain"] = ("toolchain 1.21\n", "go.work:1: invalid toolchain version '1.21': must match format go1.23.0 or default"),
        ["repeated_toolchain"] = ("toolchain go1.21.0\ntoolchain go1.22.0\n", "go.work:2: repeated toolchain statement"),
        ["bad_godebug"] = ("godebug foo\n", "go.work:1: usage: godebug key=value"),
        ["godebug_with_quote"] = ("godebug (\n\ta=\"b\"\n)\n", "go.work:2:2: usage: godebug key=value"),
    };
}
