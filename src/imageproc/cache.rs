//! The image cache: processed versions of photos kept between builds.
//!
//! Layout, under the cache folder (by default `.ntm-cache/` beside the
//! output folder):
//!
//! ```text
//! .ntm-cache/
//!   CACHEDIR.TAG                 marks the folder as a cache for backup tools
//!   images/ab/abcdef…/           one entry per key (64 hex digits)
//!     entry.json                 sizes and files of the versions; written last
//!     320.jpg 320.webp 640.jpg …
//!   images/cd/cdef….bin          a news bundle's picture, re-encoded
//! ```
//!
//! The key is the BLAKE3 hash of the settings' fingerprint and the photo's
//! bytes, so an entry is valid for exactly those bytes and settings. An
//! entry is written into a fresh folder (a picture into a fresh file) and
//! renamed into place, so a crashed build leaves at worst an unused
//! temporary file, never a half-written entry. Anything in the cache may be deleted at any time:
//! the next build makes it again.

use super::{Entry, Processed};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

const TAG: &str = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is the image cache of ntm-site. It may be deleted at any time.\n";

/// The cache key of `bytes` under `fingerprint`: 64 hex digits.
pub fn key(fingerprint: &str, bytes: &[u8]) -> String {
    let mut h = blake3::Hasher::new();
    h.update(&(fingerprint.len() as u64).to_le_bytes());
    h.update(fingerprint.as_bytes());
    h.update(bytes);
    h.finalize().to_hex().to_string()
}

/// An open cache folder.
pub struct Cache {
    root: PathBuf,
}

impl Cache {
    /// Opens (and creates) the cache folder.
    pub fn open(dir: &Path) -> io::Result<Cache> {
        let root = dir.join("images");
        fs::create_dir_all(&root)?;
        let tag = dir.join("CACHEDIR.TAG");
        if !tag.exists() {
            fs::write(&tag, TAG)?;
        }
        Ok(Cache { root })
    }

    fn entry_dir(&self, key: &str) -> PathBuf {
        self.root.join(&key[..2]).join(key)
    }

    /// The entry of `key`, if it is complete.
    pub fn get(&self, key: &str) -> Option<Processed> {
        let dir = self.entry_dir(key);
        let text = fs::read(dir.join("entry.json")).ok()?;
        let entry: Entry = serde_json::from_slice(&text).ok()?;
        let complete = entry
            .variants
            .iter()
            .chain(entry.original.iter())
            .all(|v| fs::metadata(dir.join(&v.file)).is_ok_and(|m| m.len() == v.bytes));
        complete.then(|| Processed {
            key: key.to_string(),
            entry,
            dir,
        })
    }

    /// The re-encoded picture kept under `key`, if any.
    pub fn get_file(&self, key: &str) -> Option<Vec<u8>> {
        fs::read(self.file_path(key)).ok()
    }

    /// Keeps a re-encoded picture under `key`.
    pub fn put_file(&self, key: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.file_path(key);
        let parent = path.parent().unwrap_or(&self.root).to_path_buf();
        fs::create_dir_all(&parent)?;
        let mut tmp = tempfile::Builder::new()
            .prefix(&format!(".{}.new-", &key[..16]))
            .tempfile_in(&parent)?;
        io::Write::write_all(&mut tmp, bytes)?;
        tmp.persist(&path).map_err(|e| e.error)?;
        Ok(())
    }

    fn file_path(&self, key: &str) -> PathBuf {
        self.root.join(&key[..2]).join(format!("{key}.bin"))
    }

    /// Stores an entry with its files and returns it.
    pub fn put(
        &self,
        key: &str,
        entry: &Entry,
        files: &[(String, Vec<u8>)],
    ) -> io::Result<Processed> {
        let dir = self.entry_dir(key);
        let parent = dir.parent().unwrap_or(&self.root).to_path_buf();
        fs::create_dir_all(&parent)?;
        let tmp = tempfile::Builder::new()
            .prefix(&format!(".{}.new-", &key[..16]))
            .tempdir_in(&parent)?;
        for (name, bytes) in files {
            fs::write(tmp.path().join(name), bytes)?;
        }
        let json = serde_json::to_vec_pretty(entry).map_err(io::Error::other)?;
        fs::write(tmp.path().join("entry.json"), json)?;
        let staged = tmp.keep();
        if dir.exists() {
            // Another process, or an incomplete older entry: replace it.
            let _ = fs::remove_dir_all(&dir);
        }
        if let Err(e) = fs::rename(&staged, &dir) {
            let _ = fs::remove_dir_all(&staged);
            // Made at the same moment by another thread for the same bytes.
            if let Some(p) = self.get(key) {
                return Ok(p);
            }
            return Err(e);
        }
        Ok(Processed {
            key: key.to_string(),
            entry: entry.clone(),
            dir,
        })
    }
}
