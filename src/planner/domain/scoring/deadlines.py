"""The steps of a round still open, as deadlines the reminder service reminds of beforehand.

Units are reminded before self-assessment closes (until they submit) and before their response
window closes (while an appraisal is not final); Sở Nội vụ before the appraisal closes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from planner.domain.reminder_outbox import DueItem, ItemKind
from planner.domain.scoring.round import ScoringRound
from planner.domain.scoring.scorecard import UnitScorecard


def scoring_deadlines(
    round_: ScoringRound, cards: Iterable[UnitScorecard], monitor: str
) -> list[DueItem]:
    open_cards = [c for c in cards if c.unit in round_.units and not c.final]
    found = [
        _item(
            round_,
            "self-assessment",
            card.unit,
            card.self_assessment_deadline(round_),
            "Tự chấm điểm Chỉ số CCHC và nộp kết quả tự đánh giá",
        )
        for card in open_cards
        if not card.submitted
    ]
    if any(card.submitted for card in open_cards):
        found.append(
            _item(
                round_,
                "appraisal",
                monitor,
                round_.calendar.appraisal_closes,
                "Thẩm định kết quả tự đánh giá của các đơn vị",
            )
        )
    found.extend(
        _item(
            round_,
            "response",
            card.unit,
            round_.calendar.response_closes,
            "Phản hồi kết quả thẩm định (giải trình, bổ sung tài liệu kiểm chứng)",
        )
        for card in open_cards
        if card.appraised
    )
    return found


def _item(round_: ScoringRound, step: str, unit: str, due_on: date, text: str) -> DueItem:
    return DueItem(
        item=f"scoring:{round_.id}:{step}",
        kind=ItemKind.SCORING,
        occurrence=str(round_.year),
        due_on=due_on,
        responsible=(unit,),
        plan_id=round_.id,
        plan_number="",
        plan_title=f"Đợt chấm điểm Chỉ số CCHC năm {round_.year} ({round_.unit_kind.label})",
        reference="",
        text=text,
    )
