"""The bytes of CPython lists built by append, beside bench/lists/lists.c's
`mem`: an empty list, and lists of N ints, N short strs and N objects of a
__slots__ class with two ints, each measured with sys.getsizeof.  Prints
`kind key value` lines:

  py version V          the interpreter
  py empty BYTES        sys.getsizeof([])
  KIND n N              KIND: int, str, obj
  KIND list BYTES       sys.getsizeof of the list of N (its buffer included)
  KIND slots S          the room it holds, in element references
  KIND objects BYTES    the sys.getsizeof sum of the distinct objects it
                        holds, and for obj the distinct ints they hold
  KIND count C          how many distinct objects that is (told apart by id)
  KIND each BYTES       sys.getsizeof of one element
  obj ints BYTES        sys.getsizeof of the two ints of one object

The ints are 1000 + i and 1000 + N + i: above 256, so that none is
CPython's cached small int, and below 2**30, so each takes one 30-bit digit
(28 bytes).  The strs are "s" and i in 7 digits: 8 ASCII characters,
as lists.c's."""
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def build(kind):
    items = []
    append = items.append
    if kind == "int":
        for i in range(N):
            append(1000 + i)
    elif kind == "str":
        for i in range(N):
            append(f"s{i % 10_000_000:07d}")
    else:
        for i in range(N):
            append(Point(1000 + i, 1000 + N + i))
    return items


def distinct_bytes(items, kind):
    """The getsizeof sum and the count of the distinct objects reachable
    from the list (the elements, and the ints of the objects)."""
    seen = set()
    total = 0
    for x in items:
        parts = (x, x.x, x.y) if kind == "obj" else (x,)
        for p in parts:
            if id(p) not in seen:
                seen.add(id(p))
                total += sys.getsizeof(p)
    return total, len(seen)


def main():
    print("py version", sys.version.split()[0])
    print("py empty", sys.getsizeof([]))
    for kind in ("int", "str", "obj"):
        items = build(kind)
        size = sys.getsizeof(items)
        total, count = distinct_bytes(items, kind)
        first = items[0]
        each = sys.getsizeof(first)
        print(kind, "n", len(items))
        print(kind, "list", size)
        print(kind, "slots", (size - sys.getsizeof([])) // 8)
        print(kind, "objects", total)
        print(kind, "count", count)
        print(kind, "each", each)
        if kind == "obj":
            print(kind, "ints", sys.getsizeof(first.x) + sys.getsizeof(first.y))
        del items


if __name__ == "__main__":
    main()
