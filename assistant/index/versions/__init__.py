"""Index versions: the protocol and keep rule (base), a directory (local), a server (remote)."""
