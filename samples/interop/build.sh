#!/usr/bin/env bash
# Builds and runs samples/interop from a fresh clone, in one command:
#   1. checks for what cgo needs (a C compiler) and go, installing them with apt-get when it can (samples/tools.sh),
#   2. packs GoMod.Sdk (version 0.1.0-local) into artifacts/feed and drops a stale extracted copy (as samples/hello does),
#   3. builds the solution: golib (a GoMod.Sdk project) restores its modules from samples/hello's offline proxy and
#      go builds it as a C shared library; app (C#) gets the library copied beside it,
#   4. runs the app, which calls the exported Go function through P/Invoke.
# Extra arguments go to dotnet build.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/samples/interop"
. "$root/samples/tools.sh"
# The Go library is built with cgo (-buildmode=c-shared): it needs go and a C compiler (gcc, or CC when set).
if [ -n "${CC:-}" ]; then
  ensure_commands samples/interop go:golang-go || exit 2
  if ! command -v "$CC" >/dev/null 2>&1; then
    echo "samples/interop: no C compiler ('$CC', from CC, is not on PATH): install it or unset CC, then run this again." >&2
    exit 2
  fi
else
  ensure_commands samples/interop go:golang-go "gcc:gcc libc6-dev" || exit 2
fi
version=0.1.0-local
dotnet pack "$root/sdk/GoMod.Sdk.csproj" -c Release -o "$root/artifacts/feed" -p:PackageVersion="$version" -nologo -v:q
rm -rf "$root/artifacts/packages/gomod.sdk/$version"
dotnet build "$here/interop.slnx" -nologo "$@"
dotnet "$here/app/bin/Debug/net10.0/app.dll" gophers
