"""`planner`: the command line, each run with a container of its own.

A container reads the settings and builds the store, the web server, the e-mail adapters and
the scheduler only when a command asks for them, so `planner --help` builds none.
"""

from __future__ import annotations

from planner.bootstrap.container import Container
from planner.cli.main import command_line

app = command_line(Container)

if __name__ == "__main__":
    app()
