import sys

from fenggang_reader.cli import main

sys.exit(main())
