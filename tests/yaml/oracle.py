#!/usr/bin/python3
"""PyYAML as the oracle of the generated YAML loaders and dumpers.

usage: oracle.py ORACLE_BINARY [SEED [COUNT]]

Both ways, on random objects of mixer, game, fleet, corners and lists
(fixed seeds: values at every bound, strings that YAML reads as something
else, partly set nested objects and arrays of objects, inheritance, lists
of every kind of element, empty or not, nested, of objects that hold
lists, and bytes, which PyYAML reads as Python bytes; dicts of every kind
of value, keys of any text, long ones too; chains of optional children,
None and unset; unions, IntOrString and one of six types):

- dumps: each object the C side dumps is read by PyYAML, with its pure
  Python loader and with libyaml's (SafeLoader and CSafeLoader), and must
  mean exactly the object: the same slots set, with the same values, the
  absent keys meaning the class's defaults and `~` an unset slot (for an
  optional child, None), as the loaders define it; a dict in its order; a
  union the value it holds as Python has it (an int, a float, a str, ...),
  so that a number loaded as another type shows.
  The C side also loads each dump back and checks it prints the same.
- loads: documents PyYAML writes (yaml.dump, block and flow style, with
  and without Unicode, sorted keys or not, narrow and wide) are loaded by
  the C side, and must give what PyYAML reads in them.

A float in a float slot means its text rounded once to a float, so the
loaders keep the text of each float they read (the value is PyYAML's own).
Prints TAP; fails when /usr/bin/python3 or PyYAML with libyaml is missing.
"""
import json
import math
import os
import random
import struct
import subprocess
import sys
from fractions import Fraction

import yaml

ORACLE = sys.argv[1]
SEED = int(sys.argv[2]) if len(sys.argv) > 2 else 20261127
COUNT = int(sys.argv[3]) if len(sys.argv) > 3 else 100
SHOW = 5  # failures shown in full, per test


class Mismatch(Exception):
    """A document that means something else than the object."""


class FloatText(float):
    """A float PyYAML read, with the text it read it from."""


def keeping_text(base):
    """The loader @base, its floats keeping their text."""
    cls = type("Keep" + base.__name__, (base,), {})

    def construct(loader, node):
        value = FloatText(yaml.constructor.SafeConstructor.construct_yaml_float(loader, node))
        value.text = node.value
        return value

    cls.add_constructor("tag:yaml.org,2002:float", construct)
    return cls


LOADERS = [("PyYAML SafeLoader", yaml.SafeLoader, keeping_text(yaml.SafeLoader)),
           ("PyYAML CSafeLoader", yaml.CSafeLoader, keeping_text(yaml.CSafeLoader))]

INT_RANGES = {
    "int8": (-2**7, 2**7 - 1), "int16": (-2**15, 2**15 - 1), "int32": (-2**31, 2**31 - 1),
    "int64": (-2**63, 2**63 - 1), "uint8": (0, 2**8 - 1), "uint16": (0, 2**16 - 1),
    "uint32": (0, 2**32 - 1), "uint64": (0, 2**64 - 1),
}


def round_float32(text):
    """The float nearest the number @text means (ties to even), as a Python float."""
    t = text.replace("_", "").lower()
    negative = t.startswith("-")
    t = t.lstrip("+-")
    if t == ".inf":
        return -math.inf if negative else math.inf
    if t == ".nan":
        return math.nan
    q = Fraction(t)
    sign = -1.0 if negative else 1.0
    if q == 0:
        return sign * 0.0
    e = q.numerator.bit_length() - q.denominator.bit_length()
    if Fraction(2) ** e > q:
        e -= 1  # now 2^e <= q < 2^(e+1)
    quantum = Fraction(2) ** (max(e, -126) - 23)
    m = q / quantum
    whole = m.numerator // m.denominator
    rest = m - whole
    if rest > Fraction(1, 2) or (rest == Fraction(1, 2) and whole % 2):
        whole += 1
    value = whole * quantum
    if value >= Fraction(2) ** 128:
        return sign * math.inf
    return sign * float(value)


def float_bits(x):
    return struct.pack("<d", x)


class Schema:
    def __init__(self, data):
        self.classes = data["classes"]
        self.top = data["top"]
        for cls in self.classes.values():
            cls["by_name"] = {f["name"]: f for f in cls["fields"]}
        for key, cls in self.classes.items():
            cls["defaults"] = self.canon(key, cls["defaults"])
            cls["zero"] = self.canon(key, cls["zero"])

    # -- the C side's prints, with floats as Python floats ---------------------

    def canon(self, key, obj):
        cls = self.classes[key]
        out = {}
        for name, value in obj.items():
            f = cls["by_name"][name]
            if f["array"]:
                out[name] = [self.canon_element(f, v) for v in value]
            else:
                out[name] = self.canon_element(f, value)
        return out

    def canon_element(self, f, value):
        """A value of kind @f (a slot's, or a list's "elem")."""
        if f["type"] in ("float", "double"):
            return float.fromhex(value)
        if f["type"] == "object":
            return self.canon(f["class"], value)
        if f["type"] == "bytes":
            return bytes.fromhex(value)
        if f["type"] == "list":
            return [self.canon_element(f["elem"], v) for v in value]
        if f["type"] == "dict":
            return {k: self.canon_element(f["elem"], v) for k, v in value.items()}
        if f["type"] == "optional":
            return None if value is None else self.canon(f["class"], value)
        if f["type"] == "union":
            return self.canon_element(f["alts"][value["kind"]], value["value"])
        return value

    # -- what a document means ---------------------------------------------------

    def meaning(self, key, node, where):
        """The object a YAML mapping (as PyYAML read it) means, as the C
        side prints it: set slots only."""
        cls = self.classes[key]
        if not isinstance(node, dict):
            raise Mismatch(f"{where}: a {key} must be a mapping, PyYAML read {node!r}")
        for k in node:
            if not isinstance(k, str) or k not in cls["by_name"]:
                raise Mismatch(f"{where}: PyYAML read the key {k!r}, no slot of {key}")
        out = {}
        for f in cls["fields"]:
            name = f["name"]
            at = f"{where}.{name}"
            if name not in node:
                if f["readonly"]:
                    raise Mismatch(f"{at}: a readonly slot left out")
                if name in cls["defaults"]:
                    out[name] = cls["defaults"][name]
                continue
            value = node[name]
            if value is None and f["type"] == "optional":
                out[name] = None  # None, which is set; unset is left out
                continue
            if value is None:
                if f["bit"]:
                    continue  # unset
                if f["type"] == "string" and not f["inline"] and not f["array"]:
                    out[name] = None
                    continue
                raise Mismatch(f"{at}: null in a slot that cannot be unset")
            if f["array"]:
                if not isinstance(value, list) or len(value) > f["count"]:
                    raise Mismatch(f"{at}: PyYAML read {value!r}, not a list of at most {f['count']}")
                items = [self.element(f, v, f"{at}[{i}]") for i, v in enumerate(value)]
                items += [self.zero(f)] * (f["count"] - len(items))
                out[name] = items
            else:
                out[name] = self.element(f, value, at)
        return out

    def zero(self, f):
        """An element of an array that the document did not give."""
        t = f["type"]
        if t == "bool":
            return False
        if t in INT_RANGES:
            return 0
        if t in ("float", "double"):
            return 0.0
        if t == "string":
            return "" if f["inline"] else None
        if t == "enum":
            return f["enum"][0]
        return self.classes[f["class"]]["zero"]

    def element(self, f, value, at):
        """A value of kind @f (a slot's, or a list's "elem", which is never
        null) as PyYAML read it."""
        t = f["type"]
        if value is None:
            if t == "string" and f.get("array") and not f["inline"]:
                return None
            raise Mismatch(f"{at}: PyYAML read null")
        if t == "bytes":
            if type(value) is not bytes:
                raise Mismatch(f"{at}: PyYAML read {value!r}, not bytes")
            return value
        if t == "list":
            if type(value) is not list:
                raise Mismatch(f"{at}: PyYAML read {value!r}, not a list")
            return [self.element(f["elem"], v, f"{at}[{i}]") for i, v in enumerate(value)]
        if t == "dict":
            if type(value) is not dict or not all(type(k) is str for k in value):
                raise Mismatch(f"{at}: PyYAML read {value!r}, not a dict of strings")
            return {k: self.element(f["elem"], v, f"{at}[{k!r}]") for k, v in value.items()}
        if t == "optional":
            return self.meaning(f["class"], value, at)
        if t == "union":
            return self.union(f, value, at)
        if t == "bool":
            if type(value) is not bool:
                raise Mismatch(f"{at}: PyYAML read {value!r}, not a bool")
            return value
        if t in INT_RANGES:
            lo, hi = INT_RANGES[t]
            if type(value) is not int or not lo <= value <= hi:
                raise Mismatch(f"{at}: PyYAML read {value!r}, not a {t}")
            return value
        if t in ("float", "double"):
            if not isinstance(value, FloatText):
                raise Mismatch(f"{at}: PyYAML read {value!r}, not a float")
            return round_float32(value.text) if t == "float" else float(value)
        if t == "string":
            if type(value) is not str:
                raise Mismatch(f"{at}: PyYAML read {value!r}, not a string")
            if f["inline"] and len(value.encode()) > f["inline"]:
                raise Mismatch(f"{at}: longer than {f['inline']} bytes")
            return value
        if t == "enum":
            if type(value) is not str or value not in f["enum"]:
                raise Mismatch(f"{at}: PyYAML read {value!r}, not a value of {f['enum']}")
            return value
        return self.meaning(f["class"], value, at)

    def union(self, f, value, at):
        """What a union holds, by the type PyYAML read and the union's order:
        an int in the first integer type that holds it, else in the first
        float; a float in the first float that holds it; a str is a string
        or an enum's value alike (both print as the str)."""
        alts = f["alts"]
        types = [a["type"] for a in alts]
        if type(value) is bool:
            if "bool" in types:
                return value
        elif type(value) is int:
            for t in types:
                if t in INT_RANGES and INT_RANGES[t][0] <= value <= INT_RANGES[t][1]:
                    return value
            text = str(value)
            value = FloatText(float(value))
            value.text = text
        if isinstance(value, FloatText):
            # Out of a type's range (1.0e+999 for both), it goes to the next.
            special = value.text.lower().lstrip("+-") in (".inf", ".nan")
            for t in types:
                if t == "double" and (special or math.isfinite(value)):
                    return float(value)
                if t == "float":
                    x = round_float32(value.text)
                    if special or (math.isfinite(x) and (x != 0 or value == 0)):
                        return x
        if type(value) is str and any(a["type"] == "string" or
                                      (a["type"] == "enum" and value in a["enum"]) for a in alts):
            return value
        if type(value) is bytes and "bytes" in types:
            return value
        raise Mismatch(f"{at}: PyYAML read {value!r}, none of {types}")


def same(a, b):
    """Equal, floats to the bit (NaNs alike), bools never ints."""
    if isinstance(a, float) or isinstance(b, float):
        if not (isinstance(a, float) and isinstance(b, float)):
            return False
        return (math.isnan(a) and math.isnan(b)) or float_bits(a) == float_bits(b)
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):  # in order: a dict's and an object's
        return list(a.keys()) == list(b.keys()) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def given_twice(text):
    """Whether a mapping of the document gives a key twice, as PyYAML reads
    the keys.  yaml.dump can write two keys that read the same: a NEL
    (U+0085) in a single-quoted key is a line break, folded to a space."""
    def walk(node):
        if isinstance(node, yaml.MappingNode):
            keys = [(k.tag, k.value) for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
            return len(keys) != len(set(keys)) or any(walk(v) for _, v in node.value)
        if isinstance(node, yaml.SequenceNode):
            return any(walk(v) for v in node.value)
        return False
    return walk(yaml.compose(text, Loader=yaml.SafeLoader))


def read(text, loader, key, is_list):
    node = yaml.load(text, Loader=loader)
    if is_list:
        if not isinstance(node, list):
            raise Mismatch(f"PyYAML read {node!r}, not a list")
        return node
    return [node]


# ---- random documents, as PyYAML writes them -----------------------------------

PIECES = ["yes", "No", "ON", "off", "y", "n", "null", "~", "", "0x10", "0o17", "1_000", "1:20",
          "1e3", ".inf", ".NaN", "2001-01-01", "2001-12-14 21:59:43.10 -5", "=", "<<", "- x",
          "a: b", " #c", "#", "'", '"', "\\", "[", "]", "{", "}", ",", "&a", "*a", "!x", "%",
          "@", "`", "|", ">", " ", "\t", "\n", "\r", "\x01", "\x1f", "\x7f", "\x85", "\u2028",
          "\u00e9", "\U0001f600", "\ufeff", "\ufffe", "\u4e2d", "word", "0", "-1", "3.14",
          "---", "...", "?"]


class Writer:
    def __init__(self, schema, rng):
        self.schema = schema
        self.rng = rng

    def string(self, limit):
        while True:
            s = "".join(self.rng.choice(PIECES) for _ in range(self.rng.randrange(5)))
            if self.rng.random() < 0.2:
                s += "".join(chr(self.rng.choice([self.rng.randrange(0x20, 0xd800),
                                                  self.rng.randrange(0xe000, 0x110000)]))
                             for _ in range(self.rng.randrange(4)))
            if not limit or len(s.encode()) <= limit:
                return s

    def real(self, single):
        r = self.rng.random()
        if r < 0.1:
            return self.rng.choice([math.inf, -math.inf, math.nan, 0.0, -0.0])
        while True:
            if r < 0.4:
                x = self.rng.choice([1e-5, 1e16, 0.1, 5e-324, 1.7976931348623157e308,
                                     3.4028234663852886e38, 1.401298464324817e-45, 1.0, -2.5])
            elif single:
                x = struct.unpack("<f", struct.pack("<I", self.rng.getrandbits(32)))[0]
                if self.rng.random() < 0.3:
                    x = self.rng.uniform(-1e30, 1e30) * 10.0 ** self.rng.randrange(-40, 8)
            else:
                x = struct.unpack("<d", struct.pack("<Q", self.rng.getrandbits(64)))[0]
            if math.isnan(x):
                continue
            if single:
                y = round_float32(repr(x))
                if (y == 0 and x != 0) or (math.isinf(y) and not math.isinf(x)):
                    r = 1.0
                    continue  # out of a float's range: refused, rightly
            return x

    def value(self, f, depth):
        t = f["type"]
        if t == "bool":
            return self.rng.random() < 0.5
        if t in INT_RANGES:
            lo, hi = INT_RANGES[t]
            return self.rng.choice([lo, hi, 0, lo + 1, hi - 1, self.rng.randint(lo, hi)])
        if t in ("float", "double"):
            return self.real(t == "float")
        if t == "string":
            return self.string(f["inline"])
        if t == "enum":
            return self.rng.choice(f["enum"])
        if t == "bytes":
            if self.rng.random() < 0.2:
                return bytes(range(256))[self.rng.randrange(3):]
            return self.rng.randbytes(self.rng.randrange(12))
        if t in ("list", "dict"):
            n = 0 if depth > 2 else self.rng.randrange(6)
            deeper = depth + (f["elem"]["type"] in ("list", "dict"))
            if t == "list":
                return [self.value(f["elem"], deeper) for _ in range(n)]
            return {self.key(): self.value(f["elem"], deeper) for _ in range(n)}
        if t == "optional":
            if depth > 2 or self.rng.random() < 0.3:
                return None
            return self.obj(f["class"], depth + 1)
        if t == "union":
            return self.value(self.rng.choice(f["alts"]), depth)
        return self.obj(f["class"], depth + 1)

    def key(self):
        """A dict's key: any string, now and then one that PyYAML writes as
        an explicit key (`? `, past 128 characters)."""
        s = self.string(0)
        if self.rng.random() < 0.1:
            while len(s) < 130:
                s += self.string(0) + "x" * self.rng.randrange(100)
        return s

    def obj(self, key, depth=0):
        out = {}
        for f in self.schema.classes[key]["fields"]:
            r = self.rng.random()
            if f["type"] in ("object", "optional") and depth > 2 and not f["readonly"]:
                continue
            if not f["readonly"] and r < 0.3:
                continue  # left out: its default
            if r < 0.4 and (f["bit"] or (f["type"] == "string" and not f["inline"]
                                         and not f["array"])):
                out[f["name"]] = None
                continue
            if f["array"]:
                items = []
                for _ in range(self.rng.randrange(f["count"] + 1)):
                    if f["type"] == "string" and not f["inline"] and self.rng.random() < 0.2:
                        items.append(None)
                    else:
                        items.append(self.value(f, depth))
                out[f["name"]] = items
            else:
                out[f["name"]] = self.value(f, depth)
        return out

    def document(self, key, is_list):
        value = [self.obj(key) for _ in range(self.rng.randrange(4))] if is_list else self.obj(key)
        return yaml.dump(value, Dumper=self.rng.choice([yaml.SafeDumper, yaml.CSafeDumper]),
                         default_flow_style=self.rng.choice([False, True, None]),
                         allow_unicode=self.rng.random() < 0.5,
                         sort_keys=self.rng.random() < 0.5,
                         width=self.rng.choice([20, 80, 100000]),
                         indent=self.rng.choice([2, 4]),
                         explicit_start=self.rng.random() < 0.2,
                         explicit_end=self.rng.random() < 0.1)


# ---- the tests ----------------------------------------------------------------

class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def result(self, ok, what, problems=()):
        self.n += 1
        print(f"{'ok' if ok else 'not ok'} {self.n} - {what}")
        for p in problems[:SHOW]:
            for line in str(p).splitlines():
                print(f"# {line}")
        if len(problems) > SHOW:
            print(f"# ... and {len(problems) - SHOW} more")
        if not ok:
            self.failed += 1
        sys.stdout.flush()


def run(args, data=None):
    # Under `meson test --setup valgrind`, the C side runs under memcheck.
    wrap = os.environ.get("SLOTGEN_WRAP", "").split()
    done = subprocess.run(wrap + [ORACLE] + args, input=data, capture_output=True, check=False)
    return done.returncode, done.stdout.decode(), done.stderr.decode()


def main():
    tap = Tap()
    print("1..4")
    rc, out, err = run(["schema"])
    if rc:
        tap.result(False, "the oracle binary describes the schemas", [err])
        return 1
    schema = Schema(json.loads(out))

    # Dumps, as PyYAML reads them.
    rc, out, err = run(["dump", str(SEED), str(COUNT)])
    dumps = [json.loads(line) for line in out.split("\n") if line]
    objects = sum(len(d["value"]) if d["list"] else 1 for d in dumps)
    tap.result(rc == 0 and all(d["reloaded"] for d in dumps),
               f"the C loaders load each of {len(dumps)} dumps ({objects} objects) back the same",
               [err] if err else [])
    for label, plain, keeping in LOADERS:
        problems = []
        alike = 0
        for d in dumps:
            key = d["class"]
            want = [schema.canon(key, v) for v in (d["value"] if d["list"] else [d["value"]])]
            try:
                nodes = read(d["yaml"], keeping, key, d["list"])
                if len(nodes) != len(want):
                    raise Mismatch(f"PyYAML read {len(nodes)} objects, not {len(want)}")
                got = [schema.meaning(key, n, key) for n in nodes]
                for g, w in zip(got, want):
                    if not same(g, w):
                        raise Mismatch(f"it means\n  {g}\nnot\n  {w}")
                # The text kept changes nothing: safe_load reads the same values.
                if not same(yaml.load(d["yaml"], Loader=plain), yaml.load(d["yaml"], Loader=keeping)):
                    raise Mismatch("safe_load reads other values")
                alike += len(want)
            except (Mismatch, yaml.YAMLError) as e:
                problems.append(f"{key}: {e}\n--- the dump:\n{d['yaml']}")
        tap.result(not problems, f"{label} reads {alike} of {objects} dumped objects as they are "
                   f"({len(dumps)} dumps)", problems)

    # Documents PyYAML writes, as the C loaders read them.
    rng = random.Random(SEED)
    writer = Writer(schema, rng)
    docs = []
    for key in schema.top:
        for i in range(COUNT):
            is_list = i % 8 == 7
            text = writer.document(key, is_list)
            docs.append((key, is_list, text))
    feed = b"".join(b"%s %d %d\n%s" % (k.encode(), l, len(t.encode()), t.encode())
                    for k, l, t in docs)
    rc, out, err = run(["load"], feed)
    answers = [json.loads(line) for line in out.split("\n") if line]
    problems = [f"the C side stopped: {rc}: {err}"] if rc or len(answers) != len(docs) else []
    loaded = twice = 0
    for (key, is_list, text), answer in zip(docs, answers):
        try:
            want = [schema.meaning(key, n, key)
                    for n in read(text, LOADERS[0][2], key, is_list)]
            if not answer["ok"] and "duplicate key" in answer["error"] and given_twice(text):
                twice += 1  # refused rightly: PyYAML keeps the last
                continue
            if not answer["ok"]:
                raise Mismatch(f"refused: {answer['error']}")
            got = [schema.canon(key, v) for v in (answer["value"] if is_list else [answer["value"]])]
            if not same(got, want):
                raise Mismatch(f"loaded\n  {got}\nnot\n  {want}")
            loaded += 1
        except Mismatch as e:
            problems.append(f"{key}: {e}\n--- the document:\n{text}")
    tap.result(not problems, f"the C loaders load {loaded} of {len(docs)} documents PyYAML "
               f"wrote as PyYAML reads them, and refuse {twice} that give a key twice",
               problems)
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
