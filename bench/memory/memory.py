"""Bytes per record of 1,000,000 players in CPython, strings included,
measured with tracemalloc: a regular class, a __slots__ class, and
dataclass(slots=True).  Prints `kind bytes-per-record`."""
import dataclasses
import sys
import tracemalloc

N = 1_000_000


class Regular:
    def __init__(self, name, score, level, nickname, x, y):
        self.name = name
        self.score = score
        self.level = level
        if nickname is not None:
            self.nickname = nickname
        self.x = x
        self.y = y


class Slots:
    __slots__ = ("name", "score", "level", "nickname", "x", "y")

    def __init__(self, name, score, level, nickname, x, y):
        self.name = name
        self.score = score
        self.level = level
        if nickname is not None:  # unset, like slotgen's
            self.nickname = nickname
        self.x = x
        self.y = y


@dataclasses.dataclass(slots=True)
class Data:
    name: str
    score: int
    level: int
    nickname: str | None
    x: float
    y: float


def build(cls):
    return [
        cls(f"player{i:06d}", i, i % 100, f"nick{i:06d}" if i % 2 == 0 else None,
            i * 0.5, i * 0.25)
        for i in range(N)
    ]


def measure(cls):
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    records = build(cls)
    used = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    del records
    return used / N


if __name__ == "__main__":
    for kind, cls in (("regular", Regular), ("slots", Slots), ("dataclass", Data)):
        print(kind, f"{measure(cls):.1f}")
    print("python", sys.version.split()[0])
