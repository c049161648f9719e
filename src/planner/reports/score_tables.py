"""Each index's targets against results, as the plans' appendix tables lay them out."""

from __future__ import annotations

from decimal import Decimal

from planner.domain.criterion import Index
from planner.domain.score_target import ResultKind
from planner.presentation.vietnamese import format_number
from planner.reports.model import CriterionLine, ScoreSection
from planner.reports.tables import Column, Kind, Row, Style, Table

ROW_HEADINGS = {
    Index.PAR_INDEX.value: "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
    Index.SIPAS.value: "Nhóm tiêu chí/Tiêu chí thành phần",
    Index.PAPI.value: "Chỉ số nội dung/Nội dung thành phần",
}
INDEX_NAMES = {
    Index.PAR_INDEX.value: "Chỉ số cải cách hành chính (PAR INDEX)",
    Index.SIPAS.value: "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)",
    Index.PAPI.value: "Chỉ số hiệu quả quản trị và hành chính công (PAPI)",
}


def score_table(section: ScoreSection) -> Table:
    measure = Kind.PERCENT if section.is_percent else Kind.POINTS
    before = section.year - 1
    return Table(
        key=f"{section.index} {section.year}",
        title=f"{INDEX_NAMES[section.index]}: mục tiêu năm {section.year} và kết quả",
        columns=(
            Column("Mã", width=9),
            Column(ROW_HEADINGS[section.index], width=38),
            Column("Điểm tối đa", Kind.POINTS, 10),
            Column(
                f"Kết quả năm {before}" if section.is_percent else f"Điểm đạt được năm {before}",
                measure,
                13,
            ),
            Column(f"Mục tiêu năm {section.year}", measure, 13),
            Column("Kết quả đạt được", measure, 12),
            Column("Loại kết quả", width=11),
            Column("Còn thiếu so với mục tiêu", measure, 12),
            Column("Tiến độ nhiệm vụ (số nhiệm vụ)", width=16),
            Column("Cơ quan chủ trì", width=22),
        ),
        rows=tuple(_score_row(line) for line in section.lines),
        notes=_notes(section),
    )


def _notes(section: ScoreSection) -> tuple[str, ...]:
    summed = (
        "Dòng in nghiêng: kế hoạch không ghi, planner cộng từ các tiêu chí kế hoạch nêu bên dưới."
    )
    if section.is_percent:
        return (summed,)
    unknown = section.at_risk_without_points
    return (
        summed,
        "Điểm có nguy cơ không đạt (tiêu chí có nhiệm vụ quá hạn hoặc vướng mắc): "
        f"{format_number(section.points_at_risk)} điểm"
        + (f"; chưa rõ điểm tối đa: {', '.join(unknown)}" if unknown else ""),
    )


def result_label(line: CriterionLine) -> str:
    """Which kind of result the number is; a sum of results of different kinds says so."""
    if line.result_points is None:
        return ""
    if line.result_kind is None:
        return "Cộng nhiều loại"
    return ResultKind(line.result_kind).label


def criterion_name(line: CriterionLine) -> str:
    if line.name:
        return line.name
    if not line.stated and (line.max_points is not None or line.last_year_points is not None):
        return "(cộng các tiêu chí kế hoạch nêu)"
    return ""


def score_headline(section: ScoreSection) -> str | None:
    """The index as the plan states it: last year, this year's target, the latest result."""
    total = section.total
    if total is None or not total.stated:
        return None
    unit = "%" if section.is_percent else " điểm"
    parts = []
    if total.last_year_points is not None:
        out_of = f"/{format_number(total.max_points)}" if total.max_points is not None else ""
        parts.append(f"năm {section.year - 1} đạt {_rounded(total.last_year_points)}{out_of}{unit}")
    if total.target_value is not None:
        parts.append(f"mục tiêu năm {section.year}: {_rounded(total.target_value)}{unit}")
    elif total.target_text:
        parts.append(f"mục tiêu năm {section.year}: {total.target_text}")
    if total.result_points is not None:
        kind = result_label(total).lower()
        parts.append(f"kết quả ({kind}): {_rounded(total.result_points)}{unit}")
    return f"{INDEX_NAMES[section.index]}: {'; '.join(parts)}." if parts else None


def _rounded(value: Decimal) -> str:
    """To two decimals, as the plans' own text rounds them (75,66483 → 75,66)."""
    return format_number(value.quantize(Decimal("0.01")))


def _score_row(line: CriterionLine) -> Row:
    styles = [Style.TOTAL] if not line.code else [Style.AREA] if line.depth == 1 else []
    if not line.stated:
        styles.append(Style.SUMMED)
    if line.at_risk:
        styles.append(Style.AT_RISK)
    tasks = f"{line.task_state.label} ({line.tasks})" if line.task_state else ""
    return Row(
        (
            line.code,
            criterion_name(line),
            line.max_points,
            line.last_year_points,
            line.target_value if line.target_value is not None else line.target_text,
            line.result_points,
            result_label(line),
            line.gap,
            tasks,
            "; ".join(line.lead),
        ),
        tuple(styles),
    )
