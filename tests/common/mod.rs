//! Test fixtures: small content folders written into temporary directories.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// A content folder under construction in a temporary directory.
pub struct Fixture {
    pub dir: tempfile::TempDir,
}

pub const SITE: &str = "title: Tỉnh Thử\norganization: Văn phòng Điều phối NTM tỉnh Thử\nbase_url: https://example.org/\n";

/// A set of five criteria valid in 2015, and one of six from 2016.
pub const OLD_SET: &str = "name: Bộ cũ\nvalid_from: 2015-01-01\nvalid_until: 2015-12-31\ncriteria:\n  - {number: 1, name: Quy hoạch}\n  - {number: 2, name: Giao thông}\n  - {number: 3, name: Thủy lợi}\n  - {number: 4, name: Điện}\n  - {number: 5, name: Trường học}\n";
pub const NEW_SET: &str = "name: Bộ mới\nvalid_from: 2016-01-01\ncriteria:\n  - {number: 1, name: Quy hoạch}\n  - {number: 2, name: Giao thông}\n  - {number: 3, name: Thủy lợi}\n  - {number: 4, name: Điện}\n  - {number: 5, name: Trường học}\n  - {number: 6, name: Y tế}\n";

impl Fixture {
    /// An empty folder.
    pub fn empty() -> Fixture {
        Fixture {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// A folder with site.yaml and the two sets.
    pub fn new() -> Fixture {
        Fixture::empty()
            .file("site.yaml", SITE)
            .file("criteria/old.yaml", OLD_SET)
            .file("criteria/new.yaml", NEW_SET)
    }

    pub fn root(&self) -> PathBuf {
        self.dir.path().join("content")
    }

    pub fn file(self, rel: &str, text: &str) -> Fixture {
        self.bytes(rel, text.as_bytes())
    }

    pub fn bytes(self, rel: &str, bytes: &[u8]) -> Fixture {
        let p = self.root().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
        self
    }

    pub fn remove(self, rel: &str) -> Fixture {
        let _ = std::fs::remove_file(self.root().join(rel));
        self
    }

    pub fn check(&self) -> Result<ntm_site::build::Checked, ntm_site::diag::Diagnostics> {
        ntm_site::build::check(&self.root(), false, false)
    }

    /// The rendered diagnostics of a check (errors, or warnings on success).
    pub fn messages(&self) -> String {
        self.messages_in(ntm_site::diag::Lang::En)
    }

    /// The same in Vietnamese, as a clerk reads them.
    pub fn messages_vi(&self) -> String {
        self.messages_in(ntm_site::diag::Lang::Vi)
    }

    pub fn messages_in(&self, lang: ntm_site::diag::Lang) -> String {
        match self.check() {
            Ok(c) => c.diagnostics.render_in(lang),
            Err(d) => d.render_in(lang),
        }
    }

    /// Builds into `<tmp>/output` and returns that path.
    pub fn build(&self) -> Result<PathBuf, ntm_site::build::BuildError> {
        let out = self.dir.path().join("output");
        self.build_into(&out).map(|_| out)
    }

    pub fn build_into(&self, out: &Path) -> Result<(), ntm_site::build::BuildError> {
        let opts = ntm_site::build::BuildOptions {
            content: self.root(),
            output: out.to_path_buf(),
            base_url: None,
            drafts: false,
            deny_warnings: false,
            pdf: None,
        };
        // The charts' PNGs are tested where they are tested (site_figures):
        // drawing them in every fixture build would take minutes in debug.
        let mut images = ntm_site::imageproc::Options::beside(out);
        images.chart_pngs = false;
        ntm_site::build::build_with(&opts, &images).map(|_| ())
    }
}

/// Reads a CSV data file as rows of cells (BOM removed, CRLF split).
pub fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let text = text.strip_prefix('\u{feff}').unwrap();
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    r.records()
        .map(|rec| rec.unwrap().iter().map(|s| s.to_string()).collect())
        .collect()
}

/// The worked example of the content format v1.1 (`tests/fixtures/example`:
/// its content and the data files its build must write).
pub fn example_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/example")
}

/// The worked example of the content format v1.2 (`tests/fixtures/example-2026`).
pub fn example_2026_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/example-2026")
}

/// A copy of the worked example of 2026's content folder at `dir/content`
/// (for the commands that write into it: `import`, `new snapshot`).
pub fn example_2026_copy(dir: &Path) -> PathBuf {
    let src = example_2026_dir().join("content");
    let dst = dir.join("content");
    for e in walkdir::WalkDir::new(&src) {
        let e = e.unwrap();
        let to = dst.join(e.path().strip_prefix(&src).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(e.path(), &to).unwrap();
        }
    }
    dst
}
