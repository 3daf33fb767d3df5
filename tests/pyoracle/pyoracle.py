"""pyoracle.py - slotgen --python's types against pure-Python __slots__ classes.

usage: pyoracle.py SLOTGEN [--seeds A-B] [--ops N] [--work DIR] [--keep] -- CC...

The differential test of the by-name API (tests/oracle/oracle.py) run
again in Python.  For each seed: oracle.py's random schema (module orc:
classes several levels deep with long names, every number type, bools,
enums, strings with and without max_length, readonly and `clear: false`
slots, defaults; arrays, bytes, lists and dicts (of objects too), optional
children and unions), some of its slots renamed after C, C++ and Python
keywords; the extension module `slotgen --python` writes
for it, compiled by CC and imported; and for each class a pure-Python
class of the same name, parent and __slots__ (the mirror).  Then a random
sequence of operations, each a line of Python run twice: on the generated
types and on the mirrors.  TAP on stdout, one test point a seed; the first
difference is printed with the seed, the operation and both outcomes, and
the seed's schema, module and a script that replays it on the generated
types (repro.py) are kept under --work DIR.

Each seed runs in a process of its own (`--child`), so that a crash of
the module is a failed seed, not a lost run.

Where the mirrors' outcomes come from:

- CPython itself: every AttributeError and its message (an unset slot, a
  name that is no slot, deleting an unset slot, the cuts of long class
  names), hasattr and getattr with a default, `__dict__` and
  `__weakref__` of Python subclasses, hash() and `<` refused; every
  FrozenInstanceError, raised by a real frozen dataclass; the enum's
  ValueError (the IntEnum itself is called); UnicodeEncodeError of a
  lone surrogate (str.encode); OverflowError of an int past a double
  (float()); TypeError of a bad __index__ or __float__; and __init__'s
  binding errors, raised by Python functions whose parameters are the
  slots (binders()).
- Modelled here from docs/python.md, where a __slots__ class has no answer
  since it takes any value: which values a slot accepts and the
  TypeError, OverflowError and ValueError slotgen raises with its own
  messages (convert()), the value then held (C's conversions: a float
  slot holds the nearest C float), what __new__ and __init__ leave set,
  `==` (the C equal), repr (model_repr), and copies (clone()).
- Modelled the same way, the slots beyond single values (convert_other()):
  the mirror holds a list, a dict, bytes, an object or a union's value,
  and its lists and dicts (MArray, MList, MDict) check what they are given
  as the module's views do, with its messages; assigning stores a deep
  copy; objects in them compare by value; the differences from Python the
  module means (a copy on assignment, a view that is a path, a NaN equal to
  nothing in a list) are named where they are modelled.
"""

import array
import ast
import copy
import ctypes
import dataclasses
import json
import operator
import os
import pickle
import random
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
import types

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # nothing written beside the sources
sys.path.insert(0, os.path.join(HERE, '..', 'oracle'))
import oracle  # noqa: E402  (the random schemas)

INTEGERS, INT_RANGE, CONTAINERS = oracle.INTEGERS, oracle.INT_RANGE, oracle.CONTAINERS
INT64_MIN, INT64_MAX, UINT64_MAX = oracle.INT64_MIN, oracle.INT64_MAX, oracle.UINT64_MAX
INF, NAN = float('inf'), float('nan')

# Slot names after C and C++ keywords, macros of the C library, the names
# init's code uses, Python keywords and names Python gives a meaning to.
KEYWORDS = ['int', 'char', 'default', 'static', 'return', 'if', 'for', 'while', 'switch',
            'case', 'break', 'const', 'unsigned', 'void', 'struct', 'union', 'enum', 'sizeof',
            'typedef', 'goto', 'do', 'else', 'extern', 'register', 'volatile', 'inline', 'long',
            'short', 'float', 'double', 'continue', 'class', 'namespace', 'template', 'new',
            'delete', 'this', 'and', 'or', 'not', 'true', 'false', 'try', 'catch', 'operator',
            'errno', 'EOF', 'NULL', 'stdin', 'assert', 'offsetof', 'NAN', 'isnan', 'o', 'rc',
            'None', 'True', 'False', 'lambda', 'from', 'import', 'pass', 'def', 'in', 'is',
            'with', 'yield', 'async', 'await', 'global', 'nonlocal', 'del', 'raise', 'except',
            'finally', 'elif', 'self', 'cls', 'args', 'kwargs', 'mro', 'value', 'closure']

# Strings stored and read back, quoted by repr, refused for a NUL or a lone
# surrogate; NONPRINTABLE are those Python's repr escapes beyond ASCII.
NONPRINTABLE = ['\x85', '\xa0', '\u200b', '\u2028', '\x9f']
STRINGS = ['', 'a', 'Ace', 'é', '名前', '🎮', "it's", 'a"b', 'both \' and "', 'tab\there',
           'line\nbreak', 'back\\slash', '\x01\x1f\x7f', '%s %n', 'x' * 14, 'y' * 15,
           'z' * 300] + NONPRINTABLE
BAD_STRINGS = ['a\0b', '\0', '\udc80', 'ok\ud800', 'a\0\udc80']


class Wrapped:
    """A value of another type, wrapped: compared and printed by it."""

    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return '%s(%r)' % (type(self).__name__, self.v)

    def __eq__(self, other):
        return type(other) is type(self) and other.v == self.v

    __hash__ = None


class IndexOnly(Wrapped):
    """An integer that is no int (numpy's are such)."""

    def __index__(self):
        return self.v


class FloatOnly(Wrapped):
    """A number that has __float__ alone (Decimal, Fraction)."""

    def __float__(self):
        return self.v


class StrSub(str):
    """A subclass of str."""


class IntSub(int):
    """A subclass of int (an IntEnum is one too)."""


# ---- the model (docs/python.md) -------------------------------------------------


def as_float(d):
    """C's (float)d, back as a Python float."""
    return ctypes.c_float(d).value


def convert(tname, s, value):
    """What slot @s holds after `obj.NAME = value` on an object of the type
    named @tname, or the exception the generated type raises.  The rules are
    docs/python.md's ("Typed.", decisions.md's "Python"); the messages of
    TypeError, of OverflowError for an integer out of range and of ValueError
    for a string too long are slotgen's own (modelled here); the others come
    from CPython's own calls, made here on the same value."""
    k = s.kind
    what = "'%s' attribute '%s'" % (tname, s.name)

    def wrong():  # slotgen's message
        raise TypeError('%s must be %s, not %s' % (what, s.type_name, type(value).__name__))

    if k == 'bool':
        if type(value) is not bool:
            wrong()
        return value
    if k in INTEGERS:
        if isinstance(value, bool) or not (isinstance(value, int) or
                                           hasattr(type(value), '__index__')):
            wrong()
        n = operator.index(value)  # CPython's TypeError for a bad __index__
        lo, hi = INT_RANGE[k]
        if not lo <= n <= hi:  # slotgen's message
            raise OverflowError('value out of range for %s (%s)' % (what, k))
        return int(n)
    if k in ('float', 'double'):
        if isinstance(value, bool):
            wrong()
        if not isinstance(value, (float, int)) and not hasattr(type(value), '__float__') and \
                not hasattr(type(value), '__index__'):
            wrong()
        d = float(value)  # CPython's OverflowError past a double, TypeError of a bad __float__
        return as_float(d) if k == 'float' else d
    if k == 'string':
        if not isinstance(value, str):
            wrong()
        b = value.encode('utf-8')  # CPython's UnicodeEncodeError for a lone surrogate
        if b'\0' in b:  # CPython's message where a C string is wanted
            raise ValueError('embedded null character')
        if s.max_length is not None and len(b) > s.max_length:  # slotgen's message
            raise ValueError('string too long for %s (at most %d bytes)' % (what, s.max_length))
        return str.__str__(value)
    # An enum: its members, or a plain int that is one of its values.
    e = ENUM_TYPES[s.enum.name]
    if type(value) is not e and type(value) is not int:
        wrong()
    return e(value)  # the IntEnum's own ValueError


# ---- slots beyond single values (docs/python.md, "Slots beyond single values") ----------
#
# The mirror holds Python objects: an array a list of its length, a list a
# list, a dict a dict, bytes bytes, an optional child None or a mirror
# object, a union its value tagged with the type it holds.  The lists and
# dicts are typed (MArray, MList, MDict) and check what they are given as
# the module does, naming the object that holds them; their types are named
# as the module's views, so a message that names a value's type names the
# same.  Where the module deliberately differs from Python:
#
# - assigning stores a deep copy (docs/python.md: "Assigning stores a deep
#   copy"): the mirror converts every value into a new container or a new
#   object (copy_as), so a later change of what was assigned does not reach
#   the slot, on either side;
# - a view is a path, not an identity: the operations reach nested objects
#   and containers through their owner each time (o[N].slot...), never keep
#   a view, so a mirror's object held in a slot is what the path reaches;
# - elements are compared with `==` alone (ceq): the module's views make new
#   Python values at each read, so a NaN in a list equals nothing, where a
#   Python list finds the same NaN object equal to itself.


class Spec:
    """What a value must be: an element of an array, a list or a dict, a
    child, or a union's types; kind as oracle.py's, enum and cls (the schema
    class of an object) where they apply."""

    def __init__(self, kind, enum=None, cls=None, alts=None):
        self.kind, self.enum, self.cls, self.alts = kind, enum, cls, alts

    @property
    def type_name(self):  # as slotgen's messages spell it
        if self.kind == 'enum':
            return self.enum.name
        if self.kind in ('object', 'optional'):
            return self.cls.name + (' | None' if self.kind == 'optional' else '')
        if self.kind == 'union':
            return ' | '.join(a.type_name for a in self.alts)
        return self.kind


def spec_of(s):
    """The Spec of one value of slot @s: an array's element, a list's or a
    dict's, the child, the union."""
    if s.kind in ('list', 'dict'):
        return Spec(s.elem.kind, s.elem.enum, s.elem.cls)
    if s.kind == 'optional':
        return Spec('optional', cls=s.cls)
    if s.kind == 'union':
        return Spec('union', alts=[Spec(a.kind, a.enum, a.cls) for a in s.alts])
    return Spec(s.kind, s.enum)


class Tagged:
    """A union's value in a mirror, with the type it holds (its index in the
    union): what repr and == need (a float and a double print apart)."""
    __slots__ = ('alt', 'spec', 'value')

    def __init__(self, alt, spec, value):
        self.alt, self.spec, self.value = alt, spec, value

    def __eq__(self, other):  # C's equal: the same type, equal values
        return type(other) is Tagged and other.alt == self.alt and ceq(self.value, other.value)

    __hash__ = None

    def __repr__(self):
        return 'Tagged(%d, %r)' % (self.alt, self.value)


def is_buffer(v):
    try:
        memoryview(v).release()
        return True
    except TypeError:
        return False


def ceq(a, b):
    """C's equal of two values held: `==` without Python's identity
    shortcut (a NaN equals nothing, in a list too)."""
    if isinstance(a, (MList, MArray)) and isinstance(b, (MList, MArray)):
        return len(a) == len(b) and all(ceq(x, y) for x, y in zip(a, b))
    if isinstance(a, MDict) and isinstance(b, MDict):
        return len(a) == len(b) and all(k in b and ceq(v, dict.__getitem__(b, k))
                                        for k, v in a.items())
    return bool(a == b)


def copy_as(value, c):
    """A new mirror object of schema class @c holding deep copies of the
    slots of @c that @value (of @c or a subclass) has set: what assigning an
    object to a child, or to a list's element, stores (docs/python.md: an
    object of a subclass gives its class's part)."""
    new = object.__new__(MIRROR_OF[c])
    for s in c.all:
        try:
            v = object.__getattribute__(value, s.name)
        except AttributeError:
            continue
        object.__setattr__(new, s.name, deep(v, new))
    return new


def deep(v, owner):
    """A deep copy of held value @v, its containers now held by @owner."""
    if isinstance(v, (MList, MArray, MDict)):
        return v.copy_to(owner)
    if type(v) in SCHEMA_OF:
        return copy_as(v, SCHEMA_OF[type(v)])
    return v  # numbers, strings, bytes, None and Tagged are immutable


def who(owner):
    return "'%s' attribute" % type(owner).__name__


def convert_item(owner, name, e, value, item=True, array=False):
    """What an element (@item; of an @array) or a slot named @name, of Spec
    @e, holds after being given @value in an object @owner; or the module's
    exception."""
    k = e.kind
    label = name + ('[]' if item else '')

    def wrong():
        raise TypeError("%s '%s' must be %s, not %s" % (who(owner), label, e.type_name,
                                                        type(value).__name__))

    if k == 'bytes':  # the buffer protocol, never a str; a copy
        if isinstance(value, str) or not is_buffer(value):
            wrong()
        return bytes(memoryview(value))
    if k == 'optional':
        if value is None:
            return None
        k = 'object'
    if k == 'object':
        if not isinstance(value, MIRROR_OF[e.cls]):
            wrong()
        return copy_as(value, e.cls)
    if k == 'union':
        return convert_union(owner, label, e, value)
    if k == 'string' and value is None and array:  # an array's string never assigned
        return None
    fake = types.SimpleNamespace(kind=k, name=label, type_name=e.type_name, max_length=None,
                                 enum=e.enum, array=0)
    return convert(type(owner).__name__, fake, value)


def convert_union(owner, label, u, value):
    """A union's value: picked by the Python value's own type, then slot_set's
    rules (docs/python.md, "Unions"; oracle.store_union's model)."""
    def wrong():
        raise TypeError("%s '%s' must be %s, not %s" % (who(owner), label, u.type_name,
                                                        type(value).__name__))

    def erange():
        raise OverflowError("value out of range for %s '%s' (%s)" % (who(owner), label,
                                                                    u.type_name))

    kinds = [a.kind for a in u.alts]
    if isinstance(value, bool):  # a bool to a bool alone
        vtype, x = 'bool', value
        if 'bool' not in kinds:
            wrong()
    elif any(a.kind == 'enum' and type(value) is ENUM_TYPES[a.enum.name] for a in u.alts):
        vtype, x = 'enum', value
    elif isinstance(value, int) or hasattr(type(value), '__index__'):
        x = operator.index(value)
        if INT64_MIN <= x <= INT64_MAX:
            vtype = 'int64'
        elif 0 <= x <= UINT64_MAX:
            vtype = 'uint64'
        else:  # the by-name layer takes 64-bit integers
            erange()
    elif isinstance(value, float) or hasattr(type(value), '__float__'):
        vtype, x = 'double', float(value)
    elif isinstance(value, str):
        vtype, x = 'string', value
        if b'\0' in value.encode('utf-8'):
            raise ValueError('embedded null character')
        x = str.__str__(value)
    elif is_buffer(value):
        vtype, x = 'bytes', bytes(memoryview(value))
    else:
        wrong()
    status = 'ETYPE'
    for i, a in enumerate(u.alts):  # its own type first
        if a.kind == vtype and (vtype != 'enum' or type(value) is ENUM_TYPES[a.enum.name]):
            return Tagged(i, a, x)
    if vtype in oracle.NUMBERS:  # then the first number that holds it
        for i, a in enumerate(u.alts):
            if a.kind == 'bool' or a.kind not in oracle.NUMBERS:
                continue
            if a.kind in INTEGERS:
                if vtype not in INTEGERS:
                    continue
                lo, hi = INT_RANGE[a.kind]
                if not lo <= x <= hi:
                    status = 'ERANGE'
                    continue
                return Tagged(i, a, int(x))
            d = float(x)
            return Tagged(i, a, as_float(d) if a.kind == 'float' else d)
    if status == 'ERANGE':
        erange()
    wrong()


def unwrap(v):
    return v.value if type(v) is Tagged else v


def convert_other(owner, s, value):
    """What slot @s (an array, bytes, a list, a dict, a child or a union) of
    mirror object @owner holds after `owner.NAME = value`, or the module's
    exception (docs/python.md, "Slots beyond single values")."""
    e = spec_of(s)
    what = "%s '%s'" % (who(owner), s.name)
    if s.array:  # any iterable but a str, of the array's length exactly
        items = None
        if not isinstance(value, str):
            try:
                items = list(value)
            except TypeError:
                pass
        if items is None:
            raise TypeError('%s must be %s[%d], not %s' % (what, e.type_name, s.array,
                                                           type(value).__name__))
        if len(items) != s.array:
            raise TypeError('%s must be %s[%d], not %d items' % (what, e.type_name, s.array,
                                                                 len(items)))
        return MArray(owner, s, [convert_item(owner, s.name, e, v, array=True) for v in items])
    if s.kind == 'list':
        return MList(owner, s, MList.convert(owner, s, value, s.name))
    if s.kind == 'dict':
        if not isinstance(value, dict) and (isinstance(value, str) or
                                            not hasattr(value, 'keys')):
            raise TypeError('%s must be dict[string, %s], not %s' % (what, e.type_name,
                                                                   type(value).__name__))
        d = MDict(owner, s)
        for k, v in list(value.items()):
            dict.__setitem__(d, MDict.key(owner, s, k), convert_item(owner, s.name, e, v))
        return d
    return convert_item(owner, s.name, e, value, item=False)


class MArray(list):
    """An array slot's value in a mirror: the module's array view, a
    Sequence of fixed length (docs/python.md, "Arrays")."""

    def __init__(self, owner, s, items):
        super().__init__(items)
        self.owner, self.s, self.e = owner, s, spec_of(s)

    def copy_to(self, owner):
        return MArray(owner, self.s, list(self))

    def __getitem__(self, i):
        if isinstance(i, slice):
            return list.__getitem__(self, i)
        try:
            return list.__getitem__(self, operator.index(i))
        except IndexError:
            raise IndexError('array index out of range') from None

    def __setitem__(self, i, value):
        if isinstance(i, slice):  # a slice of the same length
            new = MList.convert(self.owner, self.s, value, self.s.name, self.e, True)
            m = len(range(*i.indices(len(self))))
            if len(new) != m:
                raise ValueError('attempt to assign sequence of size %d to %s of size %d'
                                 % (len(new), 'slice' if i.step in (None, 1) else
                                    'extended slice', m))
            list.__setitem__(self, i, new)
            return
        i = operator.index(i)
        v = convert_item(self.owner, self.s.name, self.e, value, array=True)
        if not -len(self) <= i < len(self):
            raise IndexError('array assignment index out of range')
        list.__setitem__(self, i, v)

    def __delitem__(self, i):
        raise TypeError("an array's items cannot be deleted")

    def index(self, value, *args):
        return seq_index(self, value, *args)

    def count(self, value):
        return sum(1 for x in self if ceq(x, value))

    def __contains__(self, value):
        return any(ceq(x, value) for x in self)

    def __eq__(self, other):
        if not isinstance(other, list):
            return NotImplemented
        return len(self) == len(other) and all(ceq(x, y) for x, y in zip(self, other))

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    __hash__ = None

    def __reduce_ex__(self, protocol):  # pickled and copied as the list it holds
        return (list, (list(self),))


MArray.__name__ = MArray.__qualname__ = 'array_view'


def seq_index(seq, value, lo=0, hi=sys.maxsize):
    n = len(seq)
    lo, hi = operator.index(lo), operator.index(hi)
    if lo < 0:
        lo = max(lo + n, 0)
    if hi < 0:
        hi = max(hi + n, 0)
    for i in range(lo, min(hi, n)):
        if ceq(list.__getitem__(seq, i), value):
            return i
    raise ValueError('%r is not in list' % (value,))


class MList(MArray):
    """A list slot's value in a mirror: the module's list view, a
    MutableSequence whose elements are copies of what it is given
    (docs/python.md, "Lists")."""

    @staticmethod
    def convert(owner, s, value, name, e=None, array=False):
        """The elements of iterable @value (not a str), each converted (as
        an @array's elements)."""
        e = e or spec_of(s)
        if isinstance(value, str):
            items = None
        else:
            try:
                items = iter(value)
            except TypeError:
                items = None
        if items is None:
            raise TypeError("%s '%s' must be list[%s], not %s" % (
                who(owner), name, e.type_name, type(value).__name__))
        return [convert_item(owner, name, e, v, array=array) for v in items]

    def copy_to(self, owner):
        return MList(owner, self.s, [deep(v, None) for v in self])

    def __getitem__(self, i):
        if isinstance(i, slice):
            return list.__getitem__(self, i)
        try:
            return list.__getitem__(self, operator.index(i))
        except IndexError:
            raise IndexError('list index out of range') from None

    def __setitem__(self, i, value):
        if isinstance(i, slice):
            new = MList.convert(self.owner, self.s, value, self.s.name)
            list.__setitem__(self, i, new)  # Python's rules, extended slices too
            return
        i = operator.index(i)
        v = convert_item(self.owner, self.s.name, self.e, value)
        if not -len(self) <= i < len(self):
            raise IndexError('list assignment index out of range')
        list.__setitem__(self, i, v)

    def __delitem__(self, i):
        if not isinstance(i, slice):
            i = operator.index(i)
            if not -len(self) <= i < len(self):
                raise IndexError('list assignment index out of range')
        list.__delitem__(self, i)

    def append(self, value):
        list.append(self, convert_item(self.owner, self.s.name, self.e, value))

    def insert(self, i, value):
        list.insert(self, i, convert_item(self.owner, self.s.name, self.e, value))

    def extend(self, values):
        list.extend(self, MList.convert(self.owner, self.s, values, self.s.name))

    def __iadd__(self, values):
        self.extend(values)
        return self

    def pop(self, i=-1):
        if not self:
            raise IndexError('pop from empty list')
        if not -len(self) <= i < len(self):
            raise IndexError('pop index out of range')
        return deep(list.pop(self, i), None)  # the element leaves: an owned copy

    def remove(self, value):
        for i, x in enumerate(self):
            if ceq(x, value):
                list.__delitem__(self, i)
                return
        raise ValueError('list.remove(x): x not in list')


MList.__name__ = MList.__qualname__ = 'list_view'


class MDict(dict):
    """A dict slot's value in a mirror: the module's dict view, a
    MutableMapping of str keys whose values are copies of what it is given
    (docs/python.md, "Dicts")."""

    def __init__(self, owner, s):
        super().__init__()
        self.owner, self.s, self.e = owner, s, spec_of(s)

    def copy_to(self, owner):
        d = MDict(owner, self.s)
        for k, v in self.items():
            dict.__setitem__(d, k, deep(v, None))
        return d

    @staticmethod
    def key(owner, s, k):
        """Key @k as assigning takes it: a str without NUL."""
        if not isinstance(k, str):
            raise TypeError("%s '%s' keys must be str, not %s" % (who(owner), s.name,
                                                                  type(k).__name__))
        if b'\0' in k.encode('utf-8'):
            raise ValueError('embedded null character')
        return str.__str__(k)

    @staticmethod
    def found(k):
        """Whether key @k may be in a dict view: a str without NUL (another
        type, or a NUL, is a key never stored)."""
        if not isinstance(k, str):
            return False
        return b'\0' not in k.encode('utf-8')

    def __getitem__(self, k):
        if not MDict.found(k) or not dict.__contains__(self, k):
            raise KeyError(k)
        return dict.__getitem__(self, k)

    def __setitem__(self, k, value):
        k = MDict.key(self.owner, self.s, k)
        dict.__setitem__(self, k, convert_item(self.owner, self.s.name, self.e, value))

    def __delitem__(self, k):
        if not MDict.found(k) or not dict.__contains__(self, k):
            raise KeyError(k)
        dict.__delitem__(self, k)

    def __contains__(self, k):
        return MDict.found(k) and dict.__contains__(self, k)

    def get(self, k, default=None):
        return self[k] if k in self else default

    _missing = object()

    def pop(self, k, default=_missing):
        if k not in self:
            if default is MDict._missing:
                raise KeyError(k)
            return default
        return deep(dict.pop(self, k), None)

    def popitem(self):
        if not self:
            raise KeyError('popitem(): dictionary is empty')
        k = list(dict.keys(self))[-1]
        return (k, self.pop(k))

    def setdefault(self, k, default=None):
        if k in self:
            return self[k]
        self[k] = default
        return self[k]

    def update(self, other=(), **kwargs):
        for src in (other, kwargs):
            if isinstance(src, dict) or hasattr(src, 'keys'):
                pairs = list(src.items())
            else:
                pairs = list(src)
            for i, pair in enumerate(pairs):
                try:
                    ok = len(pair) == 2
                except TypeError:
                    ok = False
                if not ok:
                    raise ValueError('dictionary update sequence element #%d has the wrong '
                                     'length' % i)
                self[pair[0]] = pair[1]

    def __eq__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        return len(self) == len(other) and all(
            k in other and ceq(v, other[k]) for k, v in self.items())

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    __hash__ = None

    def __reduce_ex__(self, protocol):  # pickled and copied as the dict it holds
        return (dict, (dict(self),))


MDict.__name__ = MDict.__qualname__ = 'dict_view'


def float32_repr(x):
    """A float slot's value as repr prints it: the shortest digits that read
    back to the same C float, in Python's notation."""
    if x != x or x in (INF, -INF):
        return repr(x)
    for p in range(1, 10):
        t = '%.*e' % (p - 1, x)
        if as_float(float(t)) == x:
            return repr(float(t))
    return repr(x)


def repr_value(s, v, strings=repr):
    """Slot @s's value @v as repr prints it (the runtime's slot_repr)."""
    if s.array or s.kind in ('list', 'dict', 'optional', 'union'):
        e = spec_of(s)
        if s.kind == 'dict':
            return '{%s}' % ', '.join('%s: %s' % (strings(k), repr_item(e, x, strings))
                                      for k, x in v.items())
        if s.kind == 'union':
            return repr_item(v.spec, v.value, strings)
        if s.kind == 'optional':
            return repr_item(e, v, strings)
        return '[%s]' % ', '.join(repr_item(e, x, strings) for x in v)
    return repr_item(Spec(s.kind, s.enum), v, strings)


def repr_item(e, v, strings=repr):
    """A value of Spec @e as slot_repr prints it: floats in the shortest
    digits that read back (a float slot's as a C float), enums by name,
    strings and bytes as Python's repr writes them, objects as their repr."""
    if v is None:
        return 'None'
    if e.kind == 'float':
        return float32_repr(v)
    if e.kind == 'enum':
        return v.name
    if e.kind == 'string':
        return strings(v)
    if e.kind in ('object', 'optional'):
        return model_repr(v, strings)
    return repr(v)  # int, bool, double, bytes


def set_slots(obj):
    """(slot, value) of the set slots of @obj, in table order."""
    out = []
    for s in schema_of(type(obj)).all:
        try:
            out.append((s, object.__getattribute__(obj, s.name)))
        except AttributeError:
            pass
    return out


def model_repr(obj, strings=repr):
    """repr as docs/python.md says: the type's qualified name, the set slots
    in table order, as a dataclass prints them, enums by their value's name."""
    return '%s(%s)' % (type(obj).__qualname__, ', '.join(
        '%s=%s' % (s.name, repr_value(s, v, strings)) for s, v in set_slots(obj)))


def model_eq(a, b):
    """== as docs/python.md says: objects of the same type with the same
    slots set to equal values (C's ==: a NaN equals nothing)."""
    if type(a) is not type(b):
        return NotImplemented
    x, y = set_slots(a), set_slots(b)
    return [s for s, _ in x] == [s for s, _ in y] and all(
        ceq(u[1], v[1]) for u, v in zip(x, y))


def defaults(obj, c):
    """What __new__ leaves: the class's defaults, every other slot unset."""
    for s in c.all:
        try:
            object.__delattr__(obj, s.name)
        except AttributeError:
            pass
        if s.default is not None:
            v = s.default
            if s.kind == 'enum':
                v = ENUM_TYPES[s.enum.name](v)
            object.__setattr__(obj, s.name, v)


def code_function(qualname, names, required):
    """A Python function (self, *names), the first @required of them
    required, the others with a default, under @qualname: CPython's binding
    and its messages.  Built on a code object, since names may be keywords."""
    params = ['p%d' % i for i in range(len(names) + 1)]
    src = 'def f(%s): pass' % ', '.join(params[:required + 1] +
                                        ['%s=None' % p for p in params[required + 1:]])
    ns = {}
    exec(src, ns)
    f = ns['f']
    f.__code__ = f.__code__.replace(co_varnames=(' self',) + tuple(names), co_name='__init__',
                                    co_qualname=qualname)
    f.__qualname__ = qualname
    return f


class Binders:
    """__init__'s argument errors, as CPython gives them for functions whose
    parameters are the slots (docs/python.md: a dataclass's errors, the
    readonly slots required wherever they stand)."""

    def __init__(self, c):
        self.names = [s.name for s in c.all]
        self.readonly = [s.name for s in c.all if s.readonly]
        q = c.name + '.__init__'
        # Every slot in table order: keywords unknown or given twice.
        self.keywords = code_function(q, self.names, 0)
        # The readonly slots first: too many positional arguments, and the
        # readonly ones missing (in table order).
        rest = [n for n in self.names if n not in self.readonly]
        self.required = code_function(q, self.readonly + rest, len(self.readonly))

    def bind(self, args, kwargs):
        """The slot names given, and their values; or CPython's TypeError."""
        n = len(self.names)
        self.keywords(None, *args[:n], **kwargs)
        if len(args) > n:
            self.required(None, *args)
        given = dict(zip(self.names, args))
        given.update(kwargs)
        self.required(None, **{k: None for k in self.readonly if k in given})
        return given


FROZEN = dataclasses.make_dataclass('Frozen', ['x'], frozen=True)(None)  # refuses every name

SCHEMA_OF = {}    # mirror class -> schema class
MIRROR_OF = {}    # schema class -> mirror class
ENUM_TYPES = {}   # enum name -> the module's IntEnum


def schema_of(t):
    """The schema class of type @t (a mirror, or a Python subclass of one)."""
    for k in t.__mro__:
        if k in SCHEMA_OF:
            return SCHEMA_OF[k]
    raise TypeError('no mirror class')


def mirror_class(c, base):
    """The pure-Python __slots__ class of schema class @c."""
    readonly = {s.name for s in c.all if s.readonly}
    keep = {s.name for s in c.all if s.readonly or not s.clear}  # cannot be deleted
    slots = c.names
    binders = Binders(c)

    def __new__(*args, **kwargs):  # no parameter names: slots may be named cls or self
        cls = args[0]
        obj = object.__new__(cls)
        defaults(obj, schema_of(cls))
        return obj

    def __init__(*args, **kwargs):
        self, args = args[0], args[1:]
        given = binders.bind(args, kwargs)  # CPython's messages
        defaults(self, c)
        for s in c.all:
            if s.name in given:
                object.__setattr__(self, s.name, convert_slot(self, s, given[s.name]))

    def __setattr__(self, name, value):
        if name in readonly:
            setattr(FROZEN, name, value)  # dataclasses' FrozenInstanceError
        s = slots.get(name)
        if s is not None:
            value = convert_slot(self, s, value)
        object.__setattr__(self, name, value)

    def __getattribute__(self, name):  # a union's value without its tag
        v = object.__getattribute__(self, name)
        return v.value if type(v) is Tagged else v

    def __delattr__(self, name):
        if name in keep:
            delattr(FROZEN, name)  # dataclasses' FrozenInstanceError
        object.__delattr__(self, name)

    ns = {'__slots__': tuple(s.name for s in c.own), '__new__': __new__, '__init__': __init__,
          '__setattr__': __setattr__, '__delattr__': __delattr__,
          '__getattribute__': __getattribute__,
          '__copy__': clone, '__deepcopy__': clone,  # in a subclass's __dict__
          '__eq__': model_eq, '__repr__': model_repr,
          '__match_args__': tuple(binders.names)}
    cls = type(c.name, (base,) if base else (object,), ns)
    SCHEMA_OF[cls] = c
    MIRROR_OF[c] = cls
    return cls


def convert_slot(owner, s, value):
    """What slot @s of mirror object @owner holds after `owner.NAME = value`."""
    if s.array or s.kind in CONTAINERS:
        return convert_other(owner, s, value)
    return convert(type(owner).__name__, s, value)


def clone(obj, memo=None):
    """A copy of mirror object @obj, as copy, deepcopy and pickle of a
    generated object give it (docs/python.md: every set slot, deep copies
    of its lists, dicts and children; a Python subclass's __dict__ and slots
    too, deep copies of their values with @memo, a deep copy's memo)."""
    t = type(obj)
    new = object.__new__(t)
    if memo is not None:
        memo[id(obj)] = new
    schema = {s.name for s in schema_of(t).all}
    for k in t.__mro__:
        for name in k.__dict__.get('__slots__', ()):
            try:
                v = object.__getattribute__(obj, name)
            except AttributeError:
                continue
            if name in schema:
                v = deep(v, new)
            elif memo is not None:
                v = copy.deepcopy(v, memo)
            object.__setattr__(new, name, v)
    d = getattr(obj, '__dict__', None)
    if d is not None:
        new.__dict__.update(copy.deepcopy(d, memo) if memo is not None else d)
    return new


class MirrorCopy:
    """`copy` on the mirrors' side."""
    copy = staticmethod(clone)

    @staticmethod
    def deepcopy(obj):
        return clone(obj, {})


class MirrorPickle:
    """`pickle` on the mirrors' side: a round trip is a deep copy."""

    @staticmethod
    def dumps(obj, protocol=None):
        return ('pickled', clone(obj, {}))

    @staticmethod
    def loads(data):
        return data[1]


class Subs:
    """Where the Python subclasses of the generated types live, for pickle."""


def make_subclass(base, name, slots, register):
    """A Python subclass of @base, with __slots__ @slots or without (None),
    its qualified name Subs.NAME.  On the generated side it is put in Subs,
    where pickle finds it."""
    cls = type(name, (base,), {} if slots is None else {'__slots__': slots})
    cls.__qualname__ = 'Subs.' + name
    cls.__module__ = __name__
    if register:
        setattr(Subs, name, cls)
    return cls


# ---- outcomes ------------------------------------------------------------------


def norm(v, objects):
    """A value as compared: its type and its value (a float to the bit,
    NaN as NaN), an enum member by its type and name, an object of a
    generated or mirror class by its type's name (its slots compared apart)."""
    t = type(v)
    if t is float:
        return ('float', 'nan' if v != v else v.hex())
    if t is object:
        return ('object()',)
    if t is Tagged:
        return norm(v.value, objects)
    if isinstance(v, objects):  # by value: its type and its slots (a view as its class)
        return ('object', t.__qualname__, tuple(
            (name, outcome(lambda: getattr(v, name), objects)) for name in t.__match_args__))
    if isinstance(v, (MList, MArray)) or t.__name__ in ('list_view', 'array_view'):
        return (t.__name__, tuple(norm(x, objects) for x in v))
    if isinstance(v, MDict) or t.__name__ == 'dict_view':
        return ('dict_view', tuple((norm(k, objects), norm(v[k], objects)) for k in v))
    if t is type:
        return ('type', v.__qualname__)
    if t is dict:
        return ('dict', tuple((norm(k, objects), norm(x, objects)) for k, x in v.items()))
    if t in (list, tuple):
        return (t.__name__, tuple(norm(x, objects) for x in v))
    if t.__class__.__name__ == 'EnumType':
        return ('member', t.__qualname__, v.name)
    return (t.__name__, repr(v))


def outcome(f, objects):
    try:
        return ('ok', norm(f(), objects))
    except Exception as e:  # noqa: BLE001 - every outcome is compared
        name = getattr(e, 'name', None) if isinstance(e, AttributeError) else None
        return ('raise', '%s.%s' % (type(e).__module__, type(e).__qualname__), str(e), name)


def state(obj, objects):
    """Everything of an object compared after an operation: its type, each
    slot of its schema class set or not and its value, a Python subclass's
    own slots and __dict__."""
    t = type(obj)
    out = [t.__qualname__]
    for name in t.__match_args__:
        out.append((name, outcome(lambda: getattr(obj, name), objects)))
    for k in t.__mro__:
        if k in SCHEMA_OF or k.__module__ == 'orc' or k is object:
            continue
        for name in k.__dict__.get('__slots__', ()):
            out.append((name, outcome(lambda: getattr(obj, name), objects)))
    d = getattr(obj, '__dict__', None)
    if d is not None:
        out.append(('__dict__', norm(d, objects)))
    return out


def weight(v):
    """How many objects and elements mirror value @v holds, itself too."""
    if isinstance(v, (list, tuple)):
        return 1 + sum(weight(x) for x in v)
    if isinstance(v, dict):
        return 1 + sum(weight(x) for x in v.values())
    if not isinstance(v, tuple(SCHEMA_OF)):
        return 1
    n = 1
    for s in schema_of(type(v)).all:
        try:
            n += weight(object.__getattribute__(v, s.name))
        except AttributeError:
            pass
    return n


def empty(obj):
    """Whether mirror object @obj holds nothing a copy takes: no slot set,
    no attribute in its __dict__."""
    return not set_slots(obj) and not getattr(obj, '__dict__', None) and all(
        not hasattr(obj, name) for k in type(obj).__mro__ if k not in SCHEMA_OF
        for name in k.__dict__.get('__slots__', ()))


def show(o):
    """An outcome for a person."""
    if o[0] == 'ok':
        return 'returns %s %s' % (o[1][0], oracle.shorten(' '.join(map(str, o[1][1:])), 300))
    return 'raises %s: %s%s' % (o[1], oracle.shorten(repr(o[2]), 400),
                                ' (name %r)' % o[3] if o[3] is not None else '')


# ---- the operations ------------------------------------------------------------------


def lit(v):
    """Python source of value @v."""
    if isinstance(v, float):
        if v != v:
            return "float('nan')"
        if v in (INF, -INF):
            return "float('%s')" % v
    return repr(v)


class Ops:
    """The random operations of one seed, made as they run: an operation is
    a Python expression, run on the generated types and on the mirrors,
    that may keep its result as object o[N]."""

    ODD_NAMES = ['__dict__', '__weakref__', '', 'é', '名前', 'a b', 'a\0b', '\0', "it's",
                 'extra', 'anything', 'slot_bits', 'slot_base', 'Score', 'x' * 300, 'y' * 4000]

    def __init__(self, schema, rng):
        self.schema, self.rng = schema, rng
        self.objects = {}      # N -> (schema class, Python subclass name or None): o[N]
        self.next = 0
        self.deleted = []
        self.subclasses = []   # (name, schema class, slots)
        self.enum_names = [e.name for e in schema.enums]
        self.probe = lambda src: 0  # evaluates @src on the mirrors' side
        self.constructing = False
        self.all_slots = [s for c in schema.classes for s in c.own]

    # -- values

    def int_source(self, lo, hi, inside):
        rng = self.rng
        if inside:
            return lit(rng.choice([lo, hi, 0 if lo <= 0 else lo, lo + 1, hi - 1,
                                   rng.randint(lo, hi)]))
        v = rng.choice([lo - 1, hi + 1, -2 ** 63 - 1, 2 ** 64, 10 ** 30, -10 ** 30, 2 ** 63,
                        -1, 256, 65536, 2 ** 31])
        if lo <= v <= hi:
            v = hi + 1
        return lit(v)

    def enum_member(self, enum=None):
        e = enum or self.rng.choice(self.schema.enums)
        if self.rng.random() < 0.7:
            return 'orc.%s.%s' % (e.name, self.rng.choice(e.values))
        return 'orc.%s(%d)' % (e.name, self.rng.randrange(len(e.values)))

    def good_value(self, s):
        """A value slot @s takes (mostly: a list's element may be wrong)."""
        rng, k = self.rng, s.kind
        if s.array or k in CONTAINERS:
            return self.container_value(s)
        if k == 'bool':
            return rng.choice(['True', 'False'])
        if k in INTEGERS:
            return self.int_source(*INT_RANGE[k], True)
        if k in ('float', 'double'):
            return lit(rng.choice([0.0, -0.0, 1.5, 0.1, -2.25, 1e300, -1e39, 3.4028235e38,
                                   1.4e-45, 1e-46, 5e-324, 16777217.0, INF, -INF, NAN,
                                   rng.uniform(-1e9, 1e9), rng.uniform(-1, 1)]))
        if k == 'string':
            if s.max_length is None:
                return lit(rng.choice(STRINGS))
            n = s.max_length
            return lit(rng.choice(['', 'a' * n, 'é' * (n // 2), 'b' * rng.randint(0, n),
                                   rng.choice(NONPRINTABLE) * (n // 3)]))
        if rng.random() < 0.6:
            return self.enum_member(s.enum)
        return lit(rng.randrange(len(s.enum.values)))

    def value(self, s):
        """A value for slot @s (or for any slot, @s None): mostly of its type,
        else of every other kind."""
        rng = self.rng
        if s is not None and rng.random() < 0.65:
            v = self.good_value(s)
            if v is not None:
                return v
        k = s.kind if s is not None else None
        choices = [
            lambda: rng.choice(['True', 'False']),
            lambda: self.int_source(-2 ** 63, 2 ** 64 - 1, True),
            lambda: self.int_source(*INT_RANGE[k if k in INTEGERS else 'int8'], False),
            lambda: lit(rng.choice([1.0, 0.5, -0.0, NAN, INF, 1e300, 2.0 ** 64])),
            lambda: rng.choice(['10 ** 400', '-(10 ** 400)', '2 ** 53 + 1', '2 ** 64 + 1']),
            lambda: lit(rng.choice(STRINGS)),
            lambda: lit(rng.choice(BAD_STRINGS)),
            lambda: lit(rng.choice(['x' * 16, 'é' * 9, '12345678'])),
            lambda: rng.choice(['None', "b'1'", '[]', '{}', '1j', '()', 'object()', '[1, 2]',
                                "{'a': 1}", "bytearray(b'ab')", "['x', 'y']", '(0, 1, 2)',
                                "{'k': 'v'}", '[[1]]']),
            lambda: self.some_object(),
            lambda: self.enum_member(),
            lambda: 'orc.%s(%d)' % (rng.choice(self.enum_names), 0),
            lambda: rng.choice(['IndexOnly(1)', 'IndexOnly(-1)', 'IndexOnly(2 ** 64)',
                                "IndexOnly('1')", 'FloatOnly(2.5)', 'FloatOnly(1e300)',
                                'FloatOnly(1)', "StrSub('sub')", 'IntSub(1)', 'IntSub(-1)']),
            lambda: lit(rng.randrange(0, 12)),
        ]
        if s is not None and s.max_length is not None:  # a byte too long, or a character
            n = s.max_length
            choices.append(lambda: lit(rng.choice(['a' * (n + 1), 'é' * (n // 2 + 1),
                                                   'a' * (n - 1) + 'é', '名' * n])))
        return rng.choice(choices)()

    def bytes_value(self):
        return self.rng.choice(["b''", "b'\\x00\\xff'", "b'abc'", "bytearray(b'xy')",
                                "memoryview(b'mv')", 'bytes(range(256))', "b'q' * 40",
                                "array.array('h', [1, -2])", "bytearray()"])

    def some_object(self):
        """A live object (never a view: given to a subclass's own attribute,
        a view would be kept, and it is a path where the mirror keeps the
        object)."""
        if not self.objects:
            return 'None'
        src = 'o[%d]' % self.pick()
        return src if self.light(src) else 'None'

    HEAVY = 300  # objects and elements an object copied into another may hold

    def light(self, src):
        """Whether the object @src (on the mirrors' side) is light enough to
        be copied into another: an object holding a copy of itself doubles,
        and the operations would soon copy and compare millions of objects."""
        try:
            return self.probe('weight(%s)' % src) <= self.HEAVY
        except Exception:  # noqa: BLE001 - a view of nothing: the operation raises
            return True

    def object_of(self, cls):
        """An object a slot of class @cls takes: a live one of the class or a
        subclass (copied as the class), a new one, or a view of one."""
        rng = self.rng
        live = [n for n, (c, _) in self.objects.items() if cls in c.ancestors()]
        rng.shuffle(live)
        r = rng.random()
        if live and r < 0.65 and self.light('o[%d]' % live[0]):
            return 'o[%d]' % live[0]
        # A view, copied too; but not to __init__, which unsets the slots
        # before it stores the values: a view of the object's own is a path
        # that then finds nothing (docs/python.md, "A view is a path").
        if live and r < 0.8 and not self.constructing:
            n = rng.choice(live)
            p, c = self.path(n, self.objects[n][0], 2)
            if cls in c.ancestors() and self.light(p):
                return p
        subs = [c for c in self.schema.classes if cls in c.ancestors()]
        c = rng.choice(subs)
        return 'orc.%s.__new__(orc.%s)' % (c.name, c.name)

    def good_item(self, e):
        """A value of Spec @e (an element, a child, a union's)."""
        rng, k = self.rng, e.kind
        if k == 'bytes':
            return self.bytes_value()
        if k == 'object':
            return self.object_of(e.cls)
        if k == 'optional':
            return 'None' if rng.random() < 0.25 else self.object_of(e.cls)
        if k == 'union':
            if rng.random() < 0.15:
                return self.value(None)
            return self.good_item(rng.choice(e.alts))
        return self.good_value(types.SimpleNamespace(kind=k, enum=e.enum, max_length=None,
                                                     array=0))

    def item(self, e, array=False):
        """An element for Spec @e: mostly of its type."""
        rng = self.rng
        if rng.random() < 0.85:
            return self.good_item(e)
        if array and e.kind == 'string' and rng.random() < 0.5:
            return 'None'
        return self.value(None)

    KEYS = ['', 'a', 'b', 'key', 'é', '名前', 'x' * 20] + ['k%d' % i for i in range(1, 10)]
    BAD_KEYS = ['1', 'None', "'a\\0b'", "b'a'", "('a',)", "'\\udc80'", "StrSub('a')",
                '()']

    def key(self, good=0.92):
        rng = self.rng
        if rng.random() < good:
            return lit(rng.choice(self.KEYS))
        return rng.choice(self.BAD_KEYS)

    def container_value(self, s):
        """A value for an array, bytes, list, dict, child or union slot @s."""
        rng, e = self.rng, spec_of(s)
        if s.array:
            n = s.array if rng.random() < 0.85 else rng.choice([0, s.array - 1, s.array + 1])
            items = [self.item(e, True) for _ in range(n)]
            form = rng.choice(['[%s]', '[%s]', '(%s,)', 'iter([%s])'])
            return form % ', '.join(items) if items else '[]'
        k = s.kind
        if k == 'list':
            items = [self.item(e) for _ in range(rng.choice([0, 1, 2, 3, 4, 6]))]
            form = rng.choice(['[%s]', '[%s]', '[%s]', '(%s,)', 'iter([%s])'])
            return form % ', '.join(items) if items else rng.choice(['[]', '()'])
        if k == 'dict':
            entries = ['%s: %s' % (self.key(0.97), self.item(e))
                       for _ in range(rng.choice([0, 1, 2, 3, 5, 10]))]
            return rng.choice(['{%s}', '{%s}', 'types.MappingProxyType({%s})']) % \
                ', '.join(entries)
        return self.good_item(e)

    def path(self, n, c, depth=2):
        """o[N], or a view down from it: a child, an object of a list (at an
        index maybe past its end), up to @depth steps; with its class."""
        rng = self.rng
        p = 'o[%d]' % n
        for _ in range(depth):
            down = [s for s in c.all if s.kind == 'optional' or
                    (s.kind == 'list' and s.elem.kind == 'object')]
            if not down or rng.random() < 0.35:
                break
            s = rng.choice(down)
            if s.kind == 'optional':
                p, c = 'getattr(%s, %r)' % (p, s.name), s.cls
            else:
                p, c = 'getattr(%s, %r)[%d]' % (p, s.name, rng.choice([0, 0, 1, 2, -1])), \
                    s.elem.cls
        return p, c

    def container_op(self, x, s):
        """An operation on container slot @s reached as @x."""
        rng, e = self.rng, spec_of(s)
        if s.array:
            n = s.array
            i = rng.randint(-n - 1, n)
            ops = [
                lambda: '%s[%d]' % (x, i),
                lambda: 'operator.setitem(%s, %d, %s)' % (x, i, self.item(e, True)),
                lambda: 'operator.setitem(%s, slice(%d, %d, %s), [%s])' % (
                    x, rng.randint(-n, n), rng.randint(-n, n), rng.choice(['None', '2', '-1']),
                    ', '.join(self.item(e, True) for _ in range(rng.randint(0, 3)))),
                lambda: 'operator.delitem(%s, %d)' % (x, i),
                lambda: '%s[%d:%d]' % (x, rng.randint(-n, n), rng.randint(-n, n)),
                lambda: '%s.index(%s)' % (x, self.good_item(e)),
                lambda: '%s.count(%s)' % (x, self.good_item(e)),
                lambda: '%s in %s' % (self.good_item(e), x),
                lambda: 'len(%s)' % x,
                lambda: 'list(%s)' % x,
                lambda: 'list(reversed(%s))' % x,
                lambda: '%s == %s' % (x, self.container_value(s)),
                lambda: 'repr(%s)' % x,
            ]
            return rng.choice(ops)()
        if s.kind == 'list':
            i = rng.randint(-4, 5)
            scalar = e.kind != 'object'
            ops = [
                (6, lambda: '%s.append(%s)' % (x, self.item(e))),
                (3, lambda: '%s.insert(%d, %s)' % (x, i, self.item(e))),
                (2, lambda: '%s.extend(%s)' % (x, self.container_value(s))),
                (1, lambda: '%s.extend(%s)' % (x, x if self.light(x) else '[]')),
                (3, lambda: '%s[%d]' % (x, i)),
                (3, lambda: 'operator.setitem(%s, %d, %s)' % (x, i, self.item(e))),
                (2, lambda: 'operator.delitem(%s, %d)' % (x, i)),
                (2, lambda: 'operator.setitem(%s, slice(%d, %s, %s), %s)' % (
                    x, rng.randint(-3, 3), rng.choice(['None', '1', '-1', '4']),
                    rng.choice(['None', '1', '2', '-1']), self.container_value(s))),
                (1, lambda: 'operator.setitem(%s, slice(None), %s)' % (x, x)),
                (1, lambda: 'operator.delitem(%s, slice(%d, %s, %s))' % (
                    x, rng.randint(-3, 3), rng.choice(['None', '2', '-1']),
                    rng.choice(['None', '2', '-1']))),
                (1, lambda: '%s[%d:%s]' % (x, rng.randint(-3, 3), rng.choice(['', '2', '-1']))),
                (3, lambda: '%s.pop()' % x),
                (2, lambda: '%s.pop(%d)' % (x, i)),
                (2 if scalar else 0, lambda: '%s.remove(%s)' % (x, self.item(e))),
                (2 if scalar else 0, lambda: '%s.index(%s)' % (x, self.item(e))),
                (2, lambda: '%s.count(%s)' % (x, self.item(e))),
                (2, lambda: '%s in %s' % (self.item(e), x)),
                (2, lambda: 'len(%s)' % x),
                (2, lambda: 'list(%s)' % x),
                (1, lambda: '%s.reverse()' % x),
                (0.5, lambda: '%s.clear()' % x),
                (2, lambda: '%s == %s' % (x, self.container_value(s))),
                (1, lambda: '%s != %s' % (x, x)),
                (2, lambda: 'repr(%s)' % x),
            ]
            return rng.choices([f for _, f in ops], [w for w, _ in ops])[0]()
        if s.kind == 'dict':
            k = self.key()
            ops = [
                (4, lambda: '%s[%s]' % (x, k)),
                (6, lambda: 'operator.setitem(%s, %s, %s)' % (x, k, self.item(e))),
                (2, lambda: 'operator.delitem(%s, %s)' % (x, k)),
                (2, lambda: '%s in %s' % (k, x)),
                (2, lambda: '%s.get(%s)' % (x, k)),
                (1, lambda: '%s.get(%s, %s)' % (x, k, self.item(e))),
                (2, lambda: '%s.setdefault(%s, %s)' % (x, k, self.item(e))),
                (2, lambda: '%s.update(%s)' % (x, self.container_value(s))),
                (1, lambda: '%s.update([(%s, %s)])' % (x, k, self.item(e))),
                (1, lambda: '%s.update(k1=%s, k9=%s)' % (x, self.item(e), self.item(e))),
                (2, lambda: '%s.pop(%s)' % (x, k)),
                (1, lambda: '%s.pop(%s, %s)' % (x, k, self.item(e))),
                (1, lambda: '%s.popitem()' % x),
                (2, lambda: 'list(%s)' % x),
                (1, lambda: 'list(%s.keys())' % x),
                (1, lambda: 'list(%s.values())' % x),
                (1, lambda: 'list(%s.items())' % x),
                (2, lambda: 'len(%s)' % x),
                (0.5, lambda: '%s.clear()' % x),
                (2, lambda: '%s == %s' % (x, self.container_value(s))),
                (2, lambda: 'repr(%s)' % x),
            ]
            return rng.choices([f for _, f in ops], [w for w, _ in ops])[0]()
        return 'getattr(%s)' % x  # not reached

    # -- names

    def typo(self, name):
        rng = self.rng
        i = rng.randrange(len(name) + 1)
        how = rng.randrange(5)
        if how == 0 and i < len(name):
            return name[:i] + rng.choice('abcxyz0') + name[i + 1:]
        if how == 1 and i < len(name) and len(name) > 1:
            return name[:i] + name[i + 1:]
        if how == 2:
            return name[:i] + rng.choice('aeq1') + name[i:]
        if how == 3:
            return name.upper() if name.upper() != name else name.lower()
        return name + rng.choice(['x', '\0', 'é', ' '])

    def name(self, c):
        """A name to reach on an object of class @c: its slots (inherited
        ones too), slots deleted lately, other classes' slots, typos, odd
        names."""
        rng = self.rng
        r = rng.random()
        if r < 0.47 and c.all:
            return rng.choice(c.all).name
        if r < 0.55:
            return rng.choice(c.all).name if c.all else 'nothing'
        if r < 0.65 and self.deleted:
            return rng.choice(self.deleted)
        if r < 0.77:
            return rng.choice(self.all_slots).name
        if r < 0.9:
            return self.typo(rng.choice(c.all or self.all_slots).name)
        return rng.choice(self.ODD_NAMES)

    # -- objects

    def pick(self):
        return self.rng.choice(sorted(self.objects))

    def construction(self, c, good):
        """The arguments of c(...): in table order, by position or keyword;
        @good: every readonly slot given a value of its type."""
        rng = self.rng
        names = [s.name for s in c.all]
        given = {}
        self.constructing = True
        for s in c.all:
            if s.readonly or (rng.random() < 0.3 and (not good or self.good_value(s))):
                v = self.good_value(s) if good else self.value(s)
                if v is not None:
                    given[s.name] = v
        if not good:
            r = rng.random()
            if r < 0.2 and given:  # one missing
                given.pop(rng.choice(sorted(given)))
            elif r < 0.35:  # an unknown keyword
                given[self.typo(rng.choice(names or ['x']))] = '1'
        npos = 0
        while npos < len(names) and names[npos] in given and rng.random() < 0.6:
            npos += 1
        args = [given.pop(n) for n in names[:npos]]
        if not good and rng.random() < 0.2:  # up to two too many
            args += [self.value(None) for _ in range(len(names) - npos + rng.randint(0, 2))]
        if not good and rng.random() < 0.15 and args:
            given[names[rng.randrange(min(len(args), len(names)))] if names else 'x'] = '0'
        self.constructing = False
        keys = list(given)
        rng.shuffle(keys)
        parts = args + (['**{%s}' % ', '.join('%r: %s' % (k, given[k]) for k in keys)]
                        if keys else [])
        return '(%s)' % ', '.join(parts)

    def class_source(self, c, sub):
        return "sub[%r]" % sub if sub else 'orc.%s' % c.name

    def make_source(self):
        rng = self.rng
        if self.subclasses and rng.random() < 0.2:
            sub, c, _ = rng.choice(self.subclasses)
        else:
            c, sub = rng.choice(self.schema.classes), None
        src = self.class_source(c, sub)
        r = rng.random()
        if r < 0.1:
            return c, sub, '%s.__new__(%s)' % (src, src)
        return c, sub, src + self.construction(c, r < 0.75)

    def op(self):
        """The next operation: (source, N that keeps its result or None,
        objects whose state to compare after it, kind)."""
        rng = self.rng
        self.copied = None  # what a copy copies
        kind = rng.choices(['get', 'getdef', 'has', 'set', 'del', 'new', 'init', 'eq', 'repr',
                            'copy', 'hash', 'drop', 'container'],
                           [20, 4, 7, 30, 10, 5, 1.5, 4, 4, 3, 1, 1, 30])[0]
        if len(self.objects) > 40:  # a few dozen objects live at a time
            kind = 'drop'
        if kind == 'drop' and len(self.objects) > 6:
            n = self.pick()
            del self.objects[n]
            return 'o.pop(%d) is None' % n, None, [], kind
        if kind in ('new', 'drop') or len(self.objects) < 3:
            c, sub, src = self.make_source()
            return self.keep(src, c, sub, 'new')
        n = self.pick()
        c, sub = self.objects[n]
        o = 'o[%d]' % n
        if kind == 'container':
            # An object that has an array, a list or a dict, or a view of one.
            def boxes(c):
                return [s for s in c.all if s.array or s.kind in ('list', 'dict')]
            live = [m for m, (k, _) in self.objects.items() if boxes(k)]
            if not live:
                return 'len(o)', None, [], 'len'
            n = rng.choice(live)
            o, c = self.path(n, self.objects[n][0], 2)
            if not boxes(c):
                o, c = 'o[%d]' % n, self.objects[n][0]
            s = rng.choice(boxes(c))
            try:  # mostly, an unset slot is set first
                unset = not self.probe('hasattr(%s, %r)' % (o, s.name))
            except Exception:  # noqa: BLE001 - the path itself is gone
                unset = False
            if unset and rng.random() < 0.8:
                return 'setattr(%s, %r, %s)' % (o, s.name, self.container_value(s)), None, \
                    [n], 'set'
            src = self.container_op('getattr(%s, %r)' % (o, s.name), s)
            return src, None, [n], 'array' if s.array else s.kind
        if rng.random() < 0.3 and kind not in ('init', 'copy'):  # a view of a nested object
            o, c = self.path(n, c)
            sub = None
        if kind in ('get', 'getdef', 'has', 'set', 'del'):
            name = self.name(c)
            if kind == 'get':
                return 'getattr(%s, %r)' % (o, name), None, [], kind
            if kind == 'getdef':
                return 'getattr(%s, %r, %s)' % (o, name, rng.choice(['None', "'dflt'"])), None, \
                    [], kind
            if kind == 'has':
                return 'hasattr(%s, %r)' % (o, name), None, [], kind
            if kind == 'del':
                self.deleted = (self.deleted + [name])[-6:]
                return 'delattr(%s, %r)' % (o, name), None, [n], kind
            return 'setattr(%s, %r, %s)' % (o, name, self.value(c.names.get(name))), None, [n], \
                kind
        if kind == 'init':
            return '%s.__init__%s' % (o, self.construction(c, rng.random() < 0.6)), None, [n], kind
        if kind == 'eq':
            m = self.pick()
            r = rng.random()
            if r < 0.1:
                return '%s == %s' % (o, rng.choice(['1', 'None', "'x'"])), None, [], kind
            if r < 0.2:  # NotImplemented for another type
                return '%s.%s(%s)' % (o, rng.choice(['__eq__', '__ne__']),
                                      rng.choice(['1', 'o[%d]' % m])), None, [], kind
            return '%s %s o[%d]' % (o, '==' if r < 0.7 else '!=', m), None, [], kind
        if kind == 'repr':
            return 'repr(%s)' % o, None, [], kind
        if kind == 'hash':
            return rng.choice(['hash(%s)' % o, '%s < o[%d]' % (o, self.pick())]), None, [], kind
        if rng.random() < 0.2:  # the state pickling copies: object.__getstate__'s
            return '%s.__reduce_ex__(%d)[2]' % (o, rng.randrange(2, 6)), None, [], 'state'
        how = rng.choice(['copy.copy(%s)', 'copy.deepcopy(%s)'] +
                         ['pickle.loads(pickle.dumps(%%s, %d))' % p for p in range(6)])
        self.copied = o
        return self.keep(how % o, c, sub, 'copy')

    def lost(self, n):
        """o[N] was not made (its construction or copy raised)."""
        del self.objects[n]

    def keep(self, src, c, sub, kind):
        n = self.next
        self.next += 1
        self.objects[n] = (c, sub)
        return src, n, [n], kind

    def subclass(self, i):
        """Python subclasses of generated classes: with a __dict__, or with
        __slots__ of their own."""
        rng = self.rng
        c = rng.choice(self.schema.classes)
        slots = rng.choice([None, ('extra',), ('extra', 'more')])
        name = 'Sub%d%s' % (i, 'Slots' if slots else 'Dict')
        self.subclasses.append((name, c, slots))
        return 'subclass(orc.%s, %r, %r)' % (c.name, name, slots), name


# ---- one seed ------------------------------------------------------------------------


class PySchema(oracle.Schema):
    """oracle.py's schema of the seed, some slots named after keywords (from
    a stream of their own, so the rest is the oracle's seed's schema)."""

    def __init__(self, rng, xrng, krng):
        self.krng, self.unused = krng, list(KEYWORDS)
        super().__init__(rng, xrng)

    def slot_name(self):
        name = super().slot_name()
        if self.unused and self.krng.random() < 0.15:
            return self.unused.pop(self.krng.randrange(len(self.unused)))
        return name

    def mirror(self, c):
        return None  # mirror_class(), once the module's enums exist


def build(seed, args, d):
    """The schema of @seed in @d, and its extension module, built."""
    rng = random.Random(seed)
    xrng = random.Random('bytes, lists, dicts, children and unions %d' % seed)
    schema = PySchema(rng, xrng, random.Random('keywords %d' % seed))
    with open(os.path.join(d, 'orc.yaml'), 'w') as f:
        f.write(schema.yaml())
    p = subprocess.run([args.slotgen, '--python', '-o', d, os.path.join(d, 'orc.yaml')],
                       capture_output=True, text=True)
    if p.returncode != 0:
        raise Failure(['slotgen --python failed on %s:' % os.path.join(d, 'orc.yaml'), p.stderr])
    rt = os.path.join(args.work, 'runtime')
    so = os.path.join(d, 'orc' + sysconfig.get_config_var('EXT_SUFFIX'))
    p = subprocess.run(args.cc + cflags(rt) + ['-shared', '-o', so, os.path.join(d, 'orc.c'),
                                               os.path.join(d, 'orc_python.c'),
                                               os.path.join(rt, 'slotgen_runtime.o'),
                                               os.path.join(rt, 'slotgen_python.o'), '-lm'],
                       capture_output=True, text=True)
    if p.returncode != 0:
        raise Failure(['compiling the module failed:', p.stdout, p.stderr])
    return schema


def cflags(rt):
    return ['-std=c11', '-O1', '-g', '-fPIC', '-Wall', '-Wextra', '-Werror', '-I', rt,
            '-I', sysconfig.get_paths()['include']]


class Failure(Exception):
    def __init__(self, notes):
        super().__init__(notes)
        self.notes = notes


REPRO_HEAD = '''"""Replays seed %(seed)d of tests/pyoracle/pyoracle.py on the generated types.
Each operation prints its outcome; the last is where the mirrors differed."""
import array
import copy
import operator
import pickle
import sys
import types
sys.path[:0] = [%(d)r, %(here)r]
import orc
from pyoracle import IndexOnly, FloatOnly, StrSub, IntSub, make_subclass, outcome, show

o, sub = {}, {}


def subclass(base, name, slots):
    return make_subclass(base, name, slots, True)


def run(n, src, keep=None):
    def f():
        v = eval(src)
        if keep is not None:
            o[keep] = v
        return v
    print(n, src[:200], '->', show(outcome(f, ())))


'''


def child(seed, args):
    """Run seed @seed; print its result as JSON."""
    d = os.path.join(args.work, 'seed-%d' % seed)
    os.makedirs(d, exist_ok=True)
    try:
        schema = build(seed, args, d)
    except Failure as f:
        print(json.dumps({'ok': False, 'notes': f.notes}))
        return
    sys.path.insert(0, d)
    sys.setrecursionlimit(20000)  # values compared by value, down chains of children
    import orc as gen
    for e in schema.enums:
        ENUM_TYPES[e.name] = getattr(gen, e.name)
    mirrors = types.SimpleNamespace(**ENUM_TYPES)
    for c in schema.classes:
        setattr(mirrors, c.name, mirror_class(c, getattr(mirrors, c.parent.name)
                                              if c.parent else None))
    gen_classes = tuple(getattr(gen, c.name) for c in schema.classes)
    mirror_classes = tuple(getattr(mirrors, c.name) for c in schema.classes)
    helpers = {'IndexOnly': IndexOnly, 'FloatOnly': FloatOnly, 'StrSub': StrSub,
               'IntSub': IntSub, 'operator': operator, 'types': types, 'array': array}
    genv = dict(helpers, orc=gen, copy=copy, pickle=pickle, o={}, sub={},
                subclass=lambda b, n, s: make_subclass(b, n, s, True))
    menv = dict(helpers, orc=mirrors, copy=MirrorCopy, pickle=MirrorPickle, o={}, sub={},
                weight=weight,
                subclass=lambda b, n, s: make_subclass(b, n, s, False))
    repro = open(os.path.join(d, 'repro.py'), 'w')
    repro.write(REPRO_HEAD % {'seed': seed, 'd': d, 'here': HERE})
    rng = random.Random('pyoracle %d' % seed)
    ops = Ops(schema, rng)
    ops.probe = lambda src: eval(src, menv)  # reads alone: whether a slot is set
    counts = {}
    notes = []
    # The operations that reach an array, bytes, a list, a dict, a child or a
    # union: their names, quoted, in the operation.
    beyond_names = {repr(s.name) for c in schema.classes for s in c.own
                    if s.array or s.kind in CONTAINERS}
    beyond_ops = 0

    def fail(i, src, what, g, m):
        notes.extend(['seed %d, operation %d: %s' % (seed, i, oracle.shorten(src, 400)),
                      '  %s' % what,
                      '  mirror:   %s' % m, '  slotgen:  %s' % g,
                      '  kept in %s (orc.yaml; repro.py replays it)' % d])
        repro.write('# %s: the mirrors: %s\n#   slotgen: %s\n' % (what, m, g))

    # The classes describe themselves as the mirrors do.
    for c, g, m in zip(schema.classes, gen_classes, mirror_classes):
        for attr in ('__name__', '__qualname__', '__slots__', '__match_args__'):
            if getattr(g, attr) != getattr(m, attr):
                fail(0, '%s.%s' % (c.name, attr), 'the class', repr(getattr(g, attr)),
                     repr(getattr(m, attr)))
        if [k.__name__ for k in g.__mro__] != [k.__name__ for k in m.__mro__]:
            fail(0, '%s.__mro__' % c.name, 'the class', g.__mro__, m.__mro__)
    subs = [ops.subclass(i) for i in range(4)]
    for i, (src, name) in enumerate(subs):
        repro.write('sub[%r] = %s\n' % (name, src))
        genv['sub'][name] = eval(src, genv)
        menv['sub'][name] = eval(src, menv)
    all_classes = gen_classes + mirror_classes
    n = 0
    while not notes and n < args.ops:
        n += 1
        src, keep, involved, kind = ops.op()
        repro.write('run(%d, %r%s)\n' % (n, src, ', %d' % keep if keep is not None else ''))
        repro.flush()
        results = []
        for env in (genv, menv):
            def f(env=env):
                v = eval(src, env)
                if keep is not None:
                    env['o'][keep] = v
                return v
            results.append(outcome(f, all_classes))
        g, m = results
        if keep is not None and m[0] != 'ok':
            ops.lost(keep)
        if kind == 'state' and m == outcome(lambda: None, all_classes):
            # Modelled (docs/python.md): with no slot set and no __dict__,
            # the state is (None, {}), not object.__getstate__'s None, which
            # copy and pickle would not hand to __setstate__.
            m = outcome(lambda: (None, {}), all_classes)
        key = (kind, m[0] if m[0] == 'ok' else m[1].split('.')[-1])
        counts[key] = counts.get(key, 0) + 1
        if kind in ('array', 'list', 'dict') or any(x in src for x in beyond_names):
            beyond_ops += 1
        if g != m:
            fail(n, src, 'outcome', show(g), show(m))
            break
        for k in involved:
            if k in genv['o'] and k in menv['o']:
                sg, sm = state(genv['o'][k], all_classes), state(menv['o'][k], all_classes)
                if sg != sm:
                    diff = [(a, b) for a, b in zip(sg, sm) if a != b][:1] or [(sg, sm)]
                    fail(n, src, 'then o[%d]' % k, oracle.shorten(repr(diff[0][0]), 600),
                         oracle.shorten(repr(diff[0][1]), 600))
                    break
            elif (k in genv['o']) != (k in menv['o']):
                fail(n, src, 'then o[%d]' % k, k in genv['o'], k in menv['o'])
    repro.close()
    depth = max(sum(1 for _ in c.ancestors()) for c in schema.classes)
    beyond = sum(1 for s in ops.all_slots if s.array or s.kind in CONTAINERS)
    print(json.dumps({
        'ok': not notes, 'notes': notes, 'ops': n, 'classes': len(schema.classes),
        'summary': '%d operations, %d classes (%d levels deep), %d slots (%d arrays, bytes, '
                   'lists, dicts, children and unions), %d named after keywords' % (
                       n, len(schema.classes), depth, len(ops.all_slots), beyond,
                       sum(1 for s in ops.all_slots if s.name in KEYWORDS)),
        'counts': [[list(k), v] for k, v in counts.items()],
        'beyond': beyond_ops}))


def runtime(args):
    """slotgen's Python runtime, compiled once for every seed."""
    rt = os.path.join(args.work, 'runtime')
    os.makedirs(rt, exist_ok=True)
    p = subprocess.run([args.slotgen, '--runtime', '--python', '-o', rt],
                       capture_output=True, text=True)
    if p.returncode != 0:
        return ['slotgen --runtime --python failed:', p.stderr]
    for name in ('slotgen_runtime', 'slotgen_python'):
        p = subprocess.run(args.cc + cflags(rt) + ['-c', os.path.join(rt, name + '.c'), '-o',
                                                   os.path.join(rt, name + '.o')],
                           capture_output=True, text=True)
        if p.returncode != 0:
            return ['compiling %s.c failed:' % name, p.stdout, p.stderr]
    return None


def main(argv):
    import argparse
    if '--' not in argv:
        sys.exit(__doc__)
    cut = argv.index('--')
    ap = argparse.ArgumentParser(prog='pyoracle.py')
    ap.add_argument('slotgen')
    ap.add_argument('--seeds', default='1-10', help='A-B, or one seed')
    ap.add_argument('--ops', type=int, default=5000, help='random operations a seed')
    ap.add_argument('--work', help='where each seed\'s schema, module and repro.py go '
                    '(emptied first; a seed\'s are removed when it agrees)')
    ap.add_argument('--keep', action='store_true', help='keep them when it agrees too')
    ap.add_argument('--child', type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv[:cut])
    args.cc = argv[cut + 1:]
    args.slotgen = os.path.abspath(args.slotgen)
    if args.child is not None:
        child(args.child, args)
        return 0
    a, _, b = args.seeds.partition('-')
    seeds = list(range(int(a), int(b or a) + 1))
    args.work = os.path.abspath(args.work or tempfile.mkdtemp(prefix='slotgen-pyoracle-'))
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    print('1..%d' % (len(seeds) + len(KNOWN)))
    print('# CPython %s (%s)' % (sys.version.split()[0], sys.executable))
    notes = runtime(args)
    if notes:
        for i, seed in enumerate(seeds, 1):
            print('not ok %d - seed %d' % (i, seed))
        for line in notes:
            print('# ' + line.replace('\n', '\n# '))
        return 1
    failed, total, classes, counts, beyond = 0, 0, 0, {}, 0
    start = time.monotonic()
    child_argv = [sys.executable, os.path.abspath(__file__), args.slotgen, '--ops',
                  str(args.ops), '--work', args.work]
    for i, seed in enumerate(seeds, 1):
        p = subprocess.run(child_argv + ['--child', str(seed), '--'] + args.cc,
                           capture_output=True, text=True)
        try:
            r = json.loads(p.stdout.strip().split('\n')[-1])
        except (ValueError, IndexError):
            d = os.path.join(args.work, 'seed-%d' % seed)
            r = {'ok': False, 'notes': [
                'seed %d: the process ended with status %d, on the last operation of %s'
                % (seed, p.returncode, os.path.join(d, 'repro.py')),
                '  (python3 %s replays it)' % os.path.join(d, 'repro.py'),
                p.stderr[-3000:]]}
        if r['ok']:
            total += r['ops']
            classes += r['classes']
            for k, v in r['counts']:
                counts[tuple(k)] = counts.get(tuple(k), 0) + v
            beyond += r['beyond']
            print('ok %d - seed %d: %s agree' % (i, seed, r['summary']), flush=True)
            if not args.keep:
                shutil.rmtree(os.path.join(args.work, 'seed-%d' % seed), ignore_errors=True)
        else:
            failed += 1
            print('not ok %d - seed %d' % (i, seed))
            for note in r['notes']:
                for line in str(note).split('\n'):
                    print('# ' + line)
            if p.stderr and r.get('ops') is not None:
                print('# ' + p.stderr[-2000:].replace('\n', '\n# '))
    for j, (name, bug, check) in enumerate(KNOWN, len(seeds) + 1):
        print(known_point(j, name, bug, check, args))
    print('# %d operations on %d classes, %d seeds of %d agreeing with the mirrors, %.1f s'
          % (total, classes, len(seeds) - failed, len(seeds), time.monotonic() - start))
    print('# %d of them reach arrays, bytes, lists, dicts, children or unions' % beyond)
    for key in sorted(counts):
        print('#   %-7s %-22s %7d' % (key[0], key[1], counts[key]))
    if not failed and not args.keep:
        shutil.rmtree(args.work, ignore_errors=True)
    else:
        print('# kept in %s' % args.work)
    return 1 if failed else 0


# ---- defects found, and fixed ------------------------------------------------------
#
# Where this test found the generated module differing from docs/python.md,
# a test point of its own, on a schema that shows it (KNOWN_SCHEMA), so that
# the defect stays fixed.

LONG = 'L' + 'o' * 254  # a class name of 255 bytes, slotgen's longest

KNOWN_SCHEMA = """slotgen: 1
module: pyknown
classes:
  Box:
    slots:
      n: {type: int32, default: 7}
      text: string
      arr: {type: int16, array: 2}
      nums: {type: "list[int16]"}
      env: {type: "dict[string, int32]"}
      kid: {type: "%(long)s | None"}
      kids: {type: "list[%(long)s]"}
  %(long)s: {}
""" % {'long': LONG}

KNOWN = [
    ('repr escapes the characters Python escapes beyond ASCII',
     'slot_repr_string printed U+0080 and up as they are',
     "b = pyknown.Box(text='\\xa0\\x85\\u200b\\u2028')\n"
     "assert repr(b) == \"Box(n=7, text='\\\\xa0\\\\x85\\\\u200b\\\\u2028')\", repr(b)"),
    ('a copy of an object with no slot set leaves the slots unset',
     '__reduce__ gave no state for an object with no slot set, and the copy held the defaults',
     "import copy, pickle\n"
     "b = pyknown.Box()\n"
     "del b.n\n"
     "for c in (copy.copy(b), copy.deepcopy(b), pickle.loads(pickle.dumps(b))):\n"
     "    assert not hasattr(c, 'n'), repr(c)"),
    ('an element\'s integer past 64 bits is out of range of the element\'s type',
     'the OverflowError said (?) for the type',
     "b = pyknown.Box(nums=[])\n"
     "for f in (lambda: setattr(b, 'arr', [0, 2 ** 64]), lambda: b.nums.append(-2 ** 70)):\n"
     "    try:\n"
     "        f()\n"
     "    except OverflowError as e:\n"
     "        assert str(e).endswith('[]\\' (int16)'), str(e)"),
    ('a child or a list of a class of a long name spells it whole',
     'slot_py_spell cut `C | None` at 255 bytes and the C of `list[C]` at 199',
     "b = pyknown.Box()\n"
     "L = %r\n"
     "assert pyknown.Box.__annotations__['kid'] == L + ' | None'\n"
     "for name, want in (('kid', L + ' | None'), ('kids', 'list[%%s]' %% L)):\n"
     "    try:\n"
     "        setattr(b, name, 1)\n"
     "    except TypeError as e:\n"
     "        want = \"'Box' attribute '%%s' must be %%s, not int\" %% (name, want)\n"
     "        assert str(e) == want, str(e)" % LONG),
    ('a dict view\'s KeyError holds the key when it is a tuple or None',
     'PyErr_SetObject(PyExc_KeyError, key) took a tuple as the arguments and None '
     'as none, where a dict raises KeyError(key)',
     "b = pyknown.Box(env={})\n"
     "for key in (('a',), (), None):\n"
     "    for f in (lambda: b.env[key], lambda: b.env.__delitem__(key), lambda: b.env.pop(key)):\n"
     "        try:\n"
     "            f()\n"
     "        except KeyError as e:\n"
     "            assert e.args == (key,), e.args"),
]


def known_point(j, name, bug, check, args):
    """Test point @j: @check, a defect found once, run on the module of
    KNOWN_SCHEMA."""
    d = os.path.join(args.work, 'known')
    so = os.path.join(d, 'pyknown' + sysconfig.get_config_var('EXT_SUFFIX'))
    if not os.path.exists(so):
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, 'pyknown.yaml'), 'w') as f:
            f.write(KNOWN_SCHEMA)
        rt = os.path.join(args.work, 'runtime')
        subprocess.run([args.slotgen, '--python', '-o', d, os.path.join(d, 'pyknown.yaml')],
                       check=True)
        subprocess.run(args.cc + cflags(rt) + [
            '-shared', '-o', so, os.path.join(d, 'pyknown.c'), os.path.join(d, 'pyknown_python.c'),
            os.path.join(rt, 'slotgen_runtime.o'), os.path.join(rt, 'slotgen_python.o'), '-lm'],
            check=True)
    p = subprocess.run([sys.executable, '-c', 'import pyknown\n' + check], cwd=d,
                       capture_output=True, text=True)
    out = '%s %d - %s (once: %s)' % ('ok' if p.returncode == 0 else 'not ok', j, name, bug)
    if p.returncode != 0:
        last = p.stderr.strip().split('\n')[-1]
        out += '\n# ' + last.encode('ascii', 'backslashreplace').decode()
    return out


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
