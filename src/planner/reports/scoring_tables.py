"""The scoring results laid out as the provinces publish them: ranking, and points per area."""

from __future__ import annotations

from planner.application.scoring import ScoringResults
from planner.domain.score_target import ResultKind
from planner.domain.scoring.calendar import dmy
from planner.domain.scoring.results import rounded
from planner.presentation.vietnamese import format_number
from planner.reports.tables import Column, Kind, Row, Table


def scoring_title(results: ScoringResults) -> str:
    return f"KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {results.year}"


def scoring_subtitle(results: ScoringResults) -> str:
    return f"của {results.unit_kind.label}"


def scoring_status(results: ScoringResults) -> str:
    """How far the round has come: how many units have a final appraisal."""
    final = sum(1 for r in results.ranked if r.result.kind is ResultKind.OFFICIAL)
    return (
        f"{final}/{len(results.ranked)} đơn vị đã chốt kết quả thẩm định; hạn công bố "
        f"{dmy(results.calendar.publication_by)}"
    )


def ranking_table(results: ScoringResults) -> Table:
    rows = tuple(
        Row(
            (
                ranked.rank,
                results.names.get(ranked.result.unit, ranked.result.unit),
                ranked.result.achieved,
                ranked.result.maximum,
                rounded(ranked.result.percent),
                ranked.result.grade.label,
                rounded(ranked.last_year_percent) if ranked.last_year_percent is not None else None,
                rounded(ranked.change) if ranked.change is not None else None,
                ranked.result.kind.label,
            )
        )
        for ranked in results.ranked
    )
    return Table(
        key="xep-hang",
        title="Bảng xếp hạng Chỉ số CCHC",
        columns=(
            Column("Hạng", Kind.COUNT, 6),
            Column("Đơn vị", Kind.TEXT, 34),
            Column("Điểm đạt được", Kind.POINTS, 10),
            Column("Điểm tối đa", Kind.POINTS, 10),
            Column("Chỉ số CCHC", Kind.PERCENT, 10),
            Column("Xếp loại", Kind.TEXT, 11),
            Column("Năm trước", Kind.PERCENT, 10),
            Column("Tăng, giảm (điểm %)", Kind.RATE_CHANGE, 10),
            Column("Loại kết quả", Kind.TEXT, 11),
        ),
        rows=rows,
        notes=(
            "Chỉ số CCHC = điểm đạt được / (100 − điểm tối đa của các tiêu chí không đánh giá) "
            "× 100. Xếp loại: Tốt từ 85%, Khá từ 75%, Trung bình từ 50%, Yếu từ 40%, Kém dưới 40%.",
        ),
    )


def areas_table(results: ScoringResults) -> Table:
    areas = [c for c in results.criteria if c.code.depth == 1]
    rows = tuple(
        Row(
            (
                ranked.rank,
                results.names.get(ranked.result.unit, ranked.result.unit),
                *(area.achieved for area in ranked.result.areas),
                ranked.result.achieved,
                rounded(ranked.result.percent),
            )
        )
        for ranked in results.ranked
    )
    return Table(
        key="linh-vuc",
        title="Điểm đạt được theo lĩnh vực",
        columns=(
            Column("Hạng", Kind.COUNT, 6),
            Column("Đơn vị", Kind.TEXT, 30),
            *(
                Column(f"{a.code}. {a.name} ({format_number(a.max_points)})", Kind.POINTS, 11)
                for a in areas
            ),
            Column("Tổng điểm", Kind.POINTS, 9),
            Column("Chỉ số CCHC", Kind.PERCENT, 9),
        ),
        rows=rows,
    )


def scoring_tables(results: ScoringResults) -> tuple[Table, ...]:
    return (ranking_table(results), areas_table(results))
