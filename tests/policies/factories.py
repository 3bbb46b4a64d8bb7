"""Plain functions that make policies rows for tests."""

import datetime as dt
from itertools import count

from jurisdictions.models import Agency, State
from policies.models import Citation, Policy, PolicyStatus, Source

_seq = count(1)


def make_source(**fields: object) -> Source:
    n = next(_seq)
    values: dict[str, object] = {
        "url": f"https://example.org/article-{n}",
        "title": f"Article {n}",
        "publisher": "Example News",
        "published_on": dt.date(2024, 5, 6),
    }
    values.update(fields)
    return Source.objects.create(**values)


def make_policy(
    *,
    agency: Agency | None = None,
    state: State | None = None,
    topic: str = "detainers",
    answer: str = "honors_all",
    published: bool = True,
    sources: int = 1,
    **fields: object,
) -> Policy:
    """A policy with `sources` cited sources, saved as published unless asked otherwise."""
    policy = Policy.objects.create(
        agency=agency,
        state=state,
        topic=topic,
        answer=answer,
        summary_en=str(fields.pop("summary_en", "An English summary.")),
        summary_es=str(fields.pop("summary_es", "Un resumen en español.")),
        status=PolicyStatus.PUBLISHED if published else PolicyStatus.DRAFT,
        **fields,
    )
    for _n in range(sources):
        Citation.objects.create(policy=policy, source=make_source(), quote="A quoted passage.")
    return policy
