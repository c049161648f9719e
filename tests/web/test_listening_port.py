"""The socket `planner serve` listens on answers kept-alive connections without delay."""

from __future__ import annotations

import asyncio
import socket
from concurrent.futures import ThreadPoolExecutor

from api.listening_port import open_listener


def test_connections_accepted_on_the_listener_send_small_answers_at_once() -> None:
    """Browsers and API clients keep connections open; an answer written in two pieces waited
    for the client's delayed acknowledgement (40 ms) when Nagle's algorithm stayed on."""

    async def served() -> int:
        listener = open_listener("127.0.0.1", 0)
        seen: list[int] = []

        async def answer(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            accepted: socket.socket = writer.get_extra_info("socket")
            seen.append(accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(answer, sock=listener)
        async with server:
            port = listener.getsockname()[1]
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            while not seen:
                await asyncio.sleep(0.01)
            writer.close()
        return seen[0]

    # A thread of its own: the browser tests leave an event loop running in this one.
    with ThreadPoolExecutor(1) as thread:
        assert thread.submit(asyncio.run, served()).result() == 1
