"""posthygiene: lint and fix the HTML inside blog posts, changing only what must change."""

from __future__ import annotations

__version__ = "0.1.0"
