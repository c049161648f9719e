"""Deadline reminders: the scheduler, the reminder policy, the mailer and e-mail templates."""

import logging

# A library logs; whoever runs it (`planner scheduler`, the web server) decides where to.
logging.getLogger("notifications").addHandler(logging.NullHandler())
