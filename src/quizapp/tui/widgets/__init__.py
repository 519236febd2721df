"""Widgets: each shows the data it is given and posts messages; none reaches for globals."""
