"""One module per resource; sync and async classes side by side."""
