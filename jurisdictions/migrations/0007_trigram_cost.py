# The planner's price of pg_trgm's word-similarity test (`name_key %> 'word'`), which pg_trgm declares at
# cost 1 like an integer comparison. It computes a trigram set per row (~8 µs a row here), so with cost 1
# the planner scanned all 3,235 counties or every alias row instead of using their trigram indexes
# (14 ms instead of 1.4 ms for one search). Skipped with a notice where the database user does not own
# the extension's functions (an extension installed by an administrator): searches still work, slower.

from django.db import migrations

FUNCTIONS = ("word_similarity_op(text, text)", "word_similarity_commutator_op(text, text)")


def _alter(cost: int) -> str:
    statements = " ".join(f"ALTER FUNCTION {function} COST {cost};" for function in FUNCTIONS)
    return f"""
DO $$
BEGIN
    {statements}
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'pg_trgm functions not owned by this user: their planner cost is left at the default';
END
$$;
"""


class Migration(migrations.Migration):

    dependencies = [
        ('jurisdictions', '0006_agency_id_state'),
    ]

    operations = [
        migrations.RunSQL(_alter(100), reverse_sql=_alter(1)),
    ]
