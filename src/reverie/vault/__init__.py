"""The vault: per-client data keys wrapped by master keys, and AEAD envelopes over free text and attachments."""
