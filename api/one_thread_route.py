"""Routes whose plain-function endpoint runs in one worker thread per request.

FastAPI runs a plain function in a worker thread, and then, in a second hop, checks its answer
against the response model in another: the handing over, not the work, was a sixth of a task's
JSON. Wrapped as a coroutine that runs the function in the thread, the answer is checked and
written on the event loop, where it costs microseconds (pydantic-core).
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from inspect import iscoroutinefunction
from typing import Any

from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool


class OneThreadRoute(APIRoute):
    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        if not iscoroutinefunction(endpoint):
            endpoint = in_worker_thread(endpoint)
        super().__init__(path, endpoint, **kwargs)


def in_worker_thread(endpoint: Callable[..., Any]) -> Callable[..., Awaitable[Any]]:
    """The same endpoint for FastAPI (signature, annotations), awaited in a worker thread."""

    @functools.wraps(endpoint)
    async def run(*args: Any, **kwargs: Any) -> Any:
        return await run_in_threadpool(endpoint, *args, **kwargs)

    return run
