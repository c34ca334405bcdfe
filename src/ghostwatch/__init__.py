"""ghostwatch: open-source intelligence on illicit and privately made firearms."""

__version__ = "0.1.0"
