"""Move DRF's plain-text tokens (table authtoken_token, app rest_framework.authtoken, no longer installed)
into django-rest-knox as SHA-512 digests, then drop the plain-text table. The same token text keeps
working for existing clients, with no expiry. Nothing to do on a fresh database."""

import hashlib

from django.db import migrations

KEY_LENGTH = 15  # knox.settings.CONSTANTS.TOKEN_KEY_LENGTH


def hash_plain_tokens(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if "authtoken_token" not in connection.introspection.table_names(cursor):
            return
        cursor.execute("SELECT key, user_id, created FROM authtoken_token")
        rows = cursor.fetchall()
        for key, user_id, created in rows:
            cursor.execute(
                "INSERT INTO knox_authtoken (digest, token_key, user_id, created, expiry) "
                "VALUES (%s, %s, %s, %s, NULL) ON CONFLICT (digest) DO NOTHING",
                [hashlib.sha512(key.encode()).hexdigest(), key[:KEY_LENGTH], user_id, created],
            )
        cursor.execute("DROP TABLE authtoken_token")


class Migration(migrations.Migration):
    dependencies = [("knox", "0009_extend_authtoken_field")]
    operations = [migrations.RunPython(hash_plain_tokens, migrations.RunPython.noop)]
