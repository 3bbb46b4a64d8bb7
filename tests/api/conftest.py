"""Fixtures for the API tests (the client is in tests/conftest.py; factories in tests/<app>/factories.py)."""
