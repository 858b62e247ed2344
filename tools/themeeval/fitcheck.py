#!/usr/bin/env python3
"""Split the DEV part of testdata/realtexts into a fit folder (batches up to
26) and a check folder (batch 27 and every later one: n146 on, o997-o999,
every p-name, t124 on, as eval/themes_dev_test.go's batch27 and later), each a copy of the
labelled set that `styrdok eval --real DIR --split dev` and
tools/themeeval/eval.py score alone: README.md, the dev rows of
documents-*.tsv, their sentences-*.tsv rows and their texts. Held-out rows are
dropped on their split column before any text is read (docs/validity.md,
themes round 36: forward validation).

usage: python3 tools/themeeval/fitcheck.py OUTDIR   (run from the repository root)
writes OUTDIR/fitrt, OUTDIR/checkrt, OUTDIR/fit.txt and OUTDIR/check.txt"""
import glob, os, shutil, sys
RT='testdata/realtexts'
def inr(n, *b):
    for i in range(0,len(b),2):
        if n[0]==b[i][0] and b[i]<=n<=b[i+1]: return True
    return False
def check(n): return inr(n,"n146","n999","o997","o999","p001","p999","t124","t999")
fit=[];chk=[]
OUT=sys.argv[1]
out={'fit':OUT+'/fitrt','check':OUT+'/checkrt'}
for d in out.values():
    shutil.rmtree(d,ignore_errors=True); os.makedirs(d+'/texts')
    shutil.copy(RT+'/README.md',d)
keep={'fit':set(),'check':set()}
for f in sorted(glob.glob(RT+'/documents-*.tsv')):
    lines=open(f,encoding='utf-8').read().split('\n')
    hdr=lines[0].split('\t'); si=hdr.index('split')
    w={k:[lines[0]] for k in out}
    for l in lines[1:]:
        if not l: continue
        c=l.split('\t')
        if c[si]!='dev': continue
        n=os.path.splitext(os.path.basename(c[0]))[0]
        k='check' if check(n) else 'fit'
        keep[k].add(c[0]); w[k].append(l)
    for k in out:
        open(out[k]+'/'+os.path.basename(f),'w',encoding='utf-8').write('\n'.join(w[k])+'\n')
for f in sorted(glob.glob(RT+'/sentences-*.tsv')):
    lines=open(f,encoding='utf-8').read().split('\n')
    w={k:[lines[0]] for k in out}
    for l in lines[1:]:
        if not l: continue
        fn=l.split('\t')[0]
        for k in out:
            if fn in keep[k]: w[k].append(l)
    for k in out:
        open(out[k]+'/'+os.path.basename(f),'w',encoding='utf-8').write('\n'.join(w[k])+'\n')
for k in out:
    for fn in keep[k]:
        shutil.copy(RT+'/'+fn, out[k]+'/'+fn)
    open(OUT+'/%s.txt'%k,'w').write('\n'.join(sorted(keep[k]))+'\n')
    print(k,len(keep[k]))
