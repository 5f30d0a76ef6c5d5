#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Makes every icon file from the one drawing, practicetext.svg: the Linux .png files, the
# Windows .ico and the macOS .icns. The outputs are committed, so Windows and macOS builds need
# none of these tools; run this again after changing the drawing. Needs ImageMagick 6 or 7
# (convert or magick) and python3. Metadata (dates) is stripped so a rerun gives the same bytes.
set -euo pipefail
cd "$(dirname "$0")"
IM=$(command -v magick || command -v convert)
png() { # size out
  "$IM" -background none -density 384 practicetext.svg -resize "$1x$1" -depth 8 -strip \
    -define png:exclude-chunks=date,time "$2"
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for size in 16 24 32 48 64 128 256 512 1024; do
  png "$size" "$work/icon-$size.png"
done
cp "$work/icon-512.png" practicetext.png            # Linux: jpackage's --icon (and the .deb's menu entry)
cp "$work/icon-256.png" practicetext-256.png
cp "$work/icon-48.png" practicetext-48.png
"$IM" "$work/icon-16.png" "$work/icon-24.png" "$work/icon-32.png" "$work/icon-48.png" \
  "$work/icon-64.png" "$work/icon-256.png" practicetext.ico
python3 icns.py practicetext.icns "$work"
ls -l practicetext.png practicetext-256.png practicetext-48.png practicetext.ico practicetext.icns
