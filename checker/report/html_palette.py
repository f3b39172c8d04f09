"""The HTML report's colours, and the contrast arithmetic that keeps them legible.

Colours live here rather than in the stylesheet so that a unit test can hold every pair
of text colour and background the page uses to WCAG's 4.5:1 minimum for body text; the
stylesheet only refers to them as ``var(--name)``.
"""

from __future__ import annotations

PALETTE: dict[str, str] = {
    "bg": "#ffffff",
    "text": "#1b1b1b",
    "muted": "#595959",
    "link": "#0645ad",
    "rule": "#8a8a8a",
    "focus": "#1a57d6",
    "panel": "#f4f4f4",
    "card": "#fbfbfb",
    # severity badges: text colour on a tint
    "error-fg": "#8b0000",
    "error-bg": "#fde4e4",
    "warning-fg": "#633f00",
    "warning-bg": "#fff1cc",
    "info-fg": "#00457a",
    "info-bg": "#e3effa",
    "none-fg": "#1d5e20",
    "none-bg": "#e4f4e5",
    "suppressed-fg": "#4a4a4a",
    "suppressed-bg": "#ececec",
    # claim highlights in the article text, by verdict (body text on them)
    "contradicted-bg": "#ffd3d3",
    "not_in_source-bg": "#ffe6a8",
    "not_checked-bg": "#e6e6e6",
    "out_of_scope-bg": "#e2e2f6",
    "supported-bg": "#d3efd6",
    # misquote diff
    "del-fg": "#8b0000",
    "del-bg": "#ffe0e0",
    "ins-fg": "#0b5a1d",
    "ins-bg": "#dcf3e0",
    # the passage an evidence excerpt was cut from, with the excerpt marked
    "excerpt-bg": "#fff3b0",
}

VERDICTS = ("contradicted", "not_in_source", "not_checked", "out_of_scope", "supported")
SEVERITIES = ("error", "warning", "info", "none", "suppressed")

# Every (text colour, background) the stylesheet combines; test_html checks each >= 4.5.
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "bg"), ("muted", "bg"), ("link", "bg"),
    ("text", "panel"), ("muted", "panel"), ("link", "panel"),
    ("text", "card"), ("muted", "card"), ("link", "card"),
    ("text", "excerpt-bg"), ("del-fg", "del-bg"), ("ins-fg", "ins-bg"),
    *((f"{s}-fg", f"{s}-bg") for s in SEVERITIES),
    *(("text", f"{v}-bg") for v in VERDICTS),
    *(("link", f"{v}-bg") for v in VERDICTS),
)


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2 relative luminance of an sRGB colour written ``#rrggbb``."""
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio, from 1 (same colour) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)),
                             reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def css_variables() -> str:
    """The palette as a ``:root`` rule of custom properties."""
    body = "".join(f"  --{name}: {value};\n" for name, value in PALETTE.items())
    return ":root {\n" + body + "}\n"
