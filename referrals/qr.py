"""QR codes (segno) with the short URL printed under them, about 2 inches wide for a letter."""

import io
from xml.sax.saxutils import escape

import segno
from PIL import Image, ImageDraw, ImageFont

PRINT_WIDTH_INCHES = 2
PNG_DPI = 300


def _qr(url):
    return segno.make(url, error="m", micro=False)


def svg(url: str, title: str = "") -> str:
    """An SVG document: the QR code, then the URL in text under it (2 inches wide)."""
    qr = _qr(url)
    size = qr.symbol_size(scale=1, border=4)[0]
    buffer = io.BytesIO()
    qr.save(buffer, kind="svg", scale=1, border=4, xmldecl=False, svgns=False, nl=False, omitsize=True)
    path = buffer.getvalue().decode()
    path = path[path.index("<path") : path.index("</svg>")]
    text_height = 6
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size + text_height}" '
        f'width="{PRINT_WIDTH_INCHES}in" height="{PRINT_WIDTH_INCHES * (size + text_height) / size:.3f}in" '
        f'role="img" aria-label="{escape(title or url)}">'
        f'<rect width="100%" height="100%" fill="#fff"/>{path}'
        f'<text x="{size / 2}" y="{size + 3}" font-family="Arial, sans-serif" font-size="2.6" '
        f'text-anchor="middle" fill="#000">{escape(url)}</text></svg>'
    )


def png(url: str) -> bytes:
    """A PNG at 300 dpi: the QR code, then the URL in text under it (2 inches wide)."""
    width = PRINT_WIDTH_INCHES * PNG_DPI
    qr = _qr(url)
    scale = max(1, width // qr.symbol_size(border=4)[0])
    buffer = io.BytesIO()
    qr.save(buffer, kind="png", scale=scale, border=4)
    code = Image.open(io.BytesIO(buffer.getvalue())).convert("L")
    code = code.resize((width, width), Image.NEAREST)
    font = ImageFont.load_default(size=max(18, width // 24))
    canvas = Image.new("L", (width, width + width // 6), 255)
    canvas.paste(code, (0, 0))
    ImageDraw.Draw(canvas).text((width / 2, width + width // 24), url, fill=0, font=font, anchor="ma")
    out = io.BytesIO()
    canvas.save(out, format="PNG", dpi=(PNG_DPI, PNG_DPI), optimize=True)
    return out.getvalue()
