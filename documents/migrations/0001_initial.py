# MoaDocument and MoaFetch, which lived in agreements (agreements.0002) until the documents app existed.
# Their tables exist already: this app adopts them in its state, renames them to documents_* and moves
# their content types (and so permissions and admin log entries) over. No row is copied.
# The page-cache trigger (core/data_version.py) stays on a renamed table; post_migrate re-installs it.

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


MODELS = ("moadocument", "moafetch")


def _move_content_types(apps, schema_editor, *, source: str, target: str) -> None:
    content_type = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MODELS:
        if not content_type.objects.using(db).filter(app_label=target, model=model).exists():
            content_type.objects.using(db).filter(app_label=source, model=model).update(app_label=target)


def relabel_content_types(apps, schema_editor) -> None:
    _move_content_types(apps, schema_editor, source="agreements", target="documents")


def unrelabel_content_types(apps, schema_editor) -> None:
    _move_content_types(apps, schema_editor, source="documents", target="agreements")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('agreements', '0006_documents_app'),
        ('jurisdictions', '0004_census_places_and_zip_counties'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='MoaDocument',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('moa', 'Memorandum of agreement'), ('addendum', 'Addendum')], default='moa', max_length=10, verbose_name='kind')),
                        ('source_url', models.URLField(blank=True, max_length=500, verbose_name='source URL')),
                        ('file', models.FileField(max_length=200, upload_to='moa/', verbose_name='file')),
                        ('file_name', models.CharField(blank=True, max_length=255, verbose_name='original file name')),
                        ('sha256', models.CharField(max_length=64, unique=True, verbose_name='SHA-256')),
                        ('size', models.PositiveIntegerField(verbose_name='size in bytes')),
                        ('content_type', models.CharField(default='application/pdf', max_length=100, verbose_name='content type')),
                        ('page_count', models.PositiveIntegerField(blank=True, null=True, verbose_name='pages')),
                        ('encrypted', models.BooleanField(default=False, verbose_name='encrypted')),
                        ('text', models.TextField(blank=True, verbose_name='extracted text')),
                        ('search_vector', models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.SearchVector('text', config='english'), output_field=django.contrib.postgres.search.SearchVectorField())),
                        ('extraction_status', models.CharField(choices=[('ok', 'Text extracted'), ('failed', 'Extraction failed'), ('needs_password', 'Encrypted: needs a password')], default='ok', max_length=20, verbose_name='extraction')),
                        ('extraction_error', models.TextField(blank=True, verbose_name='extraction error')),
                        ('fetched_at', models.DateTimeField(auto_now_add=True, verbose_name='stored at')),
                        ('extracted_signed', models.DateField(blank=True, null=True, verbose_name='signing date')),
                        ('extracted_model', models.CharField(blank=True, choices=[('JEM', 'Jail Enforcement Model'), ('TFM', 'Task Force Model'), ('WSO', 'Warrant Service Officer')], max_length=3, verbose_name='287(g) model')),
                        ('extracted_contacts', models.JSONField(blank=True, default=list, help_text='A list of {"name", "title", "organization", "phones", "emails", "address", "section"}.', verbose_name='agency points of contact')),
                        ('extraction_notes', models.JSONField(blank=True, default=dict, verbose_name='extraction evidence')),
                        ('review_status', models.CharField(choices=[('unreviewed', 'Not reviewed'), ('confirmed', 'Confirmed by an editor'), ('corrected', 'Corrected by an editor')], default='unreviewed', max_length=12, verbose_name='review')),
                        ('reviewed_at', models.DateTimeField(blank=True, null=True, verbose_name='reviewed at')),
                        ('agency', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='moa_documents', to='jurisdictions.agency', verbose_name='agency')),
                        ('agreement', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='documents', to='agreements.agreement', verbose_name='agreement')),
                        ('reviewed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='reviewed by')),
                        ('uploaded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='uploaded by')),
                    ],
                    options={
                        'db_table': 'agreements_moadocument',
                        'verbose_name': 'MOA document',
                        'verbose_name_plural': 'MOA documents',
                        'ordering': ['-fetched_at'],
                    },
                ),
                migrations.CreateModel(
                    name='MoaFetch',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('url', models.URLField(max_length=500, verbose_name='URL')),
                        ('kind', models.CharField(choices=[('moa', 'Memorandum of agreement'), ('addendum', 'Addendum')], default='moa', max_length=10, verbose_name='kind')),
                        ('status', models.CharField(choices=[('ok', 'Stored'), ('failed', 'Failed')], max_length=10, verbose_name='status')),
                        ('error', models.TextField(blank=True, verbose_name='error')),
                        ('attempted_at', models.DateTimeField(auto_now_add=True, verbose_name='attempted at')),
                        ('agreement', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='moa_fetches', to='agreements.agreement')),
                        ('document', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='fetches', to='documents.moadocument')),
                    ],
                    options={
                        'db_table': 'agreements_moafetch',
                        'verbose_name': 'MOA download',
                        'verbose_name_plural': 'MOA downloads',
                        'ordering': ['-attempted_at'],
                    },
                ),
                migrations.AddIndex(
                    model_name='moadocument',
                    index=django.contrib.postgres.indexes.GinIndex(fields=['search_vector'], name='moa_document_search'),
                ),
                migrations.AddIndex(
                    model_name='moafetch',
                    index=models.Index(fields=['agreement', '-attempted_at'], name='moa_fetch_agreement_recent'),
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="moadocument", table=None),
        migrations.AlterModelTable(name="moafetch", table=None),
        migrations.RunPython(relabel_content_types, unrelabel_content_types, elidable=True),
    ]
