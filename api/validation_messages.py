"""pydantic's refusals in Vietnamese: the API's 422 answers never mix in English text.

Each error type pydantic reports for the API's fields is worded here with its limits; any
other type gets a plain Vietnamese sentence rather than pydantic's English one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

_WORDING = {
    "missing": "thiếu trường bắt buộc",
    "extra_forbidden": "trường này không có trong yêu cầu",
    "string_type": "cần một chuỗi ký tự",
    "string_too_short": "cần ít nhất {min_length} ký tự",
    "string_too_long": "tối đa {max_length} ký tự",
    "string_pattern_mismatch": "không đúng dạng yêu cầu ({pattern})",
    "too_short": "cần ít nhất {min_length} phần tử",
    "too_long": "tối đa {max_length} phần tử",
    "int_type": "cần một số nguyên",
    "int_parsing": "cần một số nguyên",
    "int_from_float": "cần một số nguyên, không có phần thập phân",
    "float_type": "cần một số",
    "float_parsing": "cần một số",
    "decimal_type": "cần một số",
    "decimal_parsing": "cần một số",
    "decimal_max_digits": "tối đa {max_digits} chữ số",
    "decimal_max_places": "tối đa {decimal_places} chữ số thập phân",
    "greater_than": "phải lớn hơn {gt}",
    "greater_than_equal": "phải từ {ge} trở lên",
    "less_than": "phải nhỏ hơn {lt}",
    "less_than_equal": "phải không quá {le}",
    "bool_type": "cần true hoặc false",
    "bool_parsing": "cần true hoặc false",
    "date_type": "cần một ngày dạng yyyy-mm-dd",
    "date_parsing": "cần một ngày dạng yyyy-mm-dd",
    "date_from_datetime_parsing": "cần một ngày dạng yyyy-mm-dd",
    "date_from_datetime_inexact": "cần một ngày, không kèm giờ",
    "datetime_type": "cần thời điểm dạng ISO 8601",
    "datetime_parsing": "cần thời điểm dạng ISO 8601",
    "uuid_type": "cần một mã dạng UUID",
    "uuid_parsing": "cần một mã dạng UUID",
    "enum": "chỉ nhận một trong: {expected}",
    "literal_error": "chỉ nhận một trong: {expected}",
    "list_type": "cần một danh sách",
    "dict_type": "cần một đối tượng JSON",
    "model_type": "cần một đối tượng JSON",
    "model_attributes_type": "cần một đối tượng JSON",
    "json_invalid": "nội dung không phải JSON hợp lệ",
    "json_type": "nội dung không phải JSON hợp lệ",
}
_PREFIX = "Value error, "


def vietnamese(error: Mapping[str, Any]) -> str:
    """The message for one of pydantic's errors, in Vietnamese."""
    kind = str(error.get("type", ""))
    if kind in ("value_error", "assertion_error"):
        # Our own validators raise Vietnamese messages; pydantic prefixes them in English.
        return str(error.get("msg", "")).removeprefix(_PREFIX).removeprefix("Assertion failed, ")
    wording = _WORDING.get(kind)
    if wording is None:
        return "giá trị không hợp lệ"
    context = {key: _plain(value) for key, value in (error.get("ctx") or {}).items()}
    try:
        return wording.format(**context)
    except KeyError:
        return wording.split(" (")[0].split(":")[0]


def _plain(value: Any) -> str:
    """pydantic's `expected` lists read "'a', 'b' or 'c'"; Vietnamese says "hoặc"."""
    return str(value).replace(" or ", " hoặc ")
