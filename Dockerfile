# Production image: gunicorn serves the web app; the same image runs the Celery worker and beat.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY pyproject.toml ./
COPY config ./config
COPY jurisdictions ./jurisdictions
COPY agreements ./agreements
COPY records_requests ./records_requests
RUN pip install .
COPY . .
RUN SECRET_KEY=collectstatic-only DATABASE_URL=postgres://unused@localhost/unused python manage.py collectstatic --noinput
RUN useradd --system --home /app app && mkdir -p /app/.data/media && chown -R app /app/.data
USER app
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "120", "--access-logfile", "-"]
