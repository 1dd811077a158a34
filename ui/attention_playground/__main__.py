import sys

from .panel import main

sys.exit(main())
