"""The `workshop` command line."""
