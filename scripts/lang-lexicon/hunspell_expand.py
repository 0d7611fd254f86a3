"""Expand a hunspell .dic/.aff pair into word forms (prefix x suffix cross products, one level;
continuation flags on affixes followed one more level for suffixes). Prints lowercase forms."""
import re, sys

def parse_flags(s, mode):
    if not s: return []
    if mode == 'long': return [s[i:i+2] for i in range(0, len(s) - 1, 2)]
    if mode == 'num': return [f for f in s.split(',') if f]
    return list(s)

def load_aff(path):
    mode = 'char'; rules = {}; af = {}
    lines = open(path, encoding='utf-8', errors='replace').read().split('\n')
    i = 0
    while i < len(lines):
        parts = lines[i].split()
        if not parts or parts[0].startswith('#'): i += 1; continue
        if parts[0] == 'FLAG': mode = parts[1]
        elif parts[0] == 'AF' and len(parts) == 2 and parts[1].isdigit(): pass
        elif parts[0] == 'AF' and len(parts) >= 2: af[len(af) + 1] = parts[1]
        elif parts[0] in ('PFX', 'SFX') and len(parts) >= 4 and parts[3].isdigit() and len(parts) <= 5:
            kind, flag, cross, n = parts[0], parts[1], parts[2] == 'Y', int(parts[3])
            entries = []
            for j in range(1, n + 1):
                p = lines[i + j].split()
                if len(p) < 4: continue
                strip = '' if p[2] == '0' else p[2]
                add, _, cont = p[3].partition('/')
                add = '' if add == '0' else add
                cond = p[4] if len(p) > 4 else '.'
                rx = re.compile(('^' + cond) if kind == 'PFX' else (cond + '$'))
                entries.append((strip, add, rx, parse_flags(cont, mode)))
            rules[flag] = (kind, cross, entries)
            i += n
        i += 1
    return mode, rules, af

def apply(word, flag, rules):
    kind, cross, entries = rules[flag]
    out = []
    for strip, add, rx, cont in entries:
        if not rx.search(word): continue
        if kind == 'SFX':
            if strip and not word.endswith(strip): continue
            out.append((word[:len(word) - len(strip)] + add, kind, cross, cont))
        else:
            if strip and not word.startswith(strip): continue
            out.append((add + word[len(strip):], kind, cross, cont))
    return out

def expand(dic, aff):
    mode, rules, af = load_aff(aff)
    forms = set()
    with open(dic, encoding='utf-8', errors='replace') as f:
        next(f, None)
        for line in f:
            line = line.strip()
            if not line or line.startswith('#'): continue
            word, _, flags = line.partition('/')
            word = word.split('\t')[0].split(' ')[0]
            flags = flags.split('\t')[0].split(' ')[0]
            if flags.isdigit() and af: flags = af.get(int(flags), '')
            fl = [x for x in parse_flags(flags, mode) if x in rules]
            forms.add(word)
            sfx = []
            for fg in fl:
                for w, kind, cross, cont in apply(word, fg, rules):
                    forms.add(w)
                    if kind == 'SFX':
                        sfx.append((w, cross))
                        for c in cont:
                            if c in rules and rules[c][0] == 'SFX':
                                for w2, *_ in apply(w, c, rules): forms.add(w2)
            for fg in fl:
                if rules[fg][0] == 'PFX' and rules[fg][1]:
                    for w, cross in sfx:
                        if cross:
                            for w2, *_ in apply(w, fg, rules): forms.add(w2)
    return forms

if __name__ == '__main__':
    forms = expand(sys.argv[1], sys.argv[2])
    cyr = re.compile(r'^[\u0400-\u04ff\u0301-]+$')
    out = sorted({f.lower().replace('\u0301', '') for f in forms if cyr.match(f)})
    sys.stdout.write('\n'.join(out) + '\n')
