"""One JSON line per log record on stdout, without request bodies, cookies or query strings."""

import json
import logging
import traceback


class JsonLineFormatter(logging.Formatter):
    def format(self, record):
        line = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if request is not None:  # django.request / django.security records
            line["method"] = getattr(request, "method", "")
            line["path"] = getattr(request, "path", "")  # never the query string
        if getattr(record, "status_code", None):
            line["status"] = record.status_code
        if record.exc_info:
            kind, _, tb = record.exc_info
            line["exception"] = kind.__name__ if kind else ""
            # where it failed, but not the exception's message (it may quote submitted data)
            line["trace"] = [f"{f.filename}:{f.lineno} {f.name}" for f in traceback.extract_tb(tb)][-8:]
        return json.dumps(line, ensure_ascii=False)
