"""Agencies as documents name them, matched against the registry.

A cell may name one agency or several, with or without separators ("Sở Nội vụ Các sở, ban,
ngành; UBND cấp huyện"), list departments after "các Sở:" ("Nội vụ; Tư pháp"), use
collective names ("UBND cấp huyện, cấp xã"), write the province for "tỉnh" ("Báo Bắc Kạn"
for "Báo tỉnh"), or describe parties that are not agencies ("Các đơn vị được kiểm tra
trong năm"). Names are matched longest first, word by word; nothing is ever invented:
what does not match is reported, with the closest known names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum

from planner.domain.agency_directory import AgencyDirectory
from planner.domain.agency_registry import COLLECTIVES, COMMUNES, DISTRICTS
from planner.importer.abbreviations import unambiguous
from planner.importer.cells import paragraphs
from planner.importer.spelling import words_key

_TOKENS = re.compile(r"\w+|[^\w\s]")
_LIST_MARKER = re.compile(r"\b(?:các\s+)?(?:sở|ban)\s*:", re.IGNORECASE)
_LISTING = "§"  # stands for "các Sở:" — short names ("Nội vụ; Tư pháp") follow
_HARD = frozenset({";", "(", ")", _LISTING})
_SOFT = frozenset({",", "và", ":", "-", "–", "/", "+", "&", ".", "cùng", "với"})
_LEVELS = {"huyện": DISTRICTS, "xã": COMMUNES}
_QUANTIFIERS = frozenset({"một số", "những", "toàn bộ", "tất cả", "các"})
# Who in the body acts ("Chủ tịch UBND cấp huyện", "Thủ trưởng các sở, ban, ngành"): the
# body is meant, and the title stays in its wording.
_TITLES = re.compile(
    r"^(?:phó )?(?:chủ tịch|giám đốc|thủ trưởng|người đứng đầu|lãnh đạo|chánh văn phòng"
    r"|chánh thanh tra|trưởng ban|trưởng)$"
)
# The words an agency's name starts with: words after a name that start otherwise are what
# the agency does ("chủ trì, tham mưu UBND tỉnh", "theo dõi, đôn đốc"), not another agency.
_NAME_HEADS = re.compile(
    r"^(?:sở|ban|ủy ban|uỷ ban|ubnd|hđnd|văn phòng|phòng|trung tâm|công an|bộ|đài|báo|hội|"
    r"liên đoàn|liên minh|cục|chi cục|kho bạc|ngân hàng|bảo hiểm|bhxh|tòa án|viện|mặt trận|"
    r"tỉnh đoàn|đoàn|thanh tra|trường|bệnh viện|bưu điện|cổng|quỹ|hạt|công ty|tổng công ty|"
    r"chi nhánh|bộ chỉ huy|ban chỉ huy|cảng vụ|các|một số|những|toàn bộ|tất cả|đơn vị|cơ quan)\b"
)
_QUALIFIERS = re.compile(
    r"^(?:có liên quan|liên quan|được|thuộc|trực thuộc|trên địa bàn|còn lại|khác|tỉnh)\b"
)
_COORDINATES = re.compile(r"(?:^|\s)phối hợp(?: với)?$")
# "Chủ trì: Sở Nội vụ; Phối hợp: Văn phòng UBND tỉnh" in one "Cơ quan thực hiện" cell, and
# "Các sở, ban, ngành (chủ trì); Văn phòng UBND tỉnh (phối hợp)": roles written as labels.
_ROLE_LABEL = re.compile(r"(?:\b(?:cơ quan|đơn vị)\s+)?\b(chủ trì|phối hợp)\s*:", re.IGNORECASE)
_ROLE_AFTER = re.compile(r"\(\s*(chủ trì|phối hợp)\s*\)", re.IGNORECASE)
_DESCRIPTIVE = (
    "các ", "một số", "những ", "toàn bộ", "tất cả", "đơn vị", "cơ quan", "người dân",
    "doanh nghiệp", "tổ chức", "trường học", "cán bộ", "nhân dân", "thủ trưởng",
)  # fmt: skip


class MentionKind(StrEnum):
    AGENCY = "agency"  # one registered agency
    GROUP = "group"  # a collective name: "Các sở, ban, ngành", "UBND cấp huyện"
    QUALIFIED_GROUP = "qualified_group"  # "Các sở, ngành liên quan": read as the whole group
    DESCRIPTIVE = "descriptive"  # "Các đơn vị được kiểm tra trong năm": no agency to assign
    UNKNOWN = "unknown"  # a name the registry does not know


@dataclass(frozen=True)
class Mention:
    wording: str
    kind: MentionKind
    codes: tuple[str, ...] = ()
    target: str = ""  # the agency's code or the group's code
    closest: tuple[str, ...] = ()
    coordinating: bool = False  # named after "phối hợp với" in a lead cell
    groups: tuple[str, ...] = ()  # the registry groups a collective name stands for

    @property
    def assigns(self) -> bool:
        return self.kind in (MentionKind.AGENCY, MentionKind.GROUP, MentionKind.QUALIFIED_GROUP)


@dataclass(frozen=True)
class _Target:
    kind: MentionKind
    code: str
    short: bool = False  # "Tư pháp" for Sở Tư pháp: only in a list after "các Sở:"
    groups: tuple[str, ...] = ()  # a collective name spanning several groups


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    target: _Target | None = None


@dataclass(frozen=True)
class _Token:
    key: str
    start: int
    end: int


class AgencyNames:
    def __init__(self, directory: AgencyDirectory, province: str = "") -> None:
        self.directory = directory
        self.province = _tokens_of(province)
        self.root = _Node()
        for agency in directory.agencies.values():
            short = words_key(agency.name.removeprefix("Sở ").removeprefix("Ban "))
            for name in (agency.name, *agency.aliases):
                weak = words_key(name) == short and name != agency.name
                self._add(name, _Target(MentionKind.AGENCY, agency.code, weak))
        departments = ((a.name, a.code) for a in directory.agencies.values())
        for form, code in unambiguous(departments).items():
            self._add(form, _Target(MentionKind.AGENCY, code))
        for group in directory.groups.values():
            for name in (group.name, *group.aliases):
                self._add(name, _Target(MentionKind.GROUP, group.code))
        for name, groups in COLLECTIVES:
            self._add(name, _Target(MentionKind.GROUP, groups[0], groups=groups))

    def in_cell(self, text: str) -> tuple[Mention, ...]:
        """Every party an agency cell names, known or not; a cell may also hold a code (SNV)."""
        found: list[Mention] = []
        coordinating = False  # a "Phối hợp:" label holds until the next label
        for part in paragraphs(text):
            pieces, coordinating = _role_pieces(part, coordinating)
            for piece, coordinates in pieces:
                found.extend(
                    replace(m, coordinating=m.coordinating or coordinates)
                    for m in self._piece(piece)
                )
        return tuple(found)

    def _piece(self, part: str) -> list[Mention]:
        whole = self.longest_at(_tokenized(part), 0, short=True)
        if part.upper() in self.directory.agencies:
            return [self.mention(_Target(MentionKind.AGENCY, part.upper()), part)]
        if whole is not None and whole[1] == len(_tokenized(part)):
            return [self.mention(whole[0], part)]
        return _CellReading(self, part).run()

    def leading(self, text: str) -> tuple[Mention, ...]:
        """The agencies a sentence starts with ("Sở Nội vụ, Sở Tài chính tham mưu…")."""
        tokens = _tokenized(text)
        found: list[Mention] = []
        position = 0
        while position < len(tokens):
            if tokens[position].key in _SOFT | {";"}:
                position += 1
                continue
            matched = self.match_at(tokens, position, found)
            if matched is None:
                break
            mention, end = matched
            found.append(_worded(mention, text, tokens[position], tokens[end - 1]))
            position = end
        return tuple(found)

    def anywhere(self, text: str) -> Iterator[tuple[Mention, str]]:
        """Every known agency the text names, with the word before it ("qua", "về"...)."""
        tokens = _tokenized(text)
        position = 0
        found: list[Mention] = []
        while position < len(tokens):
            matched = self.match_at(tokens, position, found)
            if matched is None:
                position += 1
                continue
            before = tokens[position - 1].key if position else ""
            mention, end = matched
            found.append(_worded(mention, text, tokens[position], tokens[end - 1]))
            position = end
            yield found[-1], before

    def mention(self, target: _Target, wording: str) -> Mention:
        if target.kind is MentionKind.AGENCY:
            return Mention(wording, target.kind, (target.code,), target.code)
        groups = target.groups or (target.code,)
        members = tuple(dict.fromkeys(c for g in groups for c in self.directory.members(g)))
        return Mention(wording, target.kind, members, target.code, groups=groups)

    def unmatched(self, wording: str) -> Mention:
        if words_key(wording).startswith(_DESCRIPTIVE):
            return Mention(wording, MentionKind.DESCRIPTIVE)
        closest = tuple(self.directory.closest(wording))
        return Mention(wording, MentionKind.UNKNOWN, closest=closest)

    def match_at(
        self, tokens: list[_Token], position: int, found: list[Mention], short: bool = False
    ) -> tuple[Mention, int] | None:
        """A name starting at `position` (longest first), or 'cấp xã' after 'UBND cấp huyện'."""
        longest = self.longest_at(tokens, position, short)
        if longest is not None and not _ministry(tokens, position):
            target, end = longest
            if target.kind is MentionKind.GROUP or not _followed_by_level(tokens, end):
                return self.mention(target, ""), end
        level = _level_after_group(tokens, position, found)
        if level is not None:
            return self.mention(_Target(MentionKind.GROUP, level), ""), position + 2
        return None

    def longest_at(
        self, tokens: list[_Token], position: int, short: bool = False
    ) -> tuple[_Target, int] | None:
        """The longest name from `position`; short department names only when allowed."""
        node, best = self.root, None
        for index in range(position, len(tokens)):
            child = node.children.get(tokens[index].key)
            if child is None:
                break
            node = child
            if node.target is not None and (short or not node.target.short):
                best = (node.target, index + 1)
        return best

    def _add(self, name: str, target: _Target) -> None:
        words = _tokens_of(name)
        variants = [words]
        if words and words[0] == "các" and target.kind is MentionKind.GROUP:
            variants.append(words[1:])
        if "các" in words[1:] and target.kind is MentionKind.GROUP:
            at = words.index("các", 1)  # "UBND xã, phường, thị trấn" for "UBND các xã, …"
            variants.append(words[:at] + words[at + 1 :])
        if words and words[-1] == "tỉnh" and self.province:
            variants += [words[:-1] + self.province, words + self.province]
        for variant in variants:
            node = self.root
            for word in variant:
                node = node.children.setdefault(word, _Node())
            if node.target is None:
                node.target = target


class _CellReading:
    """One paragraph of an agency cell, read name by name."""

    def __init__(self, names: AgencyNames, text: str) -> None:
        self.names = names
        self.text = _LIST_MARKER.sub(f" {_LISTING} ", text)
        self.tokens = _tokenized(self.text)
        self.found: list[Mention] = []
        self.words: list[_Token] = []
        self.touching = False  # nothing separates the last name from the words that follow
        self.listing = False  # after "các Sở:", short names stand for departments

    def run(self) -> list[Mention]:
        position = 0
        while position < len(self.tokens):
            position = self._step(position)
        self._flush()
        return self.found

    def _step(self, position: int) -> int:
        token = self.tokens[position]
        if token.key in _HARD:
            self._flush()
            self.touching = False
            self.listing = self.listing or token.key == _LISTING
            return position + 1
        matched = self.names.match_at(self.tokens, position, self.found, self.listing)
        if matched is not None and self._object(position):
            self.words.extend(self.tokens[position : matched[1]])  # "tham mưu UBND tỉnh"
            return matched[1]
        if matched is not None:
            mention, end = matched
            if self.words and _COORDINATES.search(self._pending()):
                mention = replace(mention, coordinating=True)
            title = self._title_prefix()
            first = self._quantifier_prefix(mention) or token
            self._flush()
            worded = _worded(mention, self.text, title or first, self.tokens[end - 1])
            if first is not token:
                worded = replace(worded, kind=MentionKind.QUALIFIED_GROUP)
            self.found.append(worded)
            self.touching = True
            return end
        if token.key in _SOFT and not self.words:
            self.touching = False
            return position + 1
        self.words.append(token)
        return position + 1 + self._swallow_level(position)

    def _pending(self) -> str:
        return " ".join(t.key for t in self.words)

    def _object(self, position: int) -> bool:
        """A name inside what an agency does ("chỉ đạo UBND cấp xã") is not another agency,
        unless a comma sets it apart or "phối hợp với" names it."""
        if not self.words or not self.found or _NAME_HEADS.match(self._pending()):
            return False
        if _COORDINATES.search(self._pending()):
            return False
        return self.tokens[position - 1].key not in (",", ";")

    def _swallow_level(self, position: int) -> int:
        """'Văn phòng UBND cấp huyện': keep the words of a name narrowed by 'cấp' together."""
        longest = self.names.longest_at(self.tokens, position)
        if longest is None or not _followed_by_level(self.tokens, longest[1]):
            return 0
        end = min(longest[1] + 2, len(self.tokens))
        self.words.extend(self.tokens[position + 1 : end])
        return end - position - 1

    def _title_prefix(self) -> _Token | None:
        """'Chủ tịch UBND cấp huyện': the title belongs to the body that follows."""
        if not self.words or not _TITLES.match(self._pending()):
            return None
        first = self.words[0]
        self.words = []
        return first

    def _quantifier_prefix(self, mention: Mention) -> _Token | None:
        """'Một số sở, ban, ngành': the words before a collective name narrow it."""
        if mention.kind is not MentionKind.GROUP or not self.words:
            return None
        words = " ".join(t.key for t in self.words)
        if words in _QUANTIFIERS:
            first = self.words[0]
            self.words = []
            return first
        return None

    def _flush(self) -> None:
        while self.words and self.words[-1].key in _SOFT | _HARD:
            self.words.pop()
        if not self.words:
            return
        wording = self.text[self.words[0].start : self.words[-1].end]
        words = self._pending()
        self.words = []
        last = self.found[-1] if self.found else None
        qualifies = _QUALIFIERS.match(words) or _NAME_HEADS.match(words)
        if self.touching and last is not None and last.kind is not MentionKind.AGENCY and qualifies:
            qualified = f"{last.wording} {wording}"
            self.found[-1] = replace(last, wording=qualified, kind=MentionKind.QUALIFIED_GROUP)
            return
        if _NAME_HEADS.match(words) or last is None:
            self.found.append(self.names.unmatched(wording))
        else:
            self.found[-1] = replace(last, wording=f"{last.wording} {wording}")


def _role_pieces(text: str, coordinating: bool) -> tuple[list[tuple[str, bool]], bool]:
    """The text cut where a role label starts or ends a part; each part with whether it
    names coordinating bodies. Returns the role in force at the end, for the next line."""
    labelled: list[tuple[str, bool]] = []
    start = 0
    for label in _ROLE_LABEL.finditer(text):
        labelled.append((text[start : label.start()], coordinating))
        coordinating = words_key(label.group(1)) == "phối hợp"
        start = label.end()
    labelled.append((text[start:], coordinating))
    pieces: list[tuple[str, bool]] = []
    for part, role in labelled:
        start = 0
        for after in _ROLE_AFTER.finditer(part):
            pieces.append((part[start : after.start()], words_key(after.group(1)) == "phối hợp"))
            start = after.end()
        pieces.append((part[start:], role))
    return [(p.strip(" ;,"), r) for p, r in pieces if p.strip(" ;,.-+")], coordinating


def _worded(mention: Mention, text: str, first: _Token, last: _Token) -> Mention:
    """The mention with the words the document used for it."""
    return replace(mention, wording=text[first.start : last.end])


def _followed_by_level(tokens: list[_Token], end: int) -> bool:
    """'Văn phòng UBND cấp huyện' is not 'Văn phòng UBND' (tỉnh)."""
    return end < len(tokens) and tokens[end].key == "cấp"


def _ministry(tokens: list[_Token], position: int) -> bool:
    """'Bộ Thông tin và Truyền thông' is the ministry, not the provincial department."""
    return position > 0 and tokens[position - 1].key == "bộ"


def _level_after_group(tokens: list[_Token], position: int, found: list[Mention]) -> str | None:
    """'UBND cấp huyện, cấp xã': a bare 'cấp xã' after a collective UBND name."""
    if position + 1 >= len(tokens) or tokens[position].key != "cấp":
        return None
    if not found or found[-1].target not in _LEVELS.values():
        return None
    return _LEVELS.get(tokens[position + 1].key)


def _tokenized(text: str) -> list[_Token]:
    return [_Token(words_key(m.group()), m.start(), m.end()) for m in _TOKENS.finditer(text)]


def _tokens_of(text: str) -> list[str]:
    return [words_key(m.group()) for m in _TOKENS.finditer(text)]
