"""Multiple-choice questions and quizzes from the data (study/practice/quiz.json).

Kinds: term → meaning, meaning → term, hanzi → pinyin, pinyin → hanzi (distractors from
the same glossary category), quote → source, quote → speaker, event → year, which event
came first, and claim → which source (timeline events that do not name their source: those
three kinds are made in timeline_questions.py); and the written argument questions of
data/questions/ (argue-<kind>). Every question goes through validate.refuse_ambiguous;
options (choices.py) and question order are shuffled with fixed seeds, so a build is
reproducible.
"""

from __future__ import annotations

import random

from studyguide.load.guide import Guide, once_per_guide
from studyguide.practice.choices import CHOICES, SEED, ask, distractors
from studyguide.practice.context import (
    PINYIN,
    ZH,
    Context,
    Tags,
    context,
    excerpt_link,
    plain,
    section_link,
    seg,
    term_link,
)
from studyguide.practice.timeline_questions import event_questions
from studyguide.practice.validate import Option, Question, refuse_ambiguous

MIN_QUIZ = 5  # a deck with fewer questions gets no quiz of its own


def term_questions(ctx: Context) -> list[Question]:
    entries = ctx.guide.glossary.sorted()
    out = []
    kinds = {
        # kind: (prompt, option text, the facts that must differ)
        "term-meaning": (
            lambda e: [seg("What does "), seg(e.hanzi, ZH), seg(f" ({e.term}) mean?")],
            lambda e: [seg(e.english)],
            lambda e: {"english": e.english},
        ),
        "meaning-term": (
            lambda e: [seg(f"Which term means “{e.english}”?")],
            lambda e: [seg(e.hanzi, ZH), seg(f" {e.term}")],
            lambda e: {"hanzi": e.hanzi, "english": e.english},
        ),
        "hanzi-pinyin": (
            lambda e: [seg("How is "), seg(e.hanzi, ZH), seg(" read?")],
            lambda e: [seg(e.pinyin, PINYIN)],
            lambda e: {"pinyin": e.pinyin, "hanzi": e.hanzi},
        ),
        "pinyin-hanzi": (
            lambda e: [seg("Which characters are "), seg(e.pinyin, PINYIN), seg("?")],
            lambda e: [seg(e.hanzi, ZH)],
            lambda e: {"hanzi": e.hanzi, "pinyin": e.pinyin},
        ),
    }
    for e in entries:
        same = [o for o in entries if o.key != e.key and o.category == e.category]
        others = [o for o in entries if o.key != e.key and o.category != e.category]
        for kind, (prompt, text, facts) in kinds.items():
            key_fact = lambda x, f=facts: next(iter(f(x).values()))  # noqa: E731
            wrong = distractors(same, e, key_fact, CHOICES - 1, f"{kind}:{e.key}")
            wrong += distractors(
                others, e, key_fact, CHOICES - 1 - len(wrong), f"{kind}:{e.key}:more", tuple(wrong)
            )
            why = f"{e.term} ({e.hanzi}, {e.pinyin}), “{e.english}”: {plain(e.summary)}"
            out.append(
                ask(
                    f"{kind}:{e.key}",
                    kind,
                    prompt(e),
                    Option(text(e), facts(e)),
                    [Option(text(o), facts(o)) for o in wrong],
                    why,
                    term_link(ctx.guide, e.key),
                    ctx.term_tags(e.key),
                    "glossary.yaml",
                    e.line,
                )
            )
    return out


def quote_questions(ctx: Context) -> list[Question]:
    g, out = ctx.guide, []
    speakers = sorted({r["speaker"] for r in g.excerpts.values() if r.get("speaker")})
    for xid, r in g.excerpts.items():
        quote, link, tags = (
            seg(f"“{plain(r['text'])}”"),
            excerpt_link(g, xid),
            ctx.excerpt_tags(xid, "excerpt"),
        )
        short = g.sources[r["source"]]["short"]
        wrong = distractors(sorted(g.sources), r["source"], str, CHOICES - 1, f"source:{xid}")
        out.append(
            ask(
                f"quote-source:{xid}",
                "quote-source",
                [seg("Which source is this from?"), quote],
                Option([seg(short)], {"source": r["source"]}),
                [Option([seg(g.sources[s]["short"])], {"source": s}) for s in wrong],
                f"{short}, {r['location']}: {_first_sentence(r['note'])}",
                link,
                tags,
                r.file,
                r.line,
            )
        )
        if r.get("speaker"):
            wrong = distractors(speakers, r["speaker"], str, CHOICES - 1, f"speaker:{xid}")
            out.append(
                ask(
                    f"quote-speaker:{xid}",
                    "quote-speaker",
                    [seg("Who says this?"), quote],
                    Option([seg(r["speaker"])], {"speaker": r["speaker"]}),
                    [Option([seg(s)], {"speaker": s}) for s in wrong],
                    f"{r['speaker']}, in {short}, {r['location']}.",
                    link,
                    tags,
                    r.file,
                    r.line,
                )
            )
    return out


def _first_sentence(text: str) -> str:
    first = " ".join(text.split()).split(". ")[0].rstrip(".")
    return plain(first) + "."


@once_per_guide(remember="quiz-questions")
def questions_for(guide: Guide) -> tuple[Context, tuple[Question, ...]]:
    """The guide's context and its questions, made once per loaded guide (kept across builds
    while no input changes): the quiz data (quiz.json) and the printable sheets need them."""
    ctx = context(guide)
    return ctx, tuple(build_questions(ctx))


def argument_questions(ctx: Context) -> list[Question]:
    """The written questions of data/questions/: what the authors argue, concede and
    dispute. Each belongs to the quizzes of the sources and themes its citations serve."""
    out = []
    for key, r in ctx.guide.questions.items():
        right = Option([seg(r["answer"])], {"claim": r["answer"]})
        wrong = [Option([seg(w["text"])], {"claim": w["text"]}, w["why"]) for w in r["wrong"]]
        tags = Tags(set(), set(r.get("themes", ())), {"argument"})
        for cite in r["cites"]:
            source, _, anchor = cite.partition("#")
            if anchor:
                tags.source.add(source)
            else:
                found = ctx.excerpt_tags(cite, "argument")
                tags.source |= found.source
                tags.theme |= found.theme
        first, _, anchor = r["cites"][0].partition("#")
        link = section_link(ctx.guide, first, anchor) if anchor else excerpt_link(ctx.guide, first)
        out.append(
            ask(
                f"argue:{key}",
                f"argue-{r['kind']}",
                [seg(r["ask"])],
                right,
                wrong,
                " ".join(r["why"].split()),
                link,
                tags,
                r.file,
                r.line,
            )
        )
    return out


def build_questions(ctx: Context) -> list[Question]:
    questions = (
        term_questions(ctx) + quote_questions(ctx) + event_questions(ctx) + argument_questions(ctx)
    )
    refuse_ambiguous(questions)
    random.Random(SEED).shuffle(questions)
    return questions


# A source's or theme's quiz: its argument questions, and of recall only one question per
# term (its meaning; the other three forms are in the category quizzes), quotations and
# dates; recall is then cut, kind by kind in turn, until argument is ARGUMENT_SHARE of it.
RECALL_IN_TOPIC = ("term-meaning", "quote-source", "quote-speaker", "claim-source", "event-year")
ARGUMENT_SHARE = 0.4


def topic_quiz(questions: list[Question]) -> list[Question]:
    argument = [q for q in questions if q.kind.startswith("argue-")]
    recall = [q for q in questions if q.kind in RECALL_IN_TOPIC]
    keep = (
        len(recall)
        if not argument
        else min(len(recall), int(len(argument) * (1 - ARGUMENT_SHARE) / ARGUMENT_SHARE + 1e-9))
    )
    by_kind = {k: [q for q in recall if q.kind == k] for k in RECALL_IN_TOPIC}
    kept: set[str] = set()
    while len(kept) < keep:
        for kind in RECALL_IN_TOPIC:
            if by_kind[kind] and len(kept) < keep:
                kept.add(by_kind[kind].pop(0).id)
    return [q for q in questions if q in argument or q.id in kept]


def quizzes(ctx: Context, questions: list[Question]) -> list[dict]:
    """A quiz of everything, then one per source, theme and category with enough questions
    (a source's or theme's as topic_quiz composes it)."""
    out = [{"id": "all", "title": "Everything", "questions": [q.id for q in questions]}]
    for group, labels in ctx.decks().items():
        for key, label in labels.items():
            chosen = [q for q in questions if key in getattr(q.tags, group)]
            if group in ("source", "theme"):
                chosen = topic_quiz(chosen)
            if len(chosen) >= MIN_QUIZ:
                out.append(
                    {
                        "id": f"{group}:{key}",
                        "title": f"{group.capitalize()}: {label}",
                        "questions": [q.id for q in chosen],
                    }
                )
    return out
