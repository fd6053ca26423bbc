"""Small self-contained HTML reports of the impact assessment and the fairness report: one
page, inline CSS, a bar chart per dimension as inline SVG, no scripts, no external assets.
Pure: a report in, a page out. Suppressed cells (fewer than `min_count`) get no bar."""

from collections.abc import Iterable, Sequence
from html import escape
from typing import Final

from limes.etias.statistics import DIMENSIONS, Cell, FairnessReport, ImpactReport

_BAR_HEIGHT: Final = 18
_GAP: Final = 6
_LABEL_WIDTH: Final = 220
_BAR_WIDTH: Final = 360
_STYLE: Final = (
    "body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1f24}"
    "table{border-collapse:collapse;margin:1rem 0}"
    "td,th{border:1px solid #c8ccd0;padding:.25rem .6rem;text-align:left}"
    "figure{margin:1.5rem 0}figcaption{font-weight:600;margin-bottom:.4rem}"
    ".note{color:#57606a}"
)
_DIMENSION_NAMES: Final = {"nationality": "Nationality", "sex": "Sex", "age_band": "Age band"}


def bar_chart(rows: Sequence[tuple[str, int | None]], caption: str) -> str:
    """A horizontal bar chart: one bar per (label, count); a None count is shown suppressed."""
    if not rows:
        return (
            f'<figure><figcaption>{escape(caption)}</figcaption><p class="note">None.</p></figure>'
        )
    largest = max((count for _, count in rows if count), default=1)
    height = len(rows) * (_BAR_HEIGHT + _GAP) + _GAP
    width = _LABEL_WIDTH + _BAR_WIDTH + 80
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'role="img" aria-label="{escape(caption)}">'
    ]
    for index, (label, count) in enumerate(rows):
        y = _GAP + index * (_BAR_HEIGHT + _GAP)
        text_y = y + _BAR_HEIGHT - 5
        parts.append(
            f'<text x="{_LABEL_WIDTH - 8}" y="{text_y}" text-anchor="end" '
            f'font-size="12">{escape(label)}</text>'
        )
        if count is None:
            parts.append(
                f'<text x="{_LABEL_WIDTH}" y="{text_y}" font-size="12" fill="#57606a">'
                "suppressed</text>"
            )
            continue
        bar = round(_BAR_WIDTH * count / largest) if count else 0
        parts.append(
            f'<rect x="{_LABEL_WIDTH}" y="{y}" width="{bar}" height="{_BAR_HEIGHT}" '
            'fill="#2f6fb0"/>'
        )
        parts.append(
            f'<text x="{_LABEL_WIDTH + bar + 6}" y="{text_y}" font-size="12">{count}</text>'
        )
    parts.append("</svg>")
    return f"<figure><figcaption>{escape(caption)}</figcaption>{''.join(parts)}</figure>"


def _page(title: str, body: Iterable[str]) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body><h1>{escape(title)}</h1>{''.join(body)}</body></html>\n"
    )


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(str(value))}</td>" for value in row) + "</tr>"
        for row in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def _shown(count: int | None) -> str:
    return "suppressed" if count is None else str(count)


def _by_dimension(
    cells: Iterable[Cell], dimension: str, with_outcome: bool
) -> list[tuple[str, int | None]]:
    return [
        (f"{cell.value} · {cell.outcome}" if with_outcome else cell.value, cell.count)
        for cell in cells
        if cell.dimension == dimension
    ]


def impact_page(report: ImpactReport, proposal: str) -> str:
    """The impact of `proposal` (a short description, e.g. "screening rule …")."""
    summary = _table(
        ("replayed", "would hit", "additional manual cases", "rate"),
        [
            (
                report.replayed,
                report.would_hit,
                report.additional_manual,
                f"{report.additional_manual_rate:.2%}",
            )
        ],
    )
    charts = [
        bar_chart(
            _by_dimension(report.cells, dimension, with_outcome=False),
            f"Additional manual cases by {_DIMENSION_NAMES[dimension].lower()}",
        )
        for dimension in DIMENSIONS
    ]
    note = (
        f'<p class="note">Proposal: {escape(proposal)}. Applications issued without any '
        "verification that the proposal would have sent to manual processing; cells under "
        f"{report.min_count} are suppressed ({report.suppressed_cells} here).</p>"
    )
    return _page("ETIAS impact assessment (art. 35(1)(b))", [note, summary, *charts])


def fairness_page(report: FairnessReport) -> str:
    summary = _table(
        ("outcome", "applications"),
        [(outcome, _shown(count)) for outcome, count in report.outcomes],
    )
    charts = [
        bar_chart(
            _by_dimension(report.cells, dimension, with_outcome=True),
            f"Outcomes by {_DIMENSION_NAMES[dimension].lower()}",
        )
        for dimension in DIMENSIONS
    ]
    note = (
        f'<p class="note">{report.total} applications; cells under {report.min_count} are '
        f"suppressed ({report.suppressed_cells} here).</p>"
    )
    return _page("ETIAS outcomes by nationality, sex and age band", [note, summary, *charts])
