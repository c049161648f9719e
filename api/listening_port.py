"""The server's listening socket, opened before anything else is touched.

A second `planner serve --demo` on a port another server holds must stop before it resets the
demo passwords the running server's sign-ins depend on, and say so in Vietnamese.
"""

from __future__ import annotations

import errno
import socket


class PortUnavailable(Exception):
    """The address and port cannot be listened on; the message says why, in Vietnamese."""


def open_listener(host: str, port: int) -> socket.socket:
    """A socket bound to host:port and listening, for uvicorn to serve on.

    It is made a TCP socket by name: asyncio turns Nagle's algorithm off only on connections
    whose socket says so, and with it on, every answer after the first on a kept-alive
    connection waited some 40 ms for the client's delayed acknowledgement.
    """
    listener = socket.socket(_family(host), socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if listener.family == socket.AF_INET6:
            listener.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        listener.bind((host, port))
        listener.listen(2048)
    except OSError as error:
        listener.close()
        raise PortUnavailable(_explain(host, port, error)) from None
    return listener


def _family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def _explain(host: str, port: int, error: OSError) -> str:
    another = 8080 if port != 8080 else 8081
    choose = f"chọn cổng khác: `planner serve --port {another}` (hoặc `make run PORT={another}`)"
    if error.errno == errno.EADDRINUSE:
        return (
            f"cổng {port} trên {host} đang được một chương trình khác dùng "
            f"(có thể là một planner đang chạy); {choose}. Chưa thay đổi gì."
        )
    if error.errno == errno.EACCES:
        return (
            f"không được phép mở cổng {port} trên {host} "
            f"(cổng dưới 1024 cần quyền quản trị); {choose}."
        )
    return f"không mở được cổng {port} trên {host} ({error.strerror or error}); {choose}."
