"""One router per noun; ``reverie.api.api`` mounts them under /api/v1/."""
