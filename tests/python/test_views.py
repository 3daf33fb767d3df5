"""Slots beyond single values, on the running CPython (docs/python.md).

critters.Holder (tests/schemas/critters.yaml) holds a nested object, arrays,
lists, dicts, bytes, a union and an optional child.  Nested objects and
elements read as views into their owner, which they keep alive; lists and
dicts follow Python's protocols, compared operation for operation with a
Python list or dict; no view reaches memory that was freed.  embed (embed.c)
is a C program's side: objects it lends, keeps alive through an owner, or
moves into Python, and the struct back from a Python object.  TAP output.
"""
import array
import collections.abc as abc
import copy
import gc
import os
import pickle
import random
import sys
import tracemalloc
import unittest

import critters
import embed
from critters import Critter, Holder, Kind, Pet, Vec


def outcome(f, *args, **kwargs):
    """What calling f gives: ('ok', value) or (exception type, message)."""
    try:
        return ('ok', f(*args, **kwargs))
    except Exception as e:  # noqa: BLE001 - every outcome is compared
        return (type(e), str(e))


LONG = 'a string kept on the heap, past fourteen bytes'


class NestedObjects(unittest.TestCase):
    def test_view_changes_its_owner(self):
        h = Holder(pos=Vec(1, 2))
        v = h.pos
        v.x = 1.5
        self.assertEqual(h.pos.x, 1.5)
        self.assertEqual(h.pos, Vec(1.5, 2))
        self.assertEqual(v, Vec(1.5, 2))
        self.assertIsInstance(v, Vec)
        self.assertEqual((type(v).__name__, type(v).__module__, type(v).__qualname__),
                         ('Vec', 'critters', 'Vec'))
        self.assertEqual(repr(v), 'Vec(x=1.5, y=2.0)')
        self.assertEqual(v.__slots__, ('x', 'y', 'label'))
        v.label = LONG
        self.assertEqual(h.pos.label, LONG)
        del v.label
        self.assertFalse(hasattr(h.pos, 'label'))
        self.assertEqual(outcome(setattr, v, 'nmae', 1),
                         (AttributeError, "'Vec' object has no attribute 'nmae'"))
        self.assertEqual(outcome(setattr, v, 'x', 'a'),
                         (TypeError, "'Vec' attribute 'x' must be double, not str"))
        self.assertEqual(outcome(hash, v)[0], TypeError)
        # Nested twice: through a child's nested object.
        h.next = Holder(pos=Vec(3, 4))
        h.next.pos.y = 9
        self.assertEqual(h.next.pos, Vec(3, 9))
        h.numbers = critters.Numbers()
        self.assertEqual(outcome(setattr, h.numbers, 'u8', 300), (
            OverflowError, "value out of range for 'Numbers' attribute 'u8' (uint8)"))
        h.numbers.u8 = 200
        self.assertEqual(h.numbers.u8, 200)

    def test_views_are_not_types_of_their_own(self):
        v = Holder(pos=Vec()).pos
        self.assertEqual(outcome(type(v)), (TypeError, "cannot create 'Vec' instances"))
        with self.assertRaises(TypeError):
            type('Sub', (type(v),), {})
        for c in (copy.copy(v), copy.deepcopy(v), pickle.loads(pickle.dumps(v))):
            self.assertIs(type(c), Vec)
            self.assertEqual(c, v)

    def test_assigning_copies(self):
        a = Vec(1, label=LONG)
        h = Holder(pos=a)
        a.x = 9
        self.assertEqual(h.pos, Vec(1, label=LONG))
        h.pos = h.pos  # its own value: copied before the old one goes
        self.assertEqual(h.pos, Vec(1, label=LONG))
        other = Holder(pos=Vec(5))
        h.pos = other.pos
        other.pos.x = 6
        self.assertEqual(h.pos.x, 5)
        self.assertEqual(outcome(setattr, h, 'pos', 1),
                         (TypeError, "'Holder' attribute 'pos' must be Vec, not int"))
        self.assertEqual(outcome(Holder, pos=(1, 2)),
                         (TypeError, "'Holder' attribute 'pos' must be Vec, not tuple"))

        class MyVec(Vec):
            pass

        h.pos = MyVec(7, 8)  # a subclass: its class's part, as slot_set takes it
        self.assertIs(type(h.pos).__base__, Vec)
        self.assertEqual(h.pos, Vec(7, 8))
        # A list of critters holds a pet's critter part.
        h.critters = [Pet(1, 'Rex', code='dg', score=3)]
        self.assertEqual(h.critters, [Critter(1, 'Rex')])

    def test_arrays_of_objects(self):
        h = Holder(boxes=[Vec(1), Vec(2)])
        b = h.boxes[1]
        b.y = 3
        self.assertEqual(h.boxes[-1], Vec(2, 3))
        h.boxes[0] = Vec(5, label='five')
        self.assertEqual(h.boxes, [Vec(5, label='five'), Vec(2, 3)])
        self.assertEqual(outcome(h.boxes.__setitem__, 0, 1),
                         (TypeError, "'Holder' attribute 'boxes[]' must be Vec, not int"))

    def test_deep_views(self):
        # Views stand on views; past SLOT_PY_DEPTH, RecursionError, no crash.
        root = Holder()
        cur = root
        for _ in range(2100):
            cur.next = Holder()
            cur = cur.next
        cur.next = root  # a copy: the chain twice as long
        cur = root
        with self.assertRaises(RecursionError):
            for _ in range(4200):
                cur = cur.next
        del cur
        chain = root
        for i in range(100):
            chain = chain.next
        chain.count = 5
        self.assertEqual(root.next.next.next.count, 0)


class Arrays(unittest.TestCase):
    def test_sequence(self):
        h = Holder(history=[1, 2, 3])
        a = h.history
        self.assertEqual((len(a), a[0], a[-1], a[0:2], a[::-1], list(a)),
                         (3, 1, 3, [1, 2], [3, 2, 1], [1, 2, 3]))
        self.assertEqual(a, [1, 2, 3])
        self.assertNotEqual(a, [1, 2])
        self.assertNotEqual(a, (1, 2, 3))
        self.assertLess(a, [1, 2, 4])
        self.assertEqual(repr(a), '[1, 2, 3]')
        self.assertIn(2, a)
        self.assertEqual((a.index(3), a.count(1), list(reversed(a))), (2, 1, [3, 2, 1]))
        self.assertIsInstance(a, abc.Sequence)
        self.assertNotIsInstance(a, abc.MutableSequence)
        a[1] = 7
        a[-1] = 8
        self.assertEqual(h.history, [1, 7, 8])
        a[0:2] = [4, 5]
        self.assertEqual(h.history, [4, 5, 8])
        self.assertEqual(outcome(a.__getitem__, 3), (IndexError, 'array index out of range'))
        self.assertEqual(outcome(a.__setitem__, 3, 1),
                         (IndexError, 'array assignment index out of range'))
        self.assertEqual(outcome(a.__setitem__, 0, 70000), (
            OverflowError, "value out of range for 'Holder' attribute 'history[]' (uint16)"))
        self.assertEqual(outcome(a.__setitem__, 0, 'x'),
                         (TypeError, "'Holder' attribute 'history[]' must be uint16, not str"))
        self.assertEqual(outcome(a.__delitem__, 0),
                         (TypeError, "an array's items cannot be deleted"))
        self.assertEqual(outcome(a.__setitem__, slice(0, 2), [1]), (
            ValueError, 'attempt to assign sequence of size 1 to slice of size 2'))
        self.assertEqual(h.history, [4, 5, 8])

    def test_whole(self):
        h = Holder()
        for value in ([1, 2, 3], (1, 2, 3), range(1, 4), (i for i in (1, 2, 3)),
                      array.array('H', [1, 2, 3])):
            h.history = value
            self.assertEqual(h.history, [1, 2, 3])
        # Of its length exactly, as slot_set takes an array.
        self.assertEqual(outcome(setattr, h, 'history', [1, 2]),
                         (TypeError, "'Holder' attribute 'history' must be uint16[3], not 2 items"))
        self.assertEqual(outcome(setattr, h, 'history', 'abc'),
                         (TypeError, "'Holder' attribute 'history' must be uint16[3], not str"))
        self.assertEqual(outcome(setattr, h, 'history', [1, 2, -1]), (
            OverflowError, "value out of range for 'Holder' attribute 'history[]' (uint16)"))
        self.assertEqual(h.history, [1, 2, 3])  # unchanged by a failure
        h.history = h.history[::-1]
        self.assertEqual(h.history, [3, 2, 1])

    def test_strings(self):
        h = Holder(names=['a', None])
        self.assertEqual(h.names, ['a', None])  # one never assigned reads None
        h.names[1] = LONG
        self.assertEqual(h.names, ['a', LONG])
        h.codes = ['ab', 'c']
        self.assertEqual(outcome(h.codes.__setitem__, 0, 'abcd'), (
            ValueError, "string too long for 'Holder' attribute 'codes[]' (at most 3 bytes)"))
        self.assertEqual(outcome(h.codes.__setitem__, 0, None),
                         (TypeError, "'Holder' attribute 'codes[]' must be string, not NoneType"))
        self.assertEqual(h.codes, ['ab', 'c'])


class Bytes(unittest.TestCase):
    def test_bytes(self):
        h = Holder()
        source = bytearray(b'abc\x00\xff')
        h.blob = source
        source[0] = 0
        self.assertEqual(h.blob, b'abc\x00\xff')
        self.assertIs(type(h.blob), bytes)
        for value in (b'', memoryview(b'xy'), array.array('B', [1, 2])):
            h.blob = value
            self.assertEqual(h.blob, bytes(value))
        self.assertEqual(outcome(setattr, h, 'blob', 'str'),
                         (TypeError, "'Holder' attribute 'blob' must be bytes, not str"))
        self.assertEqual(outcome(setattr, h, 'blob', [1]),
                         (TypeError, "'Holder' attribute 'blob' must be bytes, not list"))
        del h.blob
        self.assertFalse(hasattr(h, 'blob'))
        h.blobs = [b'a', bytearray(b'b' * 40)]
        h.blobs.append(memoryview(b'c'))
        self.assertEqual(h.blobs, [b'a', b'b' * 40, b'c'])


class Children(unittest.TestCase):
    def test_optional(self):
        h = Holder()
        self.assertEqual(outcome(getattr, h, 'next'),
                         (AttributeError, "'Holder' object has no attribute 'next'"))
        h.next = None
        self.assertIsNone(h.next)
        child = Holder(count=3)
        h.next = child
        child.count = 4
        self.assertEqual(h.next.count, 3)
        n = h.next
        n.count = 5
        self.assertEqual(h.next, Holder(count=5))
        self.assertIsInstance(n, Holder)
        self.assertEqual(outcome(setattr, h, 'next', 1),
                         (TypeError, "'Holder' attribute 'next' must be Holder | None, not int"))
        h.next = h.next  # a copy of itself
        self.assertEqual(h.next.count, 5)
        h.next = None
        self.assertEqual(outcome(getattr, n, 'count'),
                         (AttributeError, "'Holder' attribute 'next' is None"))
        del h.next
        self.assertEqual(outcome(getattr, n, 'count'),
                         (AttributeError, "'Holder' object has no attribute 'next'"))
        self.assertEqual(outcome(delattr, h, 'next'), (AttributeError, 'next'))
        # A view is a path: the child set later is the one it reaches.
        h.next = Holder(count=8)
        self.assertEqual(n.count, 8)


class Unions(unittest.TestCase):
    def test_either(self):
        h = Holder()
        h.either = 5
        self.assertEqual((h.either, type(h.either)), (5, int))
        h.either = LONG
        self.assertEqual(h.either, LONG)
        h.either = Kind.dog  # an IntEnum member is an int, as for int slots
        self.assertEqual((h.either, type(h.either)), (1, int))
        for value, expected in ((1.5, (TypeError, "'Holder' attribute 'either' must be "
                                                  "int32 | string, not float")),
                                (True, (TypeError, "'Holder' attribute 'either' must be "
                                                   "int32 | string, not bool")),
                                (b'x', (TypeError, "'Holder' attribute 'either' must be "
                                                   "int32 | string, not bytes")),
                                (2**31, (OverflowError, "value out of range for 'Holder' "
                                                        "attribute 'either' (int32 | string)")),
                                ('a\0b', (ValueError, 'embedded null character'))):
            self.assertEqual(outcome(setattr, h, 'either', value), expected)
        self.assertEqual(h.either, 1)
        del h.either
        self.assertFalse(hasattr(h, 'either'))

    def test_first_type_that_takes_it(self):
        h = Holder()
        for value, expected in ((True, True), (1.5, 1.5), (0.1, 0.10000000149011612),
                                (3, 3.0), (Kind.bird, Kind.bird), (b'q', b'q'),
                                (bytearray(b'r'), b'r')):
            h.mixed = value
            self.assertEqual((h.mixed, type(h.mixed)), (expected, type(expected)))
        self.assertIs(h.mixed, h.mixed)  # bytes: a new copy each read


class RefList(list):
    """What a Python list says, for the differential test."""


def list_ops(rng, values):
    """A random operation on a list: (name, function of the list)."""
    v = rng.choice(values)
    i = rng.randint(-6, 6)
    j = rng.randint(-6, 6)
    step = rng.choice([1, 1, 2, -1, -2])
    count = rng.randint(0, 3)
    clear = rng.random() < 0.2
    return rng.choice([
        ('append', lambda l: l.append(v)),
        ('insert', lambda l: l.insert(i, v)),
        ('extend', lambda l: l.extend([v, v])),
        ('pop', lambda l: l.pop()),
        ('pop i', lambda l: l.pop(i)),
        ('remove', lambda l: l.remove(v)),
        ('index', lambda l: l.index(v)),
        ('count', lambda l: l.count(v)),
        ('get', lambda l: l[i]),
        ('set', lambda l: l.__setitem__(i, v)),
        ('del', lambda l: l.__delitem__(i)),
        ('slice', lambda l: l[i:j:step]),
        ('set slice', lambda l: l.__setitem__(slice(i, j), [v] * count)),
        ('set ext slice', lambda l: l.__setitem__(slice(i, j, step), [v, v])),
        ('del slice', lambda l: l.__delitem__(slice(i, j, step))),
        ('contains', lambda l: v in l),
        ('len', len),
        ('list', list),
        ('reverse', lambda l: l.reverse()),
        ('iadd', lambda l: l.__iadd__([v]) and None),
        ('clear', lambda l: clear and l.clear()),
        ('eq', lambda l: l == [v]),
        ('repr', repr),
    ])


class Lists(unittest.TestCase):
    def differential(self, slot, values, seed, n=3000):
        rng = random.Random(seed)
        h = Holder()
        setattr(h, slot, [])
        ours, ref = getattr(h, slot), []
        for k in range(n):
            name, op = list_ops(rng, values)
            self.assertEqual(outcome(op, ours), outcome(op, ref), f'{slot} op {k}: {name}')
            self.assertEqual(getattr(h, slot), ref, f"{slot} after op {k}: {name}")

    def test_against_python_lists(self):
        self.differential('ints', [0, 1, 2, -5, 2**31 - 1], 1)
        self.differential('words', ['a', 'b', LONG, ''], 2)
        self.differential('kinds', list(Kind), 3)
        self.differential('spots', [Vec(1), Vec(2, label=LONG), Vec()], 4)
        self.differential('blobs', [b'', b'x', b'y' * 30], 5)
        self.differential('grid', [[], [1], [2, 3]], 6, n=1000)

    def test_protocol(self):
        h = Holder(ints=[1, 2, 3])
        l = h.ints
        self.assertIsInstance(l, abc.MutableSequence)
        self.assertEqual(type(l).__name__, 'list_view')
        self.assertEqual(l, [1, 2, 3])
        self.assertEqual(repr(l), '[1, 2, 3]')
        self.assertEqual(outcome(hash, l)[0], TypeError)
        l.append(4)
        self.assertEqual(h.ints, [1, 2, 3, 4])
        l.extend(l)  # copied before it grows
        self.assertEqual(h.ints, [1, 2, 3, 4] * 2)
        l[:] = l[::-1]
        self.assertEqual(h.ints, [4, 3, 2, 1] * 2)
        self.assertEqual(sorted(l), [1, 1, 2, 2, 3, 3, 4, 4])
        h.ints = h.ints  # its own value
        self.assertEqual(len(h.ints), 8)
        self.assertEqual(pickle.loads(pickle.dumps(l)), list(l))
        self.assertIs(type(copy.deepcopy(l)), list)
        for value in ((1, 2), range(3), (i for i in [5]), {7: 'x'}):
            h.ints = value
            self.assertEqual(h.ints, list(value if not hasattr(value, 'gi_code') else [5]))
        self.assertEqual(outcome(setattr, h, 'ints', 'abc'),
                         (TypeError, "'Holder' attribute 'ints' must be list[int32], not str"))
        self.assertEqual(outcome(setattr, h, 'ints', 5),
                         (TypeError, "'Holder' attribute 'ints' must be list[int32], not int"))
        self.assertEqual(outcome(setattr, h, 'ints', [1, 'x']),
                         (TypeError, "'Holder' attribute 'ints[]' must be int32, not str"))
        self.assertEqual(outcome(setattr, h, 'ints', [1, 2**40]), (
            OverflowError, "value out of range for 'Holder' attribute 'ints[]' (int32)"))
        self.assertEqual(outcome(h.ints.append, True),
                         (TypeError, "'Holder' attribute 'ints[]' must be int32, not bool"))
        self.assertEqual(outcome(setattr, h, 'spots', [Vec(), 1]),
                         (TypeError, "'Holder' attribute 'spots[]' must be Vec, not int"))
        self.assertEqual(outcome(setattr, h, 'grid', [[1], 2]),
                         (TypeError, "'Holder' attribute 'grid[]' must be list[int32], not int"))
        self.assertEqual(h.ints, [7])  # unchanged by the failures

    def test_elements_are_views(self):
        h = Holder(spots=[Vec(1), Vec(2)], grid=[[1], [2]])
        s = h.spots[1]
        s.x = 5
        self.assertEqual(h.spots[1].x, 5)
        h.grid[1].append(3)
        self.assertEqual(h.grid, [[1], [2, 3]])
        popped = h.spots.pop()  # leaves the list: an owned copy
        self.assertIs(type(popped), Vec)
        self.assertEqual(popped, Vec(5))
        g = h.grid.pop(0)
        self.assertIs(type(g), list)
        self.assertEqual(g, [1])


class Dicts(unittest.TestCase):
    def differential(self, slot, values, seed, n=3000):
        rng = random.Random(seed)
        keys = ['a', 'b', 'c', LONG, '', 'é']
        h = Holder()
        setattr(h, slot, {})
        ours, ref = getattr(h, slot), {}
        for k in range(n):
            key, v = rng.choice(keys), rng.choice(values)
            clear = rng.random() < 0.1
            name, op = rng.choice([
                ('set', lambda d: d.__setitem__(key, v)),
                ('get', lambda d: d[key]),
                ('del', lambda d: d.__delitem__(key)),
                ('in', lambda d: key in d),
                ('get()', lambda d: d.get(key)),
                ('get() default', lambda d: d.get(key, 5)),
                ('pop', lambda d: d.pop(key)),
                ('pop default', lambda d: d.pop(key, None)),
                ('popitem', lambda d: d.popitem()),
                ('setdefault', lambda d: d.setdefault(key, v)),
                ('update', lambda d: d.update({key: v}, z=v)),
                ('update pairs', lambda d: d.update([(key, v)])),
                ('keys', lambda d: list(d.keys())),
                ('values', lambda d: list(d.values())),
                ('items', lambda d: list(d.items())),
                ('iter', list),
                ('len', len),
                ('eq', lambda d: d == {key: v}),
                ('repr', repr),
                ('clear', lambda d: clear and d.clear()),
            ])
            self.assertEqual(outcome(op, ours), outcome(op, ref), f'{slot} op {k}: {name}')
            self.assertEqual(getattr(h, slot), ref, f"{slot} after op {k}: {name}")
            self.assertEqual(list(getattr(h, slot)), list(ref))  # insertion order

    def test_against_python_dicts(self):
        self.differential('env', ['x', LONG, ''], 1)
        self.differential('places', [Vec(1), Vec(2, label=LONG)], 2)
        self.differential('tables', [[], [1, 2]], 3, n=1000)

    def test_protocol(self):
        h = Holder(env={'a': 'x'})
        d = h.env
        self.assertIsInstance(d, abc.MutableMapping)
        self.assertEqual(type(d).__name__, 'dict_view')
        self.assertEqual(d.keys(), {'a'})
        self.assertEqual(d.items(), {('a', 'x')})
        self.assertEqual(outcome(hash, d)[0], TypeError)
        self.assertEqual(outcome(d.__getitem__, 1), (KeyError, '1'))
        self.assertEqual(outcome(d.__setitem__, 1, 'x'),
                         (TypeError, "'Holder' attribute 'env' keys must be str, not int"))
        self.assertEqual(outcome(d.__setitem__, 'k', 1),
                         (TypeError, "'Holder' attribute 'env[]' must be string, not int"))
        self.assertEqual(outcome(d.__setitem__, 'a\0', 'x'),
                         (ValueError, 'embedded null character'))
        self.assertNotIn(1, d)
        self.assertEqual(d.get(1, 'no'), 'no')
        self.assertEqual(outcome(d.popitem), ('ok', ('a', 'x')))
        self.assertEqual(outcome(d.popitem), (KeyError, "'popitem(): dictionary is empty'"))
        for value in ({'k': 'v'}, Holder(env={'k': 'v'}).env):
            h.env = value
            self.assertEqual(h.env, {'k': 'v'})
        self.assertEqual(outcome(setattr, h, 'env', [('k', 'v')]), (
            TypeError, "'Holder' attribute 'env' must be dict[string, string], not list"))
        self.assertEqual(pickle.loads(pickle.dumps(h.env)), {'k': 'v'})
        h.places = {'p': Vec(1)}
        p = h.places['p']
        p.y = 4
        self.assertEqual(h.places, {'p': Vec(1, 4)})
        h.tables = {'t': [1]}
        h.tables['t'].append(2)
        self.assertEqual(h.tables, {'t': [1, 2]})
        self.assertIs(type(h.places.pop('p')), Vec)


def rss_kib():
    with open('/proc/self/statm') as f:
        return int(f.read().split()[1]) * os.sysconf('SC_PAGE_SIZE') // 1024


class Lifetime(unittest.TestCase):
    """No view reaches memory that was freed, and views keep owners alive."""

    def test_owner_kept_alive(self):
        h = Holder(pos=Vec(1), ints=[1], env={'a': 'b'}, next=Holder(count=2))
        before = sys.getrefcount(h)
        views = [h.pos, h.ints, h.env, h.next, h.history if hasattr(h, 'history') else h.pos]
        self.assertEqual(sys.getrefcount(h), before + len(views))
        pos, ints, env, child = h.pos, h.ints, h.env, h.next
        del h, views
        gc.collect()
        self.assertEqual((pos, ints, env, child.count), (Vec(1), [1], {'a': 'b'}, 2))
        ints.append(2)
        self.assertEqual(ints, [1, 2])

    def test_views_of_elements_that_go(self):
        h = Holder(spots=[Vec(1)], places={'a': Vec(2)}, grid=[[1]], pos=Vec(3),
                   boxes=[Vec(), Vec()], next=Holder())
        first = h.spots[0]
        for i in range(1000):  # the list moves in memory
            h.spots.append(Vec(i))
        self.assertEqual(first, Vec(1))
        h.spots.clear()
        self.assertEqual(outcome(getattr, first, 'x'), (IndexError, 'list index out of range'))
        self.assertEqual(outcome(setattr, first, 'x', 1.0),
                         (IndexError, 'list index out of range'))
        self.assertEqual(outcome(repr, first), (IndexError, 'list index out of range'))
        self.assertEqual(outcome(lambda: first == Vec()), (IndexError, 'list index out of range'))
        a = h.places['a']
        del h.places['a']
        self.assertEqual(outcome(getattr, a, 'x'), (KeyError, "'a'"))
        h.places = {'a': Vec(9)}  # a path: the new value of the key
        self.assertEqual(a.x, 9)
        inner = h.grid[0]
        h.grid.pop()
        self.assertEqual(outcome(inner.append, 1), (IndexError, 'list index out of range'))
        self.assertEqual(outcome(len, inner), (IndexError, 'list index out of range'))
        ints = h.grid
        del h.grid
        self.assertEqual(outcome(len, ints),
                         (AttributeError, "'Holder' object has no attribute 'grid'"))
        pos, box, hist = h.pos, h.boxes[1], h.boxes
        del h.pos, h.boxes
        for f in (lambda: pos.x, lambda: box.x, lambda: hist[0]):
            self.assertEqual(outcome(f)[0], AttributeError)
        grand = h.next
        h.next = None
        self.assertEqual(outcome(getattr, grand, 'count')[0], AttributeError)

    def test_assigning_while_converting(self):
        # A value's conversion runs Python code that changes the list: the
        # element is stored where the list is afterwards.
        h = Holder(ints=[1, 2, 3])

        class Sneaky:
            def __index__(self):
                h.ints.clear()
                return 5

        self.assertEqual(outcome(h.ints.__setitem__, 2, Sneaky()),
                         (IndexError, 'list assignment index out of range'))
        h.ints = [1]
        h.ints.insert(5, Sneaky())
        self.assertEqual(h.ints, [5])

    def test_no_leak(self):
        wrapped = bool(os.environ.get('SLOTGEN_WRAP'))
        n = 2_000 if wrapped else 150_000
        refs = sys.getrefcount(Holder), sys.getrefcount(Vec), sys.getrefcount(LONG)

        def cycle(count):
            for i in range(count):
                h = Holder(pos=Vec(i, label=LONG), ints=[i, i], words=[LONG, 'a'],
                           spots=[Vec(label=LONG)], env={LONG: LONG}, places={'p': Vec()},
                           tables={'t': [1]}, blob=b'x' * 20, either=LONG, next=Holder(count=i),
                           names=[LONG, None], boxes=[Vec(label=LONG), Vec()])
                v, s, p = h.pos, h.spots[0], h.places['p']
                v.x, s.label, p.y = 1.0, LONG, 2.0
                h.spots.append(v)
                h.ints.pop()
                h.env.pop(LONG)
                h.tables['t'].extend(h.ints)
                if i % 10 == 0:
                    pickle.loads(pickle.dumps(copy.copy(h)))
                    outcome(setattr, h, 'ints', [1, 'x'])
                del h
                outcome(getattr, s, 'x')

        # The process's size over many cycles (a leak of 16 bytes a cycle
        # shows), and Python's allocations traced over fewer (slower).
        cycle(2_000)
        before = rss_kib()
        cycle(n)
        grown = rss_kib() - before
        if not wrapped:
            self.assertLess(grown, 2048, f'{grown} KiB more after {n} cycles')
        tracemalloc.start()
        cycle(n // 30)
        traced, _ = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        self.assertLess(traced, 64 * 1024)
        self.assertEqual((sys.getrefcount(Holder), sys.getrefcount(Vec), sys.getrefcount(LONG)),
                         refs)


class FromC(unittest.TestCase):
    """embed.c's objects: lent, kept alive by an owner, moved; and back."""

    def test_lent(self):
        p = embed.lent()
        self.assertIsInstance(p, embed.critters.Pet)
        p.score = 5
        self.assertEqual(embed.lent_score(), 5)  # the C program's own object
        self.assertEqual(embed.bump(p), 6)
        self.assertEqual(p.score, 6)
        self.assertEqual(copy.copy(p), p)
        self.assertIs(type(copy.copy(p)), embed.critters.Pet)

    def test_owner_kept_alive(self):
        before = embed.freed()
        h = embed.owned()
        self.assertEqual((h.count, h.pos.x, h.ints), (7, 2.5, [1]))
        pos = h.pos
        del h
        gc.collect()
        self.assertEqual(embed.freed(), before)  # pos keeps the capsule alive
        self.assertEqual(pos.x, 2.5)
        del pos
        self.assertEqual(embed.freed(), before + 1)
        for _ in range(1000):
            embed.owned().ints.append(2)
        self.assertEqual(embed.freed(), before + 1001)

    def test_adopted(self):
        a = embed.adopted()
        self.assertIs(type(a), embed.critters.Pet)
        self.assertEqual((a.id, a.code, a.score, a.name),
                         (3, 'ad', 42, 'a name kept on the heap, past 14 bytes'))
        self.assertEqual(embed.bump(a), 43)
        for _ in range(1000):
            embed.adopted()

    def test_unwrap_checks_the_type(self):
        C = embed.critters
        self.assertEqual(embed.pos_x(C.Holder(pos=C.Vec(3))), 3.0)
        self.assertEqual(outcome(embed.bump, C.Critter(1)),
                         (TypeError, 'expected Pet, not Critter'))
        self.assertEqual(outcome(embed.bump, 5), (TypeError, 'expected Pet, not int'))
        self.assertEqual(outcome(embed.bump, Pet(1, code='x')),
                         (TypeError, 'expected Pet, not Pet of another extension module'))

        class MyPet(C.Pet):
            pass

        self.assertEqual(embed.bump(MyPet(1, code='m', score=1)), 2)
        h = C.Holder(pos=C.Vec(1))
        self.assertEqual(embed.pos_x(h), 1.0)
        h.next = C.Holder(pos=C.Vec(4))
        self.assertEqual(embed.pos_x(h.next), 4.0)  # a view's struct
        n = h.next
        h.next = None
        self.assertEqual(outcome(embed.pos_x, n),
                         (AttributeError, "'Holder' attribute 'next' is None"))


class Tap(unittest.TextTestResult):
    """unittest's results as TAP lines."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.n = 0

    def report(self, test, ok, detail=None):
        self.n += 1
        print(f"{'ok' if ok else 'not ok'} {self.n} - {test.id()}", flush=True)
        for line in (detail or '').splitlines():
            print(f'# {line}', flush=True)

    def addSuccess(self, test):
        super().addSuccess(test)
        self.report(test, True)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self.report(test, False, self._exc_info_to_string(err, test))

    def addError(self, test, err):
        super().addError(test, err)
        self.report(test, False, self._exc_info_to_string(err, test))


if __name__ == '__main__':
    suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__])
    print(f'1..{suite.countTestCases()}', flush=True)
    runner = unittest.TextTestRunner(stream=open(os.devnull, 'w'), resultclass=Tap)
    sys.exit(0 if runner.run(suite).wasSuccessful() else 1)
