"""The site's API under /api/v1/: one URLconf (`api.urls`) listing every app's routes, and the Data page
that documents the bulk CSV downloads. Each app's API code stays in `<app>/api/`."""
