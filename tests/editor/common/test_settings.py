"""Settings live in an INI file in the private config folder the test set-up provides."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray

from editor.common.settings import MAX_RECENT_FILES, AppSettings, login_name, settings_path


def test_settings_file_is_an_ini_file_in_the_test_config_folder(tmp_path: Path) -> None:
    settings = AppSettings()
    settings.set_user_name("Jane Smith")
    assert settings.path == Path(os.environ["ACTIONPLAN_CONFIG_DIR"]) / "settings.ini"
    assert settings_path() == settings.path
    text = settings.path.read_text(encoding="utf-8")
    assert "[user]" in text
    assert "name=Jane Smith" in text


def test_user_name_defaults_to_the_login_name() -> None:
    settings = AppSettings()
    assert settings.user_name() == login_name()
    settings.set_user_name("  ")
    assert settings.user_name() == login_name()


def test_recent_files_most_recent_first_without_repeats_or_missing_files(tmp_path: Path) -> None:
    files = [tmp_path / f"plan {number}.actionplan" for number in range(3)]
    for file in files:
        file.write_text("x", encoding="utf-8")
    settings = AppSettings()
    for file in [*files, files[0]]:
        settings.add_recent_file(file)
    assert settings.recent_files() == [files[0], files[2], files[1]]
    files[2].unlink()
    assert AppSettings().recent_files() == [files[0], files[1]]


def test_recent_files_keep_at_most_ten(tmp_path: Path) -> None:
    settings = AppSettings()
    for number in range(MAX_RECENT_FILES + 3):
        path = tmp_path / f"{number}.actionplan"
        path.write_text("x", encoding="utf-8")
        settings.add_recent_file(path)
    recent = settings.recent_files()
    assert len(recent) == MAX_RECENT_FILES
    assert recent[0].name == f"{MAX_RECENT_FILES + 2}.actionplan"


def test_one_recent_file_and_one_owner_survive_the_round_trip(tmp_path: Path) -> None:
    # An INI file gives back a lone string for a one-item list.
    path = tmp_path / "only.actionplan"
    path.write_text("x", encoding="utf-8")
    settings = AppSettings()
    settings.add_recent_file(path)
    settings.remember_owners(["Governor"])
    reread = AppSettings()
    assert reread.recent_files() == [path]
    assert reread.remembered_owners() == ["Governor"]


def test_remembered_owners_newest_first_once_each() -> None:
    settings = AppSettings()
    settings.remember_owners(["Governor", "Head of Safety"])
    settings.remember_owners(["HMPPS Estates", "Governor", " "])
    assert AppSettings().remembered_owners() == ["HMPPS Estates", "Governor", "Head of Safety"]


def test_window_layout_and_folders_round_trip(tmp_path: Path) -> None:
    settings = AppSettings()
    assert settings.window_geometry() is None
    settings.set_window_layout(QByteArray(b"geometry"), QByteArray(b"state"))
    settings.set_last_folder("export", tmp_path)
    reread = AppSettings()
    assert bytes(reread.window_geometry() or b"") == b"geometry"
    assert bytes(reread.window_state() or b"") == b"state"
    assert reread.last_folder("export") == tmp_path
    assert reread.last_folder("import") is None
    settings.set_last_folder("import", tmp_path / "gone")
    assert AppSettings().last_folder("import") is None


def test_the_user_has_said_their_name_only_once_they_have() -> None:
    settings = AppSettings()
    assert not settings.has_user_name()  # the login stands in for it until then
    settings.set_user_name("  ")
    assert not settings.has_user_name()
    settings.set_user_name("J. Patel, Head of Residence")
    assert AppSettings().has_user_name()


def test_due_soon_is_45_days_unless_set() -> None:
    settings = AppSettings()
    assert settings.due_soon_days() == 45
    settings.set_due_soon_days(30)
    assert AppSettings().due_soon_days() == 30
    for unusable in (0, 1000, "soon"):
        settings._store.setValue("progress/due_soon_days", unusable)
        assert settings.due_soon_days() == 45
