"""API plumbing shared by every app's `<app>/api/`: base viewsets, filters, fields, renderers, pagination,
throttles, error handlers and the schema's auto-schema."""
