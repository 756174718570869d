#!/usr/bin/env python3
"""Build train/ and test/ JSON files (one per document) from the compact sources in _src/.

Source format (UTF-8). A document starts with a header line:
    # doc: <file name> | <language> | <genre>
then paragraphs, each one line of text, optionally followed by indented annotation lines:
    s <stressor id> | <evidence substring> | <raised_by name or ->
    r <remedy id>   | <evidence substring> | <proposed_by name or ->
    n <id>          (negated / dismissed / hypothetical / argued-against mention)
Paragraphs are separated by blank lines.
"""
import json, os, sys, glob

HERE = os.path.dirname(os.path.abspath(__file__))

def parse(path):
    docs = {}
    cur = None
    para = None
    def flush():
        nonlocal para
        if para is not None:
            cur["paragraphs"].append(para)
            para = None
    for ln, raw in enumerate(open(path, encoding="utf-8"), 1):
        line = raw.rstrip("\n")
        if line.startswith("# doc:"):
            flush()
            name, lang, genre = [x.strip() for x in line[6:].split("|")]
            if name in docs:
                sys.exit(f"{path}:{ln}: duplicate doc {name}")
            cur = docs[name] = {"language": lang, "genre": genre, "paragraphs": []}
            continue
        if not line.strip():
            flush()
            continue
        if line.startswith("  ") and para is not None:
            a = line.strip()
            kind, rest = a[0], a[1:].strip()
            if kind == "n":
                para["negated"].append(rest)
                continue
            parts = [x.strip() for x in rest.split("|")]
            if len(parts) == 2:
                parts.append("-")
            if len(parts) != 3:
                sys.exit(f"{path}:{ln}: bad annotation {a!r}")
            cid, ev, who = parts
            who = None if who in ("-", "") else who
            if kind == "s":
                para["stressors"].append(cid)
                para["raised_by"][cid] = who
            elif kind == "r":
                para["remedies"].append(cid)
                para["proposed_by"][cid] = who
            else:
                sys.exit(f"{path}:{ln}: bad kind {kind!r}")
            para["evidence"][cid] = ev
            continue
        if cur is None:
            sys.exit(f"{path}:{ln}: text before doc header")
        if para is not None:
            sys.exit(f"{path}:{ln}: two text lines without blank line")
        para = {"text": line.strip(), "stressors": [], "remedies": [], "evidence": {},
                "negated": [], "raised_by": {}, "proposed_by": {}}
    flush()
    return docs

def main():
    for split in ("train", "test"):
        outdir = os.path.join(HERE, split)
        os.makedirs(outdir, exist_ok=True)
        for src in sorted(glob.glob(os.path.join(HERE, "_src", split, "*.txt"))):
            for name, doc in parse(src).items():
                out = os.path.join(outdir, name.rsplit(".", 1)[0] + ".json")
                with open(out, "w", encoding="utf-8") as f:
                    json.dump({name: doc}, f, ensure_ascii=False, indent=1)
                    f.write("\n")

if __name__ == "__main__":
    main()
