"""Text exports of the plans: prose lines, and table rows as tab-separated lines."""

from __future__ import annotations

from planner.importer.errors import UnreadableDocument
from planner.importer.source import Block, Gap, Origin, Paragraph, Row, SourceDocument


def read_text(data: bytes, name: str) -> SourceDocument:
    """Each line with a tab is a table row; blank lines are gaps; other lines are prose."""
    text = _decoded(data, name)
    blocks: list[Block] = []
    table = 0
    in_table = False
    for number, line in enumerate(text.splitlines(), start=1):
        origin = Origin(number)
        if "\t" in line:
            table += 0 if in_table else 1
            in_table = True
            blocks.append(Row(tuple(line.split("\t")), origin, table))
        elif line.strip():
            in_table = False
            blocks.append(Paragraph(line, origin))
        else:
            blocks.append(Gap(origin))
    return SourceDocument(name, "text", tuple(blocks))


def _decoded(data: bytes, name: str) -> str:
    if not data.strip():
        raise UnreadableDocument(f"tệp {name} trống: không có gì để nhập")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise UnreadableDocument(
                f"tệp {name} ghi là UTF-16 nhưng hỏng (byte {error.start}); "
                "hãy lưu lại dưới dạng UTF-8, .docx hoặc .xlsx"
            ) from None
    if b"\x00" in data:
        raise UnreadableDocument(f"tệp {name} không phải văn bản (có byte nhị phân)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableDocument(
            f"tệp {name} không phải văn bản UTF-8 (byte {error.start}); "
            "hãy lưu lại dưới dạng UTF-8, .docx hoặc .xlsx"
        ) from None
