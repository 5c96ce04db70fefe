"""Site: the MkDocs plugin and the plain modules it uses (sidebar view, span highlighting)."""
