#!/usr/bin/env bash
# Builds and runs samples/interop from a fresh clone, in one command:
#   1. checks for what cgo needs (a C compiler) and go,
#   2. packs GoMod.Sdk (version 0.1.0-local) into artifacts/feed and drops a stale extracted copy (as samples/hello does),
#   3. builds the solution: golib (a GoMod.Sdk project) restores its modules from samples/hello's offline proxy and
#      go builds it as a C shared library; app (C#) gets the library copied beside it,
#   4. runs the app, which calls the exported Go function through P/Invoke.
# Extra arguments go to dotnet build.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/samples/interop"
cc="${CC:-gcc}"
if ! command -v "$cc" >/dev/null 2>&1; then
  echo "samples/interop: no C compiler ('$cc' is not on PATH). The Go library is built with cgo (-buildmode=c-shared)," >&2
  echo "which needs one: install gcc (apt-get install gcc) or set CC to your C compiler, then run this again." >&2
  exit 2
fi
if ! command -v go >/dev/null 2>&1; then
  echo "samples/interop: no go command on PATH: install go (apt-get install golang-go), then run this again." >&2
  exit 2
fi
version=0.1.0-local
dotnet pack "$root/sdk/GoMod.Sdk.csproj" -c Release -o "$root/artifacts/feed" -p:PackageVersion="$version" -nologo -v:q
rm -rf "$root/artifacts/packages/gomod.sdk/$version"
dotnet build "$here/interop.slnx" -nologo "$@"
dotnet "$here/app/bin/Debug/net10.0/app.dll" gophers
