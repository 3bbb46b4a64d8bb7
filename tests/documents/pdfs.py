"""Tiny PDFs written in the test run with pypdf: plain, encrypted, broken. No real file is committed."""

from __future__ import annotations

import io

from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject


def _escape(line: str) -> bytes:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1")


def make_pdf(*pages: str, user_password: str | None = None, owner_password: str = "owner") -> bytes:
    """One page per string, each line of it a line of Helvetica text; encrypted (AES-256) if a password is given."""
    writer = PdfWriter()
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    font_ref = writer._add_object(font)
    for text in pages or ("",):
        page = writer.add_blank_page(612, 792)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font_ref})}
        )
        body = b" T* ".join(b"(" + _escape(line) + b") Tj" for line in text.splitlines())
        stream = DecodedStreamObject()
        stream.set_data(b"BT /F1 10 Tf 12 TL 50 750 Td " + body + b" ET")
        page[NameObject("/Contents")] = writer._add_object(stream)
    if user_password is not None:
        writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


MOA_TEXT = """MEMORANDUM OF AGREEMENT
287(g) Jail Enforcement Model
This MOA is between ICE and the Esmeralda County Sheriff's Office (LEA).
The purple heron clause applies to every participating officer.
VII. POINTS OF CONTACT
ICE and the LEA points of contact (POCs) for purposes of this MOA are:
For the LEA: Sheriff Ana Lopez
For DHS: Salt Lake City Field Office Director
Esmeralda County Sheriff's Office 6 Revised 06/30/2025
By signing this MOA, each party represents it is fully authorized.
Date: 3/4/2025 Date: March 5, 2025
APPENDIX C
PUBLIC INFORMATION POINTS OF CONTACT
For the LEA:
Maria Quintero
Public Information Officer
233 Crook Avenue, Goldfield, NV 89013
(775) 485-6373
mquintero@esmeraldacounty.example
For ICE:
Public Affairs Office
202-732-4242
"""
