"""Write the rendered site to disk: all or nothing, and only where we own the folder.

Why so careful: static site generators have deleted users' projects by
"cleaning" an output folder pointed at the wrong place. Here
- `check_out_dir` refuses an output folder that is not ours: non-empty without
  our marker file, the content folder or a folder inside/above it, the working
  directory (the repo) or one of its parents, the home folder, a file;
- every output path is checked (no "..", absolute, NUL, backslash, Windows
  device names, over-long names; containment by resolve() + is_relative_to())
  and no two paths may collide once case-folded and NFC-normalised;
- the site is written file by file, as it is rendered (SiteWriter), into a sibling
  temp folder, then swapped in with one atomic rename-exchange (Linux renameat2),
  or two renames elsewhere; the old
  tree is deleted only after the new one is in place. A failure at any point
  leaves the previous output as it was and no temp folder behind.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Mapping
from pathlib import Path, PurePosixPath

from timeline.model import Origin, Problem
from timeline.problems import error, exit_code

MARKER = ".timeline-site"
MARKER_TEXT = b"This folder is written by `timeline build`; the next build replaces it whole.\n"
TEMP_TAG = ".tmp-"
OLD_TAG = ".old-"
MAX_NAME_BYTES = 255
DEVICE_NAMES = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                          *(f"lpt{i}" for i in range(1, 10))})
OUT_HINT = "choose an empty folder or one written by `timeline build` (it holds a .timeline-site file)"


def _inside(path: Path, root: Path) -> bool:
    return path == root or path.is_relative_to(root)


def check_out_dir(out_dir: str | os.PathLike[str], content_dir: str | os.PathLike[str] | None = None,
                  ) -> list[Problem]:
    """Problems that forbid writing the site to `out_dir` (empty list: go ahead)."""
    raw = os.fspath(out_dir)
    where = Origin(raw)
    if not raw or "\x00" in raw:
        return [error("E450", "--out is empty or contains a NUL byte", None, OUT_HINT)]
    out = Path(raw).expanduser().resolve()
    refuse = []
    guarded = [(Path.cwd().resolve(), "the current folder (your project)")]
    guarded.append((Path.home().resolve(), "your home folder"))
    if content_dir is not None:
        content = Path(content_dir).resolve()
        if _inside(out, content):
            refuse.append(f"it is the content folder {content_dir} or inside it")
        guarded.append((content, f"the content folder {content_dir}"))
    for protected, label in guarded:
        if _inside(protected, out):
            refuse.append(f"it is {label} or one of its parents")
    if out.exists() and not out.is_dir():
        refuse.append("it is a file, not a folder")
    elif out.is_dir() and not (out / MARKER).is_file() and any(out.iterdir()):
        refuse.append(f"it is not empty and was not written by timeline (no {MARKER} file)")
    return [error("E451", f"refusing to write the site to {raw}: {reason}; nothing was deleted",
                  where, OUT_HINT) for reason in refuse[:1]]


class PathGuard:
    """Checks output paths one at a time, as a streamed build produces them: a path that would
    escape the site, or collide with an earlier one once case-folded and NFC-normalised, or be
    a file where another path needs a folder (and the reverse). Memory: one key per path."""

    def __init__(self) -> None:
        self._files: dict[str, str] = {}  # folded key -> first path
        self._folders: dict[str, str] = {}  # folded folder -> first path inside it

    def check(self, rel: str) -> list[Problem]:
        """Problems of `rel` given the paths checked before it (empty list: write it)."""
        reason = _bad_path(rel)
        if reason:
            return [error("E452", f"output path {rel!r} refused: {reason}", None,
                          "slugs, ids and URLs must stay inside the site folder")]
        key = unicodedata.normalize("NFC", rel).casefold()
        if key in self._files:
            return [error("E453", f"output path collision: {self._files[key]!r} and {rel!r} would "
                          "be the same file on a case-insensitive disk", None,
                          "rename one of the two entries/pages")]
        if key in self._folders:
            return [_file_and_folder(rel, self._folders[key])]
        parents = [str(p) for p in PurePosixPath(key).parents][:-1]  # without "."
        clash = next((self._files[p] for p in parents if p in self._files), None)
        if clash is not None:
            return [_file_and_folder(clash, rel)]
        self._files[key] = rel
        for folder in parents:
            self._folders.setdefault(folder, rel)
        return []


def _file_and_folder(file: str, inside: str) -> Problem:
    return error("E453", f"output path collision: {file!r} is a file and also the folder of "
                 f"{inside!r}", None, "rename one of the two pages")


def check_paths(paths: list[str]) -> list[Problem]:
    """Output paths that would escape the site or collide with another one."""
    guard = PathGuard()
    return [problem for rel in sorted(paths) for problem in guard.check(rel)]


def _bad_path(rel: str) -> str:
    if not rel or "\x00" in rel or "\\" in rel:
        return "empty, or contains a NUL byte or a backslash"
    pure = PurePosixPath(rel)
    if pure.is_absolute() or rel.startswith("/") or (len(rel) > 1 and rel[1] == ":"):
        return "absolute path"
    for part in rel.split("/"):
        if part in ("", ".", ".."):
            return "empty, '.' or '..' segment"
        if part.split(".")[0].casefold() in DEVICE_NAMES:
            return f"{part!r} is a reserved device name on Windows"
        if len(part.encode("utf-8")) > MAX_NAME_BYTES:
            return f"a name longer than {MAX_NAME_BYTES} bytes"
    if rel == MARKER:
        return f"{MARKER} is the ownership marker"
    return ""


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2 RENAME_EXCHANGE); False when unsupported."""
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError, TypeError):
        return False
    AT_FDCWD, RENAME_EXCHANGE = -100, 2
    if fn(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(a))


def _swap_in(new: Path, out: Path) -> None:
    """Make `new` be `out`; the previous `out` (if any) is deleted after the swap."""
    if not out.exists():
        os.rename(new, out)
        return
    if _exchange(new, out):
        shutil.rmtree(new, ignore_errors=True)  # `new` now names the old tree
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}{OLD_TAG}", dir=out.parent))
    os.rmdir(old)
    os.rename(out, old)
    try:
        os.rename(new, out)
    except OSError:
        os.rename(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def clean_leftovers(out: Path) -> None:
    """Remove temp folders an interrupted earlier build left beside `out` (ours only)."""
    for tag in (TEMP_TAG, OLD_TAG):
        for stale in sorted(out.parent.glob(f".{out.name}{tag}*")):
            if stale.is_dir() and not stale.is_symlink():
                if (stale / MARKER).is_file():
                    shutil.rmtree(stale, ignore_errors=True)
                elif not any(stale.iterdir()):
                    stale.rmdir()  # killed before it held anything


class SiteWriter:
    """Writes a site file by file into a temp folder beside `out_dir`, then swaps it in whole.

    Why streamed: holding every rendered page until the end cost ~400 MB at 20,000
    articles; each file now goes to disk as soon as it is rendered. The guarantees stay:
    the output folder is checked first, every path is checked (PathGuard) before it is
    written, nothing outside the temp folder is touched, and `finish` swaps only when no
    error occurred; otherwise (or when the `with` block is left early) the temp folder is
    removed and the previous output is as it was.
    """

    def __init__(self, out_dir: str | os.PathLike[str], *,
                 content_dir: str | os.PathLike[str] | None = None) -> None:
        self.out_dir = out_dir
        self.content_dir = content_dir
        self.problems: list[Problem] = []
        self.count = 0
        self._guard = PathGuard()
        self._out = Path(out_dir).expanduser().resolve()
        self._tmp: Path | None = None

    def __enter__(self) -> SiteWriter:
        self.problems += check_out_dir(self.out_dir, self.content_dir)
        if not self.problems:
            self._attempt(self._open)
        return self

    def __exit__(self, *exc: object) -> None:
        self.discard()

    def _open(self) -> None:
        self._out.parent.mkdir(parents=True, exist_ok=True)
        clean_leftovers(self._out)
        self._tmp = Path(tempfile.mkdtemp(prefix=f".{self._out.name}{TEMP_TAG}", dir=self._out.parent)).resolve()
        (self._tmp / MARKER).write_bytes(MARKER_TEXT)

    @property
    def failed(self) -> bool:
        return any(p.level == "error" for p in self.problems)

    def add(self, rel: str, data: bytes) -> None:
        """Write one file (site-relative path); after an error, only paths are still checked."""
        found = self._guard.check(rel)
        self.problems += found
        if found or self.failed or self._tmp is None:
            return
        self._attempt(self._write, rel, data)

    def _write(self, rel: str, data: bytes) -> None:
        assert self._tmp is not None
        target = (self._tmp / rel).resolve()
        if not target.is_relative_to(self._tmp) or target == self._tmp:
            raise _Escape(rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        self.count += 1

    def finish(self, extra: list[Problem] | None = None, *,
               before_swap: Callable[[Path], list[Problem]] | None = None,
               strict: bool = False) -> list[Problem]:
        """Swap the written tree in unless `extra` (e.g. the link check), a write or `before_swap`
        (e.g. the search index) gives an error, or with `strict` a warning; the problems."""
        self.problems[:0] = extra or []  # the build's own problems first, then the writer's
        if self._tmp is not None and not exit_code(self.problems, strict=strict):
            self.problems += before_swap(self._tmp) if before_swap else []
            if not exit_code(self.problems, strict=strict):
                self._attempt(self._swap)
        self.discard()
        return self.problems

    def _swap(self) -> None:
        assert self._tmp is not None
        os.chmod(self._tmp, 0o755)  # mkdtemp makes it 0700; a site folder is world-readable
        _swap_in(self._tmp, self._out)
        self._tmp = None

    def discard(self) -> None:
        """Remove the temp folder (if the site was not swapped in)."""
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    def _attempt(self, step: Callable[..., None], *args: str | bytes) -> None:
        try:
            step(*args)
        except _Escape as exc:
            self.problems.append(error("E452", f"output path {exc.args[0]!r} refused: it resolves "
                                       "outside the site folder", Origin(os.fspath(self.out_dir)),
                                       "a symlink or '..' in a slug or URL"))
        except OSError as exc:
            self.problems.append(error("E454", f"cannot write the site to {self.out_dir}: "
                                       f"{exc.strerror or exc}", Origin(exc.filename or os.fspath(self.out_dir)),
                                       "check the folder's permissions and free space; the previous "
                                       "site is untouched"))


def write_site(files: Mapping[str, bytes], out_dir: str | os.PathLike[str], *,
               content_dir: str | os.PathLike[str] | None = None,
               before_swap: Callable[[Path], list[Problem]] | None = None,
               strict: bool = False) -> list[Problem]:
    """Write `files` (site-relative path -> bytes) as the whole of `out_dir`, atomically.

    `before_swap(temp_dir)` may add to the tree (e.g. a search index) and veto the
    swap by returning an error (or, with `strict`, a warning). Every path is checked
    before anything is created; a streamed build uses SiteWriter directly.
    """
    problems = check_out_dir(out_dir, content_dir) + check_paths(list(files))
    if problems:
        return problems
    with SiteWriter(out_dir, content_dir=content_dir) as writer:
        for rel in sorted(files):
            writer.add(rel, files[rel])
        return writer.finish(before_swap=before_swap, strict=strict)


class _Escape(Exception):
    """An output path resolved outside the temp folder (internal signal, never shown)."""
