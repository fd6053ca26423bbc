"""The HTML reports of `limes etias impact|fairness --html`: self-contained, escaped, and
without a bar for a suppressed cell."""

from limes.cli.etias_html import bar_chart, impact_page
from limes.etias.statistics import Cell, ImpactReport


def _cell(dimension: str, value: str, count: int | None) -> Cell:
    return Cell(dimension=dimension, value=value, outcome="additional_manual", count=count)


def test_bars_are_scaled_to_the_largest_count_and_a_suppressed_cell_has_none() -> None:
    chart = bar_chart([("CAN", 10), ("USA", 5), ("JPN", None)], "By nationality")

    assert chart.count("<rect") == 2
    assert 'width="360"' in chart
    assert 'width="180"' in chart
    assert "suppressed" in chart


def test_an_empty_chart_says_so() -> None:
    assert "None." in bar_chart([], "By sex")


def test_the_page_escapes_what_it_shows_and_loads_nothing() -> None:
    report = ImpactReport(
        replayed=20,
        would_hit=6,
        additional_manual=5,
        additional_manual_rate=0.25,
        cells=(_cell("nationality", "<CAN>", 5), _cell("sex", "F", None)),
        suppressed_cells=1,
    )

    page = impact_page(report, 'rule "<script>"')

    assert "<script>" not in page
    assert "&lt;CAN&gt;" in page
    assert "25.00%" in page
    assert not any(external in page for external in ("src=", "href=", "<link"))
