"""Rate limits on signing in: repeated failures for one name or one address must wait."""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable


class TooManyAttempts(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(f"retry after {retry_after}s")
        self.retry_after = retry_after


class LoginThrottle:
    """At most `per_name` failures per user name and address, `per_address` per address alone,
    within `window` seconds. Kept in the server's memory: one process serves the pages."""

    def __init__(
        self,
        per_name: int = 5,
        per_address: int = 20,
        window: float = 15 * 60,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_name = per_name
        self.per_address = per_address
        self.window = window
        self.clock = clock
        self._failures: dict[tuple[str, str], deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def check(self, username: str, address: str) -> None:
        """Raise TooManyAttempts while either limit is reached."""
        now = self.clock()
        with self._lock:
            for key, limit in self._keys(username, address):
                failures = self._recent(key, now)
                if len(failures) >= limit:
                    raise TooManyAttempts(int(failures[0] + self.window - now) + 1)

    def failed(self, username: str, address: str) -> None:
        now = self.clock()
        with self._lock:
            for key, _ in self._keys(username, address):
                self._failures[key].append(now)

    def succeeded(self, username: str, address: str) -> None:
        with self._lock:
            self._failures.pop((username.strip().lower(), address), None)

    def _keys(self, username: str, address: str) -> tuple[tuple[tuple[str, str], int], ...]:
        return (
            ((username.strip().lower(), address), self.per_name),
            (("", address), self.per_address),
        )

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        failures = self._failures[key]
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        return failures
