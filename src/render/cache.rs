//! The renderers' optional cache (used by `serve`): the compiled theme, kept
//! while the theme's files are unchanged, and each page's HTML, kept while
//! the page's inputs are unchanged. A page's inputs are its template and
//! its whole context (the shared context and the page's own values), so the
//! key is a hash of them: a page whose figures, links or text changed in any
//! way is rendered again, every other page is taken as it was. Above the
//! pages, whole parts of the site (a week's bulletin with its charts and
//! data, a commune's page) are kept as *fragments* under a key of what they
//! are made from (see [`super::fingerprint`]), so that their contexts are not
//! even built again while that part of the content is unchanged; so are a
//! few values (the bulletins' summaries) and sets of files made apart (the
//! data files, the site's icons).

use super::pages::Fragment;
use super::theme::{self, Theme};
use crate::render::format::Lang;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// Each page's HTML with the hash of its inputs, by output path.
type Pages = HashMap<String, (blake3::Hash, Arc<[u8]>)>;

/// Files by path.
pub(super) type Files = Vec<(String, Arc<[u8]>)>;

/// Things kept by their place in the site (`bulletin 2026-11-26`), each
/// with the key of its inputs and whether the current render used it. One a
/// place: a thing made again replaces the old one at once, so that the cache
/// never holds two versions of a part of the site.
struct Shelf<T>(Mutex<HashMap<String, Kept<T>>>);

/// A thing on a [`Shelf`].
struct Kept<T> {
    key: blake3::Hash,
    thing: Arc<T>,
    used: bool,
}

impl<T> Default for Shelf<T> {
    fn default() -> Self {
        Shelf(Mutex::default())
    }
}

impl<T> Shelf<T> {
    /// The thing at `place` made from the inputs `key`, counted as used.
    fn get(&self, place: &str, key: &blake3::Hash) -> Option<Arc<T>> {
        lock(&self.0)
            .get_mut(place)
            .filter(|k| k.key == *key)
            .map(|k| {
                k.used = true;
                k.thing.clone()
            })
    }

    fn touch(&self, place: &str) {
        if let Some(k) = lock(&self.0).get_mut(place) {
            k.used = true;
        }
    }

    fn forget(&self, place: &str) {
        lock(&self.0).remove(place);
    }

    fn keep(&self, place: String, key: blake3::Hash, thing: Arc<T>) {
        let used = true;
        lock(&self.0).insert(place, Kept { key, thing, used });
    }

    /// Forgets what was not used since the last sweep.
    fn sweep(&self) {
        lock(&self.0).retain(|_, k| std::mem::take(&mut k.used));
    }
}

/// See the module's documentation.
#[derive(Default)]
pub struct Cache {
    theme: Mutex<Option<(blake3::Hash, Arc<Theme>)>>,
    pages: Mutex<Pages>,
    fragments: Shelf<Fragment>,
    /// Values of a page kept apart (each bulletin's summary in the list of
    /// bulletins), as the fragments are.
    values: Shelf<serde_json::Value>,
    scans: super::links::Scans,
    /// Sets of files made apart from the pages (the data files, the icons
    /// and card image), by name, with the key of their inputs.
    made: Mutex<HashMap<&'static str, (blake3::Hash, Arc<Files>)>>,
    rendered: AtomicUsize,
    reused: AtomicUsize,
}

/// How much of the last render was done again.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub pages_rendered: usize,
    pub pages_reused: usize,
}

impl Cache {
    pub fn new() -> Cache {
        Cache::default()
    }

    /// The pages rendered and reused since the last call.
    pub fn take_counts(&self) -> Counts {
        Counts {
            pages_rendered: self.rendered.swap(0, Ordering::Relaxed),
            pages_reused: self.reused.swap(0, Ordering::Relaxed),
        }
    }

    /// The compiled theme and the hash of its sources: compiled again only
    /// when a file of the theme (or the language) changed.
    pub(super) fn theme(
        &self,
        content_root: &Path,
        theme_files: &[String],
        lang: Lang,
    ) -> Result<(blake3::Hash, Arc<Theme>), String> {
        let mut h = blake3::Hasher::new();
        h.update(lang.code().as_bytes());
        for rel in theme_files {
            h.update(&(rel.len() as u64).to_le_bytes());
            h.update(rel.as_bytes());
            // An unreadable file makes the key unique; theme::load reports it.
            match std::fs::read(content_root.join(rel)) {
                Ok(b) => {
                    h.update(&(b.len() as u64).to_le_bytes());
                    h.update(&b);
                }
                Err(_) => {
                    h.update(b"\xff unreadable");
                }
            }
        }
        let key = h.finalize();
        let mut slot = lock(&self.theme);
        if let Some((k, t)) = slot.as_ref().filter(|(k, _)| *k == key) {
            return Ok((*k, t.clone()));
        }
        let t = Arc::new(theme::load(content_root, theme_files, lang)?);
        *slot = Some((key, t.clone()));
        Ok((key, t))
    }

    /// The HTML of page `file` if it was rendered from the inputs `key`.
    pub(super) fn page(&self, file: &str, key: &blake3::Hash) -> Option<Arc<[u8]>> {
        let hit = lock(&self.pages)
            .get(file)
            .filter(|(k, _)| k == key)
            .map(|(_, b)| b.clone());
        if hit.is_some() {
            self.reused.fetch_add(1, Ordering::Relaxed);
        }
        hit
    }

    /// Keeps the HTML of page `file` rendered from the inputs `key`.
    pub(super) fn keep_page(&self, file: &str, key: blake3::Hash, html: Arc<[u8]>) {
        self.rendered.fetch_add(1, Ordering::Relaxed);
        lock(&self.pages).insert(file.to_string(), (key, html));
    }

    /// The files `name` made from the inputs `key`, if they are the last made.
    pub(super) fn made(&self, name: &str, key: &blake3::Hash) -> Option<Arc<Files>> {
        lock(&self.made)
            .get(name)
            .filter(|(k, _)| k == key)
            .map(|(_, f)| f.clone())
    }

    /// Keeps the files `name` made from the inputs `key`.
    pub(super) fn keep_made(&self, name: &'static str, key: blake3::Hash, files: Files) {
        lock(&self.made).insert(name, (key, Arc::new(files)));
    }

    /// What the link check read from each page.
    pub(super) fn scans(&self) -> &super::links::Scans {
        &self.scans
    }

    /// The fragment at `place` made from the inputs `key`, if one was kept.
    pub(super) fn fragment(&self, place: &str, key: &blake3::Hash) -> Option<Arc<Fragment>> {
        self.fragments.get(place, key)
    }

    /// Forgets the fragment at `place` (it is about to be made again).
    pub(super) fn forget_fragment(&self, place: &str) {
        self.fragments.forget(place);
    }

    /// Keeps the fragment at `place` made from the inputs `key`.
    pub(super) fn keep_fragment(&self, place: String, key: blake3::Hash, f: Fragment) {
        self.fragments.keep(place, key, Arc::new(f));
    }

    /// The value at `place` made from the inputs `key`, if one was kept.
    pub(super) fn value(&self, place: &str, key: &blake3::Hash) -> Option<Arc<serde_json::Value>> {
        self.values.get(place, key)
    }

    /// Counts the value at `place` as used by this render.
    pub(super) fn touch_value(&self, place: &str) {
        self.values.touch(place);
    }

    /// Keeps the value at `place` made from the inputs `key`.
    pub(super) fn keep_value(&self, place: String, key: blake3::Hash, v: Arc<serde_json::Value>) {
        self.values.keep(place, key, v);
    }

    /// Forgets the fragments and values the render since the last sweep did
    /// not use: the cache never holds more than one site's.
    pub(super) fn sweep_fragments(&self) {
        self.fragments.sweep();
        self.values.sweep();
    }

    /// Forgets the pages that are no longer part of the site.
    pub(super) fn retain_pages(&self, files: &HashSet<&str>) {
        lock(&self.pages).retain(|k, _| files.contains(k.as_str()));
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
