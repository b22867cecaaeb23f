//! Decoding under limits, resizing, orientation, and encoding from pixels.

use super::{Entry, Format, Settings, Variant};
use crate::diag::Message;
use crate::tr;
use fast_image_resize as fir;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, RgbImage};
use std::io::Cursor;

/// The versions of one photo, encoded, ready for the cache.
pub struct Made {
    pub entry: Entry,
    /// `(file name, bytes)` of every version.
    pub files: Vec<(String, Vec<u8>)>,
}

/// Whether an orientation swaps width and height.
fn swaps(o: Orientation) -> bool {
    matches!(
        o,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

fn mb(bytes: u64) -> u64 {
    bytes.div_ceil(1024 * 1024)
}

/// The widths to publish for an upright photo `w` pixels wide: those of
/// `widths` below `w`, then `w` itself in place of the first that reaches it.
pub fn target_widths(widths: &[u32], w: u32) -> Vec<u32> {
    let mut out = Vec::new();
    for &t in widths {
        if t < w {
            out.push(t);
        } else {
            out.push(w);
            break;
        }
    }
    if out.is_empty() {
        out.push(w);
    }
    out.dedup();
    out
}

/// Decodes `bytes` under the limits of `settings`: the pixels (RGB, alpha
/// flattened on white) and the EXIF orientation.
pub fn decode(
    bytes: &[u8],
    settings: &Settings,
) -> Result<(RgbImage, Orientation, super::budget::Permit), Message> {
    let bytes = &super::budget::without_png_metadata(bytes)[..];
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| tr!("không đọc được: {e}", "cannot be read: {e}"))?;
    match reader.format() {
        Some(ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP) => {}
        Some(other) => {
            let kind = other
                .extensions_str()
                .first()
                .unwrap_or(&"?")
                .to_uppercase();
            return Err(tr!(
                "là ảnh dạng {kind}; ảnh phải là JPEG, PNG hoặc WebP",
                "is a {kind} image; photos must be JPEG, PNG or WebP"
            ));
        }
        None => {
            return Err(tr!(
                "không phải là ảnh (JPEG, PNG hoặc WebP) hoặc tệp bị hỏng: phần đầu tệp không phải phần đầu của một ảnh",
                "is not an image (JPEG, PNG or WebP) or is damaged: its first bytes are not an image header"
            ));
        }
    }
    // The header first, without a size limit, to tell the declared size.
    let mut limits = Limits::default();
    limits.max_alloc = Some(settings.max_alloc);
    let mut reader = reader;
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|e| damaged(&e))?;
    let (w, h) = decoder.dimensions();
    if w == 0 || h == 0 {
        return Err(tr!(
            "bị hỏng: phần đầu tệp ghi một ảnh rỗng",
            "is damaged: its header declares an empty image"
        ));
    }
    if w > settings.max_side || h > settings.max_side {
        let max = settings.max_side;
        return Err(tr!(
            "có kích thước {w} × {h} điểm ảnh; mỗi cạnh ảnh tối đa {max} điểm ảnh: hãy thu nhỏ ảnh trước khi thêm vào",
            "declares {w} × {h} px; photos may be at most {max} px a side: resize it before adding it"
        ));
    }
    let total = decoder.total_bytes();
    if total > settings.max_alloc {
        let (size, max) = (mb(total), mb(settings.max_alloc));
        return Err(tr!(
            "có kích thước {w} × {h} điểm ảnh, cần {size} MB khi mở ra; chỉ cho phép tối đa {max} MB: hãy thu nhỏ ảnh trước khi thêm vào",
            "declares {w} × {h} px, {size} MB once decoded; at most {max} MB are allowed: resize it before adding it"
        ));
    }
    if reader_format_is_jpeg(bytes) && !jpeg_is_complete(bytes) {
        return Err(tr!(
            "bị hỏng: dữ liệu JPEG dừng trước điểm kết thúc (tệp bị cắt cụt, có lẽ khi sao chép hoặc tải lên)",
            "is damaged: the JPEG data stops before its end marker (the file was cut short, perhaps in a copy or an upload)"
        ));
    }
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    // The decoded pixels and their RGB copy, from the budget of all threads.
    let permit = super::budget::reserve(
        total.saturating_add(u64::from(w) * u64::from(h) * 3),
        settings.max_alloc,
    );
    let img = DynamicImage::from_decoder(decoder).map_err(|e| damaged(&e))?;
    Ok((flatten(img), orientation, permit))
}

fn reader_format_is_jpeg(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xD8, 0xFF])
}

/// Whether a JPEG has its end-of-image marker after the first scan. The
/// decoder quietly fills in a file cut short; this tells it. (A marker
/// `FF D9` cannot occur inside entropy-coded data, where `FF` is stuffed,
/// and an EXIF thumbnail's own end marker lies before the first scan.)
pub fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let mut i = 2;
    // Walk the marker segments up to the first scan (SOS).
    while i + 4 <= bytes.len() {
        if bytes[i] != 0xFF {
            return false;
        }
        let m = bytes[i + 1];
        if m == 0xFF {
            i += 1;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        if m == 0xDA {
            let scan = i + 2 + len;
            return scan <= bytes.len() && bytes[scan..].windows(2).any(|w| w == [0xFF, 0xD9]);
        }
        i += 2 + len;
    }
    false
}

fn damaged(e: &image::ImageError) -> Message {
    match e {
        image::ImageError::Limits(l) => tr!(
            "quá lớn để mở an toàn: {l}",
            "is too large to decode safely: {l}"
        ),
        image::ImageError::Unsupported(u) => tr!(
            "dùng một kiểu ảnh không được hỗ trợ: {u}",
            "uses a form of image that is not supported: {u}"
        ),
        other => tr!(
            "bị hỏng, không mở được: {other}",
            "is damaged and cannot be decoded: {other}"
        ),
    }
}

/// RGB pixels; transparent parts laid on white.
fn flatten(img: DynamicImage) -> RgbImage {
    if !img.color().has_alpha() {
        return img.into_rgb8();
    }
    let rgba = img.into_rgba8();
    let (w, h) = rgba.dimensions();
    let mut out = RgbImage::new(w, h);
    for (o, p) in out.pixels_mut().zip(rgba.pixels()) {
        let a = u32::from(p[3]);
        for i in 0..3 {
            o[i] = ((u32::from(p[i]) * a + 255 * (255 - a) + 127) / 255) as u8;
        }
    }
    out
}

/// Resizes `src` to `w` × `h` with Lanczos 3.
fn resize(resizer: &mut fir::Resizer, src: &RgbImage, w: u32, h: u32) -> Result<RgbImage, Message> {
    if src.width() == w && src.height() == h {
        return Ok(src.clone());
    }
    let from = fir::images::ImageRef::new(
        src.width(),
        src.height(),
        src.as_raw(),
        fir::PixelType::U8x3,
    )
    .map_err(|e| tr!("không thu nhỏ được: {e}", "cannot be resized: {e}"))?;
    let mut to = fir::images::Image::new(w, h, fir::PixelType::U8x3);
    let opts = fir::ResizeOptions::new()
        .resize_alg(fir::ResizeAlg::Convolution(fir::FilterType::Lanczos3));
    resizer
        .resize(&from, &mut to, &opts)
        .map_err(|e| tr!("không thu nhỏ được: {e}", "cannot be resized: {e}"))?;
    RgbImage::from_raw(w, h, to.into_vec())
        .ok_or_else(|| tr!("không thu nhỏ được", "cannot be resized"))
}

fn upright(img: RgbImage, o: Orientation) -> RgbImage {
    if o == Orientation::NoTransforms {
        return img;
    }
    let mut d = DynamicImage::ImageRgb8(img);
    d.apply_orientation(o);
    d.into_rgb8()
}

/// A progressive JPEG with optimised Huffman tables, from pixels only: no
/// APP segment but the JFIF header. (Revision 2 tried baseline mode, which
/// came out 5–10 % smaller but with wrong colours through `jpeg-encoder`'s
/// SIMD path: red published as green; the tests caught it.)
pub fn encode_jpeg(img: &RgbImage, quality: u8) -> Result<Vec<u8>, Message> {
    let mut out = Vec::new();
    let mut enc = jpeg_encoder::Encoder::new(&mut out, quality);
    enc.set_progressive(true);
    enc.set_optimized_huffman_tables(true);
    let (w, h) = (
        u16::try_from(img.width())
            .map_err(|_| tr!("quá rộng để lưu thành JPEG", "is too wide to encode"))?,
        u16::try_from(img.height())
            .map_err(|_| tr!("quá cao để lưu thành JPEG", "is too tall to encode"))?,
    );
    enc.encode(img.as_raw(), w, h, jpeg_encoder::ColorType::Rgb)
        .map_err(|e| {
            tr!(
                "không lưu được thành JPEG: {e}",
                "cannot be encoded as JPEG: {e}"
            )
        })?;
    Ok(out)
}

/// A lossy WebP, from pixels only (libwebp's simple API writes no metadata).
pub fn encode_webp(img: &RgbImage, quality: f32) -> Result<Vec<u8>, Message> {
    let enc = webp::Encoder::from_rgb(img.as_raw(), img.width(), img.height());
    enc.encode_simple(false, quality)
        .map(|m| m.to_vec())
        .map_err(|e| {
            tr!(
                "không lưu được thành WebP: {e:?}",
                "cannot be encoded as WebP: {e:?}"
            )
        })
}

/// A picture of a story's bundle, re-encoded from its pixels at its own size
/// and in its own format (JPEG, PNG or WebP), turned upright: nothing of the
/// file but the picture (no EXIF, GPS position, camera, profile) remains.
pub fn reencode(bytes: &[u8], settings: &Settings) -> Result<Vec<u8>, Message> {
    let format = image::guess_format(bytes).ok();
    let (src, o, _permit) = decode(bytes, settings)?;
    let up = upright(src, o);
    match format {
        Some(ImageFormat::Png) => {
            let mut out = Vec::new();
            up.write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
                .map_err(|e| {
                    tr!(
                        "không lưu được thành PNG: {e}",
                        "cannot be encoded as PNG: {e}"
                    )
                })?;
            Ok(out)
        }
        Some(ImageFormat::WebP) => encode_webp(&up, settings.webp_quality),
        _ => encode_jpeg(&up, settings.jpeg_quality),
    }
}

/// Decodes, resizes, turns upright and encodes every version of a photo.
pub fn make(bytes: &[u8], settings: &Settings) -> Result<Made, Message> {
    let (src, o, _permit) = decode(bytes, settings)?;
    let swap = swaps(o);
    // Sizes of the upright photo.
    let (uw, uh) = if swap {
        (src.height(), src.width())
    } else {
        (src.width(), src.height())
    };
    let widths = target_widths(&settings.widths, uw);
    let mut resizer = fir::Resizer::new();
    let mut files = Vec::new();
    let mut variants = Vec::new();
    // Widest first, each from the one before: cheaper than every size from
    // the full photo, and as sharp (each step at most halves or so).
    let mut prev: Option<RgbImage> = None;
    let mut made: Vec<(u32, u32, RgbImage)> = Vec::new();
    for &tw in widths.iter().rev() {
        let th =
            ((u64::from(tw) * u64::from(uh) + u64::from(uw) / 2) / u64::from(uw)).max(1) as u32;
        // Resize in the stored orientation, turn the small result upright.
        let (sw, sh) = if swap { (th, tw) } else { (tw, th) };
        let from = prev.as_ref().unwrap_or(&src);
        let small = resize(&mut resizer, from, sw, sh)?;
        prev = Some(small.clone());
        made.push((tw, th, small));
    }
    made.reverse();
    for (tw, th, small) in made {
        let up = upright(small, o);
        debug_assert_eq!((up.width(), up.height()), (tw, th));
        let jpeg = encode_jpeg(&up, settings.jpeg_quality)?;
        let jpeg_len = jpeg.len() as u64;
        let name = format!("{tw}.jpg");
        variants.push(Variant {
            width: tw,
            height: th,
            format: Format::Jpeg,
            bytes: jpeg_len,
            file: name.clone(),
        });
        files.push((name, jpeg));
        let webp = encode_webp(&up, settings.webp_quality)?;
        let pays = (webp.len() as u64) * 100
            <= jpeg_len * u64::from(100u32.saturating_sub(settings.webp_min_saving));
        if pays {
            let name = format!("{tw}.webp");
            variants.push(Variant {
                width: tw,
                height: th,
                format: Format::Webp,
                bytes: webp.len() as u64,
                file: name.clone(),
            });
            files.push((name, webp));
        }
    }
    let original = if settings.originals {
        let up = upright(src, o);
        let jpeg = encode_jpeg(&up, 92)?;
        let v = Variant {
            width: uw,
            height: uh,
            format: Format::Jpeg,
            bytes: jpeg.len() as u64,
            file: "full.jpg".into(),
        };
        files.push((v.file.clone(), jpeg));
        Some(v)
    } else {
        None
    };
    Ok(Made {
        entry: Entry {
            width: uw,
            height: uh,
            variants,
            original,
        },
        files,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_never_enlarge() {
        assert_eq!(target_widths(&[320, 640, 1280], 1200), vec![320, 640, 1200]);
        assert_eq!(target_widths(&[320, 640, 1280], 4000), vec![320, 640, 1280]);
        assert_eq!(target_widths(&[320, 640, 1280], 640), vec![320, 640]);
        assert_eq!(target_widths(&[320, 640, 1280], 200), vec![200]);
    }

    /// `jpeg-encoder` 0.7.1 in baseline mode with optimised Huffman tables
    /// writes red as green; the mode used here must keep the colours.
    #[test]
    fn jpeg_keeps_the_colours() {
        for (w, h) in [
            (17u32, 9u32),
            (320, 213),
            (400, 300),
            (640, 427),
            (1000, 1600),
        ] {
            let img = RgbImage::from_fn(w, h, |x, _| {
                if x < w / 2 {
                    image::Rgb([220, 30, 30])
                } else {
                    image::Rgb([255, 255, 255])
                }
            });
            let bytes = encode_jpeg(&img, 80).unwrap();
            let back = image::load_from_memory(&bytes).unwrap().to_rgb8();
            let red = back.get_pixel(w / 4, h / 2).0;
            let white = back.get_pixel(3 * w / 4, h / 2).0;
            assert!(
                red[0] > 180 && red[1] < 70 && red[2] < 70,
                "{w}×{h}: {red:?}"
            );
            assert!(white.iter().all(|&c| c > 235), "{w}×{h}: {white:?}");
        }
    }

    #[test]
    fn alpha_is_laid_on_white() {
        let mut img = image::RgbaImage::new(2, 1);
        img.put_pixel(0, 0, image::Rgba([0, 0, 0, 0]));
        img.put_pixel(1, 0, image::Rgba([10, 20, 30, 255]));
        let out = flatten(DynamicImage::ImageRgba8(img));
        assert_eq!(out.get_pixel(0, 0).0, [255, 255, 255]);
        assert_eq!(out.get_pixel(1, 0).0, [10, 20, 30]);
    }
}
