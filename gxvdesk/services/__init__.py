"""Services above the protocol: settings, backup/restore, credentials, discovery."""
