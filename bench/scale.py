"""Make a copy of the project with N times the content, to see how the build scales.

    python -m bench.scale --factor 10 --out bench/out/scale-10 [--root .]

At factor N the copy has N times as many of each of these (the originals plus N-1 times
as many synthetic ones):

* glossary entries: keys, hanzi and pinyin that pass our checks. Each hanzi is 2-4 real
  characters taken from the glossary, and its pinyin is pypinyin's reading of each
  character, checked with studyguide.load.pinyin like every real entry;
* excerpts, spread over the five sources in the same proportions as the real ones (their
  text is filler: the verbatim check is a test, not part of the build);
* the editorial cap on excerpts per source (scale_excerpt_cap), so the build still runs;
* pages: copies of the source and theme pages, saved next to the original, whose term(),
  excerpt() and key_excerpts() calls point to the synthetic terms and excerpts (so each
  synthetic term and excerpt is used), and listed in the nav like real pages.

Everything is deterministic (fixed random seed), so runs are comparable.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from pathlib import Path

import yaml

from studyguide.pages.core_path import NAV_TITLE, core_page

HERE = Path(__file__).resolve().parent
SKIP = {
    ".git",
    ".venv",
    "node_modules",
    "site",
    "bench",
    "tests",
    ".cache",
    ".pytest_cache",
    "__pycache__",
    ".github",
}
WORDS = (
    "state society policy welfare reform party local official migrant worker service organization "
    "registration funding trust rights governance management community city rural urban provider "
    "insurance household stability control partnership participation hierarchy pilot county "
    "province contract budget volunteer network leader cadre report survey scholar "
    "interview document"
).split()
CATEGORIES = [
    "policy",
    "institution",
    "organization",
    "society",
    "welfare",
    "rights",
    "analytic",
    "slogan",
]

TERM_CALL = re.compile(r"(\{\{-?\s*term\(\s*)([\"'])([^\"']+)\2")
EXCERPT_CALL = re.compile(r"(\{\{-?\s*excerpt\(\s*)([\"'])([^\"']+)\2")
KEY_EXCERPTS = re.compile(r"\{\{-?\s*key_excerpts\(\s*[\"']([^\"']+)[\"']\s*\)\s*-?\}\}")
SAME_PAGE_ANCHOR = re.compile(r"\]\(#")


def _filler(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def copy_project(root: Path, out: Path) -> None:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for item in root.iterdir():
        if item.name in SKIP or item.name.startswith(".") and item.is_dir():
            continue
        if item.is_dir():
            shutil.copytree(item, out / item.name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(item, out / item.name)


def synthetic_terms(root: Path, count: int, rng: random.Random) -> dict[str, dict]:
    from pypinyin import Style, pinyin

    from studyguide.load.glossary import load_glossary
    from studyguide.load.pinyin import check_pinyin, toneless
    from studyguide.text import is_hanzi

    glossary = load_glossary(root / "glossary.yaml")
    pool = sorted({c for e in glossary.entries.values() for c in e.hanzi if is_hanzi(c)})
    seen = {e.hanzi for e in glossary.entries.values()}
    terms: dict[str, dict] = {}
    keys: list[str] = []
    while len(terms) < count:
        hanzi = "".join(rng.choice(pool) for _ in range(rng.randint(2, 4)))
        if hanzi in seen:
            continue
        written = "".join(pinyin(c, style=Style.TONE)[0][0] for c in hanzi)
        if check_pinyin(hanzi, written):  # e.g. only neutral tones: try another
            continue
        seen.add(hanzi)
        number = len(terms) + 1
        word = toneless(written).replace("ü", "v")
        key = f"{word}-{number}"
        english = f"synthetic concept {number}"
        terms[key] = {
            "hanzi": hanzi,
            "pinyin": written,
            "english": english,
            "aliases": [f"{word} {number}", f"concept {number} ({hanzi})"],
            "definition": _filler(rng, 25),
            "see_also": [],
            "category": rng.choice(CATEGORIES),
            "notes": "Shi writes: "
            + _filler(rng, 80),  # attributed, as the checks require of notes
        }
        keys.append(key)
    for i, key in enumerate(keys):  # a few see_also links, as real entries have
        terms[key]["see_also"] = (
            [keys[(i + 1) % len(keys)], keys[(i + 7) % len(keys)]] if len(keys) > 7 else []
        )
        if not terms[key]["see_also"]:
            del terms[key]["see_also"]
    return terms


def synthetic_excerpts(
    sources: dict[str, int], factor: int, term_keys: list[str], terms: dict, rng: random.Random
) -> dict[str, dict[str, dict]]:
    """source id -> {excerpt id: excerpt}, (factor - 1) times the source's real count."""
    out: dict[str, dict[str, dict]] = {}
    n = 0
    for source, real in sources.items():
        out[source] = {}
        for i in range(real * (factor - 1)):
            named = [term_keys[(n * 3 + j) % len(term_keys)] for j in range(3)] if term_keys else []
            mention = " and ".join(terms[k]["english"] for k in named[:2])
            out[source][f"{source}-synth-{i + 1}"] = {
                "source": source,
                "location": f"synthetic section {i + 1}",
                "text": f"{_filler(rng, 22)} It speaks of {mention}. {_filler(rng, 22)}",
                "terms": named[:1],
                "note": _filler(rng, 30),
            }
            n += 1
    return out


def _rewrite(text: str, original: str, next_term, next_excerpt, excerpts_of) -> str:
    text = TERM_CALL.sub(lambda m: f'{m.group(1)}"{next_term()}"', text)
    text = EXCERPT_CALL.sub(lambda m: f'{m.group(1)}"{next_excerpt(None)}"', text)
    text = KEY_EXCERPTS.sub(
        lambda m: "\n\n".join(
            f'{{{{ excerpt("{next_excerpt(m.group(1))}") }}}}'
            for _ in range(excerpts_of(m.group(1)))
        ),
        text,
    )
    return SAME_PAGE_ANCHOR.sub(f"]({original}#", text)


def scale_excerpt_cap(out: Path, factor: int) -> None:
    """The copy's editorial cap on excerpts per source (studyguide/check.py, MAX_EXCERPTS),
    times `factor`: a policy for real sources that N times the synthetic excerpts would
    break, stopping the build being timed. The copy imports its own studyguide package
    (the venv's is an editable compat install, which the copy's folder shadows)."""
    check = out / "studyguide" / "check.py"
    text = check.read_text(encoding="utf-8")
    scaled, found = re.subn(
        r"^MAX_EXCERPTS = (\d+)",
        lambda m: f"MAX_EXCERPTS = {int(m[1]) * factor}",
        text,
        count=1,
        flags=re.M,
    )
    if not found:
        raise SystemExit(f"{check}: no MAX_EXCERPTS to scale; bench/scale.py needs updating")
    check.write_text(scaled, encoding="utf-8")


def make_scaled(root: Path, out: Path, factor: int, seed: int = 2014) -> dict[str, int]:
    """Write the scaled copy into `out`; return counts of what it holds."""
    from mkdocs.utils.yaml import yaml_load

    root = root.resolve()
    copy_project(root, out)
    scale_excerpt_cap(out, factor)
    rng = random.Random(seed)
    with open(out / "glossary.yaml", encoding="utf-8") as f:
        glossary = yaml.safe_load(f)
    excerpt_files = sorted((out / "data/excerpts").glob("*.yaml"))
    real_excerpts = {}
    for path in excerpt_files:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for key, record in data.items():
            real_excerpts.setdefault(record["source"], []).append(key)
    docs = out / "docs"
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    templates = [
        p for p in pages if p.startswith(("sources/", "themes/")) and not p.endswith("index.md")
    ]

    terms = synthetic_terms(out, len(glossary) * (factor - 1), rng) if factor > 1 else {}
    term_keys = list(terms)
    excerpts = (
        synthetic_excerpts(
            {s: len(v) for s, v in real_excerpts.items()}, factor, term_keys, terms, rng
        )
        if factor > 1
        else {}
    )
    if terms:  # the whole glossary rewritten in key order, which the build's checks require
        merged = dict(sorted({**glossary, **terms}.items()))
        (out / "glossary.yaml").write_text(
            "# Real and synthetic entries in key order (bench/scale.py)\n"
            + yaml.safe_dump(merged, allow_unicode=True, sort_keys=False, width=100),
            encoding="utf-8",
        )
    for source, records in excerpts.items():
        target = out / "data/excerpts" / f"{source}.yaml"
        with open(target, "a", encoding="utf-8") as f:
            f.write("\n# Synthetic excerpts (bench/scale.py)\n")
            f.write(yaml.safe_dump(records, allow_unicode=True, sort_keys=False, width=100))

    term_cycle = iter(range(10**9))
    synthetic_by_source = {s: list(r) for s, r in excerpts.items()}
    all_synthetic = [e for ids in synthetic_by_source.values() for e in ids]
    counters = {"all": 0, **{s: 0 for s in synthetic_by_source}}

    def next_term() -> str:
        return term_keys[next(term_cycle) % len(term_keys)]

    def next_excerpt(source: str | None) -> str:
        ids = synthetic_by_source[source] if source else all_synthetic
        slot = source or "all"
        counters[slot] += 1
        return ids[(counters[slot] - 1) % len(ids)]

    copies: list[str] = []
    if factor > 1:
        needed = len(pages) * (factor - 1)
        for n in range(needed):
            template = templates[n % len(templates)]
            round_ = n // len(templates) + 1
            source_path = docs / template
            name = f"{source_path.stem}-copy{round_}.md"
            text = _rewrite(
                source_path.read_text(encoding="utf-8"),
                source_path.name,
                next_term,
                next_excerpt,
                lambda s: len(real_excerpts.get(s, [])),
            )
            (source_path.parent / name).write_text(text, encoding="utf-8")
            copies.append(str(Path(template).parent / name))

    with open(out / "mkdocs.yml", encoding="utf-8") as f:
        config = yaml_load(f)
    if copies and config.get("nav"):
        config["nav"].append({"Scale copies": copies})
        _list_core_pages(config["nav"], copies)
    (out / "mkdocs.yml").write_text(
        f"# Generated by bench/scale.py (factor {factor}).\n"
        + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=10_000),
        encoding="utf-8",
    )
    return {
        "factor": factor,
        "glossary": len(glossary) + len(terms),
        "excerpts": sum(len(v) for v in real_excerpts.values()) + len(all_synthetic),
        "pages": len(pages) + len(copies),
    }


def _list_core_pages(nav: list, copies: list[str]) -> None:
    """The nav's core path lists a core page per source and theme page: the copies' last."""
    for item in nav:
        if isinstance(item, dict) and isinstance(item.get(NAV_TITLE), list):
            item[NAV_TITLE] += [core_page(page) for page in copies]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=HERE.parent)
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    print(make_scaled(args.root, args.out, args.factor))
    return 0


if __name__ == "__main__":
    sys.exit(main())
