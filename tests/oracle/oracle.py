"""oracle.py - slotgen's by-name access against CPython, on random schemas.

usage: oracle.py SLOTGEN DRIVER_DIR SANITIZE [--seeds A-B] [--ops N] [--work DIR [--keep]] -- CC...

For each seed: a random schema (module orc: classes several levels deep,
readonly and `clear: false` slots, every scalar type, strings with and
without max_length, enums, arrays; and bytes, lists of numbers, bools,
strings, enums, bytes and objects, dicts of numbers, bools, strings and
enums, optional children of any class, the slot's own included, and
unions of two or three numbers, bools, strings, bytes and enums), the
code slotgen generates for it, compiled with driver.c by CC (and
-fsanitize=SANITIZE unless it is "none"); and a random sequence of
by-name get, set, del and has, through each object's own table or an
ancestor's, run both by driver.c and on Python classes with __slots__
built with type().  Every outcome is compared: the status, the value a
get returns, and the message (slot_strerror against str() of the
exception).  TAP on stdout, one test point a seed; the first difference
is printed with the seed, the operation and the schema, which are kept
(in --work DIR).

Two random streams make each seed.  The first makes the schema and the
operations the oracle made before bytes, lists, dicts, children and
unions, exactly; the second adds slots of those types among each class's
slots, and operations on them (and sets of their values to the other
slots, which refuse them) between the first stream's, about one for two.
So a seed keeps what it tested, and tests the new types on top.

Where the Python side's outcomes come from:

- CPython itself: whether a name is an attribute at all, whether a slot
  is set, every AttributeError and its message (getattr, setattr, delattr
  and hasattr on the __slots__ class); and every FrozenInstanceError and
  its message, raised by a real frozen dataclass
  (dataclasses.make_dataclass(..., frozen=True)) to which the class's
  __setattr__ and __delattr__ hand the readonly names (and, for del, the
  `clear: false` ones), as a frozen dataclass does for its fields.
- Modelled here, from the rules of docs/generated-code.md (Python does not
  type its slots): which values a slot accepts (model_store; TypeError is
  SLOT_ETYPE, OverflowError SLOT_ERANGE, with slotgen's messages), what it
  then holds (C's conversions: a float slot rounds to float, an integer
  given to a float or double slot is converted to double first; a union
  holds the value as one of its types, store_union), and how a get
  reports it (slot_value's type, count and size: format_value).  Bytes
  are Python bytes, a list a list, a dict a dict (insertion order, a key
  given twice keeps its place), a child None or an instance of its class,
  a union's value a Held (its type and the value).
- Modelled too, deliberate differences: slotgen's table of an ancestor
  class sees an object as an instance of that ancestor, so the operation
  runs on a Python instance of the ancestor holding the object's values of
  that ancestor's slots, and its outcome, CPython's, is copied back.  A
  set of a list, dict or child stores a deep copy (copy_object), not the
  object given; an object given as an ancestor's is copied as that
  ancestor.

driver.c prints what a get lends as this file formats it: a list's or
dict's descriptor and elements (a dict's in order), bytes in hex, an
object (in a list, or a child) as its class and its set slots, whatever
its address.  Children and lists of objects are given as new objects of
their class's defaults() or as live objects (of the class or a subclass,
small enough), so that copies of copies nest.

Only the standard library is used; the interpreter is the reference
(oracle.sh runs /usr/bin/python3).
"""

import ctypes
import dataclasses
import os
import random
import shlex
import shutil
import struct
import subprocess
import sys
import tempfile

TYPES = ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64',
         'float', 'double', 'string', 'enum', 'object', 'bytes', 'list', 'dict', 'optional',
         'union']  # slot_type's order
TYPE_NUMBER = {name: i for i, name in enumerate(TYPES)}
SIGNED = ('int8', 'int16', 'int32', 'int64')
UNSIGNED = ('uint8', 'uint16', 'uint32', 'uint64')
INTEGERS = SIGNED + UNSIGNED
NUMBERS = ('bool',) + INTEGERS + ('float', 'double')  # what slot_store_number takes
POINTER = ctypes.sizeof(ctypes.c_void_p)


class CBytes(ctypes.Structure):  # slot_bytes
    _fields_ = [('data', ctypes.c_void_p), ('len', ctypes.c_size_t)]


INT_RANGE = {t: (-2 ** (8 * n - 1), 2 ** (8 * n - 1) - 1) for t, n in zip(SIGNED, (1, 2, 4, 8))}
INT_RANGE.update({t: (0, 2 ** (8 * n) - 1) for t, n in zip(UNSIGNED, (1, 2, 4, 8))})
INT64_MIN, INT64_MAX, UINT64_MAX = -2 ** 63, 2 ** 63 - 1, 2 ** 64 - 1
C_SIZE = {'bool': ctypes.sizeof(ctypes.c_bool), 'int8': 1, 'int16': 2, 'int32': 4, 'int64': 8,
          'uint8': 1, 'uint16': 2, 'uint32': 4, 'uint64': 8, 'float': 4, 'double': 8,
          'string': POINTER, 'enum': ctypes.sizeof(ctypes.c_int), 'bytes': ctypes.sizeof(CBytes),
          'optional': POINTER}
FLT_MAX = 3.4028234663852886e38
DBL_MAX = sys.float_info.max
INF, NAN = float('inf'), float('nan')
STATUS = {'ENOATTR': 1, 'EREADONLY': 2, 'ETYPE': 3, 'ERANGE': 4}
STATUS_NAME = {0: 'OK', 1: 'SLOT_ENOATTR', 2: 'SLOT_EREADONLY', 3: 'SLOT_ETYPE',
               4: 'SLOT_ERANGE', 5: 'SLOT_ENOMEM'}
WORDS = ['score', 'name', 'level', 'id', 'team', 'alive', 'hp', 'x', 'y', 'tag', 'label',
         'count', 'mode', 'speed', 'owner', 'kills', 'ratio', 'flag', 'note', 'code', 'rank']
ENUM_VALUES = ['red', 'blue', 'green', 'spectator', 'off', 'on', 'low', 'mid', 'high', 'a']


def as_float(d):
    """C's (float)d, back as a Python float (a double)."""
    return ctypes.c_float(d).value


def bits(d):
    return struct.pack('<d', d)[::-1].hex()


# ---- the schema ---------------------------------------------------------------


class Enum:
    def __init__(self, index, name, values):
        self.index, self.name, self.values = index, name, values


class Elem:
    """What a list's elements, a dict's values or one type of a union are:
    a slot_elem, its kind and the enum or class of enums and objects."""

    def __init__(self, kind, enum=None, cls=None):
        self.kind, self.enum, self.cls = kind, enum, cls

    @property
    def type_name(self):  # as the schema writes it
        if self.kind == 'enum':
            return self.enum.name
        return self.cls.name if self.kind == 'object' else self.kind

    @property
    def size(self):  # a list's or dict's slot_elem.size; '=' for a class's, its struct's
        # (driver.c checks it); a string there is a slot_str of 16 bytes
        return '=' if self.kind == 'object' else 16 if self.kind == 'string' else C_SIZE[self.kind]

    def same(self, other):  # slot_elem_same
        return other is not None and self.kind == other.kind and self.enum is other.enum \
            and self.cls is other.cls

    def desc(self):  # as driver.c prints a descriptor
        return '%d/%s/%s' % (TYPE_NUMBER[self.kind], self.enum.name if self.enum else '-',
                             'c%d' % self.cls.index if self.cls else '-')


# The kinds of lists' elements, dicts' values and unions' types the
# random schemas hold (a choice of each: some kinds more often).
LIST_ELEMENTS = INTEGERS + ('bool', 'float', 'double') + ('string',) * 4 + ('enum',) * 2 + \
    ('object',) * 4 + ('bytes',) * 2
DICT_VALUES = INTEGERS + ('bool', 'float', 'double') + ('string',) * 4 + ('enum',) * 2
UNION_TYPES = INTEGERS + ('bool', 'float', 'double') + ('string',) * 5 + ('enum',) * 2 + \
    ('bytes',) * 2
CONTAINERS = ('bytes', 'list', 'dict', 'optional', 'union')


class Slot:
    def __init__(self, name, kind, enum=None, array=0, max_length=None, readonly=False,
                 clear=True, default=None, default_text=None):
        self.name, self.kind, self.enum, self.array = name, kind, enum, array
        self.max_length, self.readonly, self.clear = max_length, readonly, clear
        self.default, self.default_text = default, default_text
        self.elem = None   # a list's elements, a dict's values (Elem)
        self.cls = None    # an optional child's class
        self.alts = None   # a union's types (Elems)

    @property
    def type_name(self):  # as the schema and slotgen's messages spell it (slot_out_type)
        k = self.kind
        if k == 'enum':
            return self.enum.name
        if k == 'list':
            return 'list[%s]' % self.elem.type_name
        if k == 'dict':
            return 'dict[string, %s]' % self.elem.type_name
        if k == 'optional':
            return self.cls.name + ' | None'
        if k == 'union':
            return ' | '.join(a.type_name for a in self.alts)
        return k

    @property
    def size(self):  # slot_field.size
        return self.max_length + 1 if self.max_length is not None else C_SIZE[self.kind]


class Cls:
    def __init__(self, index, name, parent, own):
        self.index, self.name, self.parent, self.own = index, name, parent, own
        self.all = (parent.all if parent else []) + own
        self.names = {s.name: s for s in self.all}
        self.plain = [s for s in self.all if s.kind not in CONTAINERS]  # the first stream's
        self.py = None

    def ancestors(self):  # self, then up
        c = self
        while c:
            yield c
            c = c.parent

    @property
    def c_name(self):  # class names are a capital, then small letters and digits
        return 'orc_' + self.name.lower()


def yaml_string(s):
    out = []
    for ch in s:
        if ch in '"\\':
            out.append('\\' + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7f:
            out.append('\\x%02x' % ord(ch))
        else:
            out.append(ch)
    return '"' + ''.join(out) + '"'


def c_literal(s, v):
    """The C expression of value @v for slot @s, an argument of new()."""
    k = s.kind
    if k == 'bool':
        return 'true' if v else 'false'
    if k in SIGNED:
        return '(-INT64_C(9223372036854775807) - 1)' if v == INT64_MIN else 'INT64_C(%d)' % v
    if k in UNSIGNED:
        return 'UINT64_C(%d)' % v
    if k in ('float', 'double'):
        if v != v:
            return 'NAN'
        if v in (INF, -INF):
            return '-HUGE_VAL' if v < 0 else 'HUGE_VAL'
        return v.hex()
    if k == 'string':
        return '"' + ''.join('\\%03o' % b for b in v.encode()) + '"'
    return str(v)  # an enum


class Schema:
    """A random schema, the Python classes that mirror it, and the objects to make."""

    FLOAT_DEFAULTS = ['0', '-0.0', '1.5', '-2.25', '0.1', '3.14159', '3.4028234663852886e+38',
                      '-3.4028234663852886e+38', '1.1754943508222875e-38', '.inf', '-.inf',
                      '.nan', '16777217']
    DOUBLE_DEFAULTS = ['0', '-0.0', '0.1', '6.02214076e23', '1.7976931348623157e+308',
                       '-1.7976931348623157e+308', '2.2250738585072014e-308', '.inf', '-.inf',
                       '.nan', '9007199254740993']
    STRINGS = ['', 'Ace', 'tab\there', 'quote"', 'back\\slash', "it's", 'é', '名前', '%s %n',
               'ünïcödé ok', 'a' * 40]

    def __init__(self, rng, xrng):
        self.rng, self.xrng = rng, xrng
        self.counter = self.xcounter = 0
        self.enums = []
        for i in range(rng.randint(1, 3)):
            name = 'E%d' % i + self.filler(rng.choice([0, 3, 8, 60]))
            values = rng.sample(ENUM_VALUES, rng.randint(1, 5))
            self.enums.append(Enum(i, name, values))
        self.classes = []
        for i in range(rng.randint(7, 11)):
            parent = None
            if self.classes and rng.random() < 0.75:
                # Recent classes more often: deeper hierarchies.
                parent = self.classes[-1 - min(int(rng.expovariate(0.7)), len(self.classes) - 1)]
                depth = sum(1 for _ in parent.ancestors())
                if depth >= 6:
                    parent = None
            own = [self.slot() for _ in range(rng.choice([0, 1, 2, 3, 3, 4, 5, 6]))]
            # Bytes, lists, dicts, children and unions among them, from
            # the second stream: the first makes the schemas it made before
            # these types were added.
            for _ in range(xrng.choice([0, 1, 1, 2, 2, 3])):
                own.insert(xrng.randint(0, len(own)), self.container())
            self.classes.append(Cls(i, self.class_name(i), parent, own))
        # Children's and list elements' classes, from every class: the
        # slot's own class often (a chain, a tree), or any other.
        for c in self.classes:
            for s in c.own:
                if s.kind == 'optional':
                    s.cls = self.held_class(c)
                elif s.elem and s.elem.kind == 'object':
                    s.elem.cls = self.held_class(c)
        for c in self.classes:
            c.py = self.mirror(c)
        # The objects to make: two of each class, then some made on the way.
        # One in four is raw storage given its class's defaults() (as the
        # loaders make them), its readonly slots unset; the others come from
        # new(), given readonly values.
        self.objects = []
        for c in self.classes * 2 + [rng.choice(self.classes) for _ in range(12)]:
            if rng.random() < 0.25:
                self.objects.append((c, None))
            else:
                self.objects.append((c, {s.name: self.value_for(s) for s in c.all if s.readonly}))
        self.initial = 2 * len(self.classes)

    def mirror(self, c):
        """The Python class that stands for @c (tests/pyoracle/ makes its own)."""
        return python_class(c)

    def filler(self, n):
        return ''.join(self.rng.choice('abcdefghijklmnopqrstuvwxyz') for _ in range(n))

    def class_name(self, i):
        base = 'C%d' % i
        if self.rng.random() < 0.55:
            return base + self.filler(self.rng.randint(0, 8))
        # Around CPython's cuts (50, 100 and 200 bytes) and up to slotgen's longest.
        n = self.rng.choice([49, 50, 51, 99, 100, 101, 199, 200, 201, 254, 255])
        return base + self.filler(n - len(base))

    def slot_name(self):
        self.counter += 1
        r = self.rng.random()
        if r < 0.1:
            return '%s_%s%d' % (self.rng.choice(WORDS), self.filler(self.rng.randint(20, 70)),
                                self.counter)
        return '%s%d' % (self.rng.choice(WORDS), self.counter)

    def held_class(self, c):
        return c if self.xrng.random() < 0.4 else self.xrng.choice(self.classes)

    def elem(self, kind):
        """An Elem of @kind (an object's class is chosen later)."""
        return Elem(kind, enum=self.xrng.choice(self.enums) if kind == 'enum' else None)

    def container(self):
        """A slot of bytes, a list, a dict, an optional child or a union
        (never readonly, an array or with a default: the schema refuses
        them), from the second stream.  Its name says its type, and no typo
        of another slot's name makes it."""
        rng = self.xrng
        kind = rng.choice(['bytes'] * 2 + ['list'] * 4 + ['dict'] * 2 + ['optional'] * 2 +
                          ['union'] * 3)
        self.xcounter += 1
        s = Slot('%s_%s%d' % (rng.choice(WORDS), kind, self.xcounter), kind)
        if kind == 'list':
            s.elem = self.elem(rng.choice(LIST_ELEMENTS))
        elif kind == 'dict':
            s.elem = self.elem(rng.choice(DICT_VALUES))
        elif kind == 'union':
            s.alts = []
            n = rng.choice([2, 2, 3])
            while len(s.alts) < n:
                a = self.elem(rng.choice(UNION_TYPES))
                if not any(a.same(b) for b in s.alts):
                    s.alts.append(a)
        return s

    def slot(self):
        rng = self.rng
        kind = rng.choice(list(INTEGERS) + ['bool', 'float', 'double'] * 2 +
                          ['string'] * 3 + ['inline'] * 2 + ['enum'] * 3)
        s = Slot(self.slot_name(), 'string' if kind == 'inline' else kind)
        if kind == 'inline':
            s.max_length = rng.choice([1, 2, 3, 5, 8, 15])
        if kind == 'enum':
            s.enum = rng.choice(self.enums)
        if kind != 'inline' and rng.random() < 0.18:
            s.array = rng.randint(2, 5)
            return s
        r = rng.random()
        if r < 0.15:
            s.readonly = True
        elif r < 0.6:
            s.default_text, s.default = self.default_for(s)
            s.clear = rng.random() >= 0.35
        return s

    def default_for(self, s):
        rng, k = self.rng, s.kind
        if k == 'bool':
            text = rng.choice(['true', 'false', 'True', 'FALSE', 'yes', 'No', 'on', 'OFF'])
            return text, text.lower() in ('true', 'yes', 'on')
        if k in INTEGERS:
            lo, hi = INT_RANGE[k]
            v = rng.choice([lo, hi, 0, 1, rng.randint(lo, hi)])
            text = hex(v) if v > 0 and rng.random() < 0.3 else str(v)
            return text, v
        if k in ('float', 'double'):
            text = rng.choice(self.FLOAT_DEFAULTS if k == 'float' else self.DOUBLE_DEFAULTS)
            v = float(text.replace('.inf', 'inf').replace('.nan', 'nan'))
            return text, as_float(v) if k == 'float' else v
        if k == 'string':
            v = rng.choice([t for t in self.STRINGS
                            if s.max_length is None or len(t.encode()) <= s.max_length])
            return yaml_string(v), v
        v = rng.randrange(len(s.enum.values))
        return s.enum.values[v], v

    def value_for(self, s):
        """A readonly slot's value, given to new()."""
        rng, k = self.rng, s.kind
        if k == 'bool':
            return rng.random() < 0.5
        if k in INTEGERS:
            lo, hi = INT_RANGE[k]
            return rng.choice([lo, hi, 0, rng.randint(lo, hi)])
        if k == 'float':
            return rng.choice([0.0, -0.0, 1.5, FLT_MAX, -INF, NAN, as_float(rng.uniform(-1e6, 1e6))])
        if k == 'double':
            return rng.choice([0.0, -0.0, 0.1, DBL_MAX, INF, NAN, rng.uniform(-1e300, 1e300)])
        if k == 'string':
            return rng.choice([t for t in self.STRINGS
                               if s.max_length is None or len(t.encode()) <= s.max_length])
        return rng.randrange(len(s.enum.values))

    def yaml(self):
        out = ['slotgen: 1', 'module: orc', 'enums:']
        for e in self.enums:
            out.append('  %s:' % e.name)
            out.append('    values: [%s]' % ', '.join(e.values))
        out.append('classes:')
        for c in self.classes:
            out.append('  %s:' % c.name)
            if c.parent:
                out.append('    extends: %s' % c.parent.name)
            if c.own:
                out.append('    slots:')
            for s in c.own:
                keys = ['type: %s' % (s.enum.name if s.kind == 'enum' else s.kind)]
                if s.kind in CONTAINERS:  # in quotes: [, | and , are YAML's in a flow mapping
                    keys = ['type: "%s"' % s.type_name]
                if s.max_length is not None:
                    keys.append('max_length: %d' % s.max_length)
                if s.array:
                    keys.append('array: %d' % s.array)
                if s.readonly:
                    keys.append('readonly: true')
                if s.default_text is not None:
                    keys.append('default: %s' % s.default_text)
                if not s.clear:
                    keys.append('clear: false')
                out.append('      %s: {%s}' % (s.name, ', '.join(keys)))
            if not c.own and not c.parent:
                out[-1] += ' {}'
        return '\n'.join(out) + '\n'

    def objects_c(self):
        """objects.c: the tables and new() of every object to make (objects.h)."""
        out = ['/* Written by oracle.py for one random schema. */', '#include <math.h>',
               '#include "objects.h"', '',
               'const slot_class *const oracle_classes[] = {']
        out += ['\t&%s_class,' % c.c_name for c in self.classes]
        out += ['};', 'const size_t oracle_class_count = %d;' % len(self.classes), '',
                'const slot_enum *const oracle_enums[] = {']
        out += ['\t&orc_%s_enum,' % e.name.lower() for e in self.enums]
        out += ['};', 'const size_t oracle_enum_count = %d;' % len(self.enums), '',
                'const size_t oracle_class_of[] = {']
        out += ['\t%d,' % c.index for c, _ in self.objects]
        out += ['};', 'const size_t oracle_object_count = %d;' % len(self.objects), '',
                '/* Raw storage given the class\'s defaults, readonly slots unset. */',
                'static void *raw(const slot_class *cls)', '{',
                '\tvoid *obj = slot_malloc(cls->size);',
                '\tif (obj && cls->defaults(obj) != SLOT_OK) {',
                '\t\tslot_free(obj);', '\t\treturn NULL;', '\t}', '\treturn obj;', '}', '',
                'void *oracle_new(size_t j)', '{', '\tswitch (j) {']
        for j, (c, values) in enumerate(self.objects):
            if values is None:
                out.append('\tcase %d: return raw(&%s_class);' % (j, c.c_name))
                continue
            args = ', '.join(c_literal(s, values[s.name]) for s in c.all if s.readonly)
            out.append('\tcase %d: return %s_new(%s);' % (j, c.c_name, args))
        out += ['\t}', '\treturn NULL;', '}', '', 'void oracle_free(size_t k, void *obj)', '{',
                '\tswitch (k) {']
        for c in self.classes:
            out.append('\tcase %d: %s_free(obj); return;' % (c.index, c.c_name))
        out += ['\t}', '}']
        return '\n'.join(out) + '\n'


# ---- the Python side ------------------------------------------------------------


class ModelledTypeError(TypeError):
    """slotgen's SLOT_ETYPE, where CPython would take any value."""


class ModelledOverflowError(OverflowError):
    """slotgen's SLOT_ERANGE."""


class Refused(Exception):
    """A value one type does not take: status 'ETYPE' or 'ERANGE' (a union
    tries several types before it refuses)."""

    def __init__(self, status):
        super().__init__(status)
        self.status = status


class NullBytes:
    """Bytes of a NULL pointer and a length (slot_bytes {NULL, n}): no slot takes them."""

    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return 'bytes{NULL, %d}' % self.n


class Fresh:
    """An object driver.c makes for the value, its class's defaults()
    (readonly slots unset); or, given no class, a pointer never read."""

    def __repr__(self):
        return 'a new object'


FRESH = Fresh()


class Live:
    """Object #o, alive on both sides, given as it is (a slot copies it)."""

    def __init__(self, o, obj):
        self.o, self.obj = o, obj

    def __repr__(self):
        return 'object #%d' % self.o


class Held:
    """What a union slot holds: which of its types (the kind's index), and the value."""

    def __init__(self, kind, value):
        self.kind, self.value = kind, value


class Given:
    """A value given to set: a slot_value.  One element, or an array (as.p);
    a list, its elements described by @elem; a dict, (key, value) pairs in
    @elems (None: a NULL as.p); bytes (NullBytes, or None for a NULL
    as.p); an object or child (None, FRESH or Live).  @ref is where
    driver.c finds a list's or dict's descriptor."""

    def __init__(self, vtype, elems, array=False, enum=None, cls=None, elem=None, ref='-1'):
        self.vtype, self.elems, self.array, self.enum, self.cls = vtype, elems, array, enum, cls
        self.elem, self.ref = elem, ref

    @property
    def sized(self):  # a list's or dict's count is its length, not an array's
        return self.vtype not in ('list', 'dict')

    @property
    def count(self):
        if not self.sized:
            return len(self.elems or [])
        return len(self.elems) if self.array else 1

    @property
    def type_name(self):  # as slotgen's messages spell the value's type (slot_out_type)
        t = self.vtype
        if t == 'enum':
            return self.enum.name if self.enum else 'enum'
        if t == 'object':
            return self.cls.name if self.cls else 'object'
        if t == 'optional':
            return self.cls.name + ' | None' if self.cls else 'optional'
        if t == 'list':
            return 'list[%s]' % self.elem.type_name if self.elem else 'list'
        if t == 'dict':
            return 'dict[string, %s]' % self.elem.type_name if self.elem else 'dict'
        return t

    def null_name(self):  # slot_null_name: a single NULL string, bytes or dict, or None
        if self.vtype == 'dict':
            return 'NULL' if self.elems is None else None
        if not self.sized or self.array or self.elems[0] is not None:
            return None
        return {'string': 'NULL', 'bytes': 'NULL', 'object': 'None',
                'optional': 'None'}.get(self.vtype)

    def holds_null(self, s):  # slot_holds_null: refused for a NULL inside
        if self.vtype == 'bytes':
            return not self.array and isinstance(self.elems[0], NullBytes)
        return not self.sized and self.vtype == s.kind and s.elem.same(self.elem)

    @staticmethod
    def element(kind, e):
        """Element @e of type @kind, as driver.c reads it."""
        if kind == 'bool':
            return '1' if e else '0'
        if kind in ('float', 'double'):
            return bits(e)
        if kind == 'string':
            return 'N' if e is None else 'x' + e.encode().hex()
        if kind == 'bytes':
            if e is None:
                return 'N'
            return 'Z%d' % e.n if isinstance(e, NullBytes) else 'x' + e.hex()
        if kind in ('object', 'optional'):
            if e is None:
                return 'N'
            return 'o%d' % e.o if isinstance(e, Live) else '-'
        return str(e)

    def wire(self):
        t = self.vtype
        if t == 'list':
            head = '%d %d %s 1' % (TYPE_NUMBER[t], len(self.elems), self.ref)
            return ' '.join([head] + [self.element(self.elem.kind, e) for e in self.elems])
        if t == 'dict':
            if self.elems is None:
                return '%d 0 %s 0 N' % (TYPE_NUMBER[t], self.ref)
            out = ['%d %d %s 1' % (TYPE_NUMBER[t], len(self.elems), self.ref)]
            for key, v in self.elems:
                out += ['x' + key.encode().hex(), self.element(self.elem.kind, v)]
            return ' '.join(out)
        aux = self.enum.index if self.enum else self.cls.index if self.cls else -1
        head = '%d %d %d %d' % (TYPE_NUMBER[t], self.count, aux, int(self.array))
        return ' '.join([head] + [self.element(t, e) for e in self.elems])

    def __repr__(self):
        if not self.sized:
            return '%s %s' % (self.type_name, shorten(repr(self.elems), 200))
        if self.array:
            return '%s[%d] %r' % (self.type_name, self.count, self.elems)
        return '%s %s' % (self.type_name, shorten(repr(self.elems[0]), 200))


def accept(kind, enum, max_length, g):
    """slot_store's rules for a single value @g given to a slot, or to one
    type of a union, of type @kind: the value then held, or Refused."""
    t = g.vtype
    x = g.elems[0] if g.sized else None

    def refuse(status='ETYPE'):
        raise Refused(status)

    if kind == 'string':
        if t != 'string' or x is None:
            refuse()
        if max_length is not None and len(x.encode()) > max_length:
            refuse('ERANGE')
        return x
    if kind == 'bytes':
        if t != 'bytes' or x is None or isinstance(x, NullBytes):
            refuse()
        return x
    if kind == 'enum':
        if t == 'enum' and g.enum is enum or t in SIGNED:
            e = x
        elif t in UNSIGNED:
            e = x if x <= INT64_MAX else -1
        else:
            refuse()
        if not 0 <= e < len(enum.values):
            refuse('ERANGE')
        return e
    if kind in INTEGERS:
        if t not in INTEGERS:
            refuse()
        lo, hi = INT_RANGE[kind]
        if not lo <= x <= hi:
            refuse('ERANGE')
        return x
    if kind == 'bool':
        if t != 'bool':
            refuse()
        return x
    if t in ('float', 'double'):
        d = x
    elif t in INTEGERS:
        d = float(x)  # C's (double)
    else:
        refuse()
    return d if kind == 'double' else as_float(d)


def store_union(s, g):
    """slot_store_union: a value of one of the union's types goes to that
    type (SLOT_ERANGE out of its range); else a number (a bool too) goes to
    the first of the union's numbers and bools that takes it, SLOT_ERANGE
    if some take its type but none its value."""
    if g.count != 1 or not g.sized:
        raise Refused('ETYPE')
    for i, a in enumerate(s.alts):
        if a.kind == g.vtype and (a.kind != 'enum' or a.enum is g.enum):
            return Held(i, accept(a.kind, a.enum, None, g))
    status = 'ETYPE'
    if g.vtype in NUMBERS:
        for i, a in enumerate(s.alts):
            if a.kind in NUMBERS:
                try:
                    return Held(i, accept(a.kind, None, None, g))
                except Refused as r:
                    if status == 'ETYPE':
                        status = r.status
    raise Refused(status)


def model_store(cls_name, s, g):
    """What slot @s holds after being given @g, or the error slotgen gives.

    Modelled on docs/generated-code.md ("Setting.", lists, dicts, unions and
    optional children) and the messages of its table; CPython has already
    refused unknown names and frozen fields."""

    def etype():
        want = s.type_name + ('[%d]' % s.array if s.array else '')
        garr = g.sized and (bool(s.array) or g.count != 1)
        null = None if garr else g.null_name()
        if null:
            got = null
        else:
            got = g.type_name
            if garr:
                got += '[%d]' % g.count
            elif g.holds_null(s):
                got += ' holding NULL'
        raise ModelledTypeError("'%s' attribute '%s' must be %s, not %s"
                                % (cls_name, s.name, want, got))

    def erange():
        if s.max_length is not None:
            raise ModelledOverflowError("string too long for '%s' attribute '%s' (at most %d bytes)"
                                        % (cls_name, s.name, s.max_length))
        raise ModelledOverflowError("value out of range for '%s' attribute '%s' (%s)"
                                    % (cls_name, s.name, s.type_name))

    k, t = s.kind, g.vtype
    if s.array:  # assigned whole: the exact type and count
        if t != k or g.count != s.array or not g.array or (k == 'enum' and g.enum is not s.enum):
            etype()
        return tuple(g.elems)
    try:
        if k == 'list':  # deep copies; no NULL string, no bytes of NULL
            if t != 'list' or not s.elem.same(g.elem) or \
                    any(e is None or isinstance(e, NullBytes) for e in g.elems):
                raise Refused('ETYPE')
            return [copy_element(s.elem, e) for e in g.elems]
        if k == 'dict':  # a key given twice keeps its place, with the last value
            if t != 'dict' or g.elems is None or not s.elem.same(g.elem):
                raise Refused('ETYPE')
            d = {}
            for key, v in g.elems:
                d[key] = v
            return d
        if g.count != 1:
            raise Refused('ETYPE')
        if k == 'optional':  # None, or a deep copy of an object of the class
            x = g.elems[0]
            if t not in ('optional', 'object') or (x is not None and g.cls is not s.cls):
                raise Refused('ETYPE')
            return None if x is None else copy_element(Elem('object', cls=s.cls), x)
        if k == 'union':
            return store_union(s, g)
        return accept(k, s.enum, s.max_length, g)
    except Refused as r:
        if r.status == 'ERANGE':
            erange()
        etype()


def copy_element(elem, e):
    """A deep copy of element @e of kind @elem: a new object for FRESH, a
    copy through @elem's class of a live object or of a held one."""
    if elem.kind != 'object':
        return e  # numbers, strings and bytes are immutable
    if e is FRESH:
        return make_python_object(elem.cls, None)
    return copy_object(elem.cls, e.obj if isinstance(e, Live) else e)


def copy_object(cls, src):
    """slot_object_copy through @cls's table: a new @cls holding deep copies
    of the slots of @cls set in @src (an instance of @cls or a subclass)."""
    obj = object.__new__(cls.py)
    for s in cls.all:
        try:
            v = getattr(src, s.name)
        except AttributeError:
            continue
        if s.kind == 'list':
            v = [copy_element(s.elem, e) for e in v]
        elif s.kind == 'dict':
            v = dict(v)
        elif s.kind == 'optional' and v is not None:
            v = copy_object(s.cls, v)
        object.__setattr__(obj, s.name, v)
    return obj


def count_objects(cls, obj):
    """How many objects a copy of @obj through @cls makes: it, its children, theirs..."""
    n = 1
    for s in cls.all:
        if s.kind == 'optional' or (s.kind == 'list' and s.elem.kind == 'object'):
            try:
                v = getattr(obj, s.name)
            except AttributeError:
                continue
            if s.kind == 'optional':
                n += count_objects(s.cls, v) if v is not None else 0
            else:
                n += sum(count_objects(s.elem.cls, e) for e in v)
    return n


def frozen_twin(names):
    """An instance of a frozen dataclass with these fields: what raises
    FrozenInstanceError, with dataclasses' own message."""
    if not names:
        return None
    frozen = dataclasses.make_dataclass('Frozen', names, frozen=True)
    return frozen(*[None] * len(names))


def python_class(c):
    """The __slots__ class of @c, built with type(), its base its parent's."""
    readonly = {s.name for s in c.all if s.readonly}
    keep = [s.name for s in c.all if s.readonly or not s.clear]  # cannot be deleted
    frozen = frozen_twin(keep)
    slots = c.names

    def __setattr__(self, name, value):
        if name in readonly:
            setattr(frozen, name, value)  # raises FrozenInstanceError
        s = slots.get(name)
        if s is not None:
            value = model_store(type(self).__name__, s, value)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if name in keep:
            delattr(frozen, name)  # raises FrozenInstanceError
        object.__delattr__(self, name)

    ns = {'__slots__': tuple(s.name for s in c.own),
          '__setattr__': __setattr__, '__delattr__': __delattr__}
    return type(c.name, (c.parent.py if c.parent else object,), ns)


def make_python_object(c, values):
    """The Python twin of an object new() makes, or defaults() when @values is None."""
    obj = object.__new__(c.py)
    for s in c.all:
        if s.readonly and values is None:
            continue
        if s.readonly:
            v = values[s.name]
            object.__setattr__(obj, s.name, as_float(v) if s.kind == 'float' else v)
        elif s.default is not None:
            object.__setattr__(obj, s.name, s.default)
    return obj


def format_element(kind, e, cls=None):
    """One element as driver.c prints it; an object's through class @cls."""
    if kind == 'bool':
        return '1' if e else '0'
    if kind in ('float', 'double'):
        return bits(e)
    if kind == 'string':
        return 'N' if e is None else 'x' + e.encode().hex()
    if kind == 'bytes':
        return 'b' + e.hex()
    if kind == 'object':
        return format_object(cls, e)
    return str(e)


def format_object(cls, obj):
    """An object as driver.c prints it: its class, and each set slot and
    its value in table order (its identity left out)."""
    out = []
    for s in cls.all:
        try:
            v = getattr(obj, s.name)
        except AttributeError:
            continue
        out.append('%s=%s' % (s.name, format_value(s, v)))
    return 'c%d(%s)' % (cls.index, ';'.join(out))


def format_value(s, v):
    """A get's value as driver.c prints slot_get's slot_value:
    TYPE:COUNT:SIZE:ENUM:VALUE."""
    k = s.kind
    if k == 'union':  # the type it holds
        a = s.alts[v.kind]
        return '%d:1:%d:%s:%s' % (TYPE_NUMBER[a.kind], C_SIZE[a.kind],
                                  a.enum.name if a.enum else '-',
                                  format_element(a.kind, v.value))
    if k in ('list', 'dict'):  # the items, lent, and their descriptor
        head = '%d:%d:%s:-:%s' % (TYPE_NUMBER[k], len(v), s.elem.size, s.elem.desc())
        e = s.elem
        if k == 'list':
            return head + '[%s]' % ','.join(format_element(e.kind, x, e.cls) for x in v)
        return head + '{%s}' % ','.join('%s=%s' % (format_element('string', key),
                                                   format_element(e.kind, x, e.cls))
                                        for key, x in v.items())
    if k == 'bytes':
        return '%d:1:%d:-:%s' % (TYPE_NUMBER[k], C_SIZE[k], format_element(k, v))
    if k == 'optional':
        return '%d:1:%d:-:%s' % (TYPE_NUMBER[k], C_SIZE[k],
                                 'N' if v is None else format_object(s.cls, v))
    head = '%d:%d:%d:%s:' % (TYPE_NUMBER[k], s.array or 1, s.size,
                            s.enum.name if s.enum else '-')
    if s.array:
        return head + ','.join(format_element(k, e) for e in v)
    return head + format_element(k, v)


def failure(status, e):
    return '%d %s' % (status, str(e).encode().hex())


def run_python(kind, obj, table, name, given):
    """One operation on the Python side: the line driver.c should print."""
    own = type(obj) is table.py
    target = obj
    if not own:  # an ancestor's table: the object seen as that ancestor
        target = object.__new__(table.py)
        for s in table.all:
            try:
                object.__setattr__(target, s.name, getattr(obj, s.name))
            except AttributeError:
                pass
    try:
        if kind == 'get':
            v = getattr(target, name)
            if name not in table.names:
                raise SystemExit('oracle.py: %r is an attribute of %s but no slot: '
                                 'do not generate it' % (name, table.name))
            out = '0 ' + format_value(table.names[name], v)
        elif kind == 'has':
            out = 'has %d' % hasattr(target, name)
        elif kind == 'del':
            delattr(target, name)
            out = '0'
        else:
            setattr(target, name, given)
            out = '0'
    except dataclasses.FrozenInstanceError as e:  # an AttributeError: first
        out = failure(STATUS['EREADONLY'], e)
    except AttributeError as e:
        out = failure(STATUS['ENOATTR'], e)
    except ModelledTypeError as e:
        out = failure(STATUS['ETYPE'], e)
    except ModelledOverflowError as e:
        out = failure(STATUS['ERANGE'], e)
    if not own:
        for s in table.all:
            try:
                object.__setattr__(obj, s.name, getattr(target, s.name))
            except AttributeError:
                try:
                    object.__delattr__(obj, s.name)
                except AttributeError:
                    pass
    return out


# ---- the operations ---------------------------------------------------------------


class Run:
    """The operations of one seed, run on the Python side as they are made."""

    ODD_NAMES = ['__dict__', '__weakref__', '', 'slot_bits', 'slot_base', 'é', 'ñame', '名前',
                 '🎮', 'ß', "it's", 'a"b', 'a b', 'a\nb', '%s', '%n%n', '%.*s', '\\', "'",
                 '\0', 'a\0b', 'Score', 'SCORE', 'score ', ' score']
    KEYS = ['', 'a', 'b', 'key', 'Key', 'é', '名前', 'tab\there', 'sp ace', "it's",
            'k' * 40] + ['k%d' % i for i in range(12)]
    LIST_STRINGS = ['', 'Ace', 'é', '名前', 'x' * 100, 'a' * 14, 'b' * 15, 'tab\there']

    def __init__(self, schema, rng, xrng):
        self.schema, self.rng, self.xrng = schema, rng, xrng
        self.ops = []        # (line for driver.c, line expected, what for a person)
        self.live = {}       # object index -> (class, Python object)
        self.made = 0
        self.deleted = []    # names deleted lately, for double deletes and gets after
        self.all_slots = [s for c in schema.classes for s in c.own if s.kind not in CONTAINERS]
        self.containers = [s for c in schema.classes for s in c.own if s.kind in CONTAINERS]
        self.deleted_containers = []
        self.counts = {}
        self.type_counts = {}  # (slot type, call, outcome) for lists, dicts, bytes, ...
        # The descriptors of the fields of lists and dicts, as driver.c
        # finds them: f<class>.<field> (fields in table order).
        self.fields = [(s.elem, 'f%d.%d' % (c.index, i))
                       for c in schema.classes for i, s in enumerate(c.all) if s.elem]

    def add(self, line, expected, what):
        self.ops.append((line, expected, what))

    def make(self):
        c, values = self.schema.objects[self.made]
        self.live[self.made] = (c, make_python_object(c, values))
        self.add('new %d' % self.made, 'ok', 'make #%d, a %s, with %s' % (
            self.made, shorten(c.name, 40), 'new()' if values is not None else 'defaults()'))
        self.made += 1

    def typo(self, name):
        rng = self.rng
        i = rng.randrange(len(name) + 1)
        how = rng.randrange(6)
        if how == 0 and i < len(name):
            return name[:i] + rng.choice('abcxyz_0') + name[i + 1:]
        if how == 1 and i < len(name):
            return name[:i] + name[i + 1:]
        if how == 2:
            return name[:i] + rng.choice('aeq1_') + name[i:]
        if how == 3 and i + 1 < len(name):
            return name[:i] + name[i + 1] + name[i] + name[i + 2:]
        if how == 4:
            return name.upper()
        return name + rng.choice(['_', '\0', 'é', '\0tail', ' '])

    def odd_name(self, table):
        rng = self.rng
        r = rng.random()
        real = [s.name for s in table.plain] or ['score']
        if r < 0.35:
            return self.typo(rng.choice(real))
        if r < 0.7:
            return rng.choice(self.ODD_NAMES)
        if r < 0.85:  # long: names of up to 4,000 bytes
            n = rng.choice([255, 256, 300, 1000, 4000])
            return (rng.choice(['a', 'x', rng.choice(real)]) * n)[:n]
        return rng.choice(real) + '\0' + rng.choice(['', 'x', rng.choice(real)])

    def pick_name(self, table):
        rng = self.rng
        r = rng.random()
        if r < 0.5 and table.plain:
            return rng.choice(table.plain).name
        if r < 0.6 and self.deleted:
            return rng.choice(self.deleted)
        if r < 0.7:  # a slot of another class: a sibling, a subclass, anyone
            return rng.choice(self.all_slots).name
        while True:
            name = self.odd_name(table)
            # A name Python objects have besides their slots (__class__, ...)
            # is no slot; none of the odd names should be one.
            if any(name in k.__dict__ for k in table.py.__mro__) and name not in table.names:
                continue
            return name

    def int_value(self, lo, hi, inside):
        rng = self.rng
        if inside:
            x = rng.choice([lo, hi, 0, 1, lo + 1, hi - 1, rng.randint(lo, hi)])
            x = min(max(x, lo), hi)
        else:
            x = rng.choice([v for v in (lo - 1, hi + 1, INT64_MIN, UINT64_MAX, 2 ** 63, 2 ** 31,
                                        -1, 256, 65536)
                            if INT64_MIN <= v <= UINT64_MAX and not lo <= v <= hi] or [UINT64_MAX])
        if x < 0 or (x <= INT64_MAX and rng.random() < 0.5):
            return Given(rng.choice(SIGNED), [x])
        return Given(rng.choice(UNSIGNED), [x])

    def float_value(self):
        rng = self.rng
        if rng.random() < 0.25:
            return self.int_value(INT64_MIN, UINT64_MAX, True) if rng.random() < 0.5 else \
                Given(rng.choice(INTEGERS[:4]), [rng.choice([2 ** 24 + 1, 2 ** 53 + 1, -1, 0])])
        d = rng.choice([0.0, -0.0, 1.5, -2.25, 0.1, FLT_MAX, 3.4028235e38, 3.4028235677973366e38,
                        1e39, DBL_MAX, -DBL_MAX, INF, -INF, NAN, 1.1754943508222875e-38,
                        1.4e-45, 1e-46, 5e-324, rng.uniform(-1e10, 1e10)])
        return Given(rng.choice(['float', 'double']), [d])

    def string_value(self, s, inside):
        rng = self.rng
        if s.max_length is None:
            return Given('string', [rng.choice(Schema.STRINGS + ['x' * 300])])
        n = s.max_length
        if inside:
            v = rng.choice(['', 'a' * n, 'é' * (n // 2), 'b' * rng.randint(0, n)])
        else:
            v = rng.choice(['a' * (n + 1), 'é' * ((n + 2) // 2), 'z' * (n + 20), 'a' * (n - 1) + 'é'])
        return Given('string', [v])

    def enum_value(self, s, inside):
        rng, n = self.rng, len(s.enum.values)
        if inside:
            v = rng.randrange(n)
            if rng.random() < 0.6:
                return Given('enum', [v], enum=s.enum)
            return self.int_value(v, v, True)
        v = rng.choice([n, -1, n + 1, 2 ** 31, INT64_MIN])
        if rng.random() < 0.4:
            return Given('enum', [v], enum=s.enum)
        if rng.random() < 0.5:
            return Given('uint64', [rng.choice([2 ** 63, UINT64_MAX, n])])
        return Given(rng.choice(SIGNED), [v])

    def wrong_value(self, s):
        rng = self.rng
        options = [
            Given('bool', [True]),
            Given('string', ['7']),
            Given('string', [None]),
            Given('double', [1.0]),
            Given('int32', [1]),
            Given('enum', [0], enum=rng.choice(self.schema.enums)),
            Given('enum', [0]),  # no enum_type
            Given('object', [FRESH], cls=rng.choice(self.schema.classes)),
            Given('object', [FRESH]),
            self.array_value(rng.choice(['uint16', 'string', 'double']), rng.choice([0, 2, 3])),
        ]
        return rng.choice(options)

    def element(self, t, enum=None):
        rng = self.rng
        if t == 'bool':
            return rng.random() < 0.5
        if t in INTEGERS:
            lo, hi = INT_RANGE[t]
            return rng.choice([lo, hi, 0, rng.randint(lo, hi)])
        if t == 'float':
            return as_float(rng.choice([0.0, -0.0, FLT_MAX, INF, NAN, rng.uniform(-1e6, 1e6)]))
        if t == 'double':
            return rng.choice([0.0, -0.0, DBL_MAX, -INF, NAN, 5e-324, rng.uniform(-1e6, 1e6)])
        if t == 'string':
            return rng.choice([None, '', 'Ace', 'é', '名前', 'x' * 100])
        return rng.choice([0, 1, len(enum.values) if enum else 3, -1, 2 ** 31 - 1])  # enum: raw

    def array_value(self, t, n, enum=None):
        return Given(t, [self.element(t, enum) for _ in range(n)], array=True, enum=enum)

    # ---- values of bytes, lists, dicts, children and unions

    def bytes_value(self):
        rng = self.rng
        n = rng.choice([0, 1, 2, 3, 14, 15, 16, 17, 40])
        return bytes(rng.choice([0, 255, rng.randrange(256)]) for _ in range(n))

    def any_elem(self, kinds):
        rng, schema = self.rng, self.schema
        k = rng.choice(kinds)
        return Elem(k, enum=rng.choice(schema.enums) if k == 'enum' else None,
                    cls=rng.choice(schema.classes) if k == 'object' else None)

    def other_elem(self, elem, kinds):
        rng, schema = self.rng, self.schema
        if rng.random() < 0.4:  # the same type, another enum or class: only those tell
            if elem.kind == 'enum' and len(schema.enums) > 1:
                return Elem('enum', enum=rng.choice([e for e in schema.enums
                                                     if e is not elem.enum]))
            if elem.kind == 'object':
                return Elem('object', cls=rng.choice([c for c in schema.classes
                                                      if c is not elem.cls]))
        while True:
            e = self.any_elem(kinds)
            if not e.same(elem):
                return e

    def ref(self, elem):
        """Where driver.c finds a descriptor of @elem's kind: a field's own,
        or one it makes (k<type>, then .<enum> or .<class>)."""
        fields = [ref for e, ref in self.fields if e.same(elem)]
        if fields and self.rng.random() < 0.6:
            return self.rng.choice(fields)
        ref = 'k%d' % TYPE_NUMBER[elem.kind]
        if elem.enum:
            ref += '.%d' % elem.enum.index
        if elem.cls:
            ref += '.%d' % elem.cls.index
        return ref

    def child(self, cls):
        """An object of @cls to give: a new one, or half the time a live
        object of @cls or a subclass (seen as a @cls) that is small."""
        rng = self.rng
        if rng.random() < 0.5:
            alive = [o for o, (c, _) in sorted(self.live.items()) if cls in c.ancestors()]
            if alive:
                o = rng.choice(alive)
                obj = self.live[o][1]
                if count_objects(cls, obj) <= 20:
                    return Live(o, obj)
        return FRESH

    def item(self, elem, good=True):
        """An element of a list or a value of a dict; not @good: a NULL string, bytes of NULL."""
        rng, k = self.rng, elem.kind
        if k == 'string':
            return rng.choice(self.LIST_STRINGS) if good else None
        if k == 'bytes':
            return self.bytes_value() if good else NullBytes(rng.choice([1, 3]))
        if k == 'object':
            return self.child(elem.cls)
        if k == 'enum':  # stored as it is, as in arrays
            n = len(elem.enum.values)
            return rng.choice([rng.randrange(n)] * 4 + [n, -1])
        return self.element(k)

    def list_value(self, elem):
        rng = self.rng
        if elem is None:  # no descriptor
            return Given('list', [], elem=None, ref='-1')
        items = [self.item(elem) for _ in range(rng.choice([0, 1, 2, 3, 4, 6]))]
        if items and elem.kind in ('string', 'bytes') and rng.random() < 0.15:
            items[rng.randrange(len(items))] = self.item(elem, good=False)
        return Given('list', items, elem=elem, ref=self.ref(elem))

    def dict_value(self, elem):
        rng = self.rng
        if elem is None:
            return Given('dict', [], elem=None, ref='-1')
        if rng.random() < 0.05:  # a NULL as.p
            return Given('dict', None, elem=elem, ref=self.ref(elem))
        pairs = [(rng.choice(self.KEYS), self.item(elem))
                 for _ in range(rng.choice([0, 1, 2, 3, 5, 9, 12]))]
        return Given('dict', pairs, elem=elem, ref=self.ref(elem))

    def alt_value(self, a):
        """A value of a union's type @a, of that type: in its range or not."""
        rng, k = self.rng, a.kind
        if k in INTEGERS:
            lo, hi = INT_RANGE[k]
            out = [v for v in (lo - 1, hi + 1)
                   if (INT64_MIN <= v <= INT64_MAX if k in SIGNED else 0 <= v <= UINT64_MAX)]
            if out and rng.random() < 0.25:
                return Given(k, [rng.choice(out)])
            return Given(k, [rng.choice([lo, hi, 0, 1, rng.randint(lo, hi)])])
        if k == 'bool':
            return Given(k, [rng.random() < 0.5])
        if k in ('float', 'double'):
            g = self.float_value()  # as the union's type, or as another
            if g.vtype in ('float', 'double') and rng.random() < 0.7:
                return Given(k, g.elems)
            return g
        if k == 'string':
            return Given(k, [rng.choice(Schema.STRINGS + [None])])
        if k == 'bytes':
            return Given(k, [rng.choice([self.bytes_value()] * 6 + [None, NullBytes(2)])])
        n = len(a.enum.values)
        return Given('enum', [rng.choice([rng.randrange(n)] * 3 + [n, -1])], enum=a.enum)

    def new_kind_value(self):
        """A list, dict, bytes or object, of any kind."""
        rng, schema = self.rng, self.schema
        return rng.choice([
            lambda: self.list_value(self.any_elem(LIST_ELEMENTS)),
            lambda: self.dict_value(self.any_elem(DICT_VALUES)),
            lambda: Given('bytes', [rng.choice([b'', b'ab', None, NullBytes(2)])]),
            lambda: Given(rng.choice(['optional', 'object']), [None],
                          cls=rng.choice(schema.classes + [None])),
            lambda: Given(rng.choice(['optional', 'object']), [FRESH],
                          cls=rng.choice(schema.classes)),
        ])()

    def container_value(self, s):
        rng, schema = self.rng, self.schema
        k = s.kind
        r = rng.random()
        if r < 0.1:
            return self.wrong_value(s) if rng.random() < 0.5 else self.new_kind_value()
        if k == 'bytes':
            if r < 0.85:
                return Given('bytes', [self.bytes_value()])
            return Given('bytes', [rng.choice([None, NullBytes(rng.choice([1, 5]))])])
        if k == 'list':
            if r < 0.75:
                return self.list_value(s.elem)
            return self.list_value(self.other_elem(s.elem, LIST_ELEMENTS) if r < 0.95 else None)
        if k == 'dict':
            if r < 0.75:
                return self.dict_value(s.elem)
            return self.dict_value(self.other_elem(s.elem, DICT_VALUES) if r < 0.95 else None)
        if k == 'optional':
            vtype = rng.choice(['optional', 'object'])
            if r < 0.3:
                return Given(vtype, [None], cls=rng.choice([None, s.cls, s.cls,
                                                           rng.choice(schema.classes)]))
            if r < 0.8:
                return Given(vtype, [self.child(s.cls)], cls=s.cls)
            others = [c for c in schema.classes if c is not s.cls]
            if others and r < 0.95:
                c = rng.choice(others)
                return Given(vtype, [self.child(c)], cls=c)
            return Given(vtype, [FRESH])  # no class: a pointer never read
        # A union: a value of one of its types, a number of another type,
        # a value of a type it does not have.
        if r < 0.55:
            return self.alt_value(rng.choice(s.alts))
        if r < 0.85:
            return rng.choice([
                lambda: self.int_value(*rng.choice([(INT64_MIN, UINT64_MAX), (-1, 1),
                                                    (0, 255), (-2 ** 31, 2 ** 32)]), True),
                lambda: self.float_value(),
                lambda: Given('bool', [rng.random() < 0.5]),
            ])()
        return self.alt_value(self.any_elem(UNION_TYPES))

    def value_for(self, s):
        rng = self.rng
        r = rng.random()
        if s.kind in CONTAINERS:
            return self.container_value(s)
        if s.array:
            if r < 0.55:
                return self.array_value(s.kind, s.array, s.enum)
            if r < 0.7:
                return self.array_value(s.kind, rng.choice([0, s.array - 1, s.array + 1]), s.enum)
            if r < 0.85:
                if s.kind == 'enum':
                    return self.array_value('enum', s.array, rng.choice(self.schema.enums + [None]))
                return self.array_value(rng.choice([t for t in TYPES[:12] if t != s.kind]),
                                        s.array, rng.choice(self.schema.enums))
            return self.wrong_value(s) if rng.random() < 0.5 else self.int_value(0, 1, True)
        if r < 0.15:
            return self.wrong_value(s)
        inside = r < 0.75
        k = s.kind
        if k in INTEGERS:
            return self.int_value(*INT_RANGE[k], inside)
        if k in ('float', 'double'):
            return self.float_value()
        if k == 'bool':
            return Given('bool', [rng.random() < 0.5]) if inside else Given('uint8', [1])
        if k == 'string':
            return self.string_value(s, inside)
        return self.enum_value(s, inside)

    def by_name(self, kind, o, table, name, given=None):
        c, obj = self.live[o]
        form = 'n' if '\0' in name or self.rng.random() < 0.5 else 'c'
        line = '%s %d %d %s x%s' % (kind, o, table.index, form, name.encode().hex())
        if given is not None:
            line += ' ' + given.wire()
        expected = run_python(kind, obj, table, name, given)
        what = '%s %s on #%d (a %s) through the table of %s (%s)%s' % (
            kind, shorten(repr(name), 60), o, shorten(c.name, 40), shorten(table.name, 40),
            'counted' if form == 'n' else 'C string',
            ', value %r' % given if given is not None else '')
        self.add(line, expected, what)
        status = expected.split(' ')[0]
        key = (kind, STATUS_NAME.get(int(status), status) if status != 'has' else
               'has ' + expected[-1])
        self.counts[key] = self.counts.get(key, 0) + 1
        s = table.names.get(name)
        if s is not None and s.kind in CONTAINERS:
            key = (s.kind,) + key
            self.type_counts[key] = self.type_counts.get(key, 0) + 1
        if kind == 'del':
            self.deleted = (self.deleted + [name])[-8:]

    def step(self):
        rng = self.rng
        r = rng.random()
        if r < 0.01 and self.made < len(self.schema.objects):
            self.make()
            return
        if r < 0.02 and len(self.live) > 4:
            o = rng.choice(sorted(self.live))
            c, _ = self.live.pop(o)
            self.add('free %d' % o, 'ok', 'free #%d' % o)
            return
        o = rng.choice(sorted(self.live))
        c, _ = self.live[o]
        table = c
        if c.parent and rng.random() < 0.2:
            table = rng.choice(list(c.ancestors())[1:])
        name = self.pick_name(table)
        kind = rng.choices(['get', 'set', 'del', 'has'], [30, 40, 18, 12])[0]
        given = None
        if kind == 'set':
            s = table.names.get(name) or rng.choice(self.all_slots)
            given = self.value_for(s)
        self.by_name(kind, o, table, name, given)

    def container_step(self):
        """An operation on bytes, a list, a dict, a child or a union, or a
        set of one of those to another slot, all from the second stream:
        the first makes the operations it made before these types (those
        change no other slot)."""
        main, self.rng = self.rng, self.xrng
        deleted, self.deleted = self.deleted, self.deleted_containers
        try:
            rng = self.rng
            o = rng.choice(sorted(self.live))
            c, _ = self.live[o]
            table = c
            if c.parent and rng.random() < 0.2:
                table = rng.choice(list(c.ancestors())[1:])
            mine = [s for s in table.all if s.kind in CONTAINERS]
            kind = rng.choices(['get', 'set', 'del', 'has'], [30, 45, 13, 12])[0]
            r = rng.random()
            given = None
            if r < 0.78 and mine:
                name = rng.choice(mine).name
            elif r < 0.86 and self.deleted:  # deleted again, read after
                name = rng.choice(self.deleted)
            elif r < 0.93:  # another class's, or this one's
                name = rng.choice(self.containers).name
            elif kind == 'set' and table.plain:  # to another type: always refused
                name = rng.choice(table.plain).name
                given = self.new_kind_value()
            else:
                name = self.typo(rng.choice(self.containers).name)
            if kind == 'set' and given is None:
                s = table.names.get(name)
                if s is None or s.kind not in CONTAINERS:
                    s = rng.choice(self.containers)
                given = self.container_value(s)
            self.by_name(kind, o, table, name, given)
            self.deleted_containers = self.deleted
        finally:
            self.rng, self.deleted = main, deleted

    def run(self, n):
        while self.made < self.schema.initial:
            self.make()
        for _ in range(n):
            while self.containers and self.xrng.random() < 0.35:
                self.container_step()
            self.step()
        # Last, every slot of every object through its own table.
        for o in sorted(self.live):
            c, _ = self.live[o]
            for s in c.all:
                rng = self.rng
                if s.kind in CONTAINERS:  # the second stream's
                    self.rng = self.xrng
                self.by_name('get', o, c, s.name)
                self.by_name('has', o, c, s.name)
                self.rng = rng


# ---- building and comparing ---------------------------------------------------------


def shorten(text, n=300):
    return text if len(text) <= n else text[:n] + '...(%d in all)' % len(text)


def describe(line):
    """An output line of driver.c, for a person."""
    status, _, rest = line.partition(' ')
    if not status.isdigit() or status == '0':
        return shorten(line)
    try:
        text = bytes.fromhex(rest).decode('utf-8', 'replace')
    except ValueError:
        text = rest
    return '%s, message %s' % (STATUS_NAME.get(int(status), status), shorten(repr(text)))


def one_seed(seed, args, work):
    rng = random.Random(seed)
    # Two streams: the first makes what the oracle made before bytes,
    # lists, dicts, children and unions; the second adds them.
    xrng = random.Random('bytes, lists, dicts, children and unions %d' % seed)
    schema = Schema(rng, xrng)
    d = os.path.join(work, 'seed-%d' % seed)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, 'orc.yaml'), 'w') as f:
        f.write(schema.yaml())
    with open(os.path.join(d, 'objects.c'), 'w') as f:
        f.write(schema.objects_c())
    wrap = shlex.split(os.environ.get('SLOTGEN_WRAP', ''))
    p = subprocess.run(wrap + [args.slotgen, '--runtime', '-o', d, os.path.join(d, 'orc.yaml')],
                       capture_output=True, text=True)
    if p.returncode != 0:
        return False, ['slotgen failed on %s:' % os.path.join(d, 'orc.yaml'), p.stderr]
    flags = ['-std=c11', '-g', '-Wall', '-Wextra', '-Werror', '-I', d, '-I', args.driver_dir]
    if args.sanitize not in ('', 'none'):
        # Unoptimised: the sanitizers see the most, and compile five times faster.
        flags += ['-O0', '-fsanitize=' + args.sanitize, '-fno-omit-frame-pointer']
    else:
        flags += ['-O1']
    exe = os.path.join(d, 'driver')
    p = subprocess.run(args.cc + flags + [os.path.join(args.driver_dir, 'driver.c'),
                                          os.path.join(d, 'objects.c'), os.path.join(d, 'orc.c'),
                                          os.path.join(d, 'slotgen_runtime.c'),
                                          '-o', exe, '-lm'], capture_output=True, text=True)
    if p.returncode != 0:
        return False, ['compiling the driver failed:', p.stdout, p.stderr]

    run = Run(schema, rng, xrng)
    run.run(args.ops)
    with open(os.path.join(d, 'ops'), 'w') as f:
        f.write(''.join(line + '\n' for line, _, _ in run.ops))
    with open(os.path.join(d, 'ops')) as f:
        p = subprocess.run(wrap + [exe], stdin=f, capture_output=True, text=True)
    got = p.stdout.split('\n')[:-1]
    notes = []
    for i, (line, expected, what) in enumerate(run.ops):
        actual = got[i] if i < len(got) else '(nothing: the driver stopped)'
        if actual != expected:
            notes += ['seed %d, operation %d of %d: %s' % (seed, i + 1, len(run.ops), what),
                      '  Python:   %s' % describe(expected),
                      '  slotgen:  %s' % describe(actual),
                      '  schema %s, operations %s (driver.c reads them on stdin)'
                      % (os.path.join(d, 'orc.yaml'), os.path.join(d, 'ops'))]
            break
    if p.returncode != 0 and not notes:
        notes = ['the driver failed (status %d): %s' % (p.returncode, p.stderr[-2000:])]
    if not notes and len(got) != len(run.ops):
        notes = ['the driver printed %d lines for %d operations' % (len(got), len(run.ops))]
    if notes:
        return False, notes + ['schema:'] + schema.yaml().split('\n')[:200]
    depth = max(sum(1 for _ in c.ancestors()) for c in schema.classes)
    summary = '%d operations, %d classes (%d levels deep), %d slots (%d bytes, lists, dicts, ' \
        'children, unions)' % (len(run.ops), len(schema.classes), depth,
                               len(run.all_slots) + len(run.containers), len(run.containers))
    return True, (summary, run.counts, run.type_counts, len(run.ops), len(schema.classes))


def main(argv):
    import argparse
    if '--' not in argv:
        sys.exit(__doc__)
    cut = argv.index('--')
    ap = argparse.ArgumentParser(prog='oracle.py')
    ap.add_argument('slotgen')
    ap.add_argument('driver_dir')
    ap.add_argument('sanitize')
    ap.add_argument('--seeds', default='1-10', help='A-B, or one seed')
    ap.add_argument('--ops', type=int, default=3000, help='random operations a seed')
    ap.add_argument('--work', help='where each seed\'s schema, program and operations go '
                    '(emptied first; a seed\'s are removed when it agrees)')
    ap.add_argument('--keep', action='store_true', help='keep them when it agrees too')
    args = ap.parse_args(argv[:cut])
    args.cc = argv[cut + 1:]
    a, _, b = args.seeds.partition('-')
    seeds = list(range(int(a), int(b or a) + 1))
    work = args.work or tempfile.mkdtemp(prefix='slotgen-oracle-')
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    print('1..%d' % len(seeds))
    print('# reference: CPython %s (%s)' % (sys.version.split()[0], sys.executable))
    failed, total_ops, total_classes, counts, type_counts = 0, 0, 0, {}, {}
    for i, seed in enumerate(seeds, 1):
        ok, info = one_seed(seed, args, work)
        if ok:
            summary, c, tc, n, k = info
            total_ops += n
            total_classes += k
            for key, v in c.items():
                counts[key] = counts.get(key, 0) + v
            for key, v in tc.items():
                type_counts[key] = type_counts.get(key, 0) + v
            print('ok %d - seed %d: %s agree' % (i, seed, summary))
            if not args.keep:
                shutil.rmtree(os.path.join(work, 'seed-%d' % seed))
        else:
            failed += 1
            print('not ok %d - seed %d' % (i, seed))
            for note in info:
                for line in str(note).split('\n'):
                    print('# ' + line)
    print('# %d operations on %d classes, %d seeds of %d agreeing with the Python side'
          % (total_ops, total_classes, len(seeds) - failed, len(seeds)))
    for key in sorted(counts):
        print('#   %-4s %-16s %6d' % (key[0], key[1], counts[key]))
    print('# of which on slots of bytes, lists, dicts, optional children and unions:')
    for kind in CONTAINERS:
        keys = sorted(k for k in type_counts if k[0] == kind)
        print('#   %-8s %6d: %s' % (kind, sum(type_counts[k] for k in keys),
                                     ', '.join('%s %s %d' % (k[1], k[2], type_counts[k])
                                               for k in keys)))
    if not failed and not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print('# kept in %s' % work)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
