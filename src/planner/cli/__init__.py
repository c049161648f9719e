"""The `planner` command line.

Command modules import the application, views, reports and readers inside the commands that
use them: `planner --help` (and the help of any command) then loads only typer and the domain.
`tests/cli/test_help_texts.py` checks that it stays so.
"""
