import sys

from fenggang_reader.cli import console_main

sys.exit(console_main())
