"""Text that every export format can hold.

XML 1.0 has no way to write U+0000-U+0008, U+000B, U+000C, U+000E-U+001F,
U+FFFE, U+FFFF or a lone surrogate, not even as a character reference; a lone
surrogate cannot be encoded as UTF-8 at all. Each such character becomes
U+FFFD, one for one, so quote and evidence offsets still count the same
characters as the article text.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def safe_text(text: str) -> str:
    """``text`` with every character XML 1.0 cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub(REPLACEMENT, text)
