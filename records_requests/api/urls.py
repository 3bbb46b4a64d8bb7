"""Non-viewset API endpoints of this app (the deadline calculator)."""

urlpatterns: list = []
