"""Draw the facial nerve diagram used on the causes page. Run: python draw_facial_nerve.py

A simple, original drawing made for this site with Pillow: the brainstem, the facial nerve
leaving it, and a blood vessel looping over the nerve where it leaves the brainstem.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

W, H = 1440, 900
INK = (20, 20, 20)
NERVE = (214, 160, 0)
NERVE_EDGE = (120, 86, 0)
VESSEL = (190, 30, 45)
VESSEL_EDGE = (110, 10, 20)
TISSUE = (236, 214, 206)
TISSUE_EDGE = (150, 110, 100)


def font(size):
    return ImageFont.load_default(size=size)


def label(draw, xy, text, size=40, anchor="la"):
    draw.text(xy, text, fill=INK, font=font(size), anchor=anchor)


def arrow(draw, start, end, width=5):
    draw.line([start, end], fill=INK, width=width)
    ex, ey = end
    sx, sy = start
    # a small arrow head pointing at `end`
    import math

    angle = math.atan2(ey - sy, ex - sx)
    for side in (-0.45, 0.45):
        hx = ex - 26 * math.cos(angle + side)
        hy = ey - 26 * math.sin(angle + side)
        draw.line([(ex, ey), (hx, hy)], fill=INK, width=width)


def main():
    image = Image.new("RGB", (W, H), "white")
    draw = ImageDraw.Draw(image)

    # Brainstem: a rounded column on the left.
    draw.rounded_rectangle((250, 120, 520, 860), radius=120, fill=TISSUE, outline=TISSUE_EDGE, width=6)
    label(draw, (385, 70), "Brainstem", anchor="ma")

    # Facial nerve: a thick band leaving the brainstem toward the face on the right.
    nerve = [(500, 470), (700, 470), (900, 440), (1100, 470), (1260, 520)]
    draw.line(nerve, fill=NERVE_EDGE, width=46, joint="curve")
    draw.line(nerve, fill=NERVE, width=34, joint="curve")
    label(draw, (1000, 540), "Facial nerve", anchor="ma")
    label(draw, (1260, 600), "to the muscles", size=34, anchor="ma")
    label(draw, (1260, 640), "of the face", size=34, anchor="ma")

    # Blood vessel: loops down over the nerve right where it leaves the brainstem.
    vessel = [(560, 120), (600, 260), (610, 400), (600, 470), (640, 560), (760, 640), (900, 760), (980, 860)]
    draw.line(vessel, fill=VESSEL_EDGE, width=58, joint="curve")
    draw.line(vessel, fill=VESSEL, width=44, joint="curve")
    label(draw, (700, 150), "Blood vessel", anchor="la")

    # Where they touch.
    draw.ellipse((540, 400, 680, 540), outline=INK, width=6)
    label(draw, (820, 260), "The vessel presses", anchor="la")
    label(draw, (820, 305), "on the nerve here", anchor="la")
    arrow(draw, (810, 320), (680, 440))

    out = Path(__file__).with_name("facial-nerve-diagram.png")
    image.save(out, optimize=True)
    print(f"Wrote {out}")


if __name__ == "__main__":
    main()
