# Sourced by the sample scripts. ensure_commands SAMPLE CMD:PACKAGE… puts each missing command on PATH by installing
# its Debian package with apt-get (as .ci/run does for the tests), when this machine has apt-get and the script runs
# as root or may use sudo without a password. Returns 1, after saying what to install, when a command is still missing.
ensure_commands() {
  local sample="$1" spec cmd missing=() packages=() sudo=()
  shift
  for spec in "$@"; do
    cmd="${spec%%:*}"
    if ! command -v "$cmd" >/dev/null 2>&1; then
      missing+=("$cmd")
      packages+=(${spec#*:})
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo=(sudo -n); fi
  if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" -eq 0 ] || [ ${#sudo[@]} -gt 0 ]; }; then
    echo "$sample: installing ${packages[*]} (for ${missing[*]})"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null 2>&1 || true
  fi
  local still=()
  for cmd in "${missing[@]}"; do command -v "$cmd" >/dev/null 2>&1 || still+=("$cmd"); done
  [ ${#still[@]} -eq 0 ] && return 0
  echo "$sample: ${still[*]} not on PATH: install it (apt-get install ${packages[*]}), then run this again." >&2
  return 1
}
