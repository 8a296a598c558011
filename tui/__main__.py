import sys

from tui.cli import main

if __name__ == "__main__":  # the analysis process imports this module too (spawn)
    sys.exit(main())
