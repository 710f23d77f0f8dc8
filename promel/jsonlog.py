"""Structured logs: one JSON object a line, with the current request's path and id."""

import contextvars
import json
import logging
from datetime import UTC, datetime

# Set by roles.ops_middleware.RequestIdMiddleware for the duration of each request.
current_request = contextvars.ContextVar("current_request", default=None)


class JsonFormatter(logging.Formatter):
    """Time, level, logger, message, request path and id, and the traceback if any.

    Only the path is written, never the query string, the headers or the body: what a
    visitor typed (passwords, e-mail bodies) stays out of the logs.
    """

    def format(self, record):
        request = getattr(record, "request", None) or current_request.get()
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if request is not None and hasattr(request, "path"):
            entry["path"] = request.path
            entry["method"] = request.method
            entry["request_id"] = getattr(request, "request_id", None)
        status = getattr(record, "status_code", None)
        if status:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
