#!/bin/sh
# Regenerates the PDF/DOCX/ODT fixtures in testdata/ingest from the bundled
# corpus texts. Needs (Debian): libreoffice-writer-nogui chromium groff
# fonts-dejavu-core qpdf. Tests do not need any of these: they read the
# committed output. Run from anywhere: sh tools/genfixtures/gen.sh
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/testdata/ingest
mkdir -p "$out"
cd "$root"
go run ./tools/genfixtures testdata/corpus "$out"
cd "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. LibreOffice: Flat ODT (real tables, running header, "Sida N av M"
#    footer) to PDF, and to DOCX/ODT for the Word and ODF readers.
for f in libreoffice-tierp libreoffice-alingsas; do
	soffice -env:UserInstallation=file://$tmp/lo --headless --convert-to pdf --outdir . $f.fodt >/dev/null
done
soffice -env:UserInstallation=file://$tmp/lo --headless --convert-to docx:"MS Word 2007 XML" --outdir . libreoffice-tierp.fodt >/dev/null
soffice -env:UserInstallation=file://$tmp/lo --headless --convert-to odt --outdir . libreoffice-tierp.fodt >/dev/null

# 2. Headless Chromium print-to-PDF of a web page (CSS page header/footer).
chromium --headless --no-sandbox --disable-gpu --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--user-data-dir="$tmp/chrome" --no-pdf-header-footer \
	--print-to-pdf="$out/chromium-ale.pdf" "file://$out/chromium-ale.html" 2>/dev/null

# 3. groff ms (justified, hyphenated, running header and page footer).
groff -k -ms -Tpdf -P-pa4 groff-gislaved.ms > groff-gislaved.pdf
