//! Photo fixtures for the gallery tests, made here and never downloaded: a
//! drawn picture encoded as JPEG with an EXIF block written by hand (GPS
//! position, camera make and model, orientation), PNGs, and broken files.
#![allow(dead_code)]

use image::{Rgb, RgbImage};

/// The camera make and model written into the fixtures' EXIF.
pub const MAKE: &str = "NTMTestCam";
pub const MODEL: &str = "Phone X-42 Secret";

/// A drawn picture `w` × `h`: the top quarter red, the rest blue, with a
/// green diagonal, so that the way it is turned shows.
pub fn drawn(w: u32, h: u32) -> RgbImage {
    RgbImage::from_fn(w, h, |x, y| {
        if y < h / 4 {
            Rgb([220, 30, 30])
        } else if (x * h / w).abs_diff(y) < 3 {
            Rgb([30, 200, 60])
        } else {
            Rgb([30, 60, 220])
        }
    })
}

/// A baseline JPEG of `img` without any metadata.
pub fn plain_jpeg(img: &RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    let enc = jpeg_encoder::Encoder::new(&mut out, 90);
    enc.encode(
        img.as_raw(),
        img.width() as u16,
        img.height() as u16,
        jpeg_encoder::ColorType::Rgb,
    )
    .unwrap();
    out
}

struct Ifd {
    entries: Vec<(u16, u16, u32, Vec<u8>)>,
}

impl Ifd {
    fn new() -> Ifd {
        Ifd { entries: vec![] }
    }
    fn ascii(mut self, tag: u16, s: &str) -> Ifd {
        let mut v = s.as_bytes().to_vec();
        v.push(0);
        let n = v.len() as u32;
        self.entries.push((tag, 2, n, v));
        self
    }
    fn short(mut self, tag: u16, x: u16) -> Ifd {
        self.entries.push((tag, 3, 1, x.to_be_bytes().to_vec()));
        self
    }
    fn long(mut self, tag: u16, x: u32) -> Ifd {
        self.entries.push((tag, 4, 1, x.to_be_bytes().to_vec()));
        self
    }
    fn bytes(mut self, tag: u16, b: &[u8]) -> Ifd {
        self.entries.push((tag, 1, b.len() as u32, b.to_vec()));
        self
    }
    fn rationals(mut self, tag: u16, r: &[(u32, u32)]) -> Ifd {
        let mut v = Vec::new();
        for (n, d) in r {
            v.extend_from_slice(&n.to_be_bytes());
            v.extend_from_slice(&d.to_be_bytes());
        }
        self.entries.push((tag, 5, r.len() as u32, v));
        self
    }
    /// The IFD placed at `at` (offset from the TIFF header): its bytes,
    /// values longer than 4 bytes following it.
    fn write(&self, at: u32) -> Vec<u8> {
        let n = self.entries.len() as u32;
        let mut head = Vec::new();
        let mut data = Vec::new();
        let data_at = at + 2 + 12 * n + 4;
        head.extend_from_slice(&(n as u16).to_be_bytes());
        for (tag, ty, count, value) in &self.entries {
            head.extend_from_slice(&tag.to_be_bytes());
            head.extend_from_slice(&ty.to_be_bytes());
            head.extend_from_slice(&count.to_be_bytes());
            if value.len() <= 4 {
                let mut v = value.clone();
                v.resize(4, 0);
                head.extend_from_slice(&v);
            } else {
                head.extend_from_slice(&(data_at + data.len() as u32).to_be_bytes());
                data.extend_from_slice(value);
                if data.len() % 2 == 1 {
                    data.push(0);
                }
            }
        }
        head.extend_from_slice(&0u32.to_be_bytes());
        head.extend_from_slice(&data);
        head
    }
}

/// The APP1 payload `Exif\0\0` + a big-endian TIFF structure with Make,
/// Model, Orientation and a GPS IFD (18°20'30" N, 105°54'20" E).
pub fn exif_block(orientation: u16) -> Vec<u8> {
    let gps = Ifd::new()
        .bytes(0x0000, &[2, 2, 0, 0])
        .ascii(0x0001, "N")
        .rationals(0x0002, &[(18, 1), (20, 1), (30, 1)])
        .ascii(0x0003, "E")
        .rationals(0x0004, &[(105, 1), (54, 1), (20, 1)]);
    // IFD0 first at offset 8; its size is known before the GPS pointer's value.
    let ifd0 = |gps_at: u32| {
        Ifd::new()
            .ascii(0x010F, MAKE)
            .ascii(0x0110, MODEL)
            .short(0x0112, orientation)
            .long(0x8825, gps_at)
    };
    let size0 = ifd0(0).write(8).len() as u32;
    let gps_at = 8 + size0;
    let mut tiff = b"MM\x00\x2a\x00\x00\x00\x08".to_vec();
    tiff.extend(ifd0(gps_at).write(8));
    tiff.extend(gps.write(gps_at));
    let mut out = b"Exif\0\0".to_vec();
    out.extend(tiff);
    out
}

/// Inserts an APP1 segment holding `payload` after the JPEG's SOI and APP0.
pub fn with_app1(jpeg: &[u8], payload: &[u8]) -> Vec<u8> {
    assert_eq!(&jpeg[..2], &[0xFF, 0xD8]);
    let mut at = 2;
    if jpeg[2..4] == [0xFF, 0xE0] {
        let len = u16::from_be_bytes([jpeg[4], jpeg[5]]) as usize;
        at = 4 + len;
    }
    let mut out = jpeg[..at].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(payload);
    out.extend_from_slice(&jpeg[at..]);
    out
}

/// A phone photo: stored `w` × `h`, with GPS, make, model and `orientation`.
pub fn phone_jpeg(w: u32, h: u32, orientation: u16) -> Vec<u8> {
    with_app1(&plain_jpeg(&drawn(w, h)), &exif_block(orientation))
}

/// A PNG of `img`.
pub fn png(img: &image::DynamicImage) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A PNG that declares `w` × `h` (8-bit, colour type `ct`) and holds a tiny
/// compressed stream: a decompression bomb's header.
pub fn png_header_only(w: u32, h: u32, ct: u8) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let chunk = |out: &mut Vec<u8>, ty: &[u8], data: &[u8]| {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut c = ty.to_vec();
        c.extend_from_slice(data);
        out.extend_from_slice(&c);
        out.extend_from_slice(&crc32(&c).to_be_bytes());
    };
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, ct, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    // A zlib stream of a few zero bytes.
    chunk(
        &mut out,
        b"IDAT",
        &[0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01],
    );
    chunk(&mut out, b"IEND", &[]);
    out
}

/// The JPEG marker segments before the scan: `(marker, payload)`.
pub fn jpeg_segments(b: &[u8]) -> Vec<(u8, Vec<u8>)> {
    assert_eq!(&b[..2], &[0xFF, 0xD8], "not a JPEG");
    let mut out = Vec::new();
    let mut i = 2;
    while i + 4 <= b.len() {
        assert_eq!(b[i], 0xFF, "marker expected at {i}");
        let m = b[i + 1];
        let len = u16::from_be_bytes([b[i + 2], b[i + 3]]) as usize;
        out.push((m, b[i + 4..i + 2 + len].to_vec()));
        if m == 0xDA {
            break;
        }
        i += 2 + len;
    }
    out
}

/// The chunk names of a RIFF WebP file.
pub fn webp_chunks(b: &[u8]) -> Vec<String> {
    assert_eq!(&b[..4], b"RIFF");
    assert_eq!(&b[8..12], b"WEBP");
    let mut out = Vec::new();
    let mut i = 12;
    while i + 8 <= b.len() {
        out.push(String::from_utf8_lossy(&b[i..i + 4]).to_string());
        let len = u32::from_le_bytes([b[i + 4], b[i + 5], b[i + 6], b[i + 7]]) as usize;
        i += 8 + len + (len & 1);
    }
    out
}

/// Whether `hay` contains `needle`.
pub fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Asserts that a published image file carries no metadata at all.
pub fn assert_no_metadata(name: &str, b: &[u8]) {
    if b.starts_with(&[0xFF, 0xD8]) {
        for (m, payload) in jpeg_segments(b) {
            assert!(
                m == 0xE0 || !(0xE1..=0xEF).contains(&m),
                "{name}: APP{} segment present",
                m - 0xE0
            );
            assert!(m != 0xFE, "{name}: comment segment present");
            let _ = payload;
        }
    } else if b.starts_with(b"RIFF") {
        let chunks = webp_chunks(b);
        for c in ["EXIF", "XMP ", "ICCP"] {
            assert!(!chunks.iter().any(|x| x == c), "{name}: WebP chunk {c}");
        }
    } else {
        panic!("{name}: neither JPEG nor WebP");
    }
    for needle in [
        &b"Exif"[..],
        b"GPS",
        MAKE.as_bytes(),
        MODEL.as_bytes(),
        b"http://ns.adobe.com",
    ] {
        assert!(
            !contains(b, needle),
            "{name}: contains {:?}",
            String::from_utf8_lossy(needle)
        );
    }
    // And a real EXIF reader finds nothing either.
    let r = exif::Reader::new().read_from_container(&mut std::io::Cursor::new(b));
    assert!(r.is_err(), "{name}: an EXIF reader finds EXIF");
}
