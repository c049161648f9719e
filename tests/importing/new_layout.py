"""A plan laid out in a way the seeds do not show, written as a workbook and as a Word file.

Lạng Sơn's (invented) Kế hoạch 45/KH-UBND: the criteria table puts the code in a "Mã tiêu
chí" column and keeps its points as numbers; the task table orders its columns differently,
groups tasks under lettered sections and merges the lead agency cell over two rows. The
Word version also splits its points heading over two header rows.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.table import Table
from openpyxl import Workbook

PROSE = (
    "ỦY BAN NHÂN DÂN",
    "TỈNH LẠNG SƠN",
    "Số: 45/KH-UBND",
    "Lạng Sơn, ngày 20 tháng 02 năm 2025",
    "KẾ HOẠCH",
    "Cải thiện Chỉ số cải cách hành chính (PAR INDEX) và Chỉ số hài lòng (SIPAS) năm 2025",
    "III. TỔ CHỨC THỰC HIỆN",
    "1. Các sở, ban, ngành tỉnh; UBND các huyện, thành phố",
    "- Xây dựng kế hoạch triển khai, gửi Sở Nội vụ chậm nhất ngày 15/3/2025.",
    "2. Sở Nội vụ",
    "- Tổng hợp, báo cáo UBND tỉnh kết quả thực hiện trước ngày 10/12/2025.",
)
CRITERIA_CAPTION = ("PHỤ LỤC I", "MỤC TIÊU CÁC TIÊU CHÍ CHỈ SỐ CCHC NĂM 2025")
CRITERIA_HEADER = (
    "Mã tiêu chí",
    "Tên tiêu chí",
    "Điểm tối đa",
    "Điểm tự đánh giá năm 2024",
    "Chỉ tiêu năm 2025",
    "Ghi chú",
)
CRITERIA: tuple[tuple[str | float | None, ...], ...] = (
    ("1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 8, 6.5, 7.5, None),
    ("1.1", "Kế hoạch CCHC", 1.5, 1.5, 1.5, None),
    ("1.2", "Công tác kiểm tra CCHC", 2, 1, 2, None),
    ("1.3", "Sự hài lòng của đội ngũ công chức", 4, 4, 4, "ĐTXHH"),
    ("2", "CẢI CÁCH THỂ CHẾ", 6, 5.25, 6, None),
    ("2.1", "Rà soát văn bản QPPL", 3, 2.5, 3, None),
    ("2.2", "Theo dõi thi hành pháp luật", 3, 2.75, 3, None),
    ("Tổng cộng", None, 14, 11.75, 13.5, None),
)
TASKS_CAPTION = ("PHỤ LỤC II", "NHIỆM VỤ CỤ THỂ NĂM 2025")
TASKS_HEADER = (
    "Số TT",
    "Nhiệm vụ cụ thể",
    "Kết quả/sản phẩm",
    "Tiến độ",
    "Cơ quan chủ trì (thực hiện)",
    "Cơ quan phối hợp",
)
TASKS: tuple[tuple[str | None, ...], ...] = (
    ("A", "CẢI CÁCH THỂ CHẾ", None, None, None, None),
    (
        "1",
        "Rà soát, công bố danh mục văn bản hết hiệu lực",
        "Quyết định công bố",
        "Quý II",
        "Sở Tư pháp",
        "Các sở, ban, ngành",
    ),
    (
        "2",
        "Kiểm tra việc thi hành pháp luật tại các huyện",
        "Báo cáo kiểm tra",
        "Trước ngày 30/9/2025",
        None,  # the lead cell above is merged down over this row
        "UBND huyện Bắc Sơn",
    ),
    ("B", "HIỆN ĐẠI HÓA HÀNH CHÍNH", None, None, None, None),
    (
        "1",
        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
        "Tỷ lệ hồ sơ được số hóa",
        "Tháng 6",
        "Văn phòng UBND tỉnh; Sở Thông tin và Truyền thông",
        "UBND cấp huyện",
    ),
    (
        "2",
        "Duy trì Hệ thống quản lý chất lượng ISO 9001",
        "Quyết định công bố ISO",
        "Hằng năm",
        "Sở Khoa học và Công nghệ",
        "Các sở, ban, ngành",
    ),
)


def lang_son_workbook(path: Path) -> Path:
    """Two sheets: the plan's prose and criteria, then its tasks with a merged lead cell."""
    workbook = Workbook()
    plan = workbook.active
    assert plan is not None
    plan.title = "Kế hoạch"
    for line in (*PROSE, "", *CRITERIA_CAPTION):
        plan.append([line] if line else [])
    plan.append(CRITERIA_HEADER)
    for row in CRITERIA:
        plan.append(row)
    tasks = workbook.create_sheet("Nhiệm vụ")
    for line in TASKS_CAPTION:
        tasks.append([line])
    tasks.append(TASKS_HEADER)
    for row in TASKS:
        tasks.append(row)
    tasks.merge_cells("E5:E6")  # "Sở Tư pháp" leads tasks A.1 and A.2
    workbook.save(path)
    return path


def lang_son_word(path: Path) -> Path:
    """The same plan in Word: a two-row points heading, and a lead cell merged down."""
    document = Document()
    for line in (*PROSE, *CRITERIA_CAPTION):
        document.add_paragraph(line)
    criteria = document.add_table(rows=len(CRITERIA) + 2, cols=len(CRITERIA_HEADER))
    _fill(criteria, 0, ("Mã tiêu chí", "Tên tiêu chí", "Điểm", "", "Chỉ tiêu năm 2025", "Ghi chú"))
    _fill(criteria, 1, ("", "", "Tối đa", "Tự đánh giá năm 2024", "", ""))
    criteria.cell(0, 2).merge(criteria.cell(0, 3))
    for number, row in enumerate(CRITERIA, start=2):
        _fill(criteria, number, tuple(_written(value) for value in row))
    for line in TASKS_CAPTION:
        document.add_paragraph(line)
    tasks = document.add_table(rows=len(TASKS) + 1, cols=len(TASKS_HEADER))
    _fill(tasks, 0, TASKS_HEADER)
    for number, task in enumerate(TASKS, start=1):
        _fill(tasks, number, tuple(value or "" for value in task))
    tasks.cell(2, 4).merge(tasks.cell(3, 4))
    document.save(str(path))
    return path


def _fill(table: Table, row: int, values: tuple[str, ...]) -> None:
    for column, value in enumerate(values):
        table.cell(row, column).text = value


def _written(value: str | float | None) -> str:
    """Points as a Vietnamese Word document writes them: 6,5 and 14."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")
