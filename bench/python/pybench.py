"""The benchmark of slotgen's Python types (issue 15) on the seed's Player:
bytes per instance of 1,000,000 instances, attribute reads and writes and
construction with keywords, for Python's own classes (a regular class, a
__slots__ class, a dataclass(slots=True)) and for extension types given on
the command line, all in one process.  Prints a markdown table: each
figure, and its ratio to the __slots__ class (construction: to the
dataclass).  See docs/performance.md, "Python types (issue 15)".

    pybench.py [--n N] [--rounds R] [--construct-n K] [--module PATH]...
               [--type LABEL=MOD.ATTR]... [--generated PATH] [--callgrind]

--module imports an extension module from a file (or a directory on
sys.path); --type adds one of its types as a variant.  --generated PATH is
the generated module (named after the schema's module, `mem` for
bench/memory/player.yaml) and adds its Player.  A type is built as a
dataclass is: Player(name=..., score=..., level=..., nickname=..., x=...,
y=...), nickname left out where it is unset.

--callgrind (run under `valgrind --tool=callgrind`,
with bench/python/cgmark.c's module given by --module) prints instructions
per operation instead of times: see cell_ir.
"""
import argparse
import dataclasses
import gc
import importlib.machinery
import importlib.util
import os
import statistics
import sys
import time
import tracemalloc


class Regular:
    def __init__(self, name, score, level, nickname=None, x=0.0, y=0.0):
        self.name = name
        self.score = score
        self.level = level
        if nickname is not None:  # unset, as slotgen's
            self.nickname = nickname
        self.x = x
        self.y = y


class Slots:
    __slots__ = ("name", "score", "level", "nickname", "x", "y")

    def __init__(self, name, score, level, nickname=None, x=0.0, y=0.0):
        self.name = name
        self.score = score
        self.level = level
        if nickname is not None:
            self.nickname = nickname
        self.x = x
        self.y = y


@dataclasses.dataclass(slots=True)
class Data:
    name: str
    score: int
    level: int
    nickname: str | None = None  # None where the others leave it unset
    x: float = 0.0
    y: float = 0.0


START = time.monotonic()
BASELINE = "__slots__ class"
BUILTIN = [
    ("regular class", Regular),
    (BASELINE, Slots),
    ("dataclass(slots=True)", Data),
]
CONSTRUCT_BASELINE = "dataclass(slots=True)"

# (column, attribute, value written): an int slot above CPython's cached
# small ints, a float slot, a string slot of 12 bytes as the names are.
ATTRS = [("int", "score", 654321), ("float", "x", 1.5), ("str", "name", "player999999")]


def make(cls, i):
    """Instance i: every value made here, as a program reading its data
    would; nickname on every second one."""
    if i % 2 == 0:
        return cls(name=f"player{i:06d}", score=i, level=i % 100,
                   nickname=f"nick{i:06d}", x=i * 0.5, y=i * 0.25)
    return cls(name=f"player{i:06d}", score=i, level=i % 100, x=i * 0.5, y=i * 0.25)


def build(cls, n):
    records = [None] * n
    for i in range(n):
        records[i] = make(cls, i)
    return records


def bytes_per_instance(cls, n):
    """What stays allocated per instance once the temporaries are gone:
    the instance and every object it keeps alive (tracemalloc counts every
    PyMem and PyObject allocation, at its requested size).  The list that
    holds the instances is allocated before tracing starts.  Returns the
    bytes and the instances, which the timed loops then use."""
    records = [None] * n
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for i in range(n):
        records[i] = make(cls, i)
    used = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    return used / n, records


# How many times a read or write is repeated on each instance: the loop's
# own cost is then spread over 8 operations, and subtracting it leaves
# less noise.
UNROLL = 8


def compile_loop(body, params="", unroll=1):
    """A loop over the instances whose body is `body`, `unroll` times;
    compiled from text so that the attribute's name is a constant of the
    code, as in a program."""
    lines = "".join(f"        {body}\n" for _ in range(unroll))
    src = f"def loop(ps{params}):\n    for p in ps:\n{lines}"
    ns = {}
    exec(src, ns)
    return ns["loop"]


CONSTRUCT_ARGS = ("player000001", 1000000, 7, "nick000001", 0.5, 0.25)


def cells():
    """(column, loop, operations an instance, extra arguments of the loop
    given the class).  The baseline is the same loop with an empty body
    (`pass`): each cell's time less the baseline's, over the operations,
    is an operation's, the smallest statement that does it: `p.score`
    (LOAD_FAST, LOAD_ATTR, POP_TOP), `p.score = v` (LOAD_FAST twice,
    STORE_ATTR), or the call with its keywords (the LOAD_FASTs, PRECALL,
    CALL, POP_TOP).  The LOAD_ATTR alone of a __slots__ read takes about
    1.5 ns, too little to time apart from its statement on a shared
    machine.  Reads and writes are repeated UNROLL times on each instance
    (the first one finds the instance out of the cache, the others in
    it); construction once, the object dropped at once, so its time
    includes the deallocation."""
    out = []
    for col, attr, _ in ATTRS:
        out.append((f"read {col}", compile_loop(f"p.{attr}", unroll=UNROLL), UNROLL,
                    lambda cls: ()))
    for col, attr, value in ATTRS:
        out.append((f"write {col}", compile_loop(f"p.{attr} = v", ", v", UNROLL), UNROLL,
                    lambda cls, value=value: (value,)))
    out.append(("construct", compile_loop(
        "C(name=n, score=s, level=l, nickname=k, x=x, y=y)",
        ", C, n, s, l, k, x, y"), 1, lambda cls: (cls,) + CONSTRUCT_ARGS))
    return out


def timed(loop, args):
    """The thread's CPU time for loop(*args), not the wall time: the other
    jobs of a shared machine preempt a loop of 50 ms now and then, and the
    wall time would count their turns."""
    t = time.thread_time_ns()
    loop(*args)
    return time.thread_time_ns() - t


def measure_times(variants, lists, rounds, n, construct_n):
    """ns per operation: for each cell, `rounds` rounds after one warm-up,
    each round timing every variant in turn (the order rotated), each with
    its baseline loop just before it.  An operation's time is the median of
    its loop's times less the median of the baseline's, over the
    operations; medians, because this machine's other jobs preempt a loop
    now and then.  Every variant has its own loops (its own code objects),
    so that each site's inline cache sees one type, as in a program.
    Returns {column: {label: ns}}."""
    labels = [label for label, _ in variants]
    classes = dict(variants)
    loops = {label: (compile_loop("pass"), cells()) for label in labels}
    results = {}
    for c, (col, _, ops, extra) in enumerate(cells()):
        # Construction makes and frees an object an instance: over fewer
        # of them, to keep the run short.
        k = construct_n if col == "construct" else n
        sub = {label: lists[label][:k] if k < n else lists[label] for label in labels}
        base = {label: [] for label in labels}
        loop = {label: [] for label in labels}
        for r in range(rounds + 1):
            order = labels[r % len(labels):] + labels[:r % len(labels)]
            for label in order:
                base_loop, own = loops[label]
                ps = sub[label]
                b = timed(base_loop, (ps,))
                t = timed(own[c][1], (ps,) + extra(classes[label]))
                if r > 0:  # round 0 warms up: caches, specialisation, first writes
                    base[label].append(b)
                    loop[label].append(t)
        results[col] = {label: (statistics.median(loop[label]) -
                                statistics.median(base[label])) / (k * ops)
                        for label in labels}
        print(f"  {col}: done, {time.monotonic() - START:.0f} s", file=sys.stderr)
    return results


def import_path(path):
    """The module in the file `path` (an extension module), or imported by
    name after putting the directory `path` on sys.path."""
    if os.path.isdir(path):
        sys.path.insert(0, path)
        return None
    name = os.path.basename(path).split(".")[0]
    loader = importlib.machinery.ExtensionFileLoader(name, path)
    spec = importlib.util.spec_from_file_location(name, path, loader=loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module


def resolve(dotted):
    mod, _, attr = dotted.rpartition(".")
    module = sys.modules.get(mod) or importlib.import_module(mod)
    return getattr(module, attr)


def check(label, cls):
    """The variant behaves as a __slots__ Player on what is measured."""
    p = make(cls, 3)
    assert (p.name, p.score, p.level, p.x, p.y) == ("player000003", 3, 3, 1.5, 0.75), label
    if cls is not Data:
        try:
            p.nickname
        except AttributeError:
            pass
        else:
            raise AssertionError(f"{label}: nickname should be unset")
    for _, attr, value in ATTRS:
        setattr(p, attr, value)
        assert getattr(p, attr) == value, (label, attr)


def ratio(times, col, label):
    ref = CONSTRUCT_BASELINE if col == "construct" else BASELINE
    return times[col][label] / times[col][ref]


def report(variants, memory, times, n, rounds, construct_n):
    cols = [c[0] for c in cells()]
    print(f"\n{n:,} Players, CPython {sys.version.split()[0]} ({sys.executable}): "
          f"bytes per instance (tracemalloc); ns per operation, median of {rounds} "
          f"rounds, reads and writes over the {n:,} instances, construction "
          f"{construct_n:,} times (ratio to the __slots__ class; construction: to the "
          f"dataclass)\n")
    head = ["variant", "bytes/instance", "__slots__ / it"] + cols
    print("| " + " | ".join(head) + " |")
    print("|---|" + "---:|" * (len(head) - 1))
    for label, _ in variants:
        row = [label, f"{memory[label]:.1f}", f"{memory[BASELINE] / memory[label]:.2f}"]
        row += [f"{times[c][label]:.1f} ({ratio(times, c, label):.2f}x)" for c in cols]
        print("| " + " | ".join(row) + " |")
    print("\ntargets (issue 15), for each extension type: memory at least 3x less "
          "than __slots__; reads within 1.2x; writes within 1.5x; construction "
          "within 1.5x of the dataclass")
    builtin = {label for label, _ in BUILTIN}
    for label, _ in variants:
        if label in builtin:
            continue
        verdicts = []
        m = memory[BASELINE] / memory[label]
        verdicts.append(f"memory {m:.2f}x less: {'met' if m >= 3 else 'MISSED'}")
        for c in cols:
            limit = 1.2 if c.startswith("read") else 1.5
            q = ratio(times, c, label)
            if q <= 0:  # a difference of two timings lost in the noise
                verdicts.append(f"{c}: not measured (noise)")
                continue
            verdicts.append(f"{c} {q:.2f}x: " + ("met" if q <= limit else
                                                 f"MISSED by {q / limit:.2f}x"))
        print(f"  {label}: " + "; ".join(verdicts))


def cell_ir(variants, cg, k1=2000, k2=10000):
    """Instructions per operation, from callgrind: each cell's loop runs
    over k1 and then k2 instances, each run between a zeroing and a dump
    of callgrind's counts; (Ir(k2) - Ir(k1)) / (k2 - k1), less the same of
    the baseline loop.  Exact where the wall time is noisy."""
    import glob

    def count(tag, loop, args):
        loop(args[0][:200], *args[1:])  # warm up: quickening, specialisation
        for k in (k1, k2):
            ps = args[0][:k]
            cg.zero()
            loop(ps, *args[1:])
            cg.dump(f"{tag}|{k}")

    for label, cls in variants:
        ps = build(cls, k2)
        count(f"{label}|base", compile_loop("pass"), (ps,))
        for col, loop, _, extra in cells():
            count(f"{label}|{col}", loop, (ps,) + extra(cls))
    # callgrind writes one file per dump: callgrind.out.PID.SEQ, with the
    # dump's reason as "desc: Trigger: Client Request: TAG" and a total.
    ir = {}
    for path in glob.glob(f"callgrind.out.{os.getpid()}.*"):
        tag = total = None
        with open(path) as f:
            for line in f:
                if line.startswith("desc: Trigger: Client Request: "):
                    tag = line.split(": ", 3)[3].strip()
                elif line.startswith(("summary:", "totals:")):
                    total = int(line.split()[1])
        if tag is not None:
            ir[tag] = total
        os.unlink(path)
    per = {}
    for label, _ in variants:
        def slope(what):
            return (ir[f"{label}|{what}|{k2}"] - ir[f"{label}|{what}|{k1}"]) / (k2 - k1)
        per[label] = {col: (slope(col) - slope("base")) / ops for col, _, ops, _ in cells()}
    cols = [c[0] for c in cells()]
    print(f"\nInstructions per operation (callgrind), CPython {sys.version.split()[0]}; "
          f"(ratio to the __slots__ class; construction: to the dataclass)\n")
    print("| variant | " + " | ".join(cols) + " |")
    print("|---|" + "---:|" * len(cols))
    for label, _ in variants:
        row = []
        for c in cols:
            ref = CONSTRUCT_BASELINE if c == "construct" else BASELINE
            row.append(f"{per[label][c]:.0f} ({per[label][c] / per[ref][c]:.2f}x)")
        print(f"| {label} | " + " | ".join(row) + " |")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--rounds", type=int, default=int(os.environ.get("BENCH_ROUNDS", 5)))
    ap.add_argument("--construct-n", type=int, help="constructions timed (default n / 5)")
    ap.add_argument("--module", action="append", default=[])
    ap.add_argument("--type", action="append", default=[], metavar="LABEL=MOD.ATTR")
    ap.add_argument("--generated", metavar="PATH")
    ap.add_argument("--callgrind", action="store_true")
    a = ap.parse_args()

    for path in a.module:
        import_path(path)
    variants = list(BUILTIN)
    for spec in a.type:
        label, _, dotted = spec.partition("=")
        variants.append((label, resolve(dotted)))
    if a.generated:
        mod = import_path(a.generated)
        name = mod.__name__ if mod else "mem"
        variants.append(("slotgen, generated", resolve(f"{name}.Player")))
    for label, cls in variants:
        check(label, cls)

    if a.callgrind:
        cell_ir(variants, sys.modules["cgmark"])
        return

    print(f"bytes per instance of {a.n:,} instances (tracemalloc)...", file=sys.stderr)
    memory, lists = {}, {}
    for label, cls in variants:
        memory[label], lists[label] = bytes_per_instance(cls, a.n)
    # Collections would scan the millions of GC-tracked instances of the
    # Python classes in the middle of a timed loop: freeze them, stop them.
    gc.collect()
    gc.freeze()
    gc.disable()
    construct_n = a.construct_n or a.n // 5
    times = measure_times(variants, lists, a.rounds, a.n, construct_n)
    report(variants, memory, times, a.n, a.rounds, construct_n)


if __name__ == "__main__":
    main()
