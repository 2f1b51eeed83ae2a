"""One row per running ``reverie worker``: renewed every third of ``REVERIE_TASK_LEASE_SECONDS``.

A task a worker claimed stays "running" in django-tasks' table; when that worker's lease has run out (it was killed,
its machine died) another worker puts the task back in the queue (``clinic.services.worker.requeue_expired``).
No clinical data here: a worker id (host-pid-random), the host name and the times.
"""

from __future__ import annotations

from django.db import models


class WorkerLease(models.Model):
    worker_id = models.CharField(max_length=64, primary_key=True)
    host = models.CharField(max_length=255, blank=True)
    pid = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField()
    renewed_at = models.DateTimeField()
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.worker_id
