"""A worker process that embeds one share of a long batch: texts in (JSON on stdin),
vectors out (little-endian float32 rows on stdout). ``embed.in_parallel`` starts one per core."""

from __future__ import annotations

import json
import sys


def main() -> None:
    from netprep.ideas.embed import BLAS_THREADS, _run, load

    name = sys.argv[1]
    texts = json.loads(sys.stdin.buffer.read())
    model = load(name)
    vectors = _run(texts, model._tok, model._forward, model.dim, getattr(model, "pad", 0))  # type: ignore[attr-defined]
    sys.stdout.buffer.write(vectors.astype("<f4").tobytes())
    assert BLAS_THREADS >= 1


if __name__ == "__main__":
    main()
