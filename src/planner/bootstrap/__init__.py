"""The composition root: the one place that knows every part and wires them together.

`settings` reads every PLANNER_* variable once; `store.open_planner` opens the application on
its store; `container.Container` builds the reminder service, scheduler and web application
from the settings; `command_line.app` is the `planner` program and `web_server.run` serves the
web. Entry points (api, cli, notifications) never import each other: what one needs of
another is handed to it from here.
"""
