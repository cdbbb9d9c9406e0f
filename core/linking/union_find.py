"""Disjoint sets: the groups that matching pairs join into."""

from __future__ import annotations


class UnionFind:
    """Disjoint sets of integers (quote indices, event ids); the smallest member of a set is its root.

    An integer joins as a set of its own when first seen. The smallest member as root makes
    group ids stable and readable: a group is named after its first member.
    """

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}
        #: Members that were ever joined with another: every set of more than one.
        self.joined: set[int] = set()

    def find(self, x: int) -> int:
        """The root of x's set."""
        parent = self.parent
        root = parent.setdefault(x, x)
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:  # every member on the way points at the root from now on
            parent[x], x = root, parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        """Join the sets of a and b."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
            self.joined.update((a, b))
