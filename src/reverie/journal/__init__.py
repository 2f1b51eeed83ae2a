"""Journal entries: kinds, revisions, and the portable interchange formats (export and import)."""
