"""Uploads through filer's admin, as an editor does them: only still raster pictures, stored and
thumbnailed without metadata (GPS, camera, text chunks), with a pixel limit; media is nosniff."""

import hashlib
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from easy_thumbnails.files import get_thumbnailer
from filer.models import File, Image
from PIL import Image as PILImage
from PIL import ImageCms, PngImagePlugin

pytestmark = pytest.mark.django_db

MAKER, MODEL, AUTHOR = b"SecretCam Inc", b"SpyPhone 12", b"Dr. Jane Example"
GPS_IFD, ORIENTATION = 0x8825, 0x0112


def two_colour(size=(64, 48), mode="RGB"):
    """Left half red, right half blue: shows whether the picture was turned."""
    picture = PILImage.new(mode, size, "blue")
    picture.paste(PILImage.new(mode, (size[0] // 2, size[1]), "red"), (0, 0))
    return picture


def camera_exif(orientation=None):
    exif = PILImage.Exif()
    exif[0x010F] = MAKER.decode()  # Make
    exif[0x0110] = MODEL.decode()  # Model
    exif[0x013B] = AUTHOR.decode()  # Artist
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (40.0, 44.0, 54.36), 3: "W", 4: (73.0, 59.0, 8.5)})
    if orientation:
        exif[ORIENTATION] = orientation
    return exif


def jpeg_with_gps(size=(64, 48), orientation=None):
    buffer = io.BytesIO()
    two_colour(size).save(buffer, "JPEG", quality=95, exif=camera_exif(orientation), comment=AUTHOR)
    return buffer.getvalue()


def png_with_text():
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", AUTHOR.decode())  # tEXt
    info.add_text("Comment", "taken at 40.7484 N, 73.9857 W", zip=True)  # zTXt
    info.add_itxt("Description", "Patient photo, clinic room 3", lang="en")  # iTXt
    buffer = io.BytesIO()
    two_colour().save(buffer, "PNG", pnginfo=info, exif=camera_exif())  # and an eXIf chunk
    return buffer.getvalue()


def encoded(fmt, **options):
    buffer = io.BytesIO()
    two_colour(mode="P" if fmt == "GIF" else "RGB").save(buffer, fmt, **options)
    return buffer.getvalue()


def stored_files():
    root = Path(settings.MEDIA_ROOT)
    return {path for path in root.rglob("*") if path.is_file()} if root.exists() else set()


def upload(client, name, data):
    return client.post(reverse("admin:filer-ajax_upload"), {"file": SimpleUploadedFile(name, data)})


def upload_ok(client, name, data):
    response = upload(client, name, data)
    assert response.status_code == 200, response.content
    return Image.objects.get(pk=response.json()["file_id"])


def stored_bytes(image):
    with image.file.storage.open(image.file.name) as stored:
        return stored.read()


def thumbnail_bytes(image, **options):
    thumbnail = get_thumbnailer(image.file).get_thumbnail({"size": (32, 32), **options})
    with thumbnail.storage.open(thumbnail.name) as stored:
        return stored.read()


def assert_no_metadata(data):
    picture = PILImage.open(io.BytesIO(data))
    assert not picture.getexif(), picture.getexif()
    assert not picture.getexif().get_ifd(GPS_IFD)
    leftovers = {"exif", "comment", "xmp", "XML:com.adobe.xmp", "icc_profile", "Author", "Comment", "Description"}
    assert not leftovers & set(picture.info), picture.info
    assert not getattr(picture, "text", {})
    for secret in (MAKER, MODEL, AUTHOR, b"Exif\x00\x00", b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"40.7484"):
        assert secret not in data, secret
    return picture


# --- Finding 5: metadata and size -----------------------------------------------------------


def test_a_jpeg_loses_its_gps_and_camera_details_in_the_original_and_thumbnails(editor_client):
    original = jpeg_with_gps()
    assert b"Exif" in original
    assert MAKER in original
    assert PILImage.open(io.BytesIO(original)).getexif()[0x010F]
    image = upload_ok(editor_client, "holiday.jpg", original)
    picture = assert_no_metadata(stored_bytes(image))
    assert picture.format == "JPEG"
    assert picture.size == (64, 48)
    assert (image.width, image.height) == (64, 48)
    # filer's record (size, hash for duplicates) matches the file as stored
    assert image.size == len(stored_bytes(image))
    assert image.sha1 == hashlib.sha1(stored_bytes(image)).hexdigest()
    assert_no_metadata(thumbnail_bytes(image))
    assert_no_metadata(thumbnail_bytes(image, crop=True))


def test_a_png_loses_its_text_chunks_and_exif(editor_client):
    original = png_with_text()
    assert all(chunk in original for chunk in (b"tEXt", b"zTXt", b"iTXt", b"eXIf"))
    image = upload_ok(editor_client, "diagram.png", original)
    picture = assert_no_metadata(stored_bytes(image))
    assert picture.format == "PNG"
    assert picture.size == (64, 48)
    assert picture.convert("RGB").getpixel((0, 0)) == (255, 0, 0)  # pixels kept exactly
    assert_no_metadata(thumbnail_bytes(image))


def test_the_camera_orientation_is_applied_before_it_is_dropped(editor_client):
    # Orientation 6: the camera was turned; the picture must be turned 90 degrees clockwise to show.
    image = upload_ok(editor_client, "portrait.jpg", jpeg_with_gps(size=(40, 20), orientation=6))
    picture = assert_no_metadata(stored_bytes(image))
    assert picture.size == (20, 40)
    assert (image.width, image.height) == (20, 40)
    top, bottom = picture.getpixel((10, 2)), picture.getpixel((10, 37))
    # the red left side is now on top
    assert top[0] > 200 > top[2]
    assert bottom[2] > 200 > bottom[0]


def test_a_colour_profile_is_applied_and_dropped(editor_client):
    buffer = io.BytesIO()
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    two_colour().save(buffer, "JPEG", quality=95, icc_profile=srgb)
    image = upload_ok(editor_client, "profiled.jpg", buffer.getvalue())
    picture = assert_no_metadata(stored_bytes(image))
    red = picture.getpixel((4, 4))
    assert red[0] > 240
    assert red[1] < 15
    assert red[2] < 15


@pytest.mark.parametrize(
    "name, data",
    [
        ("still.webp", encoded("WEBP", exif=camera_exif(), xmp=b"<x:xmpmeta>" + AUTHOR + b"</x:xmpmeta>")),
        ("still.gif", encoded("GIF", comment=AUTHOR)),
    ],
)
def test_webp_and_gif_are_accepted_without_metadata(editor_client, name, data):
    assert AUTHOR in data
    image = upload_ok(editor_client, name, data)
    assert PILImage.open(io.BytesIO(stored_bytes(image))).size == (64, 48)
    assert_no_metadata(stored_bytes(image))


def test_an_88_megapixel_picture_is_refused_before_it_is_decoded(editor_client):
    buffer = io.BytesIO()
    PILImage.new("1", (11_000, 8_000)).save(buffer, "PNG")  # 88 Mpx of one colour: a small file
    assert len(buffer.getvalue()) < 1_000_000
    before, count = stored_files(), File.objects.count()
    response = upload(editor_client, "huge.png", buffer.getvalue())
    assert response.status_code == 400
    assert "40 million pixels" in response.json()["error"]
    assert stored_files() == before
    assert File.objects.count() == count


def test_an_animation_is_refused(editor_client):
    frames = [PILImage.new("RGB", (20, 20), colour) for colour in ("red", "green", "blue")]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    before = stored_files()
    response = upload(editor_client, "blink.gif", buffer.getvalue())
    assert response.status_code == 400
    assert "animated" in response.json()["error"]
    assert stored_files() == before


# --- Finding 13: only pictures ---------------------------------------------------------------

HTML = b"<!doctype html><html><body><script>alert(document.domain)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'


@pytest.mark.parametrize(
    "name, data, says",
    [
        ("page.html", HTML, "HTML upload denied"),
        ("script.js", b"alert(document.domain)", "JS upload denied"),
        ("image.svg", SVG, "SVG upload denied"),
        ("evil.xml", b'<?xml version="1.0"?><x:script xmlns:x="http://www.w3.org/1999/xhtml"/>', "XML upload denied"),
        ("notes", b"plain words", "Upload denied"),
        ("photo.jpg", HTML, "not recognized"),
        ("photo.jpeg", b"\xff\xd8\xff\xe0" + HTML, "not recognized"),
        ("photo.png", encoded("JPEG"), "is a JPEG image, but its name ends in .png"),
    ],
)
def test_anything_but_a_picture_is_refused_and_nothing_is_stored(editor_client, name, data, says):
    before, count = stored_files(), File.objects.count()
    response = upload(editor_client, name, data)
    assert response.status_code == 400
    assert says in response.json()["error"], response.json()
    assert stored_files() == before
    assert File.objects.count() == count


def test_real_pictures_are_accepted_and_served_with_nosniff(editor_client):
    for name, fmt in (("photo.png", "PNG"), ("photo.jpg", "JPEG")):
        image = upload_ok(editor_client, name, encoded(fmt))
        response = Client().get(image.url)
        assert response.status_code == 200
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Type"] == f"image/{fmt.lower()}"
        assert PILImage.open(io.BytesIO(b"".join(response.streaming_content))).format == fmt


def test_the_replace_file_form_cleans_and_checks_too(editor_client):
    image = upload_ok(editor_client, "first.png", encoded("PNG"))
    change = reverse("admin:filer_image_change", args=[image.pk])
    form = {"original_filename": "second.jpg", "name": "", "description": "", "subject_location": ""}
    response = editor_client.post(change, {**form, "file": SimpleUploadedFile("second.jpg", jpeg_with_gps())})
    assert response.status_code == 302, response.content[:2000]
    image.refresh_from_db()
    assert_no_metadata(stored_bytes(image))
    assert image.size == len(stored_bytes(image))
    assert image.sha1 == hashlib.sha1(stored_bytes(image)).hexdigest()
    before = stored_files()
    refused = editor_client.post(change, {**form, "file": SimpleUploadedFile("second.jpg", HTML)})
    assert refused.status_code == 200
    assert "could not be read as a picture" in refused.content.decode()
    huge = io.BytesIO()
    PILImage.new("1", (11_000, 8_000)).save(huge, "PNG")
    refused = editor_client.post(change, {**form, "file": SimpleUploadedFile("second.png", huge.getvalue())})
    assert refused.status_code == 200
    assert "at most 40 million pixels" in refused.content.decode()
    assert stored_files() == before


def test_no_upload_gives_a_server_error(editor_client):
    url = reverse("admin:filer-ajax_upload")
    for response in (
        editor_client.post(url),
        editor_client.post(url, {"file": SimpleUploadedFile("empty.png", b"")}),
        editor_client.post(url, {"file": SimpleUploadedFile("cut.png", png_with_text()[:200])}),
        editor_client.post(
            url, b"\x89PNG", content_type="application/octet-stream", HTTP_X_REQUESTED_WITH="XMLHttpRequest"
        ),
        editor_client.post(
            url + "?qqfile=raw.html", HTML, content_type="text/html", HTTP_X_REQUESTED_WITH="XMLHttpRequest"
        ),
    ):
        assert response.status_code == 400, (response.status_code, response.content[:300])


def test_the_raw_upload_path_and_large_files_on_disk_are_cleaned_too(editor_client):
    # filer's uploader may send the bare file with X-Requested-With; files over
    # FILE_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) are on disk rather than in memory while checked.
    raw = editor_client.post(
        reverse("admin:filer-ajax_upload") + "?qqfile=raw.jpg",
        jpeg_with_gps(),
        content_type="application/octet-stream",
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert raw.status_code == 200, raw.content
    assert_no_metadata(stored_bytes(Image.objects.get(pk=raw.json()["file_id"])))

    noise = PILImage.frombytes("RGB", (1000, 1000), bytes(range(256)) * 11718 + bytes(192))
    buffer = io.BytesIO()
    noise.save(buffer, "PNG", pnginfo=PngImagePlugin.PngInfo(), exif=camera_exif(), compress_level=0)
    assert len(buffer.getvalue()) > settings.FILE_UPLOAD_MAX_MEMORY_SIZE
    image = upload_ok(editor_client, "large.png", buffer.getvalue())
    assert_no_metadata(stored_bytes(image))
    assert image.size == len(stored_bytes(image))
    assert (image.width, image.height) == (1000, 1000)
