#!/usr/bin/env bash
# The production stack on this machine: nginx (TLS with a self-signed certificate, static
# files, page cache) -> gunicorn (promel.wsgi, one sync worker per core) -> PostgreSQL + Redis.
# Usage: make serve   (Ctrl-C stops everything; nothing is left running)
# Environment: DATABASE_URL (default: local PostgreSQL, database promel_serve), REDIS_URL
# (default: local Redis, database 2), SERVE_HTTPS_PORT (8443), SERVE_HTTP_PORT (8080),
# SERVE_APP_PORT (8001), SERVE_WORKERS (one per core), and any variable of docs/configuration.md.
set -euo pipefail
cd "$(dirname "$0")/.."

https_port=${SERVE_HTTPS_PORT:-8443}
http_port=${SERVE_HTTP_PORT:-8080}
app_port=${SERVE_APP_PORT:-8001}
workers=${SERVE_WORKERS:-$(nproc)}
work=$(mktemp -d /tmp/promel-serve.XXXXXX)
chmod 755 "$work"

stop() {
  local pid
  for name in nginx gunicorn; do
    pid=$(cat "$work/$name.pid" 2>/dev/null) || continue
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  rm -rf "$work"
}
trap stop EXIT
trap 'exit 0' INT TERM

for port in "$https_port" "$http_port" "$app_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port is already in use: choose others (SERVE_HTTPS_PORT, ...)." >&2
    exit 1
  fi
done
command -v nginx >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq nginx-light; }

if [ -z "${DATABASE_URL:-}" ]; then
  bash scripts/local_services.sh promel_serve
  export DATABASE_URL=postgres://promel:promel@127.0.0.1:5432/promel_serve
fi
if [ -z "${REDIS_URL:-}" ]; then
  redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 \
    || redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  export REDIS_URL=redis://127.0.0.1:6379/2
fi
site="https://127.0.0.1:$https_port"
export DJANGO_ENV=production \
  SECRET_KEY="${SECRET_KEY:-serve-$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')}" \
  ALLOWED_HOSTS="${ALLOWED_HOSTS:-127.0.0.1,localhost}" SITE_URL="${SITE_URL:-$site}" \
  CSRF_TRUSTED_ORIGINS="${CSRF_TRUSTED_ORIGINS:-$site}" EMAIL_HOST="${EMAIL_HOST:-127.0.0.1}" \
  EMAIL_PORT="${EMAIL_PORT:-2525}" TRUSTED_PROXY_COUNT=1 CONN_MAX_AGE="${CONN_MAX_AGE:-60}" \
  STATIC_ROOT="$work/static"

mkdir -p "$work/tls" "$work/tmp" "$work/cache" "$work/reference"
# A throw-away certificate authority signs the server's certificate: trust tls/ca.pem
# (curl --cacert, REQUESTS_CA_BUNDLE) to check the certificate as a browser would.
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=Promel make serve CA" \
  -keyout "$work/tls/ca-key.pem" -out "$work/tls/ca.pem" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" \
  -keyout "$work/tls/key.pem" -out "$work/tls/request.csr" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' > "$work/tls/ext.cnf"
openssl x509 -req -in "$work/tls/request.csr" -CA "$work/tls/ca.pem" -CAkey "$work/tls/ca-key.pem" \
  -CAcreateserial -days 30 -extfile "$work/tls/ext.cnf" -out "$work/tls/cert.pem" 2>/dev/null

.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py load_initial_content -v0 >/dev/null
.venv/bin/python manage.py collectstatic --noinput -v0
.venv/bin/python manage.py check --deploy --fail-level WARNING

.venv/bin/gunicorn promel.wsgi --bind "127.0.0.1:$app_port" --workers "$workers" \
  --pid "$work/gunicorn.pid" --daemon --error-logfile "$work/gunicorn.log" --no-control-socket

for _ in $(seq 50); do [ -s "$work/gunicorn.pid" ] && break; sleep 0.2; done
[ -s "$work/gunicorn.pid" ] || { cat "$work/gunicorn.log" >&2; exit 1; }
user_line=""
[ "$(id -u)" = 0 ] && user_line="user root;"
sed -e "s#@WORK@#$work#g" -e "s#@STATIC_ROOT@#$work/static#g" -e "s#@APP_PORT@#$app_port#g" \
  -e "s#@HTTP_PORT@#$http_port#g" -e "s#@HTTPS_PORT@#$https_port#g" -e "s#@USER@#$user_line#" \
  -e "s#@SERVER_NAME@#127.0.0.1#g" \
  deploy/nginx.conf.template > "$work/nginx.conf"
nginx -p "$work" -c "$work/nginx.conf" -e "$work/nginx-error.log"

for _ in $(seq 50); do curl -ksf -o /dev/null "$site/sante/" && break; sleep 0.2; done
curl -ksf -o /dev/null "$site/sante/" || { cat "$work/gunicorn.log" >&2; exit 1; }
echo "$work" > "${SERVE_INFO:-/dev/null}"
echo "Promel is served at $site/ (certificate authority: $work/tls/ca.pem; http://127.0.0.1:$http_port/ redirects)."
echo "Stop with Ctrl-C."
while kill -0 "$(cat "$work/gunicorn.pid")" 2>/dev/null; do sleep 1; done
