"""oracle.py - slotgen's by-name access against CPython, on random schemas.

usage: oracle.py SLOTGEN DRIVER_DIR SANITIZE [--seeds A-B] [--ops N] [--work DIR [--keep]] -- CC...

For each seed: a random schema (module orc: classes several levels deep,
readonly and `clear: false` slots, every scalar type, strings with and
without max_length, enums, arrays), the code slotgen generates for it,
compiled with driver.c by CC (and -fsanitize=SANITIZE unless it is
"none"); and a random sequence of by-name get, set, del and has, through
each object's own table or an ancestor's, run both by driver.c and on
Python classes with __slots__ built with type().  Every outcome is
compared: the status, the value a get returns, and the message
(slot_strerror against str() of the exception).  TAP on stdout, one test
point a seed; the first difference is printed with the seed, the
operation and the schema, which are kept (in --work DIR).

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
  given to a float or double slot is converted to double first), and how a
  get reports it (slot_value's type, count and size: format_value).
- Modelled too, a deliberate difference: slotgen's table of an ancestor
  class sees an object as an instance of that ancestor, so the operation
  runs on a Python instance of the ancestor holding the object's values of
  that ancestor's slots, and its outcome, CPython's, is copied back.

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
         'float', 'double', 'string', 'enum', 'object']  # slot_type's order
TYPE_NUMBER = {name: i for i, name in enumerate(TYPES)}
SIGNED = ('int8', 'int16', 'int32', 'int64')
UNSIGNED = ('uint8', 'uint16', 'uint32', 'uint64')
INTEGERS = SIGNED + UNSIGNED
INT_RANGE = {t: (-2 ** (8 * n - 1), 2 ** (8 * n - 1) - 1) for t, n in zip(SIGNED, (1, 2, 4, 8))}
INT_RANGE.update({t: (0, 2 ** (8 * n) - 1) for t, n in zip(UNSIGNED, (1, 2, 4, 8))})
INT64_MIN, INT64_MAX, UINT64_MAX = -2 ** 63, 2 ** 63 - 1, 2 ** 64 - 1
C_SIZE = {'bool': ctypes.sizeof(ctypes.c_bool), 'int8': 1, 'int16': 2, 'int32': 4, 'int64': 8,
          'uint8': 1, 'uint16': 2, 'uint32': 4, 'uint64': 8, 'float': 4, 'double': 8,
          'string': ctypes.sizeof(ctypes.c_char_p), 'enum': ctypes.sizeof(ctypes.c_int)}
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


class Slot:
    def __init__(self, name, kind, enum=None, array=0, max_length=None, readonly=False,
                 clear=True, default=None, default_text=None):
        self.name, self.kind, self.enum, self.array = name, kind, enum, array
        self.max_length, self.readonly, self.clear = max_length, readonly, clear
        self.default, self.default_text = default, default_text

    @property
    def type_name(self):  # slot_type_name: "int32", the enum's name
        return self.enum.name if self.kind == 'enum' else self.kind

    @property
    def size(self):  # slot_field.size
        return self.max_length + 1 if self.max_length is not None else C_SIZE[self.kind]


class Cls:
    def __init__(self, index, name, parent, own):
        self.index, self.name, self.parent, self.own = index, name, parent, own
        self.all = (parent.all if parent else []) + own
        self.names = {s.name: s for s in self.all}
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

    def __init__(self, rng):
        self.rng = rng
        self.counter = 0
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
            self.classes.append(Cls(i, self.class_name(i), parent, own))
        for c in self.classes:
            c.py = python_class(c)
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
        out += ['};', '', 'const size_t oracle_class_of[] = {']
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


class Given:
    """A value given to set: a slot_value.  One element, or an array (as.p)."""

    def __init__(self, vtype, elems, array=False, enum=None, cls=None):
        self.vtype, self.elems, self.array, self.enum, self.cls = vtype, elems, array, enum, cls

    @property
    def count(self):
        return len(self.elems) if self.array else 1

    @property
    def type_name(self):  # slot_type_name of the value
        if self.vtype == 'enum':
            return self.enum.name if self.enum else 'enum'
        if self.vtype == 'object':
            return self.cls.name if self.cls else 'object'
        return self.vtype

    def element(self, e):
        t = self.vtype
        if t == 'bool':
            return '1' if e else '0'
        if t in ('float', 'double'):
            return bits(e)
        if t == 'string':
            return 'N' if e is None else 'x' + e.encode().hex()
        if t == 'object':
            return '-'
        return str(e)

    def wire(self):
        aux = self.enum.index if self.enum else self.cls.index if self.cls else -1
        head = '%d %d %d %d' % (TYPE_NUMBER[self.vtype], self.count, aux, int(self.array))
        return ' '.join([head] + [self.element(e) for e in self.elems])

    def __repr__(self):
        if self.array:
            return '%s[%d] %r' % (self.type_name, self.count, self.elems)
        return '%s %r' % (self.type_name, self.elems[0])


def model_store(cls_name, s, g):
    """What slot @s holds after being given @g, or the error slotgen gives.

    Modelled on docs/generated-code.md ("Setting.") and the messages of its
    table; CPython has already refused unknown names and frozen fields."""

    def etype():
        want, got = s.type_name, g.type_name
        garr = bool(s.array) or g.count != 1
        if not garr and g.vtype == 'string' and g.elems[0] is None:
            got = 'NULL'
        if s.array:
            raise ModelledTypeError("'%s' attribute '%s' must be %s[%d], not %s[%d]"
                                    % (cls_name, s.name, want, s.array, got, g.count))
        if garr:
            raise ModelledTypeError("'%s' attribute '%s' must be %s, not %s[%d]"
                                    % (cls_name, s.name, want, got, g.count))
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
    if g.count != 1:
        etype()
    x = g.elems[0]
    if k == 'string':
        if t != 'string' or x is None:
            etype()
        if s.max_length is not None and len(x.encode()) > s.max_length:
            erange()
        return x
    if k == 'enum':
        if t == 'enum' and g.enum is s.enum or t in SIGNED:
            e = x
        elif t in UNSIGNED:
            e = x if x <= INT64_MAX else -1
        else:
            etype()
        if not 0 <= e < len(s.enum.values):
            erange()
        return e
    if k in INTEGERS:
        if t not in INTEGERS:
            etype()
        lo, hi = INT_RANGE[k]
        if not lo <= x <= hi:
            erange()
        return x
    if k == 'bool':
        if t != 'bool':
            etype()
        return x
    if t in ('float', 'double'):
        d = x
    elif t in INTEGERS:
        d = float(x)  # C's (double)
    else:
        etype()
    return d if k == 'double' else as_float(d)


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


def format_element(s, e):
    k = s.kind
    if k == 'bool':
        return '1' if e else '0'
    if k in ('float', 'double'):
        return bits(e)
    if k == 'string':
        return 'N' if e is None else 'x' + e.encode().hex()
    return str(e)


def format_value(s, v):
    """A get's value as driver.c prints slot_get's slot_value."""
    head = '%d:%d:%d:%s:' % (TYPE_NUMBER[s.kind], s.array or 1, s.size,
                            s.enum.name if s.enum else '-')
    if s.array:
        return head + ','.join(format_element(s, e) for e in v)
    return head + format_element(s, v)


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

    def __init__(self, schema, rng):
        self.schema, self.rng = schema, rng
        self.ops = []        # (line for driver.c, line expected, what for a person)
        self.live = {}       # object index -> (class, Python object)
        self.made = 0
        self.deleted = []    # names deleted lately, for double deletes and gets after
        self.all_slots = [s for c in schema.classes for s in c.own]
        self.counts = {}

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
        real = [s.name for s in table.all] or ['score']
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
        if r < 0.5 and table.all:
            return rng.choice(table.all).name
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
            Given('object', ['-'], cls=rng.choice(self.schema.classes)),
            Given('object', ['-']),
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

    def value_for(self, s):
        rng = self.rng
        r = rng.random()
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

    def run(self, n):
        while self.made < self.schema.initial:
            self.make()
        for _ in range(n):
            self.step()
        # Last, every slot of every object through its own table.
        for o in sorted(self.live):
            c, _ = self.live[o]
            for s in c.all:
                self.by_name('get', o, c, s.name)
                self.by_name('has', o, c, s.name)


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
    schema = Schema(rng)
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

    run = Run(schema, rng)
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
    summary = '%d operations, %d classes (%d levels deep), %d slots' % (
        len(run.ops), len(schema.classes), depth, len(run.all_slots))
    return True, (summary, run.counts, len(run.ops), len(schema.classes))


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
    failed, total_ops, total_classes, counts = 0, 0, 0, {}
    for i, seed in enumerate(seeds, 1):
        ok, info = one_seed(seed, args, work)
        if ok:
            summary, c, n, k = info
            total_ops += n
            total_classes += k
            for key, v in c.items():
                counts[key] = counts.get(key, 0) + v
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
    if not failed and not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print('# kept in %s' % work)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
