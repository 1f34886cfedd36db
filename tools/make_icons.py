"""Draws the app icons (PNG, no dependencies): a white heart-and-circuit mark
on NHS blue, with the mark inside the maskable safe zone.
    python3 tools/make_icons.py static/icons
"""
import math, struct, sys, zlib

BLUE = (0, 94, 184)
WHITE = (255, 255, 255)

def inside_heart(x, y):
    # Classic heart curve, x and y in [-1.3, 1.3].
    return (x * x + y * y - 1) ** 3 - x * x * y ** 3 <= 0

def pixel(px, py, size):
    # Mark within the central 60% (the maskable safe zone is 80%).
    u = (px + 0.5) / size * 2 - 1
    v = (py + 0.5) / size * 2 - 1
    x, y = u / 0.5, -v / 0.5 + 0.15
    r = math.hypot(u, v)
    ring = 0.66 <= r <= 0.72
    heart = inside_heart(x * 1.0, y * 1.05)
    # A white loop (the circuit) around the heart, with the heart cut by a line.
    if heart:
        return BLUE if abs(y - 0.1) < 0.07 and abs(x) < 0.8 else WHITE
    return WHITE if ring else BLUE

def png(size, path):
    rows = []
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            row.extend(pixel(px, py, size))
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", raw))
        f.write(chunk(b"IEND", b""))

out = sys.argv[1] if len(sys.argv) > 1 else "static/icons"
for s in (192, 512):
    png(s, f"{out}/icon-{s}.png")
png(180, f"{out}/apple-touch-icon.png")
