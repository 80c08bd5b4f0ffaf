"""facilitator_app: offline workspace for the facilitators of PSM participatory tables."""

__version__ = "0.1.0"
APP_NAME = "facilitator-app"
APP_DISPLAY_NAME = "Facilitatore PSM"
