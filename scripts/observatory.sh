#!/usr/bin/env bash
# Mozilla HTTP Observatory's grade of the running `make serve` stack (outside CI).
# Usage: bash scripts/observatory.sh CA_PEM [PATH ...]   (CA_PEM: printed by make serve)
# httpobs pins ancient dependencies: it goes into a throw-away venv with --no-deps, and its
# unused celery import is stubbed.
set -euo pipefail
ca=$1; shift
paths=("$@"); [ ${#paths[@]} -gt 0 ] || paths=(/ /metiers/ /metiers/coo/ /contact/)
venv=${TMPDIR:-/tmp}/promel-httpobs
if [ ! -x "$venv/bin/python" ]; then
  python3.11 -m venv "$venv"
  "$venv/bin/pip" install -q --no-deps httpobs requests beautifulsoup4 publicsuffixlist \
    urllib3 idna charset_normalizer certifi soupsieve typing-extensions
  mkdir -p "$venv/stubs/celery"
  printf 'class Celery:\n    def __init__(self, *a, **k): pass\n' > "$venv/stubs/celery/__init__.py"
  printf 'class SoftTimeLimitExceeded(Exception): pass\nclass TimeLimitExceeded(Exception): pass\n' \
    > "$venv/stubs/celery/exceptions.py"
fi
for path in "${paths[@]}"; do
  REQUESTS_CA_BUNDLE=$ca PYTHONPATH="$venv/stubs" "$venv/bin/python" - "$path" \
    "${SERVE_HTTPS_PORT:-8443}" "${SERVE_HTTP_PORT:-8080}" <<'PY'
import sys
from httpobs.scanner.local import scan
path, https_port, http_port = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
result = scan("127.0.0.1", https_port=https_port, http_port=http_port, path=path)
failed = [name for name, test in result["tests"].items() if not test["pass"]]
print(f"{path:<16} grade {result['scan']['grade']:<3} score {result['scan']['score']:>4}",
      "failed: " + ", ".join(failed) if failed else "")
PY
done
