"""``path:line:col: severity CODE message``, one finding a line, as compilers print."""

from __future__ import annotations

from typing import Any

from checker.model import RunResult
from checker.textnorm import one_line


def render(run: RunResult, **_: Any) -> str:
    lines = []
    for result in run.results:
        for claim_result in result.claims:
            for finding in claim_result.findings:
                if finding.suppressed:
                    continue
                line, col = result.article.line_col(claim_result.claim.span.start)
                lines.append(one_line(f"{result.article.uri}:{line}:{col}: {finding.severity} "
                                      f"{finding.code} {finding.message}"))
    return "".join(line + "\n" for line in lines)
