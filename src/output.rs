//! Writing the site atomically: every file goes into a fresh folder beside
//! the output folder, which is then swapped in by renaming. A failed or
//! interrupted build never leaves a half-written site, and the previous
//! output stays exactly as it was until the swap.
//!
//! - One build at a time writes an output folder: a build takes an exclusive
//!   lock on the folder holding it (`flock` on Unix, released by the system
//!   when the process ends, even killed) before staging, and a second build
//!   waits for it.
//! - Holding the lock, a build removes what killed builds left beside the
//!   output (`.<name>.new-*` staging folders, `.<name>.old-*` folders); when
//!   the output itself is missing because a build was killed between the two
//!   renames of the fallback below, the old site is first put back.
//! - On Linux the swap is one step: `renameat2` with `RENAME_EXCHANGE`
//!   exchanges the staged folder and the output, so that at every moment the
//!   output is either the whole old site or the whole new one. Where that is
//!   not available (another system, or a file system that refuses it), the
//!   fallback is two renames (output aside, staged folder in), with the
//!   window between them repaired by the next build as said above.

use crate::diag::Message;
use crate::render::{FileSource, SiteFiles};
use crate::tr;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// A file inside every output folder, so that a later build knows the folder
/// is its own to replace (and refuses to wipe anything else).
pub const MARKER: &str = ".ntm-site-output";

/// Why the output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error(
        "the output folder {path} is not empty and was not written by ntm-site; choose another folder or empty it"
    )]
    Foreign { path: PathBuf },
    #[error("the output folder {output} must not contain the content folder or lie inside it")]
    Overlaps { output: PathBuf },
    #[error("cannot write {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{}", .0.en)]
    Refused(Message),
}

impl OutputError {
    /// What went wrong, in both languages.
    pub fn message(&self) -> Message {
        match self {
            OutputError::Foreign { path } => {
                let path = path.display();
                tr!(
                    "thư mục đầu ra {path} có sẵn tệp không do ntm-site tạo ra; hãy chọn thư mục khác hoặc làm trống thư mục này",
                    "the output folder {path} is not empty and was not written by ntm-site; choose another folder or empty it"
                )
            }
            OutputError::Overlaps { output } => {
                let output = output.display();
                tr!(
                    "thư mục đầu ra {output} không được chứa thư mục nội dung hoặc nằm bên trong nó",
                    "the output folder {output} must not contain the content folder or lie inside it"
                )
            }
            OutputError::Io { path, source } => {
                let path = path.display();
                tr!(
                    "không ghi được {path}: {source}",
                    "cannot write {path}: {source}"
                )
            }
            OutputError::Refused(message) => message.clone(),
        }
    }
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn absolute(p: &Path) -> PathBuf {
    if let Ok(c) = p.canonicalize() {
        return c;
    }
    match (p.parent(), p.file_name()) {
        (Some(parent), Some(name)) if !parent.as_os_str().is_empty() => absolute(parent).join(name),
        _ => std::env::current_dir()
            .map(|d| d.join(p))
            .unwrap_or_else(|_| p.to_path_buf()),
    }
}

/// Checks that the output folder may be replaced: it does not overlap the
/// content folder, and it is absent, empty, or an earlier build's output.
pub fn check_target(output: &Path, content_root: &Path) -> Result<(), OutputError> {
    let out_abs = absolute(output);
    let content_abs = absolute(content_root);
    if content_abs.starts_with(&out_abs) || out_abs.starts_with(&content_abs) {
        return Err(OutputError::Overlaps { output: out_abs });
    }
    if output.exists() {
        let mut entries = fs::read_dir(output).map_err(io_err(output))?;
        let empty = entries.next().is_none();
        if !empty && !output.join(MARKER).is_file() {
            return Err(OutputError::Foreign {
                path: output.to_path_buf(),
            });
        }
    }
    Ok(())
}

/// A fully written site in a staging folder beside the output, not yet
/// swapped in. Dropping it without [`Staged::commit`] removes the staging
/// folder and leaves the output as it was.
pub struct Staged {
    dir: Option<tempfile::TempDir>,
    output: PathBuf,
    _lock: OutputLock,
}

impl Staged {
    /// The staging folder, for steps that add files before the swap (PDFs).
    pub fn path(&self) -> &Path {
        self.dir.as_ref().map(|d| d.path()).unwrap_or(Path::new(""))
    }

    /// Swaps the staged site in (in one step where the platform allows),
    /// then removes the old one.
    pub fn commit(mut self) -> Result<(), OutputError> {
        let Some(dir) = self.dir.take() else {
            return Ok(());
        };
        let out_abs = self.output.clone();
        let (parent, name) = parent_and_name(&out_abs);
        let staged = dir.keep();
        let aside = parent.join(format!(".{name}.old-{}", std::process::id()));
        let fail = |e: io::Error, staged: &Path| {
            let _ = fs::remove_dir_all(staged);
            swap_error(&out_abs, e)
        };
        if out_abs.exists() {
            match exchange(&staged, &out_abs) {
                Ok(()) => {
                    // `staged` now holds the old site.
                    if fs::rename(&staged, &aside).is_ok() {
                        remove_tree(&aside);
                    } else {
                        remove_tree(&staged);
                    }
                    return Ok(());
                }
                Err(e) if !exchange_unsupported(&e) => return Err(fail(e, &staged)),
                Err(_) => {}
            }
            // The fallback: two renames.
            let _ = fs::remove_dir_all(&aside);
            if let Err(e) = fs::rename(&out_abs, &aside) {
                return Err(fail(e, &staged));
            }
            if let Err(e) = fs::rename(&staged, &out_abs) {
                let _ = fs::rename(&aside, &out_abs);
                return Err(fail(e, &staged));
            }
            remove_tree(&aside);
            return Ok(());
        }
        if let Err(e) = fs::rename(&staged, &out_abs) {
            return Err(fail(e, &staged));
        }
        Ok(())
    }
}

/// Removes folder `dir` and everything in it, its sub-folders on every core
/// (a national site's old output is some 100,000 files: a second on one
/// core). Links are removed, never followed. What cannot be removed is
/// left, as `remove_dir_all` would leave it: the new site is in place.
fn remove_tree(dir: &Path) {
    use rayon::prelude::*;
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let entries: Vec<fs::DirEntry> = entries.flatten().collect();
    entries.par_iter().for_each(|e| {
        if e.file_type().is_ok_and(|t| t.is_dir()) {
            remove_tree(&e.path());
        } else {
            let _ = fs::remove_file(e.path());
        }
    });
    let _ = fs::remove_dir(dir);
}

/// The folder holding `output` and the output's own name.
fn parent_and_name(out_abs: &Path) -> (PathBuf, String) {
    let parent = out_abs
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let name = out_abs
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "output".into());
    (parent, name)
}

/// The error of a failed swap, with a hint when the output folder is a
/// mount point (which cannot be renamed: "Device or resource busy").
fn swap_error(out_abs: &Path, e: io::Error) -> OutputError {
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::EBUSY) {
        let out = out_abs.display();
        return OutputError::Refused(tr!(
            "không thay được thư mục đầu ra {out}: nó đang bận, có lẽ là một điểm gắn kết (ổ đĩa hay thư mục chia sẻ gắn vào đó); hãy xuất vào một thư mục bên trong nó, ví dụ --output {out}/site",
            "cannot replace the output folder {out}: it is busy, probably a mount point (a disk or a shared folder mounted there); build into a folder inside it, such as --output {out}/site"
        ));
    }
    OutputError::Io {
        path: out_abs.to_path_buf(),
        source: e,
    }
}

/// Exchanges two folders in one step (Linux `renameat2(RENAME_EXCHANGE)`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let ca = CString::new(a.as_os_str().as_bytes()).map_err(io::Error::other)?;
    let cb = CString::new(b.as_os_str().as_bytes()).map_err(io::Error::other)?;
    // SAFETY: both paths are valid NUL-terminated strings that outlive the
    // call; the system call reads them and touches no other memory.
    let r = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// Whether the exchange is not available here (old kernel, file system
/// without it, another system): then the two-rename fallback is used.
fn exchange_unsupported(e: &io::Error) -> bool {
    #[cfg(target_os = "linux")]
    if matches!(
        e.raw_os_error(),
        Some(libc::EINVAL | libc::ENOSYS | libc::ENOTSUP)
    ) {
        return true;
    }
    e.kind() == io::ErrorKind::Unsupported
}

/// The lock on an output folder, held from staging to the swap.
struct OutputLock {
    _file: Option<fs::File>,
}

/// Takes the exclusive lock on the folder holding the output (no lock file
/// is left behind; builds into other folders of the same parent wait too,
/// which costs only the swap), waiting for another build that holds it.
fn lock(parent: &Path) -> Result<OutputLock, OutputError> {
    #[cfg(unix)]
    {
        let file = fs::File::open(parent).map_err(io_err(parent))?;
        file.lock().map_err(io_err(parent))?;
        Ok(OutputLock { _file: Some(file) })
    }
    #[cfg(not(unix))]
    {
        // A folder cannot be opened as a file here: no lock.
        let _ = parent;
        Ok(OutputLock { _file: None })
    }
}

/// Removes what killed builds left beside the output (the lock is held, so
/// no other build is using them); puts the old site back first when a build
/// was killed between the two renames of the fallback.
fn clean_leftovers(parent: &Path, name: &str, out_abs: &Path) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let new_prefix = format!(".{name}.new-");
    let old_prefix = format!(".{name}.old-");
    let mut olds = Vec::new();
    for e in entries.flatten() {
        let n = e.file_name().to_string_lossy().to_string();
        let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
        if is_dir && n.starts_with(&new_prefix) {
            let _ = fs::remove_dir_all(e.path());
        } else if is_dir && n.starts_with(&old_prefix) {
            olds.push(e.path());
        }
    }
    if !out_abs.exists()
        && let Some(i) = olds.iter().position(|o| o.join(MARKER).is_file())
    {
        let old = olds.swap_remove(i);
        let _ = fs::rename(&old, out_abs);
    }
    for old in olds {
        let _ = fs::remove_dir_all(old);
    }
}

/// Writes `site` into a staging folder beside `output`.
pub fn stage(output: &Path, site: &SiteFiles) -> Result<Staged, OutputError> {
    let out_abs = absolute(output);
    let (parent, name) = parent_and_name(&out_abs);
    fs::create_dir_all(&parent).map_err(io_err(&parent))?;
    let lock = lock(&parent)?;
    clean_leftovers(&parent, &name, &out_abs);
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{name}.new-"))
        .tempdir_in(&parent)
        .map_err(io_err(&parent))?;
    let staging_path = staging.path().to_path_buf();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = fs::set_permissions(&staging_path, fs::Permissions::from_mode(0o755));
    }
    fs::write(
        staging_path.join(MARKER),
        b"written by ntm-site; this folder is replaced on every build\n",
    )
    .map_err(io_err(&staging_path))?;
    // The folders first, each once, then the files in parallel.
    let dirs: std::collections::BTreeSet<&str> = site
        .files
        .keys()
        .filter_map(|rel| rel.rsplit_once('/').map(|(dir, _)| dir))
        .collect();
    for dir in dirs {
        let dir = staging_path.join(dir);
        fs::create_dir_all(&dir).map_err(io_err(&dir))?;
    }
    use rayon::prelude::*;
    site.files
        .par_iter()
        .try_for_each(|(rel, src)| -> Result<(), OutputError> {
            let dest = staging_path.join(rel);
            match src {
                FileSource::Bytes(b) => fs::write(&dest, b).map_err(io_err(&dest))?,
                FileSource::Copy(from) => {
                    fs::copy(from, &dest).map_err(io_err(from))?;
                }
            }
            Ok(())
        })?;
    Ok(Staged {
        dir: Some(staging),
        output: out_abs,
        _lock: lock,
    })
}

/// Refuses a photo cache inside the content folder (it would be read as
/// content, or published from `static/`) or inside the output folder (the
/// build would write into the old site before knowing it succeeds).
pub fn check_cache(cache: &Path, content_root: &Path, output: &Path) -> Result<(), OutputError> {
    let cache_abs = absolute(cache);
    for (folder, vi, en) in [
        (content_root, "thư mục nội dung", "the content folder"),
        (output, "thư mục đầu ra", "the output folder"),
    ] {
        let folder_abs = absolute(folder);
        if cache_abs.starts_with(&folder_abs) || folder_abs.starts_with(&cache_abs) {
            let (c, f) = (cache.display(), folder.display());
            return Err(OutputError::Refused(tr!(
                "--cache {c} nằm trong {vi} {f} (hoặc chứa nó); hãy chọn một thư mục ở ngoài, ví dụ bên cạnh thư mục đầu ra",
                "--cache {c} is inside {en} {f} (or contains it); choose a folder outside it, such as one beside the output folder"
            )));
        }
    }
    Ok(())
}

/// Writes `site` as the new content of `output`, atomically.
pub fn write_atomically(output: &Path, site: &SiteFiles) -> Result<(), OutputError> {
    stage(output, site)?.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_busy_output_folder_gets_the_mount_point_hint() {
        let e = swap_error(
            Path::new("/srv/site"),
            io::Error::from_raw_os_error(libc::EBUSY),
        );
        let text = e.to_string();
        assert!(text.contains("probably a mount point"), "{text}");
        assert!(text.contains("--output /srv/site/site"), "{text}");
        let other = swap_error(
            Path::new("/srv/site"),
            io::Error::from_raw_os_error(libc::EACCES),
        );
        assert!(!other.to_string().contains("mount point"));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_swap_exchanges_in_one_step() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        fs::create_dir(&a).unwrap();
        fs::create_dir(&b).unwrap();
        fs::write(a.join("f"), "a").unwrap();
        fs::write(b.join("f"), "b").unwrap();
        match exchange(&a, &b) {
            Ok(()) => {
                assert_eq!(fs::read(a.join("f")).unwrap(), b"b");
                assert_eq!(fs::read(b.join("f")).unwrap(), b"a");
            }
            // A file system without the exchange: the fallback is used.
            Err(e) => assert!(exchange_unsupported(&e), "{e}"),
        }
    }
}
