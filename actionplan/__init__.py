"""The pure core of the action plan editor: model, files, validation and command line. No Qt."""

__version__ = "0.1.0"
APP_NAME = "Action Plan Editor"
