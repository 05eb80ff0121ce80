#!/usr/bin/env bash
# Builds samples/hello from a fresh clone, in one command:
#   0. installs go with apt-get when it is missing and can be (samples/tools.sh),
#   1. packs GoMod.Sdk (version 0.1.0-local) into artifacts/feed,
#   2. drops the copy an earlier run extracted into artifacts/packages (NuGet would keep using a stale one),
#   3. builds the sample, which resolves GoMod.Sdk from that feed (see NuGet.config and global.json) and, when go is
#      installed, compiles main.go into bin/Debug/net10.0/hello (GoBuild=auto),
#   4. runs that program when it was built.
# Extra arguments go to the sample's dotnet build.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
# go compiles main.go; without it (and no way to install it) the sample still restores its modules.
. "$root/samples/tools.sh"
ensure_commands samples/hello go:golang-go || true
version=0.1.0-local
dotnet pack "$root/sdk/GoMod.Sdk.csproj" -c Release -o "$root/artifacts/feed" -p:PackageVersion="$version" -nologo -v:q
rm -rf "$root/artifacts/packages/gomod.sdk/$version"
dotnet build "$root/samples/hello/hello.csproj" -nologo "$@"
exe="$root/samples/hello/bin/Debug/net10.0/hello"
if [ -x "$exe" ]; then "$exe"; else echo "hello: not compiled (no go on PATH); the modules were restored."; fi
