"""``python -m facilitator_app``: same as the ``facilitator-app`` command."""

import sys

from facilitator_app.app import main

sys.exit(main())
