#!/usr/bin/env bash
# Start the machine's PostgreSQL if it is not running, and create the role promel and the
# database named as the first argument (idempotent). Used by .ci/run and scripts/serve.sh.
set -euo pipefail
db=${1:-promel}
pg_version=$(ls /etc/postgresql | sort -n | tail -n 1)
pg_ctlcluster "$pg_version" main status >/dev/null 2>&1 \
  || pg_ctlcluster --skip-systemctl-redirect "$pg_version" main start
for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
pg_isready -h 127.0.0.1 >/dev/null || { echo "PostgreSQL is not reachable on 127.0.0.1:5432" >&2; exit 1; }
runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q -v db="$db" <<'SQL'
SELECT 'CREATE ROLE promel LOGIN CREATEDB PASSWORD ''promel''' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname='promel')\gexec
SELECT format('CREATE DATABASE %I OWNER promel', :'db') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname=:'db')\gexec
SQL
