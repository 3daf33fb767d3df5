"""The Python modules slotgen --python writes, on the running CPython.

critters (tests/schemas/critters.yaml) and geo (schemas/geo.yaml) are
extension modules whose types hold the generated C structs.  Each test
compares them with what CPython does for a pure-Python class with
__slots__ (readonly slots frozen as a frozen dataclass's fields), or with
a dataclass's __init__, on the same operations: same outcomes, same
exception types and messages.  Output is TAP, for meson test.
"""
import copy
import dataclasses
import gc
import math
import os
import pickle
import random
import sys
import tracemalloc
import unittest

import corners
import critters
import geo

MISSING = object()


def outcome(f, *args, **kwargs):
    """What calling f gives: ('ok', value) or (exception type, message)."""
    try:
        return ('ok', f(*args, **kwargs))
    except Exception as e:  # noqa: BLE001 - every outcome is compared
        return (type(e), str(e))


def reference_class(name, slots, readonly=(), base=object):
    """A pure-Python class named name with __slots__ slots, whose readonly
    slots refuse assignment and deletion as a frozen dataclass's fields."""
    frozen = frozenset(readonly)

    def __setattr__(self, key, value):
        if key in frozen:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {key!r}")
        object.__setattr__(self, key, value)

    def __delattr__(self, key):
        if key in frozen:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {key!r}")
        object.__delattr__(self, key)

    ns = {'__slots__': tuple(slots)}
    if frozen:
        ns.update(__setattr__=__setattr__, __delattr__=__delattr__)
    return type(name, (base,), ns)


# The references, slot for slot the generated classes.
RefNumbers = reference_class('Numbers', critters.Numbers.__slots__)
RefCritter = reference_class('Critter', critters.Critter.__slots__, readonly=['id'])
RefPet = reference_class('Pet', critters.Pet.__slots__, readonly=['id', 'code'], base=RefCritter)


def set_raw(obj, name, value):
    """Set a slot of a reference object, readonly or not (its __init__)."""
    object.__setattr__(obj, name, value)


def make_reference(cls, **values):
    obj = cls.__new__(cls)
    for k, v in values.items():
        set_raw(obj, k, v)
    return obj


# A value of each slot's type, and another.
VALUES = {
    'i8': (-128, 127), 'i16': (-32768, 32767), 'i32': (-2**31, 2**31 - 1),
    'i64': (-2**63, 2**63 - 1), 'u8': (0, 255), 'u16': (0, 65535), 'u32': (0, 2**32 - 1),
    'u64': (0, 2**64 - 1), 'f32': (0.5, -2.25), 'f64': (0.1, 1e300), 'flag': (True, False),
    'id': (1, 2**64 - 1), 'name': ('Rex', 'a longer name that is kept on the heap, past 14 bytes'),
    'tag': ('', 'seven77'), 'kind': (critters.Kind.dog, critters.Kind.bird),
    'legs': (0, 255), 'weight': (3.5, 0.0), 'alive': (False, True),
    'owner': ('Ann', 'ünïcödé ✓'), 'code': ('abc', ''), 'mood': (critters.Mood.calm,
                                                                 critters.Mood.asleep),
    'score': (-1, 2**31 - 1),
}


class Attributes(unittest.TestCase):
    """getattr, setattr, delattr, hasattr, getattr with a default, as a
    __slots__ class gives them."""

    def pairs(self):
        yield critters.Numbers(), RefNumbers()
        yield (critters.Critter(7),
               make_reference(RefCritter, id=7, kind=critters.Kind.cat, legs=4, weight=1.5,
                              alive=True))
        yield (critters.Pet(7, code='xy'),
               make_reference(RefPet, id=7, code='xy', kind=critters.Kind.cat, legs=4,
                              weight=1.5, alive=True, owner='nobody', score=-1))

    def same(self, a, b, op, *args):
        self.assertEqual(outcome(op, a, *args), outcome(op, b, *args), f'{op.__name__}{args}')

    def test_each_slot(self):
        for gen, ref in self.pairs():
            names = list(type(gen).__match_args__) + ['nmae', 'x' * 60, '__dict__',
                                                      '__weakref__']
            for name in names:
                self.same(gen, ref, getattr, name)
                self.same(gen, ref, hasattr, name)
                self.same(gen, ref, getattr, name, 'dflt')
                for value in VALUES.get(name, (1,)):
                    self.same(gen, ref, setattr, name, value)
                    self.same(gen, ref, getattr, name)
                self.same(gen, ref, delattr, name)
                self.same(gen, ref, delattr, name)  # deleting twice
                self.same(gen, ref, getattr, name)
                self.same(gen, ref, hasattr, name)
                self.same(gen, ref, getattr, name, None)

    def test_random_operations(self):
        rng = random.Random(15)
        count = 0
        for gen, ref in self.pairs():
            names = list(type(gen).__match_args__) + ['nmae', 'scor', 'ID']
            for _ in range(4000):
                name = rng.choice(names)
                op = rng.randrange(5)
                if op == 0:
                    self.same(gen, ref, getattr, name)
                elif op == 1:
                    self.same(gen, ref, hasattr, name)
                elif op == 2:
                    self.same(gen, ref, getattr, name, 0)
                elif op == 3:
                    self.same(gen, ref, setattr, name, rng.choice(VALUES.get(name, (1,))))
                else:
                    self.same(gen, ref, delattr, name)
                count += 1
        self.assertEqual(count, 12000)

    def test_no_dict_no_weakref(self):
        p = critters.Pet(1, code='a')
        self.assertFalse(hasattr(p, '__dict__'))
        self.assertFalse(hasattr(p, '__weakref__'))
        with self.assertRaises(TypeError):
            import weakref
            weakref.ref(p)
        self.assertFalse(gc.is_tracked(p))
        self.assertFalse(critters.Pet.__flags__ & (1 << 14))  # Py_TPFLAGS_HAVE_GC

    def test_attribute_error_names_the_slot(self):
        c = critters.Critter(1)
        try:
            c.name
        except AttributeError as e:
            self.assertEqual((e.name, e.obj), ('name', c))

    def test_readonly(self):
        for obj, name in ((critters.Critter(1), 'id'), (critters.Pet(1, code='x'), 'code'),
                          (critters.Pet(1, code='x'), 'id')):
            with self.assertRaises(dataclasses.FrozenInstanceError) as cm:
                setattr(obj, name, 'not even of its type')
            self.assertEqual(str(cm.exception), f"cannot assign to field '{name}'")
            with self.assertRaises(AttributeError) as cm:
                delattr(obj, name)
            self.assertIsInstance(cm.exception, dataclasses.FrozenInstanceError)
            self.assertEqual(str(cm.exception), f"cannot delete field '{name}'")


class Types(unittest.TestCase):
    """Values of the wrong type or out of range."""

    def error(self, obj, name, value):
        o = outcome(setattr, obj, name, value)
        self.assertNotEqual(o[0], 'ok', f'{name} = {value!r}')
        return o

    def test_integers(self):
        n = critters.Numbers()
        ranges = {'i8': (-2**7, 2**7 - 1), 'i16': (-2**15, 2**15 - 1),
                  'i32': (-2**31, 2**31 - 1), 'i64': (-2**63, 2**63 - 1), 'u8': (0, 2**8 - 1),
                  'u16': (0, 2**16 - 1), 'u32': (0, 2**32 - 1), 'u64': (0, 2**64 - 1)}
        types = {'i8': 'int8', 'i16': 'int16', 'i32': 'int32', 'i64': 'int64', 'u8': 'uint8',
                 'u16': 'uint16', 'u32': 'uint32', 'u64': 'uint64'}
        for name, (lo, hi) in ranges.items():
            for v in (lo, hi, 0, critters.Kind.bird, IndexOnly(1)):
                setattr(n, name, v)
                self.assertEqual(getattr(n, name), int(v))
                self.assertIs(type(getattr(n, name)), int)
            for v in (lo - 1, hi + 1, 2**64, -2**64, 10**30):
                self.assertEqual(self.error(n, name, v), (
                    OverflowError,
                    f"value out of range for 'Numbers' attribute '{name}' ({types[name]})"))
            for v, t in ((True, 'bool'), (1.0, 'float'), ('1', 'str'), (None, 'NoneType'),
                         (b'1', 'bytes')):
                self.assertEqual(self.error(n, name, v), (
                    TypeError, f"'Numbers' attribute '{name}' must be {types[name]}, not {t}"))
            self.assertEqual(getattr(n, name), 1)

    def test_floats_convert_as_c(self):
        n = critters.Numbers()
        for v, f32 in ((0.1, 0.10000000149011612), (1e300, math.inf), (-1e300, -math.inf),
                       (3, 3.0), (2**63 + 1, 9.223372036854775808e18), (1e-50, 0.0)):
            n.f32 = v
            n.f64 = v
            self.assertEqual(n.f32, f32)
            self.assertEqual(n.f64, float(v))
        n.f64 = math.nan
        self.assertTrue(math.isnan(n.f64))
        n.f32 = FloatOnly(2.5)
        self.assertEqual(n.f32, 2.5)
        self.assertEqual(outcome(setattr, n, 'f64', 10**400),
                         (OverflowError, 'int too large to convert to float'))
        for v, t in ((True, 'bool'), ('1.5', 'str'), (None, 'NoneType'), (1j, 'complex')):
            self.assertEqual(self.error(n, 'f32', v),
                             (TypeError, f"'Numbers' attribute 'f32' must be float, not {t}"))
            self.assertEqual(self.error(n, 'f64', v),
                             (TypeError, f"'Numbers' attribute 'f64' must be double, not {t}"))

    def test_bools_are_bools(self):
        n = critters.Numbers()
        n.flag = True
        self.assertIs(n.flag, True)
        n.flag = False
        self.assertIs(n.flag, False)
        for v, t in ((1, 'int'), (0, 'int'), (None, 'NoneType'), ('True', 'str')):
            self.assertEqual(self.error(n, 'flag', v),
                             (TypeError, f"'Numbers' attribute 'flag' must be bool, not {t}"))
        self.assertIs(n.flag, False)

    def test_strings(self):
        c = critters.Critter(1)
        for v in ('', 'x', 'x' * 14, 'x' * 15, 'ünïcödé ✓ 😀' * 50):
            c.name = v
            self.assertEqual(c.name, v)
        for v, t in ((b'x', 'bytes'), (1, 'int'), (None, 'NoneType')):
            self.assertEqual(self.error(c, 'name', v),
                             (TypeError, f"'Critter' attribute 'name' must be string, not {t}"))
        self.assertEqual(self.error(c, 'name', 'a\0b'), (ValueError, 'embedded null character'))
        self.assertEqual(self.error(c, 'name', '\udc80')[0], UnicodeEncodeError)
        self.assertEqual(c.name, 'ünïcödé ✓ 😀' * 50)
        c.tag = 'seven77'
        self.assertEqual(self.error(c, 'tag', 'eight888'), (
            ValueError, "string too long for 'Critter' attribute 'tag' (at most 7 bytes)"))
        self.assertEqual(self.error(c, 'tag', 'ünïcö'), (
            ValueError, "string too long for 'Critter' attribute 'tag' (at most 7 bytes)"))
        self.assertEqual(c.tag, 'seven77')

    def test_enums(self):
        c = critters.Critter(1)
        self.assertTrue(issubclass(critters.Kind, __import__('enum').IntEnum))
        self.assertEqual([m.name for m in critters.Kind], ['cat', 'dog', 'bird'])
        self.assertEqual(critters.Kind.__doc__, 'What a critter is.')
        self.assertIs(c.kind, critters.Kind.cat)
        c.kind = critters.Kind.bird
        self.assertIs(c.kind, critters.Kind.bird)
        c.kind = 1
        self.assertIs(c.kind, critters.Kind.dog)
        for v in (3, -1, 2**70):
            self.assertEqual(self.error(c, 'kind', v), (ValueError, f'{v} is not a valid Kind'))
        for v, t in ((critters.Mood.calm, 'Mood'), (True, 'bool'), ('cat', 'str'),
                     (1.0, 'float')):
            self.assertEqual(self.error(c, 'kind', v),
                             (TypeError, f"'Critter' attribute 'kind' must be Kind, not {t}"))
        self.assertIs(c.kind, critters.Kind.dog)


class IndexOnly:
    """An integer that is not an int (numpy's are such)."""

    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


class FloatOnly:
    def __init__(self, v):
        self.v = v

    def __float__(self):
        return self.v

# Dataclasses of the generated classes' slots, for __init__'s messages
# (their names and qualified names are the classes' own).
UNSET = None


@dataclasses.dataclass
class DataCritter:
    id: int
    name: str = UNSET
    tag: str = UNSET
    kind: int = UNSET
    legs: int = UNSET
    weight: float = UNSET
    alive: bool = UNSET


@dataclasses.dataclass
class DataNumbers:
    i8: int = UNSET
    i16: int = UNSET
    i32: int = UNSET
    i64: int = UNSET
    u8: int = UNSET
    u16: int = UNSET
    u32: int = UNSET
    u64: int = UNSET
    f32: float = UNSET
    f64: float = UNSET
    flag: bool = UNSET


DataCritter.__qualname__ = DataCritter.__name__ = 'Critter'
DataCritter.__init__.__qualname__ = 'Critter.__init__'
DataNumbers.__qualname__ = DataNumbers.__name__ = 'Numbers'
DataNumbers.__init__.__qualname__ = 'Numbers.__init__'


class Construction(unittest.TestCase):
    """__init__ as a dataclass's: its messages are the reference's."""

    def test_like_a_dataclass(self):
        calls = [((), {}), ((1,), {}), ((1, 'a'), {}), ((1,) * 7, {}), ((1,) * 8, {}),
                 ((1,) * 12, {}), ((), {'id': 1}), ((1,), {'id': 2}), ((), {'nmae': 1}),
                 ((1,), {'name': 'a', 'x': 1}), ((1, 2, 3), {'tag': 'x'}),
                 ((), {'id': 1, 'bogus': 2}), ((1,) * 9, {'nmae': 1})]
        checked = 0
        for ref, gen in ((DataCritter, critters.Critter), (DataNumbers, critters.Numbers)):
            for args, kwargs in calls:
                r, g = outcome(ref, *args, **kwargs), outcome(gen, *args, **kwargs)
                if r[0] != 'ok':  # (where the reference takes them, 1 is no string)
                    self.assertEqual(g, r, f'{gen.__name__}(*{args}, **{kwargs})')
                    checked += 1
        self.assertGreater(checked, 15)

    def test_messages(self):
        Pet = critters.Pet
        self.assertEqual(outcome(Pet), (TypeError, "Pet.__init__() missing 2 required "
                                        "positional arguments: 'id' and 'code'"))
        self.assertEqual(outcome(Pet, 1), (TypeError, "Pet.__init__() missing 1 required "
                                           "positional argument: 'code'"))
        self.assertEqual(outcome(Pet, *range(12)), (
            TypeError, 'Pet.__init__() takes from 3 to 12 positional arguments but 13 were '
                       'given'))
        self.assertEqual(outcome(Pet, 1, code='a', ownr='x'), (
            TypeError, "Pet.__init__() got an unexpected keyword argument 'ownr'"))
        self.assertEqual(outcome(Pet, 1, id=1, code='a'), (
            TypeError, "Pet.__init__() got multiple values for argument 'id'"))
        self.assertEqual(outcome(Pet, 1, **{'code': 'a', 'legs': 300}), (
            OverflowError, "value out of range for 'Pet' attribute 'legs' (uint8)"))
        self.assertEqual(outcome(Pet, 1, code='abcd'), (
            ValueError, "string too long for 'Pet' attribute 'code' (at most 3 bytes)"))

        class Sub(Pet):
            pass

        self.assertEqual(outcome(Sub), (TypeError, "Pet.__init__() missing 2 required "
                                        "positional arguments: 'id' and 'code'"))
        self.assertEqual(outcome(critters.Numbers, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), (
            TypeError, 'Numbers.__init__() takes from 1 to 12 positional arguments but 13 '
                       'were given'))

    def test_defaults_and_unset(self):
        p = critters.Pet(5, 'Rex', code='dg', mood=critters.Mood.grumpy)
        self.assertEqual((p.id, p.name, p.code, p.mood), (5, 'Rex', 'dg', critters.Mood.grumpy))
        self.assertEqual((p.kind, p.legs, p.weight, p.alive, p.owner, p.score),
                         (critters.Kind.cat, 4, 1.5, True, 'nobody', -1))
        self.assertFalse(hasattr(p, 'tag'))
        # Calling __init__ again starts from the defaults, as a dataclass's does.
        p.legs = 3
        p.__init__(6, code='x')
        self.assertEqual((p.id, p.legs, p.code), (6, 4, 'x'))
        self.assertFalse(hasattr(p, 'name'))
        # __new__ alone gives the defaults, every other slot unset, readonly
        # ones too.
        q = critters.Pet.__new__(critters.Pet)
        self.assertEqual(repr(q), "Pet(kind=cat, legs=4, weight=1.5, alive=True, "
                                  "owner='nobody', score=-1)")
        self.assertFalse(hasattr(q, 'id'))

    def test_slots_that_cannot_be_cleared(self):
        t = critters.Tally()
        self.assertEqual((t.hits, t.label), (0, 'nothing counted yet'))
        t.hits = 3
        t.label = 'three'
        self.assertEqual(outcome(delattr, t, 'hits'),
                         (dataclasses.FrozenInstanceError, "cannot delete field 'hits'"))
        self.assertEqual(outcome(delattr, t, 'label'),
                         (dataclasses.FrozenInstanceError, "cannot delete field 'label'"))
        self.assertEqual(outcome(delattr, t, 'last'), (AttributeError, 'last'))
        self.assertEqual(repr(critters.Tally.__new__(critters.Tally)),
                         "Tally(hits=0, label='nothing counted yet')")
        for q in (copy.copy(t), copy.deepcopy(t), pickle.loads(pickle.dumps(t))):
            self.assertEqual((q.hits, q.label), (3, 'three'))
            self.assertFalse(hasattr(q, 'last'))

    def test_positional_in_table_order(self):
        self.assertEqual(critters.Pet.__match_args__, (
            'id', 'name', 'tag', 'kind', 'legs', 'weight', 'alive', 'owner', 'code', 'mood',
            'score'))
        p = critters.Pet(*VALUES_IN_ORDER)
        for name, v in zip(critters.Pet.__match_args__, VALUES_IN_ORDER):
            self.assertEqual(getattr(p, name), v)


VALUES_IN_ORDER = (9, 'Tom', 'tg', critters.Kind.dog, 3, 2.5, False, 'Me', 'abc',
                   critters.Mood.asleep, 42)


class Protocols(unittest.TestCase):
    """repr, ==, copy, pickle, match, introspection, inheritance."""

    def test_repr(self):
        p = critters.Pet(1, 'Rex', code='dg')
        self.assertEqual(repr(p), "Pet(id=1, name='Rex', kind=cat, legs=4, weight=1.5, "
                                  "alive=True, owner='nobody', code='dg', score=-1)")
        p.name = "it's \"quoted\"\n"
        self.assertIn("name='it\\'s \"quoted\"\\n'", repr(p))
        self.assertEqual(repr(critters.Numbers(u64=2**64 - 1, f32=0.1)),
                         'Numbers(u64=18446744073709551615, f32=0.1)')
        self.assertEqual(repr(critters.Critter(1, 'x' * 1000)).count('x'), 1000)

    def test_equality(self):
        a, b = critters.Pet(1, code='a'), critters.Pet(1, code='a')
        self.assertEqual(a, b)
        self.assertFalse(a != b)
        b.name = 'x'
        self.assertNotEqual(a, b)
        del b.name
        self.assertEqual(a, b)
        c = critters.Critter(1)
        self.assertNotEqual(c, critters.Pet(1, code='a'))
        self.assertIs(c.__eq__(1), NotImplemented)
        self.assertIs(c.__lt__(c), NotImplemented)
        with self.assertRaises(TypeError):
            hash(c)  # unhashable, as a dataclass with eq
        with self.assertRaises(TypeError):
            c < c  # noqa: B015

    def test_copy_and_pickle(self):
        p = critters.Pet(2**64 - 1, 'a name past fourteen bytes', tag='t', code='abc',
                         mood=critters.Mood.asleep)
        del p.owner
        p.weight = 0.1
        for q in [copy.copy(p), copy.deepcopy(p)] + [
                pickle.loads(pickle.dumps(p, protocol)) for protocol in range(6)]:
            self.assertIsNot(q, p)
            self.assertIs(type(q), critters.Pet)
            self.assertEqual(q, p)
            self.assertEqual(repr(q), repr(p))
            self.assertFalse(hasattr(q, 'owner'))
        n = critters.Numbers()
        self.assertEqual(pickle.loads(pickle.dumps(n)), n)

    def test_python_subclass(self):
        class Dog(critters.Pet):
            pass

        class Slim(critters.Pet):
            __slots__ = ('extra',)

        d = Dog(1, code='d')
        d.anything = [1]  # a __dict__, as a __slots__ class's subclass gets
        self.assertEqual(d.__dict__, {'anything': [1]})
        self.assertTrue(hasattr(d, '__weakref__'))
        self.assertIsInstance(d, critters.Critter)
        self.assertEqual(repr(d), "Protocols.test_python_subclass.<locals>.Dog(id=1, kind=cat, "
                                  "legs=4, weight=1.5, alive=True, owner='nobody', code='d', "
                                  "score=-1)")
        self.assertEqual(outcome(getattr, d, 'name'),
                         (AttributeError, "'Dog' object has no attribute 'name'"))
        self.assertEqual(outcome(setattr, d, 'legs', -1),
                         (OverflowError, "value out of range for 'Dog' attribute 'legs' (uint8)"))
        s = Slim(1, code='s')
        self.assertEqual(outcome(setattr, s, 'other', 1),
                         (AttributeError, "'Slim' object has no attribute 'other'"))
        s.extra = 'e'
        global Dog2, Slim2  # pickled by reference: module-level names
        Dog2, Slim2 = Dog, Slim
        Dog.__qualname__, Slim.__qualname__ = 'Dog2', 'Slim2'
        for obj in (d, s):
            for q in (copy.copy(obj), copy.deepcopy(obj), pickle.loads(pickle.dumps(obj))):
                self.assertIs(type(q), type(obj))
                self.assertEqual(repr(q), repr(obj))
        self.assertEqual(pickle.loads(pickle.dumps(d)).anything, [1])
        self.assertEqual(pickle.loads(pickle.dumps(s)).extra, 'e')
        self.assertEqual(copy.deepcopy(d).anything, [1])
        self.assertIsNot(copy.deepcopy(d).anything, d.anything)

    def test_match(self):
        def which(obj):
            match obj:
                case critters.Pet(id, name, code=code):
                    return ('pet', id, name, code)
                case critters.Critter(kind=critters.Kind.bird, legs=legs):
                    return ('bird', legs)
                case critters.Critter(id):
                    return ('critter', id)
            return None

        self.assertEqual(which(critters.Pet(1, 'Rex', code='a')), ('pet', 1, 'Rex', 'a'))
        self.assertEqual(which(critters.Critter(2, kind=critters.Kind.bird, legs=2)),
                         ('bird', 2))
        self.assertEqual(which(critters.Critter(3)), ('critter', 3))
        self.assertIsNone(which(critters.Pet(1, code='a').__class__.__new__(critters.Pet)))

    def test_introspection(self):
        self.assertEqual(critters.Critter.__slots__,
                         ('id', 'name', 'tag', 'kind', 'legs', 'weight', 'alive'))
        self.assertEqual(critters.Pet.__slots__, ('owner', 'code', 'mood', 'score'))
        self.assertEqual(critters.Pet.__annotations__, {
            'owner': str, 'code': str, 'mood': critters.Mood, 'score': int})
        self.assertEqual(critters.Numbers.__annotations__['flag'], bool)
        self.assertEqual(critters.Numbers.__annotations__['f32'], float)
        self.assertEqual(critters.Pet.__doc__, 'A critter with an owner.')
        self.assertEqual(critters.Critter.id.__doc__, 'Never reused.')
        self.assertEqual(critters.__doc__,
                         'Every slot type the Python module reaches, for its tests '
                         '(tests/python/).')
        self.assertEqual((critters.Pet.__module__, critters.Pet.__qualname__),
                         ('critters', 'Pet'))
        self.assertEqual(critters.Pet.__mro__,
                         (critters.Pet, critters.Critter, object))
        self.assertFalse(hasattr(critters.Pet, '__dict__') and
                         '__dict__' in critters.Pet.__dict__)

    def test_other_module(self):
        p = critters.Place(title='home')
        self.assertIsInstance(p, geo.Point)
        self.assertEqual(critters.Place.__bases__, (geo.Point,))
        self.assertIs(p.unit, geo.Unit.kilometer)
        self.assertIs(type(p.unit), geo.Unit)
        p.lat = 53.5
        self.assertEqual(repr(p), "Place(lat=53.5, title='home', unit=kilometer)")
        p.unit = geo.Unit.mile
        self.assertIs(p.unit, geo.Unit.mile)
        self.assertEqual(outcome(setattr, p, 'unit', critters.Kind.cat), (
            TypeError, "'Place' attribute 'unit' must be Unit, not Kind"))
        self.assertEqual(pickle.loads(pickle.dumps(p)), p)
        self.assertEqual(outcome(getattr, p, 'lon'),
                         (AttributeError, "'Place' object has no attribute 'lon'"))


class EveryClass(unittest.TestCase):
    """Every class of critters, geo and corners (tests/schemas/corners.yaml:
    limits, NaN, keywords as slot names, slots that cannot be cleared,
    strings of every kind, arrays): made by __new__, each slot read,
    printed, copied and pickled without a crash, unset slots as unset."""

    def test_every_class(self):
        count = 0
        for mod in (critters, geo, corners):
            for cls in vars(mod).values():
                if not (isinstance(cls, type) and cls.__module__ == mod.__name__ and
                        hasattr(cls, '__match_args__')):
                    continue
                obj = cls.__new__(cls)
                for name in cls.__match_args__:
                    o = outcome(getattr, obj, name)
                    if o[0] != 'ok':
                        self.assertEqual(o, (AttributeError, f"'{cls.__name__}' object has "
                                                             f"no attribute '{name}'"))
                for q in (copy.copy(obj), copy.deepcopy(obj), pickle.loads(pickle.dumps(obj))):
                    self.assertEqual(repr(q), repr(obj))
                count += 1
        self.assertEqual(count, 7 + 2 + 12)

    def test_corners(self):
        s = corners.Scalars()
        self.assertEqual((s.i64, s.u64, s.f), (-2**63, 2**64 - 1, -math.inf))
        self.assertTrue(math.isnan(s.n))
        self.assertEqual(s.s, 'tab\tquote" backslash\\ ??= é')
        self.assertNotEqual(s, corners.Scalars())  # NaN equals nothing, as in C
        self.assertEqual(outcome(corners.Manifest), (
            TypeError, "Manifest.__init__() missing 4 required positional arguments: "
                       "'namespace', 'errno', 'o', and 'rc'"))
        # Slots named after C keywords and macros keep the schema's names.
        m = corners.Manifest(namespace='ns', errno=5, o=1, rc='r', **{'class': 3})
        self.assertEqual((m.namespace, m.errno, m.o, m.rc, getattr(m, 'class')),
                         ('ns', 5, 1, 'r', 3))
        self.assertEqual(corners.Manifest.__match_args__[:3], ('namespace', 'template', 'class'))
        m.EOF = 1.5
        self.assertEqual(outcome(delattr, m, 'errno'),
                         (dataclasses.FrozenInstanceError, "cannot delete field 'errno'"))


def rss_kib():
    with open('/proc/self/statm') as f:
        return int(f.read().split()[1]) * os.sysconf('SC_PAGE_SIZE') // 1024


class Memory(unittest.TestCase):
    """No leak: a million objects made and dropped, their heap strings too."""

    def test_million_cycles(self):
        # Under valgrind (meson test --setup valgrind), fewer, and its leak
        # check instead of the process's size, which is valgrind's.
        wrapped = bool(os.environ.get('SLOTGEN_WRAP'))
        n = 2_000 if wrapped else 1_000_000
        Pet, Kind = critters.Pet, critters.Kind
        long_name = 'a name that the object keeps on the heap'
        refs = sys.getrefcount(Pet), sys.getrefcount(long_name), sys.getrefcount(Kind.dog)

        def cycle(count):
            for i in range(count):
                p = Pet(i, long_name, code='ab', kind=Kind.dog, owner=long_name)
                p.name = long_name
                p.kind
                if i % 10 == 0:
                    pickle.loads(pickle.dumps(copy.copy(p)))

        cycle(20_000)
        tracemalloc.start()
        before = rss_kib()
        cycle(n)
        grown = rss_kib() - before
        traced, _ = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        if not wrapped:
            self.assertLess(grown, 2048, f'{grown} KiB more after {n} objects')
        self.assertLess(traced, 64 * 1024)
        self.assertEqual((sys.getrefcount(Pet), sys.getrefcount(long_name),
                          sys.getrefcount(Kind.dog)), refs)

    def test_subclasses_free_their_own(self):
        class Dog(critters.Pet):
            pass

        class Slim(critters.Pet):
            __slots__ = ('extra',)

        marker = object()
        before = sys.getrefcount(marker), sys.getrefcount(Dog), sys.getrefcount(Slim)
        for i in range(50_000):
            d = Dog(i, 'a name past fourteen bytes', code='d')
            d.x = marker
            s = Slim(i, 'a name past fourteen bytes', code='s')
            s.extra = marker
        del d, s
        gc.collect()
        self.assertEqual((sys.getrefcount(marker), sys.getrefcount(Dog), sys.getrefcount(Slim)),
                         before)

    def test_errors_leak_nothing(self):
        c = critters.Critter(1)
        before = sys.getrefcount(critters.Critter)
        for _ in range(20_000):
            outcome(getattr, c, 'name')
            outcome(setattr, c, 'legs', 300)
            outcome(setattr, c, 'kind', 'x')
            outcome(critters.Critter)
            outcome(critters.Critter, 1, bogus=2)
        self.assertEqual(sys.getrefcount(critters.Critter), before)

    def test_size(self):
        # The object header (16 bytes) and the struct, rounded to 8 bytes.
        self.assertLessEqual(sys.getsizeof(critters.Numbers()), 16 + 48)
        self.assertLess(sys.getsizeof(critters.Pet(1, code='a')),
                        sys.getsizeof(make_reference(RefPet, id=1)))


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
