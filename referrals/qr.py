"""QR codes (segno) with the short URL printed under them; the code is 2 inches wide for a letter.

The SVG is built with ElementTree, so every attribute value and text is escaped: a label such as
``Clinic" onload="alert(1)`` stays text. The printed address always fits inside the picture,
however long: the text is sized between MIN_TEXT_PT and TEXT_PT, and the picture is made wider
than the code when even the smallest size would not fit. The room is measured for the widest
common sans-serif font (a viewer without Arial falls back to one, DejaVu Sans is the widest), so
the address also fits in viewers that ignore `textLength` (word processors, some image viewers).
"""

import io
import math
import xml.etree.ElementTree as ET  # noqa: S405 - only builds XML here, never parses untrusted input

import segno
from PIL import Image, ImageDraw, ImageFont

PRINT_WIDTH_INCHES = 2  # the code, with its quiet zone
PNG_DPI = 300
TEXT_PT, MIN_TEXT_PT = 9, 7
BORDER = 4  # modules of quiet zone around the code (the QR standard's minimum)
SVG_NS = "http://www.w3.org/2000/svg"
# Advance widths (em) of the widest character of each kind (narrow, other lower case and
# digits, upper case, wide): in Arial/Helvetica, the font the SVG asks for (its textLength, the
# length renderers that honour it draw the text at), and in any common sans-serif a viewer may
# use instead (DejaVu Sans is the widest: r 0.41, digits 0.64, O 0.79, W 0.99), for the room.
_NARROW, _WIDE = set("fijlrtI.,:;/!|'()- "), set("mwMW@%")
ARIAL_EM = (0.34, 0.58, 0.74, 1.02)
ANY_SANS_EM = (0.42, 0.64, 0.79, 1.02)
# Above the baseline and below it (em), for any of those fonts (DejaVu Sans: 0.93 and 0.24).
ASCENT_EM, DESCENT_EM = 1.0, 0.3


def _qr(url):
    return segno.make(url, error="m", micro=False)


def _kind(character):
    if character in _NARROW:
        return 0
    if character in _WIDE or not character.isascii():
        return 3
    return 2 if character.isupper() else 1


def _width_em(text, widths):
    return sum(widths[_kind(character)] for character in text)


def _code_path(qr):
    """The code's modules as one SVG path (segno's own drawing, 1 unit a module)."""
    buffer = io.BytesIO()
    qr.save(buffer, kind="svg", scale=1, border=BORDER, xmldecl=False, svgns=False, nl=False, omitsize=True)
    segno_svg = ET.fromstring(buffer.getvalue())  # noqa: S314 - segno's own output, not user input
    path = segno_svg.find("path")
    return {"d": path.get("d"), "stroke": path.get("stroke") or "#000"}


def svg(url: str, title: str = "") -> str:
    """An SVG document: the QR code, then the URL in text under it (the code 2 inches wide)."""
    qr = _qr(url)
    size = qr.symbol_size(scale=1, border=BORDER)[0]  # in modules, quiet zone included
    units_per_pt = size / (PRINT_WIDTH_INCHES * 72)
    margin = 0.5  # module around the text
    room_em = _width_em(url, ANY_SANS_EM)
    font = min(TEXT_PT * units_per_pt, (size - 2 * margin) / room_em)
    font = math.ceil(max(font, MIN_TEXT_PT * units_per_pt) * 1000) / 1000  # as written, never below the minimum
    text_length = _width_em(url, ARIAL_EM) * font
    width = max(size, room_em * font + 2 * margin)
    left = (size - width) / 2  # the code stays at 0..size, centred in a wider picture
    baseline = size + ASCENT_EM * font  # the text's top is below the code's quiet zone
    height = baseline + DESCENT_EM * font + margin
    inches = PRINT_WIDTH_INCHES / size

    root = ET.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "viewBox": f"{_n(left)} 0 {_n(width)} {_n(height)}",
            "width": f"{_n(width * inches)}in",
            "height": f"{_n(height * inches)}in",
            "role": "img",
            "aria-label": title or url,
        },
    )
    ET.SubElement(root, "rect", {"x": _n(left), "y": "0", "width": _n(width), "height": _n(height), "fill": "#fff"})
    ET.SubElement(root, "path", _code_path(qr))
    text = ET.SubElement(
        root,
        "text",
        {
            "x": _n(size / 2),
            "y": _n(baseline),
            "font-family": "Arial, Helvetica, sans-serif",
            "font-size": _n(font),
            "text-anchor": "middle",
            "textLength": _n(text_length),
            "lengthAdjust": "spacingAndGlyphs",
            "fill": "#000",
        },
    )
    text.text = url
    return ET.tostring(root, encoding="unicode")


def _n(number):
    """A number for an SVG attribute: 3 decimals at most, no trailing zeros."""
    return f"{number:.3f}".rstrip("0").rstrip(".")


def png(url: str) -> bytes:
    """A PNG at 300 dpi: the QR code (2 inches wide), then the URL in text under it."""
    size = PRINT_WIDTH_INCHES * PNG_DPI
    qr = _qr(url)
    scale = max(1, size // qr.symbol_size(border=BORDER)[0])
    buffer = io.BytesIO()
    qr.save(buffer, kind="png", scale=scale, border=BORDER)
    code = Image.open(io.BytesIO(buffer.getvalue())).convert("L").resize((size, size), Image.NEAREST)

    margin = PNG_DPI // 24
    px_per_pt = PNG_DPI / 72
    font_px = TEXT_PT * px_per_pt
    font = ImageFont.load_default(size=font_px)
    while font.getlength(url) > size - 2 * margin and font_px > MIN_TEXT_PT * px_per_pt:
        font_px = max(MIN_TEXT_PT * px_per_pt, font_px - 1)
        font = ImageFont.load_default(size=font_px)
    width = max(size, round(font.getlength(url)) + 2 * margin)
    canvas = Image.new("L", (width, size + round(font_px * 1.8)), 255)
    canvas.paste(code, ((width - size) // 2, 0))
    ImageDraw.Draw(canvas).text((width / 2, size + font_px * 0.4), url, fill=0, font=font, anchor="ma")
    out = io.BytesIO()
    canvas.save(out, format="PNG", dpi=(PNG_DPI, PNG_DPI), optimize=True)
    return out.getvalue()
