//! The memory that decoding photos may take at once, in total across the
//! threads of a build: each decode reserves what its header declares (the
//! decoded pixels and their RGB copy) before any pixel is decoded, and waits
//! while the reservations of the others would pass the budget. One photo
//! alone may take the whole budget ([`Settings::max_alloc`](super::Settings)),
//! never more: eight huge photos on eight threads take what one takes.

use std::sync::{Condvar, Mutex};

/// The bytes reserved by the decodes running now.
static IN_USE: Mutex<u64> = Mutex::new(0);
static FREED: Condvar = Condvar::new();

/// A reservation, returned when dropped.
pub struct Permit {
    bytes: u64,
}

/// Reserves `bytes` (at most `total`) of the `total` budget, waiting until
/// the other decodes leave room.
pub fn reserve(bytes: u64, total: u64) -> Permit {
    let bytes = bytes.min(total);
    let mut used = IN_USE.lock().unwrap_or_else(|p| p.into_inner());
    while *used > 0 && *used + bytes > total {
        used = FREED.wait(used).unwrap_or_else(|p| p.into_inner());
    }
    *used += bytes;
    Permit { bytes }
}

/// The bytes reserved now (for tests and measurements).
pub fn in_use() -> u64 {
    *IN_USE.lock().unwrap_or_else(|p| p.into_inner())
}

impl Drop for Permit {
    fn drop(&mut self) {
        let mut used = IN_USE.lock().unwrap_or_else(|p| p.into_inner());
        *used -= self.bytes;
        FREED.notify_all();
    }
}

/// A PNG without its compressed text and colour-profile chunks (`iCCP`,
/// `zTXt`, `iTXt`) and plain text (`tEXt`): the decoder would inflate them
/// outside any limit (a 2 MB `iCCP` inflates to 2 GiB), and the pipeline
/// publishes none of them. Other files, and PNGs whose chunks do not add up
/// (the decoder reports those), are returned as they are.
pub fn without_png_metadata(bytes: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if !bytes.starts_with(SIGNATURE) {
        return bytes.into();
    }
    let mut keep: Vec<(usize, usize)> = vec![(0, SIGNATURE.len())];
    let mut at = SIGNATURE.len();
    let mut dropped = false;
    while at + 12 <= bytes.len() {
        let len =
            u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]) as usize;
        let kind = &bytes[at + 4..at + 8];
        let Some(end) = at.checked_add(12).and_then(|x| x.checked_add(len)) else {
            return bytes.into();
        };
        if end > bytes.len() {
            return bytes.into();
        }
        if matches!(kind, b"iCCP" | b"zTXt" | b"iTXt" | b"tEXt") {
            dropped = true;
        } else {
            keep.push((at, end));
        }
        at = end;
    }
    if !dropped {
        return bytes.into();
    }
    keep.push((at, bytes.len()));
    let mut out = Vec::with_capacity(bytes.len());
    for (a, b) in keep {
        out.extend_from_slice(&bytes[a..b]);
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut c = (data.len() as u32).to_be_bytes().to_vec();
        c.extend_from_slice(kind);
        c.extend_from_slice(data);
        c.extend_from_slice(&[0, 0, 0, 0]);
        c
    }

    #[test]
    fn png_profiles_and_texts_are_dropped_before_decoding() {
        let mut png = Vec::new();
        image::RgbImage::from_pixel(4, 4, image::Rgb([200, 10, 10]))
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        // An iCCP chunk of 2 MB after the header chunk (IHDR: 8 + 25 bytes).
        let mut bomb = png[..33].to_vec();
        bomb.extend(chunk(b"iCCP", &vec![0x78; 2 * 1024 * 1024]));
        bomb.extend(chunk(b"tEXt", b"Comment\0GPS 18.3 105.9"));
        bomb.extend_from_slice(&png[33..]);
        assert_eq!(&without_png_metadata(&bomb)[..], &png[..]);
        // Nothing to drop, or not a PNG: the bytes as they are.
        assert!(matches!(
            without_png_metadata(&png),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(&without_png_metadata(b"\xff\xd8\xff")[..], b"\xff\xd8\xff");
        // Chunks that do not add up are left to the decoder to report.
        let cut = &bomb[..100];
        assert_eq!(&without_png_metadata(cut)[..], cut);
    }

    #[test]
    fn reservations_never_pass_the_budget_together() {
        let total = 1_000_000_000_000u64;
        let peak = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let peak = peak.clone();
                std::thread::spawn(move || {
                    for _ in 0..20 {
                        let _p = reserve(total * 6 / 10, total);
                        peak.fetch_max(in_use(), std::sync::atomic::Ordering::SeqCst);
                        std::thread::sleep(std::time::Duration::from_micros(200));
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        // Other tests may decode meanwhile: their small reservations aside,
        // two of these never held their 60 % at once.
        assert!(peak.load(std::sync::atomic::Ordering::SeqCst) < total * 12 / 10);
        assert!(peak.load(std::sync::atomic::Ordering::SeqCst) >= total * 6 / 10);
    }
}
