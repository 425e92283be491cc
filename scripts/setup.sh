#!/usr/bin/env bash
# Set-up on a fresh Debian machine with Node 20: the Debian packages the build, the tests and `npm run bench` use, then
# npm ci.
#   chromium             end-to-end test of the task pane (playwright-core drives it)
#   libxml2-utils        xmllint, to validate manifest.xml against the Office schemas by hand
#   libsecret-1-dev,     keytar (pulled in by office-addin-debugging) builds from source here
#   pkg-config
#   libreoffice-calc-nogui  recalculates the templates' live formulas in the tests, prints 校验结果 to PDF
#   poppler-utils        pdftotext: the print test reads the PDF LibreOffice made
#   fonts-wqy-microhei   a CJK font, so LibreOffice and Chromium lay out (and screenshot) Chinese text as users see it
#   time                 GNU /usr/bin/time: npm run bench's wall, CPU and peak RSS of each command
#   python3-openpyxl     npm run bench's openpyxl read_only reference (Debian's /usr/bin/python3)
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(chromium libxml2-utils libsecret-1-dev pkg-config libreoffice-calc-nogui poppler-utils fonts-wqy-microhei time python3-openpyxl)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
npm ci --no-audit --no-fund
