"""Commands: thin services that load aggregates, call the domain, save, and update the views."""
