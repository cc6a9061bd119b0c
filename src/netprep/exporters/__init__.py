"""Writing the network out in other tools' formats (the exchange format lives in exchange.py)."""
