"""Draw the default share image (1200 x 630) shown when a page is shared. Run: python draw_share_image.py"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

image = Image.new("RGB", (1200, 630), (0, 90, 112))
draw = ImageDraw.Draw(image)
draw.rectangle((0, 560, 1200, 630), fill=(255, 221, 0))
draw.text((80, 170), "Hemifacial spasm", fill="white", font=ImageFont.load_default(size=96))
draw.text(
    (80, 300), "A plain-language guide for patients and families", fill="white", font=ImageFont.load_default(size=44)
)
draw.text((80, 575), "Neuroscience Institute", fill=(26, 26, 26), font=ImageFont.load_default(size=36))
image.save(Path(__file__).with_name("share.png"), optimize=True)
