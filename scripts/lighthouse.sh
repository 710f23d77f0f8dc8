#!/usr/bin/env bash
# Lighthouse's four category scores for the main pages, mobile and desktop presets, with the
# site served as in production: gunicorn, DJANGO_ENV=production, collected static files.
# Usage: make lighthouse   (or: bash scripts/lighthouse.sh [PATH ...])
set -euo pipefail
cd "$(dirname "$0")/.."

paths=("$@")
[ ${#paths[@]} -gt 0 ] || paths=(/ /metiers/ /metiers/coo/ "/recherche/?q=directeur")
port=${LIGHTHOUSE_PORT:-8765}
work=$(mktemp -d)
trap 'kill "$(cat "$work/gunicorn.pid" 2>/dev/null)" 2>/dev/null || true; rm -rf "$work"' EXIT

export DJANGO_ENV=production SECRET_KEY="lighthouse-$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')" \
  ALLOWED_HOSTS=127.0.0.1 DATABASE_URL="sqlite:///$work/db.sqlite3" \
  SITE_URL="http://127.0.0.1:$port" SECURE_SSL_REDIRECT=false STATIC_ROOT="$work/static" \
  EMAIL_HOST=127.0.0.1 EMAIL_PORT=2525 REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/3}"  # no mail is sent
.venv/bin/python manage.py migrate -v0
.venv/bin/python manage.py load_initial_content -v0 >/dev/null
.venv/bin/python manage.py collectstatic --noinput -v0
.venv/bin/gunicorn promel.wsgi --bind "127.0.0.1:$port" --workers 2 --daemon --pid "$work/gunicorn.pid" --no-control-socket
for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done

flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run"
printf '%-8s %-28s %11s %13s %14s %4s\n' preset page performance accessibility best-practices seo
for preset in mobile desktop; do
  for path in "${paths[@]}"; do
    extra=()
    [ "$preset" = desktop ] && extra=(--preset=desktop)
    CHROME_PATH=/usr/bin/chromium npx --no-install lighthouse "http://127.0.0.1:$port$path" \
      --chrome-flags="$flags" "${extra[@]}" --quiet --output json --output-path "$work/report.json" \
      --only-categories=performance,accessibility,best-practices,seo
    .venv/bin/python - "$work/report.json" "$preset" "$path" <<'PY'
import json, sys
report, preset, path = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3]
scores = [round(report["categories"][c]["score"] * 100)
          for c in ("performance", "accessibility", "best-practices", "seo")]
print(f"{preset:<8} {path:<28} {scores[0]:>11} {scores[1]:>13} {scores[2]:>14} {scores[3]:>4}")
PY
  done
done
