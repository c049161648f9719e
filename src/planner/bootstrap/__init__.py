"""The composition root: the one place that knows every part and wires them together.

`command_line.app` is the `planner` program; `web_server.run` builds the web application with
the reminder service and scheduler, and serves it. Entry points (api, cli, notifications)
never import each other: what one needs of another is handed to it from here.
"""
