"""The web edge: views over the same services the CLI uses."""
