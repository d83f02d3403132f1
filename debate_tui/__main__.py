"""`python -m debate_tui` runs the command line."""

import sys

from debate_tui.cli import main

sys.exit(main())
