#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes a macOS .icns from PNG files (no macOS tools needed).

An .icns file is the magic 'icns', the file's length, then one entry per image: a four-letter
type, the entry's length (8 + data), and the PNG bytes. Since macOS 10.7 each of the types
below may hold PNG data, so no other encoding is needed.
usage: icns.py OUT.icns DIR   (DIR holds icon-<size>.png for the sizes below)
"""
import struct
import sys
from pathlib import Path

# type -> pixel size (the @2x types are the doubled size of a smaller point size)
TYPES = [("ic11", 32), ("ic12", 64), ("ic07", 128), ("ic13", 256), ("ic08", 256), ("ic14", 512), ("ic09", 512), ("ic10", 1024)]


def main(out, folder):
    entries = b""
    for kind, size in TYPES:
        data = (Path(folder) / f"icon-{size}.png").read_bytes()
        entries += kind.encode("ascii") + struct.pack(">I", 8 + len(data)) + data
    Path(out).write_bytes(b"icns" + struct.pack(">I", 8 + len(entries)) + entries)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
