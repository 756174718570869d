#!/usr/bin/env python3
"""Validate the hand-labelled tagging data in train/ and test/ (standard library only).

Checks every rule of the data brief for every file and prints per-language,
per-category positive/negated paragraph counts for each split.
Exit status is 1 if any error was found.
Usage: python3 validate.py [datadir]
"""
import json, os, re, sys, glob
from collections import Counter, defaultdict

STRESSORS = ["competition", "pace", "obsolescence", "overwork", "financial_stakes",
             "sudden_wealth", "productization", "closed_research", "no_role_for_science",
             "publish_or_perish", "career_pressure", "impostor_syndrome", "isolation",
             "inescapability", "social_anxiety", "churn", "startup_risk"]
REMEDIES = ["normalize_talking", "support_networks", "work_life_balance", "reasonable_hours",
            "mental_health_days", "counseling", "employer_support", "value_wellbeing",
            "fewer_conferences", "submission_pauses", "perspective"]
ALL = STRESSORS + REMEDIES
LANGS = ["en", "zh-Hans", "zh-Hant"]
PREFIX = {"en": "en_", "zh-Hans": "zhs_", "zh-Hant": "zht_"}
PRONOUNS = {"he", "she", "they", "i", "we", "you", "him", "her", "them", "me",
            "他", "她", "我", "你", "他们", "她们", "我们", "他們", "她們", "我們", "佢", "我哋"}
KEYS = {"text", "stressors", "remedies", "evidence", "negated", "raised_by", "proposed_by"}
CJK = r"[\u3400-\u9fff]"
HALF_PUNCT_NEAR_CJK = re.compile(CJK + r"[,:;?!]|[,;?!]" + CJK + r"|" + CJK + r'"|"' + CJK)

errors = []
def err(where, msg):
    errors.append(f"{where}: {msg}")

def check_doc(fname, name, doc, split, counts, para_stats, names_by_split):
    w = f"{split}/{fname}::{name}"
    if not isinstance(doc, dict):
        return err(w, "document is not an object")
    if set(doc) != {"language", "genre", "paragraphs"}:
        err(w, f"document keys {sorted(doc)}")
    lang = doc.get("language")
    if lang not in LANGS:
        return err(w, f"bad language {lang!r}")
    if not name.startswith(PREFIX[lang]):
        err(w, f"name should start with {PREFIX[lang]}")
    if not name.endswith(".txt"):
        err(w, "document name should end in .txt")
    if not isinstance(doc.get("genre"), str) or not doc["genre"].strip():
        err(w, "missing genre")
    paras = doc.get("paragraphs")
    if not isinstance(paras, list):
        return err(w, "paragraphs is not a list")
    if not 4 <= len(paras) <= 14:
        err(w, f"{len(paras)} paragraphs (need 4-14)")
    seen_text = set()
    for i, p in enumerate(paras):
        pw = f"{w}#{i}"
        if not isinstance(p, dict) or set(p) != KEYS:
            err(pw, f"paragraph keys {sorted(p) if isinstance(p, dict) else type(p)}")
            continue
        t = p["text"]
        if not isinstance(t, str) or not t.strip():
            err(pw, "empty text"); continue
        if "\n" in t or "\r" in t:
            err(pw, "newline inside text")
        if t != t.strip():
            err(pw, "leading/trailing whitespace")
        if t in seen_text:
            err(pw, "duplicate paragraph text in document")
        seen_text.add(t)
        S, R, N = p["stressors"], p["remedies"], p["negated"]
        for fld, lst, allowed in (("stressors", S, STRESSORS), ("remedies", R, REMEDIES), ("negated", N, ALL)):
            if not isinstance(lst, list):
                err(pw, f"{fld} not a list"); continue
            for c in lst:
                if c not in allowed:
                    err(pw, f"{fld}: {c!r} is not a valid id here")
            if len(set(lst)) != len(lst):
                err(pw, f"{fld}: duplicates")
        pos = set(S) | set(R)
        if pos & set(N):
            err(pw, f"both positive and negated: {sorted(pos & set(N))}")
        ev = p["evidence"]
        if not isinstance(ev, dict):
            err(pw, "evidence not an object")
        else:
            if set(ev) != pos:
                err(pw, f"evidence keys {sorted(ev)} != positive labels {sorted(pos)}")
            for c, v in ev.items():
                if not isinstance(v, str) or not v.strip():
                    err(pw, f"evidence[{c}] empty")
                elif v not in t:
                    err(pw, f"evidence[{c}] not a substring: {v!r}")
        for fld, lst in (("raised_by", S), ("proposed_by", R)):
            d = p[fld]
            if not isinstance(d, dict):
                err(pw, f"{fld} not an object"); continue
            if set(d) != set(lst):
                err(pw, f"{fld} keys {sorted(d)} != {sorted(lst)}")
            for c, who in d.items():
                if who is None:
                    continue
                if not isinstance(who, str) or not who.strip():
                    err(pw, f"{fld}[{c}] must be a name or null")
                elif who.lower() in PRONOUNS:
                    err(pw, f"{fld}[{c}] is a pronoun, not a name: {who!r}")
                elif who not in t:
                    err(pw, f"{fld}[{c}] name {who!r} not in text")
                else:
                    names_by_split[split][who].add(name)
        if lang != "en":
            m = HALF_PUNCT_NEAR_CJK.search(t)
            if m:
                err(pw, f"half-width punctuation in Chinese text near {m.group()!r}")
            if lang == "zh-Hans" and re.search("[「」『』]", t):
                err(pw, "zh-Hans text uses 「」 quotes (use “”)")
            if lang == "zh-Hant" and re.search("[“”]", t):
                err(pw, "zh-Hant text uses “” quotes (use 「」『』)")
        for c in S + R:
            counts[(split, lang)][c][0] += 1
        for c in N:
            if c in ALL:
                counts[(split, lang)][c][1] += 1
        st = para_stats[(split, lang)]
        st["paragraphs"] += 1
        if not pos:
            st["unlabelled"] += 1
        if not pos and not N:
            st["no_label_at_all"] += 1
        if len(pos) >= 2:
            st["multi_label"] += 1
    para_stats[(split, lang)]["documents"] += 1

def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    counts = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    para_stats = defaultdict(Counter)
    genres = defaultdict(Counter)
    names_by_split = {"train": defaultdict(set), "test": defaultdict(set)}
    docnames = defaultdict(list)
    for split in ("train", "test"):
        for fn in sorted(glob.glob(os.path.join(root, split, "*.json"))):
            rel = os.path.basename(fn)
            try:
                data = json.load(open(fn, encoding="utf-8"))
            except Exception as e:
                err(f"{split}/{rel}", f"invalid JSON/UTF-8: {e}"); continue
            if not isinstance(data, dict) or not data:
                err(f"{split}/{rel}", "top level must be a non-empty object"); continue
            for name, doc in data.items():
                docnames[name].append(split)
                if isinstance(doc, dict):
                    genres[(split, doc.get("language"))][doc.get("genre")] += 1
                check_doc(rel, name, doc, split, counts, para_stats, names_by_split)
    for name, where in docnames.items():
        if len(where) > 1:
            err(name, f"document name used more than once: {where}")
    shared = set(names_by_split["train"]) & set(names_by_split["test"])
    for who in sorted(shared):
        err("test/train", f"speaker {who!r} appears in both splits")

    for split in ("train", "test"):
        print(f"\n=== {split} ===")
        hdr = f"{'category':22s}" + "".join(f"{l:>14s}" for l in LANGS) + f"{'total':>14s}"
        print(hdr + "     (positive/negated paragraphs)")
        for c in ALL:
            row, tp, tn = f"{c:22s}", 0, 0
            for l in LANGS:
                p, n = counts[(split, l)][c]
                tp += p; tn += n
                row += f"{p:>10d}/{n:<3d}"
            row += f"{tp:>10d}/{tn:<3d}"
            print(row)
        for l in LANGS:
            st = para_stats[(split, l)]
            if st["paragraphs"]:
                print(f"{l:8s} docs={st['documents']:3d} paragraphs={st['paragraphs']:4d} "
                      f"unlabelled(no positive)={st['unlabelled']} ({100*st['unlabelled']/st['paragraphs']:.0f}%) "
                      f"no label at all={st['no_label_at_all']} multi-label={st['multi_label']} "
                      f"genres={len(genres[(split, l)])}")
    print()
    if errors:
        for e in errors:
            print("ERROR", e)
        print(f"{len(errors)} error(s)")
        sys.exit(1)
    print("OK: no errors")

if __name__ == "__main__":
    main()
