//! The incremental builder behind `serve`: the same stages as `build`
//! ([`crate::build::check_cached`], [`crate::build::render_checked`]) with
//! the caches switched on, and a writer that puts into the serve folder only
//! the files whose bytes changed (each by write-then-rename, so that a page
//! being served is always whole). A failed build writes nothing: the last
//! good site stays in the folder.

use crate::build::{self, BuildError, BuildOptions, Caches};
use crate::diag::{Diagnostics, Lang, Pos};
use crate::render::{FileSource, PdfSelection, SiteFiles};
use crate::tr;
use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

/// What a session builds, and where.
#[derive(Clone, Debug)]
pub struct SessionOptions {
    /// The content folder.
    pub content: PathBuf,
    /// The folder the site is written into: serve's own, never `output/`.
    pub dir: PathBuf,
    /// The photo pipeline's options (its cache is shared with `build`).
    pub images: crate::imageproc::Options,
    pub drafts: bool,
}

/// What one build did.
#[derive(Debug)]
pub enum Outcome {
    Built {
        took: Duration,
        /// Files written or removed in the serve folder.
        changed: usize,
        /// Warnings of the content.
        diagnostics: Diagnostics,
        /// Content files read (not taken from the cache).
        files_read: usize,
        pages_rendered: usize,
        pages_reused: usize,
        charts_drawn: usize,
        charts_reused: usize,
        /// The time of each stage (for `serve -v`).
        stats: Box<build::BuildStats>,
    },
    Failed {
        took: Duration,
        diagnostics: Diagnostics,
    },
}

/// The version of a file written into the serve folder.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Written {
    Bytes(blake3::Hash),
    Copy(PathBuf, u64, Option<SystemTime>),
}

/// A file written, with its bytes when they are shared with the caches.
type Kept = (Written, Option<Arc<[u8]>>);

/// See the module's documentation.
pub struct Session {
    opts: SessionOptions,
    caches: Caches,
    /// Each file written, with its bytes when they are shared with the
    /// caches (see [`Session::write`]).
    written: HashMap<String, Kept>,
    lang: Lang,
    title: String,
}

impl Session {
    /// A session writing into `opts.dir`, which is emptied first when it
    /// holds an earlier site (and refused when it holds anything else).
    pub fn new(opts: SessionOptions) -> Result<Session, crate::output::OutputError> {
        crate::output::check_target(&opts.dir, &opts.content)?;
        if opts.dir.exists() {
            fs::remove_dir_all(&opts.dir).map_err(|source| crate::output::OutputError::Io {
                path: opts.dir.clone(),
                source,
            })?;
        }
        fs::create_dir_all(&opts.dir).map_err(|source| crate::output::OutputError::Io {
            path: opts.dir.clone(),
            source,
        })?;
        crate::charts::memo::enable();
        Ok(Session {
            opts,
            caches: Caches::default(),
            written: HashMap::new(),
            lang: Lang::Vi,
            title: String::new(),
        })
    }

    /// The language of the site's messages (of the last good build).
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The site's title (of the last good build).
    pub fn title(&self) -> &str {
        &self.title
    }

    pub fn dir(&self) -> &Path {
        &self.opts.dir
    }

    /// Builds again. `changed` are the paths (relative to the content folder,
    /// with `/`) the watcher saw change: their parsed forms are dropped. Files
    /// not named are still read again when their size, time or inode changed.
    pub fn rebuild(&mut self, changed: &[String]) -> Outcome {
        let start = Instant::now();
        for rel in changed {
            self.caches.load.forget(rel);
        }
        let _ = self.caches.load.take_reads();
        let _ = self.caches.render.take_counts();
        let _ = crate::charts::memo::take_counts();
        let failed = |diagnostics| Outcome::Failed {
            took: start.elapsed(),
            diagnostics,
        };
        let opts = BuildOptions {
            content: self.opts.content.clone(),
            output: self.opts.dir.clone(),
            base_url: None,
            drafts: self.opts.drafts,
            deny_warnings: false,
            pdf: None,
        };
        let mut checked =
            match build::check_cached(&opts.content, opts.drafts, false, Some(&self.caches.load)) {
                Ok(c) => c,
                Err(d) => return failed(d),
            };
        let files_read = self.caches.load.take_reads();
        let site = match build::render_checked(
            &opts,
            &mut checked,
            &self.opts.images,
            PdfSelection::default(),
            Some(&self.caches.render),
        ) {
            Ok(site) => site,
            Err(BuildError::Content(d)) => return failed(d),
            Err(e) => {
                let mut d = Diagnostics::new();
                let e = e.to_string();
                d.error(
                    "",
                    Pos::NONE,
                    tr!(
                        "không dựng được trang web: {e}",
                        "the site cannot be built: {e}"
                    ),
                );
                return failed(d);
            }
        };
        self.lang = Lang::parse(&checked.content.site.language).unwrap_or_default();
        self.title = checked.content.site.title.clone();
        let clock = Instant::now();
        let changed = match self.write(&site) {
            Ok(n) => n,
            Err(e) => {
                let mut d = Diagnostics::new();
                let path = self.opts.dir.display();
                d.error(
                    "",
                    Pos::NONE,
                    tr!(
                        "không ghi được vào thư mục xem thử {path}: {e}",
                        "cannot write into the preview folder {path}: {e}"
                    ),
                );
                return failed(d);
            }
        };
        checked.stats.stage_times[build::STAGE_WRITE] = clock.elapsed();
        crate::charts::memo::sweep();
        let counts = self.caches.render.take_counts();
        let (charts_drawn, charts_reused) = crate::charts::memo::take_counts();
        Outcome::Built {
            took: start.elapsed(),
            changed,
            diagnostics: checked.diagnostics,
            files_read,
            pages_rendered: counts.pages_rendered,
            pages_reused: counts.pages_reused,
            charts_drawn,
            charts_reused,
            stats: Box::new(checked.stats),
        }
    }

    /// Writes the files whose bytes changed, removes those no longer in the
    /// site; returns how many it wrote or removed.
    fn write(&mut self, site: &SiteFiles) -> io::Result<usize> {
        let dir = self.opts.dir.clone();
        let mut n = 0;
        let marker = crate::output::MARKER;
        if !self.written.contains_key(marker) {
            let bytes = b"written by ntm-site; this folder is replaced on every build\n";
            put(&dir, marker, bytes)?;
            self.written
                .insert(marker.into(), (Written::Bytes(blake3::hash(bytes)), None));
        }
        for (rel, src) in &site.files {
            // The same shared bytes as last time (a page or chart the caches
            // handed over): unchanged, without hashing them again.
            if let (FileSource::Bytes(b), Some((_, Some(last)))) = (src, self.written.get(rel))
                && Arc::ptr_eq(b, last)
            {
                continue;
            }
            let version = match src {
                FileSource::Bytes(b) => Written::Bytes(blake3::hash(b)),
                FileSource::Copy(from) => {
                    let m = fs::metadata(from)?;
                    Written::Copy(from.clone(), m.len(), m.modified().ok())
                }
            };
            let shared = match src {
                FileSource::Bytes(b) => Some(b.clone()),
                FileSource::Copy(_) => None,
            };
            if self.written.get(rel).map(|(v, _)| v) == Some(&version) {
                self.written.insert(rel.clone(), (version, shared));
                continue;
            }
            match src {
                FileSource::Bytes(b) => put(&dir, rel, b)?,
                FileSource::Copy(from) => put(&dir, rel, &fs::read(from)?)?,
            }
            self.written.insert(rel.clone(), (version, shared));
            n += 1;
        }
        let gone: Vec<String> = self
            .written
            .keys()
            .filter(|k| k.as_str() != marker && !site.files.contains_key(*k))
            .cloned()
            .collect();
        for rel in gone {
            self.written.remove(&rel);
            let path = dir.join(&rel);
            match fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
            // Empty folders go too, as a full build would not make them.
            let mut parent = path.parent();
            while let Some(p) = parent.filter(|p| *p != dir) {
                if fs::remove_dir(p).is_err() {
                    break;
                }
                parent = p.parent();
            }
            n += 1;
        }
        Ok(n)
    }
}

/// Writes `bytes` at `rel` under `dir` through a temporary file and a rename.
fn put(dir: &Path, rel: &str, bytes: &[u8]) -> io::Result<()> {
    let dest = dir.join(rel);
    let parent = dest.parent().unwrap_or(dir);
    fs::create_dir_all(parent)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".ntm-serve-")
        .tempfile_in(parent)?;
    io::Write::write_all(&mut tmp, bytes)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = tmp
            .as_file()
            .set_permissions(fs::Permissions::from_mode(0o644));
    }
    tmp.persist(&dest).map_err(|e| e.error)?;
    Ok(())
}
