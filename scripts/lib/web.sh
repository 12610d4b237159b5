# shellcheck shell=bash
# What the web UI needs on a fresh Debian machine: npm for the browser assets the build copies into
# wwwroot/lib, and, for the browser tests, Debian's chromium and CJK fonts so Chinese text renders.
# Installed with apt-get when missing (as root); nothing is downloaded by Playwright itself.

web_missing_packages() {
  local missing=()
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
  if [ "${1:-}" = "browser" ]; then
    [ -x /usr/bin/chromium ] || missing+=(chromium)
    local fonts
    fonts=$(dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null || true)
    [[ "$fonts" == *"ok installed"* ]] || missing+=(fonts-noto-cjk)
  fi
  echo "${missing[@]}"
}

# web_ensure_installed [browser]: npm always; chromium and fonts-noto-cjk with "browser".
web_ensure_installed() {
  local missing
  missing=$(web_missing_packages "${1:-}")
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing $missing and this user cannot install them; as root run: apt-get install $missing" >&2
    exit 1
  fi
  echo "Installing $missing with apt-get ..." >&2
  apt-get update -qq >/dev/null
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  missing=$(web_missing_packages "${1:-}")
  [ -z "$missing" ] || { echo "installing $missing failed" >&2; exit 1; }
}
