"""Subcommands of the `pressroom` console script, one module each."""
