#!/usr/bin/env python3
"""How many of a driver tree's descriptor tables kstidy's model recognises.

Usage: tool/measure-descriptors.py KSTIDY TREE [TREE...]

Each tree is one run, as a user runs a driver: `kstidy --export-model=M
<every .c/.cpp of the tree> -- -I<every directory holding a header>
-DUNICODE -D_UNICODE`. A lexical scan lists the descriptor tables the
tree's sources and headers declare (filter, pin, node-less connection
tables and data ranges, written as plain declarations or with
DEFINE_KSFILTER_DESCRIPTOR); a table is recognised when the model export
names it. Prints a line per tree and kind, then the totals:

  descriptors: filters F/F', pin tables P/P', connection tables C/C',
  data ranges D/D', allocator framings A/A' (recognised/declared)
  pin instance counts: N pins, K with the necessary count and a limit known

and, with --missing, the names not recognised.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

SRC = ('.c', '.cpp')
HDR = ('.h', '.hpp')
KINDS = {
    'filters': re.compile(
        r'\b(?:PCFILTER_DESCRIPTOR|KSFILTER_DESCRIPTOR)\s+(\w+)\s*[\[=]|'
        r'\bDEFINE_KSFILTER_DESCRIPTOR\s*\(\s*(\w+)\s*\)'),
    'pin tables': re.compile(
        r'\b(?:PCPIN_DESCRIPTOR|KSPIN_DESCRIPTOR_EX)\s+(\w+)\s*\[()'),
    'connection tables': re.compile(
        r'\b(?:PCCONNECTION_DESCRIPTOR|KSTOPOLOGY_CONNECTION)\s+(\w+)\s*\[()'),
    'data ranges': re.compile(
        r'\b(?:KSDATARANGE|KSDATARANGE_AUDIO|KSDATARANGE_MUSIC|KS_DATARANGE_\w+)'
        r'\s+(\w+)\s*(?:\[[^\]]*\]\s*)?=()'),
    'allocator framings': re.compile(
        r'\bKSALLOCATOR_FRAMING_EX\s+(\w+)\s*=|'
        r'\bDECLARE_SIMPLE_FRAMING_EX\s*\(\s*(\w+)\s*,'),
}
EXPORT_KEYS = {'filters': 'filterDescriptors', 'pin tables': 'pinTables',
               'connection tables': 'connectionTables',
               'data ranges': 'dataRanges', 'allocator framings': 'framings'}


def strip_comments(text):
    return re.sub(r'/\*.*?\*/', '', re.sub(r'//[^\n]*', '', text), flags=re.S)


def declared(root):
    found = {k: set() for k in KINDS}
    for d, _, fs in os.walk(root):
        for f in fs:
            if f.endswith(SRC + HDR):
                with open(os.path.join(d, f), errors='replace') as fh:
                    text = strip_comments(fh.read())
                for kind, rx in KINDS.items():
                    found[kind] |= {m.group(1) or m.group(2)
                                    for m in rx.finditer(text)}
    return found


def recognised(kstidy, root):
    incs = sorted({'-I' + d for d, _, fs in os.walk(root)
                   if any(f.endswith(HDR) for f in fs)})
    sources = [os.path.join(d, f) for d, _, fs in sorted(os.walk(root))
               for f in sorted(fs) if f.endswith(SRC)]
    seen = {k: set() for k in KINDS}
    seen['pins'] = [0, 0]
    if not sources:
        return seen
    with tempfile.NamedTemporaryFile(suffix='.json') as model:
        subprocess.run([kstidy, '--export-model=' + model.name] + sources +
                       ['--'] + incs + ['-DUNICODE', '-D_UNICODE'],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=1200)
        try:
            doc = json.load(open(model.name))
        except ValueError:
            return seen
    for tu in doc.get('translationUnits', []):
        for kind, key in EXPORT_KEYS.items():
            for table in tu.get(key, []):
                seen[kind].add(table.get('name', '').split('::')[-1])
        for table in tu.get('pinTables', []):
            pc = table.get('framework') == 'portcls'
            for pin in table.get('pins', []):
                need = pin.get('minFilterInstances' if pc else
                               'instancesNecessary')
                limit = pin.get('maxFilterInstances' if pc else
                                'instancesPossible')
                seen['pins'][0] += 1
                seen['pins'][1] += need is not None and limit is not None
    return seen


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    if len(args) < 2:
        sys.exit(__doc__.split('\n\n')[1])
    kstidy, trees = os.path.abspath(args[0]), args[1:]
    tot = {k: [0, 0] for k in KINDS}
    pins = [0, 0]
    for tree in trees:
        decl, seen = declared(tree), recognised(kstidy, tree)
        parts = []
        for kind in KINDS:
            rec = decl[kind] & seen[kind]
            tot[kind][0] += len(rec)
            tot[kind][1] += len(decl[kind])
            parts.append('%s %d/%d' % (kind, len(rec), len(decl[kind])))
            if '--missing' in sys.argv and decl[kind] - rec:
                parts[-1] += ' (not: %s)' % ', '.join(sorted(decl[kind] - rec))
        pins = [pins[0] + seen['pins'][0], pins[1] + seen['pins'][1]]
        print('%s: %s' % (tree, ', '.join(parts)))
    print('descriptors: ' + ', '.join('%s %d/%d' % (k, r, d)
                                      for k, (r, d) in tot.items()) +
          ' (recognised/declared)')
    print('pin instance counts: %d pins, %d with the necessary count and a '
          'limit known' % tuple(pins))


if __name__ == '__main__':
    main()
