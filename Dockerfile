# The site under gunicorn, as a non-root user, with static files collected at build time.
# Run it behind the buffering proxy (compose.yaml, deploy/nginx.conf); never publish port 8000.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=hfs_site.settings.production \
    HFS_DATA_DIR=/data \
    GUNICORN_BIND=0.0.0.0:8000

RUN useradd --create-home --uid 10001 app && mkdir -p /data && chown app /data
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY --chown=app . .
# collectstatic needs settings to load; these throwaway values exist only in this build step
RUN SECRET_KEY=build-only-not-used-at-run-time ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --noinput

USER app
VOLUME ["/data"]
EXPOSE 8000
CMD ["gunicorn", "--config=deploy/gunicorn.conf.py"]
