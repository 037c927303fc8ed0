#!/usr/bin/env bash
# Installs the Debian packages Precheck needs, only those that are missing.
# Needs root (or sudo) when something is missing; does nothing otherwise.
set -euo pipefail

packages=(
  pkg-config
  libvips-dev            # image intake, resizing, text rendering (Pango)
  libleptonica-dev       # binarisation, skew, morphology, BMP
  libtesseract-dev       # OCR engine (C API)
  tesseract-ocr-chi-sim  # Simplified Chinese model
  tesseract-ocr-eng      # English model (Latin letters in codes)
  libarchive-dev         # zip/tar intake for `precheck batch`
  libsqlite3-dev         # SQLite for `precheck serve` (GRDB)
  fonts-noto-cjk         # CJK fonts for the synthetic corpus
  fonts-wqy-zenhei
  fonts-arphic-ukai      # handwriting-like signatures
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}" >&2
sudo_cmd=""
[ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -qq
$sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
if ! command -v swift >/dev/null 2>&1; then
  echo "swift is not on PATH: install Swift 6.x (swift.org) and try again." >&2
  exit 1
fi
