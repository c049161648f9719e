"""Password hashing with Argon2id (argon2-cffi); plain passwords are never stored."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from planner.domain.errors import InvalidValue

MIN_LENGTH = 10
MAX_LENGTH = 256

_hasher = PasswordHasher()


@cache
def _unknown_user_hash() -> str:
    """Compared against when the user name is unknown, so a wrong name takes as long as a wrong
    password and timing does not reveal which accounts exist. Made on the first check, not at
    import: every `planner` command would otherwise pay for a hash it rarely needs."""
    return _hasher.hash("planner: no such user")


def hash_password(password: str) -> str:
    """The Argon2id hash of an acceptable password; refuses one too short or too long."""
    if len(password) < MIN_LENGTH:
        raise InvalidValue(f"mật khẩu cần ít nhất {MIN_LENGTH} ký tự")
    if len(password) > MAX_LENGTH:
        raise InvalidValue(f"mật khẩu dài quá {MAX_LENGTH} ký tự")
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    unknown_user_hash = _unknown_user_hash()  # by the first check, whether the user exists or not
    try:
        matched = _hasher.verify(password_hash or unknown_user_hash, password[:MAX_LENGTH])
    except (VerificationError, InvalidHashError):
        return False
    return matched and password_hash is not None
