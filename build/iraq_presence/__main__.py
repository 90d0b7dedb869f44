"""`python -m iraq_presence` runs the `dataset` command line."""

from .cli import main

main()
