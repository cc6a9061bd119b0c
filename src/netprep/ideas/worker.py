"""A worker process that embeds shares of long batches for as long as its parent lives:
each request is a length-prefixed JSON list of texts on stdin, each answer a row count and
little-endian float32 rows on stdout. ``embed.Workers`` keeps one per core."""

from __future__ import annotations

import json
import struct
import sys


def main() -> None:
    from netprep.ideas.embed import _run, load

    model = load(sys.argv[1])
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    while header := source.read(4):
        (size,) = struct.unpack("<I", header)
        texts = json.loads(source.read(size))
        vectors = _run(texts, model._tok, model._forward, model.dim, getattr(model, "pad", 0))  # type: ignore[attr-defined]
        sink.write(struct.pack("<I", len(texts)) + vectors.astype("<f4").tobytes())
        sink.flush()


if __name__ == "__main__":
    main()
