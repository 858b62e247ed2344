#!/bin/sh
# Regenerates the PDF/DOCX/ODT fixtures in testdata/ingest from the bundled
# corpus texts. Needs (Debian): libreoffice-writer-nogui chromium groff
# fonts-dejavu-core qpdf poppler-utils. Tests do not need any of these: they read the
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
#    libreoffice-actions: Tierp's and Ale's actions in a Writer table without
#    borders, cells vertically centred (the borderless-table test).
for f in libreoffice-tierp libreoffice-alingsas libreoffice-actions; do
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
# ... and its first page scanned: rendered at 300 dpi, an image-only PDF (OCR test).
pdftoppm -mono -r 300 -f 1 -l 1 groff-gislaved.pdf "$tmp/scan"
(cd "$root" && go run ./tools/genfixtures -scan "$out/scan-gislaved.pdf" "$tmp"/scan-1.pbm)

# 4. testdata/mixed: good documents of every format and one of each bad
#    input that git can hold (see testdata/mixed/README.md).
mixed=$root/testdata/mixed
mkdir -p "$mixed"
cd "$root"
go run ./tools/genfixtures -mixed "$mixed"
corpus=$root/testdata/corpus
cd "$mixed"
head -c 2500 "$corpus/tierp-handlingsplan-integration-2017.txt" | sed '$d' > good-tierp-utf8.txt
head -c 3000 "$corpus/ale-integrationsplan-2018-2021.txt" | sed '$d' | iconv -f UTF-8 -t WINDOWS-1252 > good-ale-cp1252.txt
head -c 2500 "$corpus/gislaved-projektplan-integrationsstrategi-2012.txt" | sed '$d' | iconv -f UTF-8 -t UTF-16 > good-gislaved-utf16.txt
# The page's list of other documents, then its body (a scraped page's shape).
{ echo "# Styrande dokument för integrationsarbetet i Alingsås kommun"; echo; sed -n '3,40p' "$corpus/alingsas-riktlinjer-integration.txt" | sed 's/^Relevanta dokument$/## Relevanta dokument/'; echo; echo "## Riktlinjer"; echo; grep -m1 '^Berörda nämnder och bolag bör mäta' "$corpus/alingsas-riktlinjer-integration.txt"; } > good-alingsas.md
cp "$out/chromium-ale.html" good-ale.html
cp "$out/libreoffice-tierp.docx" good-tierp.docx
cp "$out/libreoffice-tierp.odt" good-tierp.odt
cp "$out/groff-gislaved.pdf" good-gislaved.pdf
: > bad-empty.txt
head -c 12000 "$out/chromium-ale.pdf" > bad-truncated.pdf
head -c 4096 /dev/urandom > bad-random.pdf
qpdf --encrypt user-pw owner-pw 256 -- "$out/groff-gislaved.pdf" bad-encrypted.pdf
( cd "$tmp" && printf 'not a document\n' > notes.txt && rm -f a.zip && python3 -c 'import zipfile; z=zipfile.ZipFile("a.zip","w"); z.write("notes.txt"); z.close()' ) && cp "$tmp/a.zip" bad-archive.zip
ln -sfn . loop
