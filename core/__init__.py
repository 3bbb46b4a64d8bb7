"""Shared plumbing every app may use: the page cache and its data version, the fail-open Redis cache, the
login throttle, upload checks, and the API helpers in `core.api`. It imports no app."""
