#!/usr/bin/python3
"""The documents of examples/service/ through the loaders of
schemas/service.yaml, with PyYAML as the judge.

usage: examples.py EXAMPLES_BINARY SCHEMA EXAMPLES_DIR

For each document the C side (examples.c) loads it as its class, dumps
it, loads the dump and checks that it is the same object, dumping the same
text.  Then PyYAML (SafeLoader and CSafeLoader) reads the document and the
dump, and they must be the same data, once the schema's defaults are given
to what the document left out (the dump writes every set slot): the same
keys and values, dicts and objects in the same order, numbers of the same
types.  Prints TAP.
"""
import os
import re
import subprocess
import sys

import yaml

BINARY, SCHEMA, EXAMPLES = sys.argv[1:4]
DOCUMENTS = [("deployment.yaml", "Deployment"), ("tree.yaml", "Node"), ("packets.yaml", "Packet")]
INTEGERS = {"int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"}


class Mismatch(Exception):
    """Data that is not what the schema says."""


class Schema:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            data = yaml.safe_load(f)
        self.enums = {name: e["values"] for name, e in data.get("enums", {}).items()}
        self.classes = data["classes"]

    def slots(self, name):
        """The slots of a class, inherited ones first: name to (type, default)."""
        cls = self.classes[name]
        out = dict(self.slots(cls["extends"])) if "extends" in cls else {}
        for slot, spec in cls["slots"].items():
            if isinstance(spec, dict):
                out[slot] = (spec["type"], spec.get("default"))
            else:
                out[slot] = (spec, None)
        return out

    def object(self, name, node, at):
        """What a mapping means as an object: its set slots, in schema order,
        the defaults given to those left out."""
        if type(node) is not dict:
            raise Mismatch(f"{at}: {node!r} is no mapping")
        slots = self.slots(name)
        for key in node:
            if key not in slots:
                raise Mismatch(f"{at}: {key!r} is no slot of {name}")
        out = []
        for slot, (kind, default) in slots.items():
            if slot not in node:
                if default is not None:
                    out.append((slot, self.value(kind, default, f"{at}.{slot}")))
            elif node[slot] is not None or kind.endswith("| None"):
                out.append((slot, self.value(kind, node[slot], f"{at}.{slot}")))
        return out

    def value(self, kind, node, at):
        kind = kind.strip()
        if kind.endswith("| None"):
            return None if node is None else self.value(kind[:-6], node, at)
        if "|" in kind:
            if type(node) not in (int, float, bool, str, bytes):
                raise Mismatch(f"{at}: {node!r} is none of {kind}")
            return (type(node).__name__, node)
        m = re.fullmatch(r"(list|dict)\[(string, )?(.*)\]", kind)
        if m and m.group(1) == "list":
            if type(node) is not list:
                raise Mismatch(f"{at}: {node!r} is no list")
            return [self.value(m.group(3), v, f"{at}[{i}]") for i, v in enumerate(node)]
        if m:
            if type(node) is not dict or not all(type(k) is str for k in node):
                raise Mismatch(f"{at}: {node!r} is no dict of strings")
            return [(k, self.value(m.group(3), v, f"{at}[{k!r}]")) for k, v in node.items()]
        if kind in self.classes:
            return self.object(kind, node, at)
        expected = {"string": str, "bytes": bytes, "bool": bool, "float": float,
                    "double": float}.get(kind, int if kind in INTEGERS else str)
        if kind in ("float", "double") and type(node) is int:
            node = float(node)
        if type(node) is not expected or (kind in self.enums and node not in self.enums[kind]):
            raise Mismatch(f"{at}: {node!r} is no {kind}")
        return node


def main():
    schema = Schema(SCHEMA)
    print(f"1..{len(DOCUMENTS) * 2}")
    n = failed = 0
    for name, cls in DOCUMENTS:
        path = os.path.join(EXAMPLES, name)
        done = subprocess.run([BINARY, cls, path], capture_output=True, check=False)
        n += 1
        dump = done.stdout.decode()
        ok = done.returncode == 0
        print(f"{'ok' if ok else 'not ok'} {n} - {name} loads as a {cls}, dumps, and the dump "
              "loads as the same object")
        if not ok:
            print("# " + done.stderr.decode().strip().replace("\n", "\n# "))
            failed += 1
        problems = []
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for loader in (yaml.SafeLoader, yaml.CSafeLoader):
            try:
                want = schema.object(cls, yaml.load(text, Loader=loader), cls)
                got = schema.object(cls, yaml.load(dump, Loader=loader), cls)
                if got != want:
                    raise Mismatch(f"the dump means\n  {got}\nnot\n  {want}")
            except (Mismatch, yaml.YAMLError) as e:
                problems.append(f"{loader.__name__}: {e}")
        n += 1
        print(f"{'not ok' if problems or not ok else 'ok'} {n} - PyYAML reads {name} and its "
              "dump as the same data")
        for p in problems:
            print("# " + p.replace("\n", "\n# "))
        failed += bool(problems or not ok)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
