"""netprep: purposeful networking, from homework to next step."""

__version__ = "0.1.0"
