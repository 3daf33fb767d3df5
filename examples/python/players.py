"""A program written against a __slots__ class, run on slotgen's type.

    PYTHONPATH=BUILD_DIR /usr/bin/python3 players.py

Builds a roster of players with the generated roster.Player, shows that it
behaves as a class with __slots__ (typed), and measures what a player costs
against the same class written with __slots__ in Python.
"""
import dataclasses
import pickle
import sys
import tracemalloc

import roster
from roster import Player, Team

N = 100_000


class SlotsPlayer:
    """The same class, as Python writes it."""
    __slots__ = ('id', 'name', 'team', 'score', 'level', 'x', 'y')

    def __init__(self, id, name=None, team=Team.spectator, score=None, level=1, x=None, y=None):
        self.id, self.team, self.level = id, team, level
        for slot, value in (('name', name), ('score', score), ('x', x), ('y', y)):
            if value is not None:
                setattr(self, slot, value)


def per_object(make):
    """Bytes per object of N objects, and everything they keep alive (the
    list that holds them is made before counting starts)."""
    kept = [None] * N
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for i in range(N):
        kept[i] = make(i)
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del kept
    return (after - before) / N


def main():
    p = Player(7, name='ada', team=Team.red, score=1200, x=0.5, y=-2.25)
    print(p)                                   # Player(id=7, name='ada', team=red, ...)
    p.score += 300                             # a slot: read, then write
    print('score', p.score, 'level', p.level)  # level: the schema's default
    print('isinstance(p, roster.Entity):', isinstance(p, roster.Entity))
    print('hasattr(p, "nickname"):', hasattr(p, 'nickname'))   # no such slot
    try:
        p.nickname = 'x'                       # no __dict__: no new attributes
    except AttributeError as e:
        print('AttributeError:', e)
    try:
        p.id = 8                               # readonly: as a frozen dataclass
    except dataclasses.FrozenInstanceError as e:
        print('FrozenInstanceError:', e)
    try:
        p.level = 300                          # typed: uint8
    except OverflowError as e:
        print('OverflowError:', e)
    del p.x
    print('after del p.x:', getattr(p, 'x', 'unset'))
    assert pickle.loads(pickle.dumps(p)) == p

    match p:
        case Player(id=7, team=Team.red):
            print('matched player 7 of the red team')

    ours = per_object(lambda i: Player(i, name='player%06d' % i, score=i, x=i * 0.5, y=i * 0.25))
    theirs = per_object(lambda i: SlotsPlayer(i, name='player%06d' % i, score=i,
                                              x=i * 0.5, y=i * 0.25))
    print('bytes per player: roster.Player %.1f, __slots__ class %.1f (%.2fx less)'
          % (ours, theirs, theirs / ours))
    return 0


if __name__ == '__main__':
    sys.exit(main())
