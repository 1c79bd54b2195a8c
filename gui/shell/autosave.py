"""Autosave: each running copy of Logit Lab keeps its unsaved work in a file of its own, locked
for as long as it runs, so that the next start offers back only the work of copies that are gone.
The file is written on a worker thread from the frozen Scenario, so the window never waits."""

import contextlib
import errno
import os
import uuid
from pathlib import Path

from PySide6.QtCore import (QLockFile, QObject, QSettings, QStandardPaths, Qt, QThreadPool,
                            Signal)

from gui.shell.scenario_file import FileTooLarge, atomic_write, remove_leftovers, scenario_bytes

FOLDER_NAME = "autosave"
PREFIX = "session-"
KEPT_PREFIX = "unreadable-"
# + "/" + a session file's stem: the file the autosaved work was opened from ("" for none).
SOURCE_KEY = "files/autosave_source"


def default_folder():
    """Where the autosave files live: a folder of their own in the user's data folder, the
    local one (as the log's): their locks name processes of this machine, so they must not
    roam to another (Windows' roaming profiles)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.AppLocalDataLocation)
    return Path(folder) / FOLDER_NAME


def _lock_for(path):
    lock = QLockFile(str(path.with_suffix(".lock")))
    # Stale only when the process that took it is gone, however long it has run.
    lock.setStaleLockTime(0)
    return lock


def _source_key(path):
    return f"{SOURCE_KEY}/{path.stem}"


def _forget_source(path):
    QSettings().remove(_source_key(path))


class _Relay(QObject):
    """Carries a finished write from the worker thread back to the GUI thread. It belongs to no
    parent, so a write that ends after its Autosave is deleted still has it to emit on."""

    finished = Signal(object, object)  # the scenario written, and None or the error


def _write_job(scenario, path, relay):
    # Runs on the worker thread: the scenario is frozen, so reading it here is safe.
    try:
        atomic_write(path, scenario_bytes(scenario))
    except (OSError, FileTooLarge) as error:
        relay.finished.emit(scenario, error)
        return
    relay.finished.emit(scenario, None)


class Autosave(QObject):
    """This copy's autosave file, its lock and its writer.

    Signals
    -------
    ==================  ===============================================================
    written(object)     the scenario is in the autosave file now
    failed(object)      an autosave could not be written: the OSError or FileTooLarge
    ==================  ===============================================================

    One write at a time: asked to write while writing, it writes the newest scenario it was
    asked for once the running write ends (the ones in between are skipped).
    """

    written = Signal(object)
    failed = Signal(object)

    def __init__(self, folder=None, parent=None):
        super().__init__(parent)
        self.folder = Path(folder) if folder else default_folder()
        # The process id and a random part: a dead copy's file with a reused id stays apart.
        self.path = self.folder / f"{PREFIX}{os.getpid()}-{uuid.uuid4().hex[:8]}.json"
        self._lock = _lock_for(self.path)
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay()
        self._relay.finished.connect(self._finished, Qt.QueuedConnection)
        self.saved = None  # the scenario in the file
        self._on_disk = False  # the file (or its source) may exist
        self._writing = None  # the scenario being written
        self._next = None  # (scenario, source) to write once the running write ends
        self._unwanted = False  # the running write's file is to be removed when it ends
        self._closed = False

    @property
    def busy(self):
        return self._writing is not None

    def write(self, scenario, source=None):
        """Write ``scenario`` (opened from the file ``source``, or None) to the autosave file
        on the worker thread, unless it is there already."""
        self._unwanted = False
        if self._closed or (scenario is self.saved and not self.busy):
            return
        if self.busy:
            self._next = None if scenario is self._writing else (scenario, source)
            return
        try:
            self._claim()
        except OSError as error:
            self.failed.emit(error)
            return
        self._writing = scenario
        self._on_disk = True
        QSettings().setValue(_source_key(self.path), str(source or ""))
        path, relay = self.path, self._relay
        self._pool.start(lambda: _write_job(scenario, path, relay))

    def _claim(self):
        """Take this copy's lock (before its first write): the sign that the file's writer
        is still running."""
        if self._lock.isLocked():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        if not self._lock.tryLock(0):  # the folder is not writable, most likely
            code = errno.EACCES if self._lock.error() == QLockFile.PermissionError else errno.EIO
            raise OSError(code, os.strerror(code), self._lock.fileName())

    def _finished(self, scenario, error):
        self._writing = None
        if self._closed:
            return
        if self._unwanted:
            self.discard()
        elif error is not None:
            self.failed.emit(error)
        else:
            self.saved = scenario
            self.written.emit(scenario)
        pending, self._next = self._next, None
        if pending is not None:
            self.write(*pending)

    def discard(self):
        """The work is saved (or thrown away): remove the autosave file; a write still running
        is removed when it ends."""
        self.saved = None
        self._next = None
        self._unwanted = self.busy
        if not self._on_disk:
            return  # the usual case, at every tick of a saved document: nothing to do
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        _forget_source(self.path)
        self._on_disk = self.busy

    def close(self):
        """The window closes normally: wait for a running write, remove the file, unlock."""
        self._pool.waitForDone()
        self.discard()
        self._closed = True
        self._lock.unlock()

    def adopt(self, orphan, scenario):
        """Make ``orphan``'s file this copy's own (its work was restored as ``scenario``): it
        moves, so the work is on disk all the while."""
        try:
            self._claim()
            os.replace(orphan.path, self.path)
        except OSError:
            orphan.release()  # left where it is, offered again next time
            return
        QSettings().setValue(_source_key(self.path), str(orphan.source or ""))
        _forget_source(orphan.path)
        orphan.release()
        self.saved = scenario
        self._on_disk = True


class Orphan:
    """An autosave file whose writer is gone, locked by this copy while it is offered."""

    def __init__(self, path, lock):
        self.path = path
        self._lock = lock
        self.source = QSettings().value(_source_key(path), "") or None

    def release(self):
        """Leave the file for a later start."""
        self._lock.unlock()

    def discard(self):
        """The user declined it: remove it."""
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        _forget_source(self.path)
        self._lock.unlock()

    def keep(self):
        """It cannot be read: rename it so it is not offered again, and return where it is
        now (never deleted unoffered)."""
        kept = self.path.with_name(KEPT_PREFIX + self.path.name)
        try:
            os.replace(self.path, kept)
        except OSError:
            kept = self.path
        _forget_source(self.path)
        self._lock.unlock()
        return kept


def orphans(folder, own):
    """The autosave files in ``folder`` whose writer is no longer running (their lock is free),
    newest first, each now locked by this copy so that no other copy offers it too. ``own`` is
    this copy's own file, never an orphan."""
    found = []
    for path in Path(folder).glob(f"{PREFIX}*.json"):
        lock = _lock_for(path)
        if path != own and lock.tryLock(0):
            remove_leftovers(path)  # what its writer's interrupted writes left
            found.append(Orphan(path, lock))
    _remove_stale_locks(folder)
    return sorted(found, key=_modified_time, reverse=True)


def _modified_time(orphan):
    try:
        return orphan.path.stat().st_mtime
    except OSError:
        return 0.0


def _remove_stale_locks(folder):
    # A copy that crashed after its work was saved leaves a lock without a file.
    for path in Path(folder).glob(f"{PREFIX}*.lock"):
        lock = _lock_for(path)
        if not path.with_suffix(".json").exists() and lock.tryLock(0):
            lock.unlock()
