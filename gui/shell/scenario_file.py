"""Reading and writing scenario files on disk, without Qt (the command line reads them too).
Saving is atomic, so a crash or a full disk mid-save never leaves a truncated file, and nothing
is written that the reader would refuse."""

import contextlib
import os
import re
import stat
import tempfile
import time
from pathlib import Path

import engine
from engine import ScenarioError
from engine import scenario as file_format

# A save that crashed between creating its temporary file and renaming it leaves the temporary
# file behind; any one older than this process is such a leftover, never a save in progress.
STARTED = time.time()
# The random part tempfile puts between atomic_write's prefix and suffix.
_TEMPORARY_PART = r"\.[a-z0-9_]{8}\.tmp"


class FileTooLarge(ValueError):
    """A scenario whose file would be larger than the reader accepts (``size`` and ``limit`` in
    bytes): it is refused before anything is written."""

    def __init__(self, size, limit):
        super().__init__(f"the file would be {size / 2**20:.0f} MB, more than the "
                         f"{limit // 2**20} MB Logit Lab can open")
        self.size = size
        self.limit = limit


def read_scenario(path):
    """Read and validate a scenario file. Raises ScenarioError whose message names the
    problem: missing, unreadable, too large, not UTF-8, not JSON, or invalid content."""
    return engine.from_json(read_text(path, file_format.MAX_FILE_CHARS))


def read_text(path, limit):
    """The text of a Logit Lab file (a scenario, a lesson) of at most ``limit`` bytes. Raises
    ScenarioError: missing, a folder, unreadable, too large or not UTF-8."""
    path = Path(path)
    try:
        if not path.is_file():
            folder = path.exists()
            raise ScenarioError("not_found", "it is a folder or device, not a file" if folder
                                else "there is no such file", kind="folder" if folder else None)
        if path.stat().st_size > limit:
            raise ScenarioError("too_large", f"the file is larger than {limit // 2**20} MB",
                                kind="file", limit=limit // 2**20)
        data = path.read_bytes()
    except OSError as error:
        raise ScenarioError("unreadable", f"the file cannot be read "
                            f"({error.strerror or error})",
                            reason=str(error.strerror or error)) from None
    try:
        text = data.decode("utf-8-sig")  # a UTF-8 byte-order mark (Windows Notepad) is fine
    except UnicodeDecodeError as error:
        raise ScenarioError("not_utf8", f"the file is not UTF-8 text (byte {error.start + 1} "
                            f"cannot be read); save it as UTF-8",
                            byte=error.start + 1) from None
    return text


def scenario_bytes(scenario):
    """The scenario's file content. Raises FileTooLarge when read_scenario would refuse it
    (its byte count bounds its character count, which from_json checks)."""
    data = engine.to_json(scenario).encode("utf-8")
    if len(data) > file_format.MAX_FILE_CHARS:
        raise FileTooLarge(len(data), file_format.MAX_FILE_CHARS)
    return data


def write_protection(path):
    """What overwriting the existing file ``path`` would do unasked: (read_only, names).
    ``read_only``: its permissions forbid writing to it. Root may write anything, so a file with
    no write permission bit at all counts as read-only too, as editors treat it. ``names``: how
    many hard links it has; replacing it leaves the others with the old content.
    (False, 1) when there is no such file."""
    try:
        status = os.stat(path)
    except OSError:
        return False, 1
    no_write_bit = not status.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    return no_write_bit or not os.access(path, os.W_OK), status.st_nlink


def atomic_write(path, data):
    """Write ``data`` (bytes) to ``path`` so that it holds either the old or the new content,
    never a part: write a temporary file beside it, flush, fsync, then rename over it.
    Raises OSError; the temporary file is removed and the old file is untouched. A success
    also removes what earlier, interrupted saves of ``path`` left behind."""
    target = Path(os.path.realpath(path))  # write through a symlink, don't replace it
    mode = _file_mode(target)
    file = tempfile.NamedTemporaryFile(dir=target.parent, prefix=f".{target.name}.",
                                       suffix=".tmp", delete=False)
    try:
        with file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(file.name, mode)
        os.replace(file.name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(file.name)
        raise
    _fsync_directory(target.parent)
    remove_leftovers(target)


def remove_leftovers(target):
    """Remove the temporary files of saves of ``target`` that a crash interrupted: only names
    atomic_write makes for this very file, and only those older than this process, so that a
    save another running copy is making now is never touched."""
    leftover = re.compile(re.escape(f".{target.name}") + _TEMPORARY_PART + r"\Z")
    with contextlib.suppress(OSError), os.scandir(target.parent) as entries:
        for entry in entries:
            if leftover.match(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    if entry.stat(follow_symlinks=False).st_mtime < STARTED:
                        os.unlink(entry.path)


def _read_umask():
    # Reading the umask means setting it: done once, at import, never while a worker thread
    # (the autosave) may be creating a file.
    umask = os.umask(0)
    os.umask(umask)
    return umask


_UMASK = _read_umask()


def _file_mode(path):
    """Keep an existing file's permissions; a new file gets the usual ones (0666 less umask)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_UMASK


def _fsync_directory(directory):
    # Makes the rename itself durable on POSIX; not possible (nor needed) everywhere.
    with contextlib.suppress(OSError, AttributeError):
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
