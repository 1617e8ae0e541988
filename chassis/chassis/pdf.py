"""PDF documents every service draws the same way (invoices, statements, estimates), on fpdf2's built-in fonts."""
from __future__ import annotations

from fpdf import FPDF


class Document(FPDF):
    """A Letter page that breaks onto the next near its foot.

    The built-in fonts hold one 8-bit encoding only, so a character outside it (a name in another script, an emoji
    in a line item) prints as "?" instead of failing the whole document, as fpdf2 would.
    """

    def __init__(self):
        super().__init__(format="Letter")
        self.set_auto_page_break(auto=True, margin=15)

    def normalize_text(self, text: str) -> str:
        if not self.is_ttf_font and self.core_fonts_encoding:
            text = text.encode(self.core_fonts_encoding, "replace").decode(self.core_fonts_encoding)
        return super().normalize_text(text)


def money(cents: int, currency: str) -> str:
    """Integer cents as a document prints them: ``USD 1,234.50``, ``-USD 5.00``."""
    sign = "-" if cents < 0 else ""
    return f"{sign}{currency} {abs(cents) // 100:,}.{abs(cents) % 100:02d}"
