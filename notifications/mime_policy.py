"""How reminder e-mails are written out for SMTP, so Vietnamese subjects arrive intact.

Python's default folding of a long non-ASCII Subject splits it into encoded words at the
spaces and leaves each space outside them, where mail readers drop it (RFC 2047, 6.2):
"thực hiện" arrives as "thựchiện". `email.header.Header` splits inside the text instead, so
the spaces travel within the encoded words.
"""

from __future__ import annotations

from email.header import Header
from email.policy import EmailPolicy
from typing import Any


class EncodedWordsPolicy(EmailPolicy):
    def fold(self, name: str, value: Any) -> str:
        text = str(value)
        if name.lower() != "subject" or text.isascii():
            folded: str = super().fold(name, value)
            return folded
        encoded = Header(text, "utf-8", header_name=name).encode(linesep=self.linesep)
        return f"{name}: {encoded}{self.linesep}"

    def fold_binary(self, name: str, value: Any) -> bytes:
        if name.lower() != "subject" or str(value).isascii():
            return super().fold_binary(name, value)
        return self.fold(name, value).encode("ascii")


# SMTP line endings; 7-bit bodies (quoted-printable or base64) for servers without 8BITMIME.
SMTP_POLICY = EncodedWordsPolicy(linesep="\r\n", cte_type="7bit")
