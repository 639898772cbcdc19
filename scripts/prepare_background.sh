#!/usr/bin/env bash
# Gathers general Vietnamese text from Debian's packages for the restorer's
# background language model. The packages are downloaded (apt-get download)
# and unpacked into a cache, never installed and never committed:
#   libreoffice-help-vi, manpages-vi, maint-guide-vi,
#   libreoffice-l10n-vi, firefox-esr-l10n-vi (messages),
#   iso-codes (Vietnam's provinces)                    -> background.txt
#   hunspell-vi                                        -> words.txt
# Usage: scripts/prepare_background.sh [CACHE_DIR]   (default .cache/debian-vi)
set -euo pipefail
cd "$(dirname "$0")/.."
cache=${1:-.cache/debian-vi}
packages=(libreoffice-help-vi manpages-vi maint-guide-vi libreoffice-l10n-vi firefox-esr-l10n-vi
          iso-codes hunspell-vi)
recipe="${packages[*]} $(sha256sum scripts/debian_text.py | cut -c1-16)"
if [ -s "$cache/background.txt" ] && [ -s "$cache/words.txt" ] &&
   [ "$(cat "$cache/recipe" 2>/dev/null)" = "$recipe" ]; then
  echo "prepare_background: $cache is ready"
  exit 0
fi
rm -rf "$cache/debs" "$cache/unpacked"
mkdir -p "$cache/debs" "$cache/unpacked"
(cd "$cache/debs" && apt-get download "${packages[@]}" 2>/dev/null) || {
  apt-get update -q >/dev/null && (cd "$cache/debs" && apt-get download "${packages[@]}")
}
for deb in "$cache"/debs/*.deb; do dpkg -x "$deb" "$cache/unpacked"; done
/usr/bin/python3 scripts/debian_text.py "$cache/unpacked" > "$cache/background.tmp"
mv "$cache/background.tmp" "$cache/background.txt"
cut -d/ -f1 "$cache/unpacked/usr/share/hunspell/vi_VN.dic" | tail -n +2 > "$cache/words.txt"
echo "$recipe" > "$cache/recipe"
echo "prepare_background: $(wc -w < "$cache/background.txt") words, $(wc -l < "$cache/words.txt") syllables in $cache"
