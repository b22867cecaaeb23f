//! Writing the site atomically: every file goes into a fresh folder beside
//! the output folder, which is then swapped in by renaming. A failed or
//! interrupted build never leaves a half-written site, and the previous
//! output stays exactly as it was until the swap.

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
}

impl Staged {
    /// The staging folder, for steps that add files before the swap (PDFs).
    pub fn path(&self) -> &Path {
        self.dir.as_ref().map(|d| d.path()).unwrap_or(Path::new(""))
    }

    /// Swaps the staged site in: the old output aside, the new one in its
    /// place, the old one removed.
    pub fn commit(mut self) -> Result<(), OutputError> {
        let Some(dir) = self.dir.take() else {
            return Ok(());
        };
        let out_abs = self.output.clone();
        let parent = out_abs
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        let name = out_abs
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| "output".into());
        let staged = dir.keep();
        let old = if out_abs.exists() {
            let aside = parent.join(format!(".{name}.old-{}", std::process::id()));
            let _ = fs::remove_dir_all(&aside);
            if let Err(e) = fs::rename(&out_abs, &aside) {
                let _ = fs::remove_dir_all(&staged);
                return Err(OutputError::Io {
                    path: out_abs,
                    source: e,
                });
            }
            Some(aside)
        } else {
            None
        };
        if let Err(e) = fs::rename(&staged, &out_abs) {
            if let Some(aside) = &old {
                let _ = fs::rename(aside, &out_abs);
            }
            let _ = fs::remove_dir_all(&staged);
            return Err(OutputError::Io {
                path: out_abs,
                source: e,
            });
        }
        if let Some(aside) = old {
            let _ = fs::remove_dir_all(aside);
        }
        Ok(())
    }
}

/// Writes `site` into a staging folder beside `output`.
pub fn stage(output: &Path, site: &SiteFiles) -> Result<Staged, OutputError> {
    let out_abs = absolute(output);
    let parent = out_abs
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    fs::create_dir_all(&parent).map_err(io_err(&parent))?;
    let name = out_abs
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "output".into());
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
    for (rel, src) in &site.files {
        let dest = staging_path.join(rel);
        if let Some(dir) = dest.parent() {
            fs::create_dir_all(dir).map_err(io_err(dir))?;
        }
        match src {
            FileSource::Bytes(b) => fs::write(&dest, b).map_err(io_err(&dest))?,
            FileSource::Copy(from) => {
                fs::copy(from, &dest).map_err(io_err(from))?;
            }
        }
    }
    Ok(Staged {
        dir: Some(staging),
        output: out_abs,
    })
}

/// Writes `site` as the new content of `output`, atomically.
pub fn write_atomically(output: &Path, site: &SiteFiles) -> Result<(), OutputError> {
    stage(output, site)?.commit()
}
