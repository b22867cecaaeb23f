//! `ntm-site`: a static-site report generator for Vietnam's New Rural
//! Development programme (Nông thôn mới).
//!
//! Data flows one way, one module per stage:
//!
//! 1. [`load`] reads the content folder (YAML and Markdown, see
//!    `content-format.md`) into the validated [`model`], reporting every
//!    problem through [`diag`] with its file, line and column
//!    ([`yaml`] keeps positions, [`fields`] reads typed values, [`text`]
//!    handles Vietnamese text, [`date`] the calendar);
//! 2. [`report`] computes every figure as plain data with pure functions;
//! 3. [`render`] turns model and report into the files of the site;
//! 4. [`output`] writes them atomically ([`pdf`] prints bulletins and year
//!    reviews with a headless Chromium before the swap).
//!
//! [`build`] runs the pipeline; [`serve`] runs it again on every change of
//! the content, with caches, for a live preview; [`sets`] holds the national
//! criteria sets bundled with the program. The office's week: [`scaffold`]
//! (`new`), [`sheet`] (`import`, `export-sheet`), [`progress`] (bars and the
//! build's summary); [`sample`] writes generated content of any size for
//! benchmarks.

/// The version of the content format this program implements
/// (`docs/content-format.md`); `ntm-site --version` names it.
pub const CONTENT_FORMAT_VERSION: &str = "1.2";

pub mod build;
pub mod charts;
pub mod cli_help;
pub mod console;
pub mod date;
pub mod diag;
pub mod fields;
pub mod forms;
pub mod hints;
pub mod imageproc;
pub mod limits;
pub mod load;
pub mod model;
pub mod output;
pub mod pdf;
pub mod progress;
pub mod render;
pub mod report;
pub mod sample;
pub mod scaffold;
pub mod serve;
pub mod sets;
pub mod sheet;
pub mod syntax;
pub mod text;
pub mod yaml;
