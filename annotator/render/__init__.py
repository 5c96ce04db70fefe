"""Render: an Article as its Markdown page (front matter + escaped body) or its JSON record."""
