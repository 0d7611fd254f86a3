"""slovo — fast Russian text analysis (Rust core)."""
from slovo._slovo import Token, tokenize

__all__ = ["Token", "tokenize"]
