"""The File menu: New, Open, Open Recent, Save, Save As, Revert to saved and Close, and
everything around them: unsaved-changes questions, locks, recovery copies, outside changes.

Nothing here loses work: a failed open leaves the current plan as it was, and a failed save
keeps the plan in memory and offers Save As.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from actionplan.file_errors import PlanFileError, PlanFileMissing, PlanSaveError
from actionplan.lock import LockInfo
from actionplan.model import Plan
from actionplan.recovery import RecoveryEntry, RecoveryStore
from actionplan.safe_writing import suggested_name
from actionplan.storage import FILE_SUFFIX, LoadedPlan, read_plan, save_plan
from editor.common.settings import AppSettings
from editor.edits.document import PlanDocument
from editor.files.autosave import Autosaver
from editor.files.lock_keeper import LockKeeper, LockOutcome
from editor.files.outside_changes import OutsideChangeWatcher
from editor.files.questions import OutsideChange, Prompter, RestoreChoice, SaveChanges
from editor.files.read_only_banner import ReadOnlyBanner, attach_banner
from editor.files.recent_files import RecentFilesMenu
from editor.files.save_failure import explain_save_failure
from editor.files.start_up import open_named_plan
from editor.files.window_events import WindowEvents
from editor.files.word_documents import offer_to_import, word_document_kind
from editor.table.open_edits import close_open_editors, commit_open_edits


class FileController(QObject):
    status = Signal(str)
    """A short message for the status bar."""
    name_changed = Signal()
    """``display_name()`` changed without the document's path changing (an imported plan)."""

    def __init__(
        self,
        window: QMainWindow,
        document: PlanDocument,
        prompter: Prompter,
        settings: AppSettings,
        store: RecoveryStore | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.document = document
        self.prompter = prompter
        self.settings = settings
        self.store = store or RecoveryStore()
        self.autosaver = Autosaver(document, self.store, self)
        self.autosaver.name_of = self.display_name
        self.lock = LockKeeper(prompter, settings.user_name(), self)
        self.watcher = OutsideChangeWatcher(self)
        self.banner = ReadOnlyBanner(self.save_as)
        self.banner_bar = attach_banner(window, self.banner)
        self.recent_menu = RecentFilesMenu(settings, window)
        self._unsaved_suggestion: Path | None = None
        """Where Save first suggests saving a plan that has no file yet (``show_unsaved``)."""
        self.open_in_new_window: Callable[[Path, str], bool] | None = None
        """Shows a plan in a window of its own, with a note for its status bar (set by the
        application, which owns the windows): the plan named on the command line, when this
        window holds restored work of another plan. True when it opened."""
        self.import_word_plan: Callable[[Path], bool] | None = None
        """Imports a Word plan (set by the window, from the exchange room): File ▸ Open, a drop
        or the command line that names a .docx offers it. True when the import started."""
        self.actions = self._make_actions()
        self._events = WindowEvents(window, self.open_plan, self.may_close)
        self._connect()
        self.refresh_state()

    # Menu ---------------------------------------------------------------------------------

    def fill_menu(self, menu: QMenu) -> None:
        """Put the file actions at the top of ``menu``, above anything already there (Quit)."""
        first = menu.actions()[0] if menu.actions() else None
        items: list[QAction | QMenu | None] = [
            self.actions["new"], self.actions["open"], self.recent_menu, None,
            self.actions["save"], self.actions["save_as"], self.actions["revert"], None,
            self.actions["user_name"], None, self.actions["close"],
        ]
        for item in items:
            if item is None:
                menu.insertSeparator(first) if first else menu.addSeparator()
            elif isinstance(item, QMenu):
                menu.insertMenu(first, item) if first else menu.addMenu(item)
            else:
                menu.insertAction(first, item) if first else menu.addAction(item)
        if first is not None:
            menu.insertSeparator(first)
        # Typing open in a cell reaches the plan every 0.3 s; a menu opened sooner than that
        # still sees it, so Revert to saved is offered when it should be.
        menu.aboutToShow.connect(self.commit_open_edits)

    def _make_actions(self) -> dict[str, QAction]:
        def action(text: str, shortcut: QKeySequence.StandardKey | None, slot: object, tip: str) -> QAction:
            made = QAction(text, self.window)
            if shortcut is not None:
                made.setShortcut(shortcut)
            made.setStatusTip(tip)
            made.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
            return made

        keys = QKeySequence.StandardKey
        return {
            "new": action("&New", keys.New, self.new_plan, "Start a new, empty plan"),
            "open": action("&Open…", keys.Open, self.open_plan, "Open a plan file"),
            "save": action("&Save", keys.Save, self.save, "Save the plan"),
            "save_as": action("Save &As…", keys.SaveAs, self.save_as, "Save the plan as a new file"),
            # Access keys differ from Open &Recent and &New, and from Import and Export beside them.
            "revert": action("Re&vert to Saved", None, self.revert, "Go back to the last saved version"),
            "close": action("&Close", keys.Close, self.close_plan, "Close this plan"),
            "user_name": action("Your Na&me…", None, self.change_user_name,
                                "The name colleagues see when you have a plan open"),
        }

    def _connect(self) -> None:
        self.recent_menu.chosen.connect(self.open_plan)
        self.document.modified_changed.connect(lambda _modified: self.refresh_state())
        self.document.path_changed.connect(self.refresh_state)
        self.document.read_only_changed.connect(lambda _read_only: self.refresh_state())
        self.autosaver.problem.connect(self.status.emit)
        self.lock.lost.connect(self._on_lock_lost)
        self.lock.unwritten.connect(self.status.emit)
        self.watcher.changed.connect(self._on_outside_change)

    def refresh_state(self) -> None:
        # The window writes its own title (name, [*] and "read-only"); the banner and the
        # Revert action are ours.
        document = self.document
        self.actions["revert"].setEnabled(document.path is not None and document.is_modified())
        self.banner_bar.setVisible(document.read_only)

    # New, Open, Close ---------------------------------------------------------------------

    def new_plan(self) -> bool:
        if not self.maybe_save():
            return False
        self._let_go_of_file()
        self._show(Plan(), None)
        return True

    def open_plan(self, path: Path | None = None) -> bool:
        """Open ``path``, or ask which plan to open. False if nothing was opened."""
        if path is None:
            path = self.prompter.choose_open_path(self._folder_for_open())
            if path is None:
                return False
        path = path.absolute()
        if path == self.document.path:
            return True
        word = word_document_kind(path)
        if word is not None:
            return offer_to_import(self.prompter, path, word, self.import_word_plan)
        # Read the file before asking about unsaved changes: a file that cannot be opened must
        # not cost a needless question.
        stamp = _stamp(path)
        loaded = self._load_for_open(path)
        if loaded is None or not self.maybe_save():
            return False
        if self.document.path == path:
            return True  # "Save" answered by saving this plan as the very file being opened
        if _stamp(path) != stamp:
            loaded = self._load_for_open(path)  # it changed while the question was open
        return loaded is not None and self._open(path, loaded)

    def close_plan(self) -> bool:
        """Close the plan and leave an empty one, as after New."""
        return self.new_plan()

    def may_close(self) -> bool:
        """The window is closing: ask about unsaved changes, then let go of everything."""
        if not self.maybe_save():
            return False
        self._let_go_of_file()
        self.autosaver.discard()
        self.autosaver.close()
        self.settings.set_window_layout(self.window.saveGeometry(), self.window.saveState())
        return True

    def shut_down(self) -> None:
        """The application is ending without the window closing (log-off, app.quit()): keep
        any recovery copy for next time, but let go of the lock and finish writing."""
        self.commit_open_edits()
        self._let_go_of_file()
        self.autosaver.close()

    def maybe_save(self) -> bool:
        """Ask about unsaved changes. False means the user cancelled."""
        self.commit_open_edits()
        if not self.document.is_modified():
            return True
        answer = self.prompter.ask_save_changes(self.display_name())
        if answer is SaveChanges.SAVE:
            return self.save()
        # Don't save keeps the recovery copy for now: it goes when the plan is really replaced or
        # the window closes, as opening may still be cancelled (at the lock question).
        return answer is SaveChanges.DONT_SAVE

    def _load_for_open(self, path: Path) -> LoadedPlan | None:
        try:
            return read_plan(path)
        except PlanFileError as error:
            if isinstance(error, PlanFileMissing):
                self.settings.remove_recent_file(path)
            self.prompter.show_error("Could not open plan", error.message)
            return None

    def _open(self, path: Path, loaded: LoadedPlan) -> bool:
        outcome = self.lock.claim(path)
        if outcome is LockOutcome.CANCELLED:
            return False
        self.watcher.stop()
        self._show(loaded.plan, path)
        self._after_open(path, outcome)
        self._tell_repairs(loaded)
        self._offer_recovered_copy_of(path)
        return True

    def _tell_repairs(self, loaded: LoadedPlan) -> None:
        """The plan was put right on loading (copies sharing an id): it no longer matches its
        file, so it counts as changed, and the user is told once."""
        if loaded.repairs:
            self.document.undo_stack.resetClean()
            self.prompter.show_error("Plan repaired", " ".join(loaded.repairs))

    def _after_open(self, path: Path, outcome: LockOutcome) -> None:
        self.document.set_read_only(outcome is LockOutcome.READ_ONLY)
        self.banner.show_for(self.lock.holder)
        self.refresh_state()
        self.watcher.watch(path)
        self.settings.add_recent_file(path)
        self.settings.set_last_folder("open", path.parent)
        self.status.emit(f"Opened “{path.name}”" + (" read-only" if self.document.read_only else ""))

    def show_unsaved(self, plan: Plan, suggested_path: Path) -> None:
        """Show a plan that has no file yet (an imported one) in place of the current plan, as
        unsaved work: closing asks, and Save suggests ``suggested_path``. Call ``maybe_save``
        first."""
        self._let_go_of_file()
        self._show(plan, None)
        self.document.undo_stack.resetClean()
        self._unsaved_suggestion = suggested_path
        self.refresh_state()
        self.name_changed.emit()
        self.autosaver.copy_now()  # unsaved work: a crash straight after the import keeps it

    def display_name(self) -> str:
        """The plan's name for the title bar, questions and its recovery copy. An imported plan
        with no file yet is named after the file Save will suggest."""
        if self.document.path is None and self._unsaved_suggestion is not None:
            return f"{self._unsaved_suggestion.stem} (imported, not saved)"
        return self.document.display_name()

    def _show(self, plan: Plan, path: Path | None) -> None:
        if self._unsaved_suggestion is not None:
            self._unsaved_suggestion = None
            self.name_changed.emit()
        close_open_editors(self.window)  # already kept, or the user chose not to save them
        self.document.replace(plan, path)  # starts clean: this plan matches its file

    def _let_go_of_file(self) -> None:
        self.watcher.stop()
        self.lock.release()
        self.lock.holder = None
        self.document.set_read_only(False)

    def _folder_for_open(self) -> Path | None:
        if self.document.path is not None:
            return self.document.path.parent
        return self.settings.last_folder("open")

    # Save ---------------------------------------------------------------------------------

    def commit_open_edits(self) -> None:
        """What is typed in an open editor (a table cell's owner or target date, say) reaches
        the plan before it is saved, reverted or closed, or asked about."""
        commit_open_edits(self.window)

    def save(self) -> bool:
        self.commit_open_edits()
        path = self.document.path
        if path is None or self.document.read_only:
            return self.save_as()
        return self._write(path)

    def save_as(self) -> bool:
        self.commit_open_edits()
        chosen = self.prompter.choose_save_path(self._suggested_path())
        if chosen is None:
            return False
        chosen = chosen.absolute()
        if (chosen != self.document.path or self.document.read_only) and not self.lock.claim_for_saving(chosen):
            return False
        if not self._write(chosen):
            if chosen != self.document.path:
                self._restore_lock_on_current()
            return False
        self.document.set_read_only(False)
        self.lock.holder = None
        self.refresh_state()
        return True

    def _write(self, path: Path) -> bool:
        # Someone else may have saved it since it was opened, and the watcher not said so yet.
        if (path == self.watcher.path and self.watcher.changed_since_known()
                and not self.prompter.confirm_save_over_outside_change(path.name)):
            return self.save_as()
        self.watcher.pause()
        try:
            save_plan(self.document.plan, path)
        except PlanSaveError as error:
            self.watcher.resume(accept_current=False)
            if self.prompter.offer_save_as(explain_save_failure(error)):
                return self.save_as()
            return False
        self.document.mark_saved(path)
        if self.watcher.path != path:
            self.watcher.watch(path)
        self.watcher.resume(accept_current=True)
        self.settings.add_recent_file(path)
        self.status.emit(f"Saved “{path.name}”")
        return True

    def _restore_lock_on_current(self) -> None:
        """Save As failed: hold the lock of the plan still open, not of the file not written."""
        current = self.document.path
        if current is not None and not self.document.read_only:
            self.lock.claim(current)
        else:
            self.lock.release()

    def _suggested_path(self) -> Path:
        if self.document.path is not None:
            return self.document.path
        if self._unsaved_suggestion is not None:
            return self._unsaved_suggestion
        folder = self.settings.last_folder("open") or Path.home()
        establishment = self.document.plan.details.establishment.strip()
        name = f"{establishment} action plan" if establishment else "Untitled plan"
        return folder / suggested_name(name.replace("/", "-").replace("\\", "-"), FILE_SUFFIX)

    def change_user_name(self) -> bool:
        name = self.prompter.ask_user_name(self.settings.user_name())
        if not name:
            return False
        self.settings.set_user_name(name)
        self.lock.user_name = self.settings.user_name()
        # The lock on the open plan keeps the old name until the plan is next opened.
        self.status.emit(f"Colleagues will see you as “{self.lock.user_name}”.")
        return True

    # Revert -------------------------------------------------------------------------------

    def revert(self) -> bool:
        self.commit_open_edits()
        path = self.document.path
        if path is None or not self.document.is_modified():
            return False
        if not self.prompter.confirm_revert(self.display_name()):
            return False
        return self._reload(path)

    def _reload(self, path: Path) -> bool:
        try:
            loaded = read_plan(path)
        except PlanFileError as error:
            self.prompter.show_error("Could not go back to the saved version", error.message)
            return False
        read_only = self.document.read_only
        self.autosaver.discard()
        self._show(loaded.plan, path)
        self.document.set_read_only(read_only)
        self.watcher.watch(path)
        self._tell_repairs(loaded)
        return True

    # Outside changes and lost locks -------------------------------------------------------

    def _on_outside_change(self, exists: bool) -> None:
        name = self.document.display_name()
        if not exists:
            self.document.undo_stack.resetClean()
            self.prompter.show_error(
                "Plan file has gone",
                f"“{name}” has been moved or deleted outside this editor. Your work is still "
                "open here: save it to keep it.",
            )
            return
        self.watcher.pause()
        try:
            answer = self.prompter.ask_outside_change(name, self.document.is_modified())
        finally:
            self.watcher.resume(accept_current=False)
        path = self.document.path
        if answer is OutsideChange.RELOAD and path is not None:
            self._reload(path)
            return
        # Keep mine: the file on disk is no longer what the editor has, so closing must ask.
        self.document.undo_stack.resetClean()
        self.save_as()

    def _on_lock_lost(self, info: LockInfo) -> None:
        # What is still being typed reaches the plan first: read-only refuses it afterwards, and
        # the bar tells the user their changes are still here for Save As.
        self.commit_open_edits()
        self.lock.holder = info
        self.document.set_read_only(True)
        self.banner.show_for(info, taken_over=True)
        self.refresh_state()

    # Start-up: recovered work and the command line ----------------------------------------

    def start(self, paths: list[Path]) -> None:
        """Offer recovered work, then open the plan named on the command line, if any (see
        ``editor.files.start_up``)."""
        self.offer_recovered_work()
        if paths:
            open_named_plan(self, paths[0].absolute())

    def offer_recovered_work(self) -> bool:
        """Ask about each recovered copy until one is restored or the user says Later."""
        entries = self.store.entries()
        while entries:
            answer = self.prompter.ask_restore(entries)
            if answer.choice is RestoreChoice.LATER or answer.entry is None:
                return False
            if answer.choice is RestoreChoice.RESTORE:
                return self.restore(answer.entry)
            self.store.discard(answer.entry.key)
            entries = [entry for entry in entries if entry.key != answer.entry.key]
        return False

    def restore(self, entry: RecoveryEntry) -> bool:
        try:
            plan = self.store.load(entry)
        except (PlanFileError, OSError) as error:
            message = error.message if isinstance(error, PlanFileError) else str(error)
            self.prompter.show_error("Could not restore your work", message)
            return False
        if not self.maybe_save():
            return False
        self._let_go_of_file()
        source = entry.source_path
        outcome = self.lock.claim(source) if source is not None else LockOutcome.EDITABLE
        if outcome is LockOutcome.CANCELLED:
            return False
        self._show(plan, source)
        self.document.undo_stack.resetClean()
        self.autosaver.adopt(entry.key)
        self.document.set_read_only(outcome is LockOutcome.READ_ONLY)
        self.banner.show_for(self.lock.holder)
        if source is not None:
            self.watcher.watch(source)
        self.refresh_state()
        self.status.emit(f"Restored your work on “{entry.display_name}”. Save it to keep it.")
        return True

    def _offer_recovered_copy_of(self, path: Path) -> None:
        """The plan just opened has a recovered copy from a crash: offer it now."""
        key = RecoveryStore.key_for(path)
        entries = [entry for entry in self.store.entries() if entry.key == key]
        if not entries:
            return
        answer = self.prompter.ask_restore(entries)
        if answer.choice is RestoreChoice.RESTORE and answer.entry is not None:
            self.restore(answer.entry)
        elif answer.choice is RestoreChoice.DISCARD:
            self.store.discard(key)
        else:
            # Later: new edits must not write over the copy that is being kept.
            self.autosaver.use_fresh_key()


def _stamp(path: Path) -> tuple[int, int] | None:
    """When the file was last written, and its size: enough to tell that it has changed."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size
