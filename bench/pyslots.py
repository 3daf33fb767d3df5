"""By-name get and set on a CPython class with __slots__, for bench/run.

The class has the slots of game.yaml's Player.  Each statement runs in
timeit's loop with p and the name as fast locals and the name an interned
literal, Python's best case.  Prints "py/get ns X" and "py/set ns X": the
median of 11 repetitions, in ns per operation, loop overhead included (as
the C rows include theirs).
"""
import platform
import statistics
import timeit


class Player:
    __slots__ = ('id', 'pos', 'name', 'score', 'level', 'nickname', 'team',
                 'inventory', 'alive')


SETUP = "p = Player(); p.score = 0; n = 'score'"


def per_op_ns(stmt):
    timer = timeit.Timer(stmt, setup=SETUP, globals={'Player': Player})
    number, took = timer.autorange()  # at least 0.2 s
    number = max(1, int(number * 0.05 / took))  # about 50 ms a repetition
    times = timer.repeat(repeat=11, number=number)
    return statistics.median(times) / number * 1e9


print(f"note python {platform.python_implementation()} {platform.python_version()}")
print(f"py/get ns {per_op_ns('getattr(p, n)'):.3f}")
print(f"py/set ns {per_op_ns('setattr(p, n, 5)'):.3f}")
