#!/usr/bin/env python3
"""Copies the docstrings of the compiled module (`slovo._slovo`, from the Rust `///`
comments) into python/slovo/_slovo.pyi wherever a stub has none, so that IDEs, which read
the stubs, show what `help()` shows.

    pip install ./python && python3 scripts/sync_stub_docs.py

Run after adding or documenting a binding; `mypy.stubtest` (python/tests/test_stubs.py)
checks the signatures, this script only adds missing docstrings.
"""
import ast, inspect, textwrap
import slovo._slovo as rt
from pathlib import Path
p = str(Path(__file__).resolve().parent.parent / 'python' / 'slovo' / '_slovo.pyi')
src=open(p).read()
lines=src.split('\n')
tree=ast.parse(src)
edits=[]
def doc_for(obj):
    d=getattr(obj,'__doc__',None)
    if not isinstance(d, str) or not d: return None
    d=inspect.cleandoc(d)
    # skip PyO3 auto signature-only docs
    return d if d.strip() else None
def visit(body, owner, indent):
    for node in body:
        if isinstance(node, ast.ClassDef):
            cls=getattr(rt, node.name, None)
            if cls is None: continue
            first=node.body[0]
            has=isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str)
            if not has:
                d=doc_for(cls)
                if d: edits.append(('class', node, d))
            visit(node.body, cls, indent+4)
        elif isinstance(node, ast.FunctionDef):
            if node.name.startswith('_') : continue
            obj=getattr(owner, node.name, None)
            if obj is None: continue
            if isinstance(inspect.getattr_static(owner, node.name, None), property) : pass
            first=node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and first.value.value is Ellipsis and len(node.body)==1:
                d=doc_for(obj)
                if d and d != doc_for(type(obj)):
                    edits.append(('func', node, d))
visit(tree.body, rt, 0)
edits.sort(key=lambda e: -e[1].lineno)
for kind, node, d in edits:
    if kind=='func':
        e=node.body[0]
        ln=e.lineno-1
        line=lines[ln]
        if not line.rstrip().endswith('...'):
            continue
        ind=' '*(node.col_offset+4)
        head=line.rstrip()[:-3].rstrip()
        doclines=d.replace('\\','\\\\').split('\n')
        block=[ind+'"""'+doclines[0]]+[(ind+l if l else '') for l in doclines[1:]]
        block[-1]=block[-1]+'"""' if len(doclines)>1 else block[-1]+'"""'
        if len(doclines)>1:
            block[-1]=block[-1][:-3]; block.append(ind+'"""')
        lines[ln:ln+1]=[head]+block
    else:
        ind=' '*(node.col_offset+4)
        ln=node.body[0].lineno-1
        doclines=d.replace('\\','\\\\').split('\n')
        block=[ind+'"""'+doclines[0]]+[(ind+l if l else '') for l in doclines[1:]]+[ind+'"""']
        if len(doclines)==1: block=[ind+'"""'+doclines[0]+'"""']
        lines[ln:ln]=block
open(p,'w').write('\n'.join(lines))
print(len(edits))
