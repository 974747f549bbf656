"""posthygiene's benchmark: `python -m bench --help`."""
