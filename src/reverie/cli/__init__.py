"""The ``reverie`` command: thin Typer commands over the same services the web uses."""
