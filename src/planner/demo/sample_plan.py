"""Rows of Bắc Kạn's Kế hoạch 365/KH-UBND (08/06/2023), copied from its appendices.

Phụ lục 2 (PAR INDEX criteria that lost points in 2022, with their tasks), the SIPAS groups
of Phụ lục 3 and the PAPI content indices of Phụ lục 4, as the document states them.
"""

from __future__ import annotations

from dataclasses import dataclass

PLAN_NUMBER = "365/KH-UBND"
PROVINCE = "Bắc Kạn"
TITLE = (
    "Khắc phục những tồn tại, hạn chế Chỉ số cải cách hành chính, Chỉ số hài lòng về sự phục vụ "
    "hành chính và Chỉ số Hiệu quả Quản trị và Hành chính công cấp tỉnh năm 2022, nâng cao chất "
    "lượng các chỉ số năm 2023"
)

DISTRICTS = (
    ("UBND_TPBK", "UBND thành phố Bắc Kạn"),
    ("UBND_BABE", "UBND huyện Ba Bể"),
    ("UBND_BACHTHONG", "UBND huyện Bạch Thông"),
    ("UBND_CHODON", "UBND huyện Chợ Đồn"),
    ("UBND_CHOMOI", "UBND huyện Chợ Mới"),
    ("UBND_NARI", "UBND huyện Na Rì"),
    ("UBND_NGANSON", "UBND huyện Ngân Sơn"),
    ("UBND_PACNAM", "UBND huyện Pác Nặm"),
)


@dataclass(frozen=True)
class CriterionRow:
    index: str
    code: str
    name: str
    max_points: str
    last_year: str
    target: str
    survey_based: bool = False


@dataclass(frozen=True)
class TaskRow:
    reference: str
    criterion: str
    text: str
    lead: str
    coordinating: str
    timeframe: str


CRITERIA = (
    CriterionRow(
        "PAR_INDEX",
        "TC 1.2.",
        "Thực hiện chế độ báo cáo định kỳ",
        "0,5000",
        "0,0000",
        "Đảm bảo đủ số lượng, chất lượng các báo cáo CCHC định kỳ",
    ),
    CriterionRow(
        "PAR_INDEX",
        "TC 1.5.",
        "Đổi mới sáng tạo trong triển khai nhiệm vụ CCHC",
        "2,0000",
        "1,0000",
        "Tối thiểu có 03 sáng kiến, giải pháp mới đạt yêu cầu quy định",
    ),
    CriterionRow(
        "PAR_INDEX",
        "TC 1.7.",
        "Thực hiện nhiệm vụ được Chính phủ, Thủ tướng Chính phủ giao",
        "1,5000",
        "1,2750",
        "100% nhiệm vụ được hoàn thành đúng tiến độ",
    ),
    CriterionRow(
        "PAR_INDEX",
        "TCTP 2.4.1.",
        "Tính đồng bộ, thống nhất của các VBQPPL do địa phương ban hành (Điều tra XHH)",
        "1,0000",
        "0,7646",
        "100% văn bản QPPL ban hành trong năm đảm bảo tính đồng bộ",
        survey_based=True,
    ),
    CriterionRow(
        "PAR_INDEX",
        "TC 3.1.",
        "Kiểm soát TTHC",
        "1,0000",
        "0,5000",
        "100% văn bản QPPL có quy định TTHC được kiểm soát trước khi ban hành",
    ),
    CriterionRow(
        "PAR_INDEX",
        "TCTP 3.2.1.",
        "Công bố TTHC, danh mục TTHC theo quy định",
        "0,5000",
        "0,0000",
        "100% danh mục TTHC được công bố, công khai đầy đủ, kịp thời",
    ),
    CriterionRow(
        "PAR_INDEX",
        "TCTP 4.1.2.",
        "Thực hiện cơ cấu số lượng lãnh đạo tại các cơ quan hành chính theo các tiêu chí",
        "1,5000",
        "1,3500",
        "1,5",
    ),
    CriterionRow(
        "PAR_INDEX",
        "TCTP 6.1.1.",
        "Thực hiện giải ngân kế hoạch đầu tư vốn ngân sách nhà nước",
        "1,0000",
        "0,7568",
        "Phấn đấu hoàn thành 100% kế hoạch đầu tư vốn ngân sách nhà nước",
    ),
    CriterionRow(
        "PAR_INDEX",
        "TCTP 7.1.2.",
        "Triển khai Trung tâm dữ liệu phục vụ chuyển đổi số theo hướng sử dụng công nghệ "
        "điện toán đám mây",
        "1,0000",
        "0,0000",
        "1",
    ),
    CriterionRow(
        "PAR_INDEX",
        "TCTP 7.3.7.",
        "Thực hiện thanh toán trực tuyến",
        "1,5000",
        "0,5181",
        "Tỷ lệ hồ sơ thanh toán trực tuyến cao hơn năm 2022",
    ),
    CriterionRow(
        "PAR_INDEX",
        "TC 8.4.",
        "Thực hiện thu ngân sách hàng năm của tỉnh theo Kế hoạch được Chính phủ giao",
        "1,5000",
        "0,5000",
        "Phấn đấu thu ngân sách năm 2023 ở vị trí thứ 11 đến 30",
    ),
    CriterionRow("SIPAS", "", "Chỉ số SIPAS (tỷ lệ, tối đa 100%)", "", "75,24", "85,24%"),
    CriterionRow(
        "SIPAS", "I.1", "Trách nhiệm giải trình của cơ quan nhà nước", "", "76,15", "86,15%"
    ),
    CriterionRow(
        "SIPAS", "II.5", "Cơ quan tiếp nhận, xử lý phản ánh kiến nghị", "", "71,94", "81,94%"
    ),
    CriterionRow("PAPI", "", "Chỉ số PAPI", "80,00", "42,41", "58,57"),
    CriterionRow("PAPI", "1", "Tham gia của người dân ở cấp cơ sở", "10,00", "5,39", "9,63"),
    CriterionRow("PAPI", "2", "Công khai, minh bạch", "10,00", "5,49", "7,48"),
    CriterionRow("PAPI", "3", "Trách nhiệm giải trình với nhân dân", "10,00", "4,34", "5,85"),
    CriterionRow("PAPI", "4", "Kiểm soát tham nhũng trong khu vực công", "10,00", "6,43", "8,43"),
    CriterionRow("PAPI", "5", "Thủ tục hành chính công", "10,00", "7,38", "8,88"),
    CriterionRow("PAPI", "6", "Cung ứng dịch vụ công", "10,00", "7,14", "9,08"),
    CriterionRow("PAPI", "7", "Quản trị môi trường", "10,00", "3,36", "4,82"),
    CriterionRow("PAPI", "8", "Quản trị điện tử", "10,00", "2,88", "4,40"),
)

TASKS = (
    TaskRow(
        "PL2 I.1",
        "1.2",
        "Đôn đốc các cơ quan, đơn vị thực hiện chế độ báo cáo đảm bảo nội dung và thời gian "
        "quy định",
        "Sở Nội vụ",
        "Các sở, ban, ngành; UBND cấp huyện",
        "Trước ngày 12 tháng cuối quý và ngày 12/12/2023",
    ),
    TaskRow(
        "PL2 I.1b",
        "1.2",
        "Thực hiện chế độ báo cáo chuyên đề định kỳ đảm bảo đủ nội dung, đúng thời gian quy định",
        "Văn phòng UBND tỉnh; Sở Thông tin và Truyền thông; Sở Tư pháp; Sở Tài chính",
        "Sở Nội vụ",
        "Trước ngày 12 tháng cuối quý và ngày 12/12/2023",
    ),
    TaskRow(
        "PL2 I.2",
        "1.5",
        "Tiếp tục đôn đốc các đơn vị tìm sáng kiến giải pháp trong thực hiện CCHC",
        "Sở Nội vụ",
        "Các sở, ban, ngành; UBND cấp huyện",
        "Thường xuyên",
    ),
    TaskRow(
        "PL2 I.3",
        "1.7",
        "Tăng cường theo dõi, đôn đốc các cơ quan, đơn vị thực hiện đúng tiến độ các nhiệm vụ "
        "Chính phủ, Thủ tướng Chính phủ giao",
        "Văn phòng UBND tỉnh",
        "Các sở, ban, ngành",
        "Thường xuyên",
    ),
    TaskRow(
        "PL2 II.4",
        "2.4.4",
        "Tăng cường công tác theo dõi tổ chức thực hiện các văn bản QPPL trên địa bàn tỉnh",
        "Sở Tư pháp",
        "Các sở, ban, ngành; UBND cấp huyện",
        "Năm 2023",
    ),
    TaskRow(
        "PL2 III.1",
        "3.1",
        "Kiểm soát chặt chẽ việc ban hành các quy định TTHC tại dự thảo văn bản QPPL của tỉnh",
        "Văn phòng UBND tỉnh",
        "Các sở, ban, ngành",
        "Quý III-IV/2023",
    ),
    TaskRow(
        "PL2 IV.1",
        "4.1.2",
        "Bám sát các yêu cầu, quy định và cung cấp đầy đủ tài liệu kiểm chứng khi thực hiện tự "
        "đánh giá chấm điểm nội dung cơ cấu số lượng lãnh đạo cấp phòng",
        "Sở Nội vụ",
        "Các sở, ban, ngành; UBND cấp huyện",
        "Tháng 01/2024",
    ),
    TaskRow(
        "PL2 VI.1",
        "6.1.1",
        "Tham mưu cho UBND tỉnh chỉ đạo, đôn đốc các Chủ đầu tư đẩy nhanh tiến độ giải ngân kế "
        "hoạch vốn năm 2023",
        "Sở Kế hoạch và Đầu tư",
        "UBND cấp huyện",
        "Năm 2023",
    ),
    TaskRow(
        "PL2 VII.1",
        "7.1.2",
        "Kết nối Trung tâm dữ liệu của tỉnh với nền tảng điện toán đám mây theo hướng dẫn của "
        "Bộ Thông tin và Truyền thông",
        "Sở Thông tin và Truyền thông",
        "Các sở, ban, ngành",
        "Khi có văn bản chỉ đạo, hướng dẫn của Bộ Thông tin và Truyền thông",
    ),
    TaskRow(
        "PL2 VII.5",
        "7.3.7",
        "Khắc phục những lỗi thường gặp trong quá trình thực hiện thanh toán trực tuyến qua Hệ "
        "thống Paygov và qua Cổng dịch vụ công quốc gia",
        "Sở Thông tin và Truyền thông",
        "Văn phòng UBND tỉnh",
        "Từ 01/6/2023",
    ),
    TaskRow(
        "PL2 VIII.2",
        "8.4",
        "Đẩy mạnh việc thu ngân sách trên địa bàn tỉnh",
        "Các sở, ban, ngành; UBND cấp huyện",
        "Cục Thuế tỉnh",
        "Năm 2023",
    ),
    TaskRow(
        "PL2 III.2",
        "3.2.1",
        "Theo dõi, đôn đốc các sở, ngành công bố, công khai TTHC, danh mục TTHC kịp thời, đúng "
        "quy định",
        "Văn phòng UBND tỉnh",
        "Các sở, ban, ngành",
        "Quý III/2023",
    ),
)

OBLIGATIONS = (
    (
        "ke-hoach-don-vi",
        "Xây dựng kế hoạch của cơ quan, đơn vị, địa phương để cụ thể hóa các nhiệm vụ được giao",
        "trước ngày 20/6/2023",
        "Các sở, ban, ngành; UBND cấp huyện",
    ),
    (
        "bao-cao-ket-qua",
        "Báo cáo UBND tỉnh kết quả thực hiện kế hoạch",
        "Hết tháng 12/2023",
        "Sở Nội vụ",
    ),
)
