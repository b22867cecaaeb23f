//! The loader's optional cache (used by `serve`): each source file's parsed
//! form with its diagnostics, kept between loads and read again only when the
//! file changed (its size, modification time or inode differ, or the watcher
//! said so with [`Cache::forget`]). A load with the cache gives exactly what a
//! load without it gives: only the reading and parsing of a file is kept,
//! and each weekly snapshot as read from its parse, under a key of the
//! communes and sets its reading looks up (see [`Cache::snapshot`]).

use crate::diag::Diagnostics;
use crate::model::Snapshot;
use crate::yaml::Node;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

/// What identifies one version of a file without reading it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    inode: u64,
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        let m = std::fs::metadata(path).ok()?;
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(&m);
        #[cfg(not(unix))]
        let inode = 0;
        Some(Stamp {
            len: m.len(),
            modified: m.modified().ok(),
            inode,
        })
    }
}

struct Slot<T> {
    stamp: Stamp,
    value: T,
    diags: Diagnostics,
}

type Map<T> = Mutex<HashMap<String, Slot<T>>>;

/// A snapshot as read from one parse of its file, with the key of the
/// communes and sets it was read against.
struct SnapshotSlot {
    node: Arc<Node>,
    refs: blake3::Hash,
    value: Option<Snapshot>,
    diags: Diagnostics,
}

/// Parsed files by path relative to the content folder.
#[derive(Default)]
pub struct Cache {
    yaml: Map<Option<Arc<Node>>>,
    snapshots: Mutex<HashMap<String, SnapshotSlot>>,
    docs: Map<Option<(Node, super::docs::Body)>>,
    text: Map<Option<String>>,
    /// How many files were read (not taken from the cache) since the last
    /// [`Cache::take_reads`].
    reads: Mutex<usize>,
}

impl Cache {
    pub fn new() -> Cache {
        Cache::default()
    }

    /// Forgets `rel` (a path relative to the content folder, with `/`), or
    /// everything under it when it is a folder (everything for `""`).
    pub fn forget(&self, rel: &str) {
        if rel.is_empty() {
            return self.clear();
        }
        let under = format!("{}/", rel.trim_end_matches('/'));
        let keep = |k: &String| k != rel && !k.starts_with(&under);
        lock(&self.yaml).retain(|k, _| keep(k));
        lock(&self.snapshots).retain(|k, _| keep(k));
        lock(&self.docs).retain(|k, _| keep(k));
        lock(&self.text).retain(|k, _| keep(k));
    }

    /// Forgets every file.
    pub fn clear(&self) {
        lock(&self.yaml).clear();
        lock(&self.snapshots).clear();
        lock(&self.docs).clear();
        lock(&self.text).clear();
    }

    /// Keeps only the files in `present` (after a scan), so that the cache
    /// never holds more than the content folder.
    pub fn retain(&self, present: &HashSet<&str>) {
        lock(&self.yaml).retain(|k, _| present.contains(k.as_str()));
        lock(&self.snapshots).retain(|k, _| present.contains(k.as_str()));
        lock(&self.docs).retain(|k, _| present.contains(k.as_str()));
        lock(&self.text).retain(|k, _| present.contains(k.as_str()));
    }

    /// The number of files read since the last call.
    pub fn take_reads(&self) -> usize {
        std::mem::take(&mut *lock(&self.reads))
    }

    pub(super) fn yaml(
        &self,
        root: &Path,
        rel: &str,
        diags: &mut Diagnostics,
        read: impl FnOnce(&mut Diagnostics) -> Option<Node>,
    ) -> Option<Arc<Node>> {
        self.get(&self.yaml, root, rel, diags, |d| read(d).map(Arc::new))
    }

    /// The snapshot `rel` read from `node` (its file's parse) against the
    /// communes and sets whose key is `refs`: kept from the last load when
    /// both are the same, else read by `read` and kept.
    pub(super) fn snapshot(
        &self,
        rel: &str,
        node: &Arc<Node>,
        refs: blake3::Hash,
        diags: &mut Diagnostics,
        read: impl FnOnce(&mut Diagnostics) -> Option<Snapshot>,
    ) -> Option<Snapshot> {
        if let Some(slot) = lock(&self.snapshots)
            .get(rel)
            .filter(|s| Arc::ptr_eq(&s.node, node) && s.refs == refs)
        {
            diags.extend(slot.diags.clone());
            return slot.value.clone();
        }
        let mut own = Diagnostics::new();
        let value = read(&mut own);
        diags.extend(own.clone());
        lock(&self.snapshots).insert(
            rel.to_string(),
            SnapshotSlot {
                node: node.clone(),
                refs,
                value: value.clone(),
                diags: own,
            },
        );
        value
    }

    pub(super) fn doc(
        &self,
        root: &Path,
        rel: &str,
        diags: &mut Diagnostics,
        read: impl FnOnce(&mut Diagnostics) -> Option<(Node, super::docs::Body)>,
    ) -> Option<(Node, super::docs::Body)> {
        self.get(&self.docs, root, rel, diags, read)
    }

    pub(super) fn text(
        &self,
        root: &Path,
        rel: &str,
        diags: &mut Diagnostics,
        read: impl FnOnce(&mut Diagnostics) -> Option<String>,
    ) -> Option<String> {
        self.get(&self.text, root, rel, diags, read)
    }

    fn get<T: Clone>(
        &self,
        map: &Map<T>,
        root: &Path,
        rel: &str,
        diags: &mut Diagnostics,
        read: impl FnOnce(&mut Diagnostics) -> T,
    ) -> T {
        let stamp = Stamp::of(&root.join(rel));
        if let Some(stamp) = stamp
            && let Some(slot) = lock(map).get(rel).filter(|s| s.stamp == stamp)
        {
            diags.extend(slot.diags.clone());
            return slot.value.clone();
        }
        *lock(&self.reads) += 1;
        let mut own = Diagnostics::new();
        let value = read(&mut own);
        diags.extend(own.clone());
        match stamp {
            // A file that changed while it was read is read again next time.
            Some(stamp) if Stamp::of(&root.join(rel)) == Some(stamp) => {
                lock(map).insert(
                    rel.to_string(),
                    Slot {
                        stamp,
                        value: value.clone(),
                        diags: own,
                    },
                );
            }
            _ => {
                lock(map).remove(rel);
            }
        }
        value
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
