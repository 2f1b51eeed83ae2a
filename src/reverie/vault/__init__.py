"""The vault: per-client data keys wrapped by master keys; AEAD envelopes over free text and files."""
