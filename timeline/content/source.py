"""Bytes on disk -> the text an editor sees, or a Problem saying why not.

Editors' files come from Word, old Windows editors and copy-paste: a BOM and
CRLF line ends must simply work (and give the same text as LF), while Latin-1,
Windows-1252 and binary files get a message with the line and column of the
first bad byte, never a UnicodeDecodeError.
"""

from __future__ import annotations

from pathlib import Path

from timeline.model import Origin, Problem
from timeline.problems import error

E_ENCODING = "E110"
E_BINARY = "E111"
E_UNREADABLE = "E112"
E_SYMLINK = "E113"

BOM = b"\xef\xbb\xbf"


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    col = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n", 0, offset) + 1, col


def decode(data: bytes, display: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 (BOM optional) -> text with '\\n' line ends."""
    if data.startswith(BOM):
        data = data[len(BOM):]
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _position(data, nul)
        return None, [error(E_BINARY, "binary file (contains a NUL byte), not text",
                            Origin(display, line, col), "entries are plain text files saved as UTF-8")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _position(data, exc.start)
        byte = data[exc.start]
        guess = "Windows-1252" if 0x80 <= byte <= 0x9F else "Latin-1"
        return None, [error(E_ENCODING, f"not UTF-8: byte 0x{byte:02x} (the file looks like {guess})",
                            Origin(display, line, col), "save as UTF-8")]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def read_source(path: Path, display: str) -> tuple[str | None, list[Problem]]:
    """Read and decode one file; I/O errors become Problems too."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [error(E_UNREADABLE, f"cannot read the file: {exc.strerror or exc}",
                            Origin(display), "check that it exists and is readable")]
    return decode(data, display)


def outside(path: Path, root: Path) -> str:
    """Why a symlinked path may not be read ('' when it stays inside root)."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return "a broken symlink or a symlink loop"
    if not target.is_relative_to(root.resolve()):
        return "a symlink to a place outside the content folder"
    return ""
