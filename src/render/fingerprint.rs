//! Fingerprints of the model for the renderers' cache (`serve`): one hash of
//! what the figures and their pages are made of but the snapshots, and one
//! per snapshot date of all the snapshots up to it. A part of the site that
//! shows the state on a date (a weekly bulletin) depends only on the first
//! and on the snapshots up to that date, so editing this week's snapshot
//! leaves the fingerprints of every earlier week as they were, and editing a
//! news item leaves them all. [`KeyHasher`] makes a part's key from these and
//! from the values the part is made of.

use crate::model::{Content, Snapshot};
use std::io::Write;

/// See the module's documentation.
pub struct Fingerprints {
    /// The site, sets, groups, communes, targets, bulletin texts, file lists
    /// and words: everything but the snapshots and the news, free pages and
    /// models (which no page of figures shows).
    pub base: blake3::Hash,
    /// `upto[i]`: the snapshots `0..=i`, in date order.
    pub upto: Vec<blake3::Hash>,
}

impl Fingerprints {
    pub fn of(content: &Content) -> Fingerprints {
        let mut h = blake3::Hasher::new();
        {
            // serde_json writes every field the model serialises (only the
            // positions of warnings are left out), through a buffer so that
            // the hasher takes large slices.
            let mut w = std::io::BufWriter::with_capacity(1 << 16, &mut h);
            let c = content;
            put(&mut w, &c.site);
            put(&mut w, &c.sets);
            put(&mut w, &c.groups);
            put(&mut w, &c.communes);
            put(&mut w, &c.targets);
            put(&mut w, &c.bulletins);
            put(&mut w, &c.static_files);
            put(&mut w, &c.theme_files);
            put(&mut w, &c.words);
            let _ = w.flush();
        }
        let base = h.finalize();
        let mut upto = Vec::with_capacity(content.snapshots.len());
        let mut prev = blake3::Hash::from_bytes([0; 32]);
        for s in &content.snapshots {
            let mut h = blake3::Hasher::new();
            h.update(prev.as_bytes());
            snapshot(&mut h, s);
            prev = h.finalize();
            upto.push(prev);
        }
        Fingerprints { base, upto }
    }
}

/// The key of one part of the site in the renderers' cache: a BLAKE3 hash
/// of the fingerprints, values and settings the part is made of. It takes
/// `std::hash::Hash` values (the report's states and changes) as well as
/// serialisable ones (the views' JSON).
pub struct KeyHasher {
    hasher: blake3::Hasher,
    /// What is written, gathered so that the hasher takes large slices.
    buf: Vec<u8>,
}

impl KeyHasher {
    /// A key of a part of kind `kind`: parts of two kinds never share a key.
    pub fn new(kind: &str) -> KeyHasher {
        let mut k = KeyHasher {
            hasher: blake3::Hasher::new(),
            buf: Vec::with_capacity(BUF),
        };
        k.text(kind);
        k
    }

    pub fn print(&mut self, h: &blake3::Hash) -> &mut Self {
        self.put(h.as_bytes());
        self
    }

    /// A text, with its length (so that two texts never read as one).
    pub fn text(&mut self, t: &str) -> &mut Self {
        self.put(&(t.len() as u64).to_le_bytes());
        self.put(t.as_bytes());
        self
    }

    pub fn value(&mut self, v: &impl std::hash::Hash) -> &mut Self {
        v.hash(self);
        self
    }

    pub fn json(&mut self, v: &impl serde::Serialize) -> &mut Self {
        put(&mut self.buf, v);
        if self.buf.len() >= BUF {
            self.flush();
        }
        self
    }

    pub fn key(&self) -> blake3::Hash {
        let mut h = self.hasher.clone();
        h.update(&self.buf);
        h.finalize()
    }

    fn put(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= BUF {
            self.flush();
        }
    }

    fn flush(&mut self) {
        self.hasher.update(&self.buf);
        self.buf.clear();
    }
}

/// How much a [`KeyHasher`] gathers before hashing it.
const BUF: usize = 1 << 16;

impl std::hash::Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.put(bytes);
    }

    fn finish(&self) -> u64 {
        let b = self.key();
        u64::from_le_bytes(b.as_bytes()[..8].try_into().unwrap_or_default())
    }
}

/// Feeds every value of snapshot `s` (not the positions of its lines) to `h`.
fn snapshot(h: &mut blake3::Hasher, s: &Snapshot) {
    let text = |h: &mut blake3::Hasher, t: &str| {
        h.update(&(t.len() as u64).to_le_bytes());
        h.update(t.as_bytes());
    };
    text(h, &s.date.to_string());
    match s.period {
        Some((a, b)) => text(h, &format!("{a}/{b}")),
        None => text(h, ""),
    }
    h.update(&(s.set as u64).to_le_bytes());
    h.update(&[u8::from(s.set_named), u8::from(s.note.is_some())]);
    text(h, s.note.as_deref().unwrap_or_default());
    text(h, &s.file);
    let mut buf = Vec::with_capacity(s.entries.len() * 80);
    for e in &s.entries {
        buf.extend_from_slice(&(e.commune as u64).to_le_bytes());
        buf.extend_from_slice(&e.met.0.to_le_bytes());
        buf.extend_from_slice(&e.indicators_met.0.to_le_bytes());
        for i in 0..4 {
            match e.indicators.get(i) {
                Some(n) => {
                    buf.push(1);
                    buf.extend_from_slice(&n.to_le_bytes());
                }
                None => buf.push(0),
            }
        }
    }
    h.update(&(s.entries.len() as u64).to_le_bytes());
    h.update(&buf);
}

/// Writes `v` as JSON and a separator into `w`. A value that cannot be
/// written leaves a mark that differs from any JSON, so the fingerprint is
/// still of the content.
fn put(w: &mut impl Write, v: &impl serde::Serialize) {
    if serde_json::to_writer(&mut *w, v).is_err() {
        let _ = w.write_all(b"\xff");
    }
    let _ = w.write_all(b"\x1e");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Content {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let (c, d) = crate::load::load(&root, crate::load::LoadOptions { drafts: false });
        c.unwrap_or_else(|| panic!("{}", d.render_in(crate::diag::Lang::En)))
    }

    #[test]
    fn a_changed_snapshot_changes_its_week_and_the_later_ones_only() {
        let a = sample();
        let mut b = a.clone();
        let i = b.snapshots.len() / 2;
        let e = &mut b.snapshots[i].entries[0];
        e.met.0 ^= 1;
        let (fa, fb) = (Fingerprints::of(&a), Fingerprints::of(&b));
        assert_eq!(fa.base, fb.base);
        assert_eq!(fa.upto[..i], fb.upto[..i]);
        assert!((i..a.snapshots.len()).all(|j| fa.upto[j] != fb.upto[j]));
        // The same content gives the same fingerprints.
        assert_eq!(Fingerprints::of(&a).upto, fa.upto);
    }

    #[test]
    fn a_changed_name_changes_the_base_and_a_news_item_nothing() {
        let a = sample();
        let mut b = a.clone();
        b.communes[0].name.push('x');
        let (fa, fb) = (Fingerprints::of(&a), Fingerprints::of(&b));
        assert_ne!(fa.base, fb.base);
        assert_eq!(fa.upto, fb.upto);
        let mut c = a.clone();
        c.news[0].title.push('x');
        assert_eq!(Fingerprints::of(&c).base, fa.base);
    }
}
