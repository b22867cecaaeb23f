//! The pipeline, one way: content folder → loaded and validated model →
//! computed report → rendered files → output folder written atomically.

use crate::diag::Diagnostics;
use crate::load::{self, LoadOptions};
use crate::model::Content;
use crate::output::{self, OutputError};
use crate::render::{self, RenderSettings};
use crate::report::{self, Report};
use std::path::{Path, PathBuf};

/// What `build` needs to know.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    pub content: PathBuf,
    pub output: PathBuf,
    /// Overrides `base_url` of `site.yaml`.
    pub base_url: Option<String>,
    pub drafts: bool,
    pub deny_warnings: bool,
}

/// Why a build wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("the content has errors")]
    Content(Diagnostics),
    #[error(transparent)]
    Output(#[from] OutputError),
}

/// A checked content folder with its figures.
pub struct Checked {
    pub content: Content,
    pub report: Report,
    pub diagnostics: Diagnostics,
}

/// Loads, validates and computes; all problems are in the error, or, when
/// there are only warnings, in `diagnostics`.
pub fn check(
    content_root: &Path,
    drafts: bool,
    deny_warnings: bool,
) -> Result<Checked, Diagnostics> {
    let (content, mut diags) = load::load(content_root, LoadOptions { drafts });
    let Some(content) = content else {
        if deny_warnings {
            diags.deny_warnings();
        }
        return Err(diags);
    };
    let report = report::compute(&content);
    diags.extend(report::warnings(&content, &report));
    if deny_warnings {
        diags.deny_warnings();
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(Checked {
        content,
        report,
        diagnostics: diags,
    })
}

/// Builds the site. Nothing is written unless the content is free of errors.
pub fn build(opts: &BuildOptions) -> Result<Checked, BuildError> {
    let mut checked =
        check(&opts.content, opts.drafts, opts.deny_warnings).map_err(BuildError::Content)?;
    output::check_target(&opts.output, &opts.content)?;
    if let Some(url) = &opts.base_url {
        checked.content.site.base_url = url.clone();
    }
    let mut base_url = checked.content.site.base_url.clone();
    if !base_url.ends_with('/') {
        base_url.push('/');
    }
    let settings = RenderSettings { base_url };
    let root = opts
        .content
        .canonicalize()
        .unwrap_or_else(|_| opts.content.clone());
    let site = render::render_site(&root, &checked.content, &checked.report, &settings);
    output::write_atomically(&opts.output, &site)?;
    Ok(checked)
}
