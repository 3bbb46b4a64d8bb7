from django import template
from django.db.models import Count, Q

from agreements.chart import active_over_time
from agreements.models import Agreement, AgreementStatus, SupportModel

register = template.Library()


@register.inclusion_tag("agreements/includes/_home_counts.html")
def home_summary() -> dict[str, object]:
    """Active agreements by model (1 query) and the chart over time (1 query, 1 more when its cache is cold)."""
    counts = Agreement.objects.aggregate(
        total=Count("pk", filter=Q(status=AgreementStatus.ACTIVE)),
        agencies=Count("agency", filter=Q(status=AgreementStatus.ACTIVE), distinct=True),
        pending=Count("pk", filter=Q(status=AgreementStatus.PENDING)),
        **{
            code: Count("pk", filter=Q(status=AgreementStatus.ACTIVE, model=code))
            for code in SupportModel.values
        },
    )
    by_model = [(code, label, counts[code]) for code, label in SupportModel.choices]
    return {"counts": counts, "by_model": by_model, "chart": active_over_time()}
