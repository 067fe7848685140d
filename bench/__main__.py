"""``python -m bench --sizes 1000,10000``: see bench/run.py."""

import sys

from bench.run import main

sys.exit(main())
