"""The Qt interface: main window, workspace panels, dialogs (the only PySide6 importer)."""
