"""Reading a scenario file from disk, without Qt (the command line uses it too)."""

from pathlib import Path

import engine
from engine import ScenarioError
from engine.scenario import MAX_FILE_CHARS


def read_scenario(path):
    """Read and validate a scenario file. Raises ScenarioError whose message names the
    problem: missing, unreadable, too large, not UTF-8, not JSON, or invalid content."""
    path = Path(path)
    try:
        if not path.is_file():
            folder = path.exists()
            raise ScenarioError("not_found", "it is a folder or device, not a file" if folder
                                else "there is no such file", kind="folder" if folder else None)
        if path.stat().st_size > MAX_FILE_CHARS:
            raise ScenarioError("too_large", f"the file is larger than "
                                f"{MAX_FILE_CHARS // 2**20} MB", kind="file",
                                limit=MAX_FILE_CHARS // 2**20)
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
    return engine.from_json(text)
