"""A multiple-choice question from its right option and its wrong ones: the options shuffled
with a fixed seed, so a build is reproducible, and distractors whose deciding fact differs
from the right option's and from each other's. The quiz's question makers (quiz.py,
timeline_questions.py) build every question through these."""

from __future__ import annotations

import random

from studyguide.practice.validate import Option, Question, normal

SEED = 14
CHOICES = 4


def ask(
    qid, kind, prompt, right: Option, wrong: list[Option], why, link, tags, file, line=None
) -> Question:
    options = [right, *wrong]
    random.Random(f"{SEED}:{qid}").shuffle(options)
    return Question(qid, kind, prompt, options, options.index(right), why, link, tags, file, line)


def distractors(pool: list, right, fact, n: int, seed: str, also: tuple = ()) -> list:
    """n items of the pool whose `fact` differs from the right one's, from `also`'s and
    from each other's."""
    rng, chosen = random.Random(f"{SEED}:{seed}"), []
    taken = {normal(fact(x)) for x in (right, *also)}
    for item in rng.sample(pool, len(pool)) if n > 0 else ():
        if normal(fact(item)) not in taken:
            taken.add(normal(fact(item)))
            chosen.append(item)
            if len(chosen) == n:
                break
    return chosen
