//! Watching the content folder (the theme's overrides are in it, under
//! `theme/`) with notify, and debouncing: the changes are gathered until the
//! folder has been quiet for [`QUIET`], so that an editor's save (write a
//! temporary file, rename it over the old one) or a copy of many files gives
//! one build, never a build of a half-written file. Hidden, lock and backup
//! files (`.x.swp`, `.~lock.x#`, `~$x.xlsx`, `x~`) never start a build: the
//! loader skips them too.

use notify::{EventKind, RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// How long the folder must be quiet before a build.
pub const QUIET: Duration = Duration::from_millis(100);
/// The longest a build waits for the folder to be quiet.
const AT_MOST: Duration = Duration::from_secs(2);

/// A watch over one content folder.
pub struct Watch {
    root: PathBuf,
    /// Folders whose changes are ours (the serve folder, the photo cache).
    ignored: Vec<PathBuf>,
    rx: Receiver<notify::Result<notify::Event>>,
    _watcher: notify::RecommendedWatcher,
}

impl Watch {
    /// Watches `root` (canonical) recursively; changes under `ignored` are
    /// left out.
    pub fn new(root: &Path, ignored: Vec<PathBuf>) -> notify::Result<Watch> {
        let (tx, rx) = channel();
        let mut watcher = notify::recommended_watcher(tx)?;
        watcher.watch(root, RecursiveMode::Recursive)?;
        Ok(Watch {
            root: root.to_path_buf(),
            ignored,
            rx,
            _watcher: watcher,
        })
    }

    /// Waits for the next change of the content, then for the folder to be
    /// quiet; returns the changed paths relative to the content folder.
    /// `None` when the watch has ended.
    pub fn next(&self) -> Option<Vec<String>> {
        loop {
            let first = self.rx.recv().ok()?;
            let mut changed = BTreeSet::new();
            self.collect(first, &mut changed);
            let start = Instant::now();
            loop {
                match self.rx.recv_timeout(QUIET) {
                    Ok(ev) => self.collect(ev, &mut changed),
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return None,
                }
                if start.elapsed() > AT_MOST {
                    break;
                }
            }
            if !changed.is_empty() {
                return Some(changed.into_iter().collect());
            }
        }
    }

    fn collect(&self, ev: notify::Result<notify::Event>, into: &mut BTreeSet<String>) {
        let Ok(ev) = ev else {
            // An overflowing or failing watch: build everything again.
            into.insert(String::new());
            return;
        };
        if matches!(ev.kind, EventKind::Access(_)) && !is_close_write(&ev.kind) {
            return;
        }
        for p in &ev.paths {
            if self.ignored.iter().any(|i| p.starts_with(i)) {
                continue;
            }
            if let Some(rel) = relevant(&self.root, p) {
                into.insert(rel);
            }
        }
    }
}

fn is_close_write(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Access(notify::event::AccessKind::Close(
            notify::event::AccessMode::Write
        ))
    )
}

/// `path` relative to `root` with `/`, unless it is outside, or a hidden,
/// lock or backup file (or inside such a folder).
pub fn relevant(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let mut parts = Vec::new();
    for c in rel.components() {
        let name = c.as_os_str().to_string_lossy();
        if crate::load::files::is_skipped_name(&name) || name.ends_with(".swp") {
            return None;
        }
        parts.push(name.to_string());
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::relevant;
    use std::path::Path;

    #[test]
    fn temporary_and_lock_files_start_no_build() {
        let root = Path::new("/c");
        for p in [
            "/c/progress/.2016-10-20.yaml.swp",
            "/c/progress/~$bang.xlsx",
            "/c/progress/.~lock.bang.xlsx#",
            "/c/news/a.md~",
            "/c/.git/index",
            "/elsewhere/x.yaml",
        ] {
            assert_eq!(relevant(root, Path::new(p)), None, "{p}");
        }
        assert_eq!(
            relevant(root, Path::new("/c/progress/2016-10-20.yaml")).as_deref(),
            Some("progress/2016-10-20.yaml")
        );
    }
}
