# RequestAlert is RequestReminder (the alerts app means subscribers' news, not a request's due date).
# Renames only: the table, its index and its unique constraint keep their rows and are not rebuilt.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('records_requests', '0012_sweep_attempts'),
    ]

    operations = [
        migrations.RenameModel(old_name='RequestAlert', new_name='RequestReminder'),
        migrations.AlterModelOptions(
            name='requestreminder',
            options={'verbose_name': 'request reminder', 'verbose_name_plural': 'request reminders'},
        ),
        migrations.AlterField(
            model_name='requestreminder',
            name='request',
            field=models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='reminders', to='records_requests.recordsrequest'),
        ),
        migrations.RenameIndex(
            model_name='requestreminder', new_name='request_reminder_unsent', old_name='request_alert_unsent'
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveConstraint(model_name='requestreminder', name='request_alert_once_per_due_date'),
                migrations.AddConstraint(
                    model_name='requestreminder',
                    constraint=models.UniqueConstraint(fields=('request', 'kind', 'due_on'), name='request_reminder_once_per_due_date'),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    'ALTER TABLE records_requests_requestreminder '
                    'RENAME CONSTRAINT request_alert_once_per_due_date TO request_reminder_once_per_due_date',
                    'ALTER TABLE records_requests_requestreminder '
                    'RENAME CONSTRAINT request_reminder_once_per_due_date TO request_alert_once_per_due_date',
                ),
            ],
        ),
    ]
