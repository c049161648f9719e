"""Server-rendered Vietnamese pages (Jinja2, htmx for partial updates, SVG charts)."""
