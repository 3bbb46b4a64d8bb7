from typing import Any

from django.db.models import Count, IntegerField, Model, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce


def count_of(rows: type[Model] | QuerySet[Any], field: str) -> Coalesce:
    """Count of `rows` whose `field` points at the outer row, as a correlated subquery.

    A subquery rather than Count() so that several counts do not multiply each other's joins.
    """
    queryset = rows._default_manager.all() if isinstance(rows, type) else rows
    counts = (
        queryset.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)
