//! Printing pages to PDF with a headless Chromium: the weekly bulletins and
//! the year reviews, for the weekly meeting and the newspapers.
//!
//! Pages are printed from the staging folder of the build (before it is
//! swapped in), so a failed print leaves the previous output intact. The
//! page's own print stylesheet sets A4, margins and the running header and
//! footer (CSS page margin boxes); Chromium's default header is turned off.

use crate::diag::Message;
use crate::tr;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Why a page could not be printed.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error(
        "no Chromium was found on PATH (looked for chromium, chromium-browser, google-chrome); install one (Debian: apt-get install chromium) or name it with --chromium PATH"
    )]
    NoChromium,
    #[error("{browser} is not an executable file")]
    NotExecutable { browser: PathBuf },
    #[error("printing {page} to PDF failed: {detail}")]
    Print { page: String, detail: String },
}

impl PdfError {
    /// What went wrong, in both languages.
    pub fn message(&self) -> Message {
        match self {
            PdfError::NoChromium => tr!(
                "không tìm thấy trình duyệt Chromium trong PATH (đã tìm chromium, chromium-browser, google-chrome); hãy cài một trình duyệt (Debian: apt-get install chromium) hoặc chỉ rõ bằng --chromium ĐƯỜNG_DẪN",
                "no Chromium was found on PATH (looked for chromium, chromium-browser, google-chrome); install one (Debian: apt-get install chromium) or name it with --chromium PATH"
            ),
            PdfError::NotExecutable { browser } => {
                let browser = browser.display();
                tr!(
                    "{browser} không phải là tệp chạy được",
                    "{browser} is not an executable file"
                )
            }
            PdfError::Print { page, detail } => tr!(
                "in {page} ra PDF không được: {detail}",
                "printing {page} to PDF failed: {detail}"
            ),
        }
    }
}

const NAMES: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
];

/// The browser to print with: the one given, or the first found on `PATH`.
pub fn find_chromium(explicit: Option<&Path>) -> Result<PathBuf, PdfError> {
    if let Some(p) = explicit {
        return if p.is_file() {
            Ok(p.to_path_buf())
        } else {
            Err(PdfError::NotExecutable {
                browser: p.to_path_buf(),
            })
        };
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        for name in NAMES {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Ok(candidate);
            }
        }
    }
    Err(PdfError::NoChromium)
}

/// One page to print: the HTML file and the PDF to write, both relative to `root`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintJob {
    pub html: String,
    pub pdf: String,
}

/// Prints every job, two at a time, with `browser`, from files under `root`.
pub fn print_all(browser: &Path, root: &Path, jobs: &[PrintJob]) -> Result<(), PdfError> {
    use rayon::prelude::*;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .map_err(|e| PdfError::Print {
            page: String::new(),
            detail: e.to_string(),
        })?;
    let bar = crate::progress::bar(jobs.len(), crate::tr!("In PDF", "Printing PDF"));
    let r = pool.install(|| {
        jobs.par_iter().try_for_each(|job| {
            let r = print_one(browser, root, job);
            bar.inc(1);
            r
        })
    });
    bar.finish_and_clear();
    r
}

fn print_one(browser: &Path, root: &Path, job: &PrintJob) -> Result<(), PdfError> {
    let fail = |detail: String| PdfError::Print {
        page: job.html.clone(),
        detail,
    };
    let html = root.join(&job.html);
    let pdf = root.join(&job.pdf);
    if let Some(dir) = pdf.parent() {
        std::fs::create_dir_all(dir).map_err(|e| fail(e.to_string()))?;
    }
    let profile = tempfile::tempdir().map_err(|e| fail(e.to_string()))?;
    let url = format!("file://{}", html.display());
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--no-pdf-header-footer",
            "--run-all-compositor-stages-before-draw",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(url)
        .output()
        .map_err(|e| fail(format!("cannot start {}: {e}", browser.display())))?;
    let ok = pdf.metadata().map(|m| m.len() > 0).unwrap_or(false);
    if !ok {
        let stderr = String::from_utf8_lossy(&out.stderr);
        let last: Vec<&str> = stderr.lines().rev().take(3).collect();
        return Err(fail(format!(
            "{} wrote no PDF (exit {:?}): {}",
            browser.display(),
            out.status.code(),
            last.join(" | ")
        )));
    }
    Ok(())
}
