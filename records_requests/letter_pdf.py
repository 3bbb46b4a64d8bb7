"""A letter as a one-file PDF (fpdf2, pure Python). The core Helvetica font is Latin-1, which covers
Spanish (á é í ó ú ü ñ ¿ ¡) and the section sign; the few typographic characters outside it are
replaced by their plain equivalents rather than dropped."""

from __future__ import annotations

from fpdf import FPDF

_PLAIN = str.maketrans(
    {"“": '"', "”": '"', "‘": "'", "’": "'", "—": "-", "–": "-", "…": "...", "•": "-", "\u00a0": " "}
)


def latin1(text: str) -> str:
    return text.translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")


def letter_pdf(text: str, *, title: str) -> bytes:
    """Letter-size pages, 1-inch margins, lines wrapped to the page."""
    pdf = FPDF(format="letter", unit="pt")
    pdf.set_margins(72, 72, 72)
    pdf.set_auto_page_break(auto=True, margin=72)
    pdf.set_title(latin1(title))
    pdf.set_creator("records_requests")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for paragraph in latin1(text).split("\n"):
        if paragraph.strip():
            pdf.multi_cell(0, 15, paragraph, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(15)
    return bytes(pdf.output())
