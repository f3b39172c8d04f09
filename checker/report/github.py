"""GitHub Actions workflow commands: each finding an ``::error``/``::warning``/``::notice``
annotation on its line of the pull request.

The text of a draft comes from the pull request, so everything echoed is escaped the way
the Actions runner unescapes it (``%`` first, then CR and LF; in properties also ``:``
and ``,``): a quotation holding a newline and ``::add-mask::`` or ``::stop-commands::``
stays inside one annotation's message instead of starting a command of its own.

GitHub shows at most 10 error, 10 warning and 10 notice annotations per step; the rest
would be dropped without a word, so only that many of each are printed and a plain line
says how many were left out and where to see them.  Suppressed findings are not
annotated (they are counted in the summary line).  A draft that could not be read is
an ``::error`` on its file, before the findings and outside the caps.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from checker.model import InputFailure, RunResult
from checker.report.records import failure_path, records
from checker.report.wording import counted, summary_line

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
LIMIT_PER_STEP = 10


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: Any) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def render(run: RunResult, **_: Any) -> str:
    lines = [_failure(f) for f in run.failures]  # never capped: an unchecked draft must show
    shown: Counter[str] = Counter()
    left_out: Counter[str] = Counter()
    for record in records(run, suppressed=False):
        name = COMMANDS[record.finding.severity]
        if shown[name] >= LIMIT_PER_STEP:
            left_out[name] += 1
            continue
        shown[name] += 1
        lines.append(command(name, record.message, file=record.path, line=record.start[0],
                             col=record.start[1], endLine=record.end[0],
                             endColumn=record.end[1], title=record.title))
    # the run in words, as the terminal gives it (a plain log line, not a command)
    lines.append(f"checker: {summary_line(run.summary)}"
                 + (f"; {counted(len(run.failures), 'draft')} could not be checked" if run.failures else ""))
    if left_out:
        what = ", ".join(f"{left_out[n]} {n}" for n in COMMANDS.values() if left_out[n])
        lines.append(f"checker: not annotated ({what}): GitHub shows at most "
                     f"{LIMIT_PER_STEP} annotations of each kind per step; "
                     "use --format sarif or text for every finding")
    return "".join(line + "\n" for line in lines)


def _failure(failure: InputFailure) -> str:
    path = failure_path(failure)
    where = {"file": path} if path else {}
    return command("error", failure.message, **where, title=f"checker: {failure.kind}")


def render_error(error: Exception) -> str:
    return command("error", str(error), title=f"checker: {type(error).__name__}") + "\n"
