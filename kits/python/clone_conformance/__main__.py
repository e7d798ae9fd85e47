"""`python -m clone_conformance check my_adapter.py [flags]`: see clone_conformance.cli."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
