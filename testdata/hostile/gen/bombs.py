import zipfile, sys, os
d = sys.argv[1]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CT = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>'
def para(t): return '<w:p><w:r><w:t>%s</w:t></w:r></w:p>' % t
head = f'<?xml version="1.0"?><w:document {W}><w:body>' + para("Integrationsplan för Tierps kommun.") + para("Arbete och bostad för nyanlända är prioriterat.")
def bomb(name, total, chunk, tail="</w:body></w:document>"):
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CT)
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(head.encode())
            block = (chunk * (1 << 20 // len(chunk) + 1)).encode()[: (1 << 20) // len(chunk) * len(chunk)]
            n = 0
            while n < total:
                f.write(block); n += len(block)
            f.write(tail.encode())
which = sys.argv[2]
if which == "bomb1g":  # added for the hostile test: bomb10g's kind, a tenth of it (3 MB on disk)
    bomb(f"{d}/docx-zipbomb-1GB.docx", 1 << 30, para("bomb bomb bomb"))
elif which == "bomb10g":
    bomb(f"{d}/docx-zipbomb-10GB.docx", 10 * (1 << 30), para("bomb bomb bomb"))
elif which == "nest300":
    bomb(f"{d}/docx-nesting-300MB.docx", 300 * (1 << 20), "<a>", tail="")
elif which == "nest200":
    bomb(f"{d}/docx-nesting-200MB.docx", 200 * (1 << 20), "<a>", tail="")
