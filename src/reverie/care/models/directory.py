"""The therapist directory: public profiles, published by a therapist or imported from a CSV list."""

from __future__ import annotations

from django.db import models

from reverie.clinic.models import User


class DirectoryProfile(models.Model):
    ext_id = models.CharField(max_length=64, unique=True)
    owner = models.OneToOneField(
        User, on_delete=models.CASCADE, null=True, blank=True, related_name="directory_profile"
    )
    source = models.CharField(max_length=8, default="import")  # "self" or "import"
    name = models.CharField(max_length=120)
    modalities = models.JSONField(default=list)
    formats = models.JSONField(default=list)
    languages = models.JSONField(default=list)
    in_person = models.BooleanField(default=False)
    online = models.BooleanField(default=False)
    location = models.CharField(max_length=100, blank=True, default="")
    country = models.CharField(max_length=2)
    fee_min = models.DecimalField(max_digits=9, decimal_places=2)
    fee_max = models.DecimalField(max_digits=9, decimal_places=2)
    currency = models.CharField(max_length=3)
    availability = models.CharField(max_length=10)
    email = models.CharField(max_length=254, blank=True, default="")
    phone = models.CharField(max_length=32, blank=True, default="")
    website = models.CharField(max_length=1000, blank=True, default="")
    booking_url = models.CharField(max_length=1000, blank=True, default="")
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["name"]
