"""Deadline reminders: the scheduler, the reminder policy, the mailer and e-mail templates."""
