from django.db import migrations

# Request events are history: the database itself refuses to rewrite one. Deleting stays possible (Django
# deletes a request's events itself when an editor deletes the whole request, e.g. spam); the model's
# delete() refuses single events.
FORWARD = """
CREATE OR REPLACE FUNCTION records_requests_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'request events are append-only (UPDATE refused)' USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER records_requests_event_append_only
    BEFORE UPDATE ON records_requests_requestevent
    FOR EACH ROW EXECUTE FUNCTION records_requests_event_append_only();
"""
BACKWARD = """
DROP TRIGGER IF EXISTS records_requests_event_append_only ON records_requests_requestevent;
DROP FUNCTION IF EXISTS records_requests_event_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [("records_requests", "0004_fewer_indexes")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
