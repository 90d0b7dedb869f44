"""iraq-presence: a Frictionless Data Package built from news articles on Iran, Iraq and US forces."""

__version__ = "0.1.0"
