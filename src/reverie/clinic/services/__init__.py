"""Services: the one place where the web, the API and the CLI change or read clinical data."""
