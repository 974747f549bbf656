"""posthygiene's rules: every module here is imported and its @rule functions registered."""
