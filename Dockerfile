# Production image: gunicorn serves the web app; the same image runs the Celery worker and beat.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
# The whole tree, then the install: pyproject.toml's package list decides what is installed (every app;
# tests/project/test_wheel.py builds the wheel and imports each app from it), not a list of COPY lines.
COPY . .
RUN pip install .
RUN SECRET_KEY=collectstatic-only DATABASE_URL=postgres://unused@localhost/unused python manage.py collectstatic --noinput
RUN useradd --system --home /app app && mkdir -p /app/.data/media && chown -R app /app/.data
USER app
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "120", "--access-logfile", "-"]
