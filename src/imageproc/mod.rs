//! The image pipeline of the galleries: every photo of a model becomes a
//! few resized, re-encoded versions that are safe and fast to publish.
//!
//! For each photo file:
//!
//! 1. the bytes are read (at most [`Settings::max_file_bytes`]) and hashed
//!    with BLAKE3 together with the [`Settings::fingerprint`] (sizes,
//!    qualities, formats, the pipeline's revision and ntm-site's version):
//!    that hash is the photo's cache key;
//! 2. if the cache already holds an entry for the key, nothing else is done;
//! 3. otherwise the image is decoded under limits (at most
//!    [`Settings::max_side`] pixels a side and [`Settings::max_alloc`] bytes
//!    decoded, both checked against the header before any pixel is
//!    decoded), its EXIF orientation is read, and for each width of
//!    [`Settings::widths`] that the photo reaches it is resized
//!    (`fast_image_resize`, Lanczos 3), turned upright, and encoded from
//!    its pixels as a progressive JPEG and as a lossy WebP. The WebP is kept
//!    only when it is at least [`Settings::webp_min_saving`] percent smaller.
//!
//! Because every published file is encoded from pixels, none of the
//! source's metadata reaches the site: no EXIF (GPS position, camera make
//! and model, dates), no XMP, no IPTC, no comments, no ICC profile. The
//! source file itself is never published; with [`Settings::originals`] a
//! full-size version is published, encoded from pixels like the others.
//!
//! Memory is bounded in total, not per thread: every decode reserves what
//! it will hold from one budget of [`Settings::max_alloc`] bytes shared by
//! all threads ([`budget`]), and a PNG's compressed metadata (an `iCCP`
//! colour profile, text) is dropped before decoding, so that it is never
//! inflated.
//!
//! The cache (see [`cache`]) lives outside the output folder, is keyed by
//! content, and may be deleted at any time. Photos are processed in
//! parallel with rayon. Problems are reported through [`Diagnostics`] with
//! the photo's path relative to the content folder.

pub mod budget;
pub mod cache;
mod codec;

use crate::diag::{Diagnostics, Message, Pos};
use crate::model::Content;
use crate::tr;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Bumped whenever the pipeline's output changes for the same settings, so
/// that older cache entries are no longer used.
pub const PIPELINE_REVISION: u32 = 3;

/// What the pipeline makes of each photo.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// Widths of the published versions, in CSS pixels, ascending. A photo
    /// narrower than a width gets one version at its own width instead, and
    /// none wider (photos are never enlarged).
    pub widths: Vec<u32>,
    /// JPEG quality, 1..=100.
    pub jpeg_quality: u8,
    /// WebP quality, 0..=100 (lossy).
    pub webp_quality: f32,
    /// A WebP version is published only when it is at least this many
    /// percent smaller than the JPEG of the same size.
    pub webp_min_saving: u32,
    /// Also publish a full-size version (encoded from pixels, metadata
    /// stripped like every other). Off by default.
    pub originals: bool,
    /// The largest width or height accepted, in pixels.
    pub max_side: u32,
    /// The most memory one decoded photo may take, in bytes.
    pub max_alloc: u64,
    /// The largest photo file accepted, in bytes.
    pub max_file_bytes: u64,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            widths: vec![320, 640, 1280],
            jpeg_quality: 80,
            webp_quality: 75.0,
            webp_min_saving: 10,
            originals: false,
            max_side: 16_384,
            max_alloc: 768 * 1024 * 1024,
            max_file_bytes: 64 * 1024 * 1024,
        }
    }
}

impl Settings {
    /// Everything that changes the published bytes, as text: part of every
    /// cache key. The limits are not in it: they only accept or refuse.
    pub fn fingerprint(&self) -> String {
        format!(
            "ntm-site {} pipeline {} widths {:?} jpeg q{} progressive webp q{} min-saving {}% originals {}",
            env!("CARGO_PKG_VERSION"),
            PIPELINE_REVISION,
            self.widths,
            self.jpeg_quality,
            self.webp_quality,
            self.webp_min_saving,
            self.originals,
        )
    }
}

/// Where the pipeline keeps its work and what it makes.
#[derive(Clone, Debug)]
pub struct Options {
    /// The cache folder. See [`cache`].
    pub cache_dir: PathBuf,
    pub settings: Settings,
    /// Whether each chart is also drawn as PNG (see
    /// [`crate::render::chart_png`]), kept in the same cache folder. `serve`
    /// and `build --no-chart-png` leave them out: drawing hundreds of charts
    /// takes tens of seconds the first time.
    pub chart_pngs: bool,
}

impl Options {
    /// The default options for a build into `output`: the cache in
    /// `.ntm-cache/` beside the output folder.
    pub fn beside(output: &Path) -> Options {
        Options {
            cache_dir: default_cache_dir(output),
            settings: Settings::default(),
            chart_pngs: true,
        }
    }
}

/// `.ntm-cache/` in the folder that holds `output`.
pub fn default_cache_dir(output: &Path) -> PathBuf {
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    parent.join(".ntm-cache")
}

/// An encoding of a published version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Jpeg,
    Webp,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Webp => "webp",
        }
    }
    pub fn mime(self) -> &'static str {
        match self {
            Format::Jpeg => "image/jpeg",
            Format::Webp => "image/webp",
        }
    }
}

/// One published version of a photo.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    pub format: Format,
    /// Size of the file in bytes.
    pub bytes: u64,
    /// File name inside the cache entry.
    pub file: String,
}

/// The versions of one photo, as kept in its cache entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Width and height of the upright photo at full size.
    pub width: u32,
    pub height: u32,
    /// JPEG versions, narrowest first; WebP versions where they pay.
    pub variants: Vec<Variant>,
    /// The full-size version, when [`Settings::originals`] asks for it.
    pub original: Option<Variant>,
}

/// A processed photo: its cache entry and where its files are.
#[derive(Clone, Debug)]
pub struct Processed {
    /// The cache key in hexadecimal.
    pub key: String,
    pub entry: Entry,
    /// The cache entry's folder.
    pub dir: PathBuf,
}

impl Processed {
    /// The file of `v` in the cache.
    pub fn path(&self, v: &Variant) -> PathBuf {
        self.dir.join(&v.file)
    }
    /// The JPEG versions, narrowest first.
    pub fn jpegs(&self) -> impl Iterator<Item = &Variant> {
        self.entry
            .variants
            .iter()
            .filter(|v| v.format == Format::Jpeg)
    }
    /// The WebP versions, narrowest first (empty when WebP does not pay).
    pub fn webps(&self) -> impl Iterator<Item = &Variant> {
        self.entry
            .variants
            .iter()
            .filter(|v| v.format == Format::Webp)
    }
    /// The widest JPEG: what a plain link to the photo opens.
    pub fn largest_jpeg(&self) -> Option<&Variant> {
        self.jpegs().last()
    }
    /// A short tag of the key for published file names, so that a changed
    /// photo gets a new address and caches never serve a stale one.
    pub fn tag(&self) -> &str {
        &self.key[..8.min(self.key.len())]
    }
}

/// What a run of the pipeline did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Distinct photo files.
    pub photos: usize,
    /// Photos decoded and encoded in this run.
    pub processed: usize,
    /// Photos taken from the cache as they were.
    pub reused: usize,
    /// Files encoded in this run (JPEG and WebP versions).
    pub encoded: usize,
}

/// The processed photos of a build, by path relative to the content folder.
#[derive(Clone, Debug, Default)]
pub struct Published {
    pub photos: BTreeMap<String, Processed>,
    pub stats: Stats,
    /// The pictures of news bundles, re-encoded, by path relative to the
    /// content folder (see [`process_bundles`]).
    pub bundle_files: BTreeMap<String, Vec<u8>>,
}

impl Published {
    pub fn get(&self, rel: &str) -> Option<&Processed> {
        self.photos.get(rel)
    }
}

/// Every photo file the models use (their photos and covers), relative to
/// the content folder, each once.
pub fn model_photos(content: &Content) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in &content.models {
        let folder = model_folder(&m.file);
        for p in &m.photos {
            out.push(format!("{folder}/{}", p.file));
        }
        if let Some(c) = &m.cover {
            out.push(format!("{folder}/{c}"));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The folder of a model (`models/tan-thanh`) from its file (`models/tan-thanh/index.md`).
pub fn model_folder(file: &str) -> &str {
    file.rsplit_once('/').map(|(f, _)| f).unwrap_or("")
}

/// Processes the photos `rels` (relative to `content_root`) in parallel.
/// Each photo that cannot be published is an error naming its file; the
/// others are processed all the same, so that one run reports every bad
/// photo.
pub fn process(content_root: &Path, rels: &[String], opts: &Options) -> (Published, Diagnostics) {
    let mut diags = Diagnostics::new();
    if rels.is_empty() {
        return (Published::default(), diags);
    }
    let store = match cache::Cache::open(&opts.cache_dir) {
        Ok(s) => s,
        Err(e) => {
            let dir = opts.cache_dir.display();
            diags.error(
                "",
                Pos::NONE,
                tr!(
                    "không dùng được thư mục lưu tạm ảnh {dir}: {e}; hãy chọn thư mục khác bằng --cache",
                    "cannot use the image cache folder {dir}: {e}; choose another with --cache"
                ),
            );
            return (Published::default(), diags);
        }
    };
    let fingerprint = opts.settings.fingerprint();
    let encoded = AtomicUsize::new(0);
    let bar = crate::progress::bar(rels.len(), crate::tr!("Ảnh", "Photos"));
    let results: Vec<(String, Outcome)> = rels
        .par_iter()
        .map(|rel| {
            let r = one(
                content_root,
                rel,
                &opts.settings,
                &fingerprint,
                &store,
                &encoded,
            );
            bar.inc(1);
            (rel.clone(), r)
        })
        .collect();
    bar.finish_and_clear();
    let mut published = Published::default();
    for (rel, r) in results {
        match r {
            Ok((p, fresh)) => {
                if fresh {
                    published.stats.processed += 1;
                } else {
                    published.stats.reused += 1;
                }
                published.photos.insert(rel, p);
            }
            Err(message) => diags.error(&rel, Pos::NONE, message),
        }
    }
    published.stats.photos = published.photos.len();
    published.stats.encoded = encoded.load(Ordering::Relaxed);
    (published, diags)
}

/// Processes every photo of the models of `content`.
pub fn process_models(
    content_root: &Path,
    content: &Content,
    opts: &Options,
) -> (Published, Diagnostics) {
    process(content_root, &model_photos(content), opts)
}

/// The pictures that news bundles publish (those their story shows),
/// relative to the content folder.
pub fn bundle_pictures(content: &Content) -> Vec<String> {
    let mut out: Vec<String> = content
        .news
        .iter()
        .chain(&content.pages)
        .flat_map(|d| d.assets.iter().cloned())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Re-encodes the pictures `rels` of news bundles in parallel, like the
/// photos of the models (decoded under the same limits, metadata dropped),
/// at their own size and format, or takes them from the image cache; each
/// that cannot be is an error naming it.
pub fn process_bundles(
    content_root: &Path,
    rels: &[String],
    opts: &Options,
) -> (BTreeMap<String, Vec<u8>>, Diagnostics) {
    let settings = &opts.settings;
    // Without a cache folder the pictures are made all the same (the
    // models' photos report the folder).
    let store = if rels.is_empty() {
        None
    } else {
        cache::Cache::open(&opts.cache_dir).ok()
    };
    let fingerprint = format!("bundle {}", settings.fingerprint());
    let results: Vec<(String, Result<Vec<u8>, Message>)> = rels
        .par_iter()
        .map(|rel| {
            let r =
                read_limited(&content_root.join(rel), settings.max_file_bytes).and_then(|bytes| {
                    let key = cache::key(&fingerprint, &bytes);
                    if let Some(kept) = store.as_ref().and_then(|s| s.get_file(&key)) {
                        return Ok(kept);
                    }
                    let made = codec::reencode(&bytes, settings)?;
                    if let Some(s) = &store {
                        // A picture that cannot be kept is made again next time.
                        let _ = s.put_file(&key, &made);
                    }
                    Ok(made)
                });
            (rel.clone(), r)
        })
        .collect();
    let mut diags = Diagnostics::new();
    let mut out = BTreeMap::new();
    for (rel, r) in results {
        match r {
            Ok(bytes) => {
                out.insert(rel, bytes);
            }
            Err(message) => diags.error(&rel, Pos::NONE, message),
        }
    }
    (out, diags)
}

/// A photo processed (`true` when made in this run), or why it cannot be.
type Outcome = Result<(Processed, bool), Message>;

/// One photo: from the cache, or made and stored. `Ok((_, true))` when it
/// was made in this run.
fn one(
    content_root: &Path,
    rel: &str,
    settings: &Settings,
    fingerprint: &str,
    store: &cache::Cache,
    encoded: &AtomicUsize,
) -> Outcome {
    let path = content_root.join(rel);
    let bytes = read_limited(&path, settings.max_file_bytes)?;
    let key = cache::key(fingerprint, &bytes);
    if let Some(p) = store.get(&key) {
        return Ok((p, false));
    }
    let made = codec::make(&bytes, settings)?;
    encoded.fetch_add(made.files.len(), Ordering::Relaxed);
    let p = store.put(&key, &made.entry, &made.files).map_err(|e| {
        tr!(
            "không ghi được các bản đã xử lý của ảnh vào thư mục lưu tạm: {e}",
            "cannot write its processed versions into the image cache: {e}"
        )
    })?;
    Ok((p, true))
}

/// Reads a photo file, refusing one larger than `max` bytes before reading it.
fn read_limited(path: &Path, max: u64) -> Result<Vec<u8>, Message> {
    let unreadable = |e: std::io::Error| tr!("không đọc được: {e}", "cannot be read: {e}");
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    let max_mb = max / (1024 * 1024);
    if meta.len() > max {
        let size = meta.len().div_ceil(1024 * 1024);
        return Err(tr!(
            "nặng {size} MB; không nhận tệp ảnh trên {max_mb} MB: hãy xuất ra một ảnh JPEG nhỏ hơn",
            "is {size} MB; photo files above {max_mb} MB are refused: export a smaller JPEG"
        ));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    if bytes.len() as u64 > max {
        return Err(tr!(
            "không nhận tệp ảnh trên {max_mb} MB: hãy xuất ra một ảnh JPEG nhỏ hơn",
            "photo files above {max_mb} MB are refused: export a smaller JPEG"
        ));
    }
    Ok(bytes)
}
