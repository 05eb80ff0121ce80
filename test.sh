#!/usr/bin/env bash
# Runs every test of the repository: unit, differential (against the real go command) and end-to-end.
set -euo pipefail
cd "$(dirname "$0")"
dotnet test GoModSdk.sln -c Release "$@"
