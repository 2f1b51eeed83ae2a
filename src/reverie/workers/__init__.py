"""Leases of the background workers (``reverie worker``): which worker is alive, so a dead one's tasks requeue."""
