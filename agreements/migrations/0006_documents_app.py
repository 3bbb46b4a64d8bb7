# MoaDocument and MoaFetch move to the documents app. Their tables stay put here; documents.0001 adopts
# them in its own state and renames them (no row is copied).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0005_journalist_history"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="MoaFetch"),
                migrations.DeleteModel(name="MoaDocument"),
            ],
            database_operations=[],
        ),
    ]
