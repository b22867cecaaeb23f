//! Diagnostics: the errors and warnings a run reports to the person who keeps
//! the content, each with its file (relative to the content folder), line and
//! column, what is wrong and what would be right.
//!
//! Every stage pushes into one [`Diagnostics`] collector so that all problems
//! of a run are reported together, sorted by file, line and column.

use std::fmt;

/// How serious a diagnostic is: errors stop the build, warnings do not
/// (unless `--deny-warnings`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// A position in a content file: 1-based line and column, columns counting
/// characters of the line as stored (a byte-order mark not counted).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

impl Pos {
    pub const NONE: Pos = Pos { line: 0, col: 0 };
    pub fn new(line: u32, col: u32) -> Pos {
        Pos { line, col }
    }
}

/// One error or warning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the content folder, with `/`; empty for the run as a whole.
    pub file: String,
    /// Where in the file; [`Pos::NONE`] when the problem is the file itself.
    pub pos: Pos,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    /// `progress/2015-08-27.yaml:12:3: unknown commune id ...`, with
    /// `warning: ` before the message of a warning.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.file.is_empty() {
            write!(f, "{}:", self.file)?;
            if self.pos.line > 0 {
                write!(f, "{}:{}:", self.pos.line, self.pos.col)?;
            }
            write!(f, " ")?;
        }
        if self.severity == Severity::Warning {
            write!(f, "warning: ")?;
        }
        write!(f, "{}", self.message)
    }
}

/// The collector every stage reports into.
#[derive(Default, Debug)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Diagnostics {
        Diagnostics::default()
    }

    pub fn error(&mut self, file: &str, pos: Pos, message: impl Into<String>) {
        self.push(Severity::Error, file, pos, message.into());
    }

    pub fn warning(&mut self, file: &str, pos: Pos, message: impl Into<String>) {
        self.push(Severity::Warning, file, pos, message.into());
    }

    fn push(&mut self, severity: Severity, file: &str, pos: Pos, message: String) {
        self.items.push(Diagnostic {
            severity,
            file: file.to_string(),
            pos,
            message,
        });
    }

    /// A collector holding `items`.
    pub fn from_sorted(items: Vec<Diagnostic>) -> Diagnostics {
        Diagnostics { items }
    }

    /// Adds one diagnostic as it is.
    pub fn push_diagnostic(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    /// Turns every warning into an error (`--deny-warnings`).
    pub fn deny_warnings(&mut self) {
        for d in &mut self.items {
            d.severity = Severity::Error;
        }
    }

    /// All diagnostics, sorted by file, line, column, then message; exact
    /// duplicates removed.
    pub fn sorted(&self) -> Vec<Diagnostic> {
        let mut v = self.items.clone();
        v.sort_by(|a, b| {
            (&a.file, a.pos, a.severity, &a.message).cmp(&(&b.file, b.pos, b.severity, &b.message))
        });
        v.dedup();
        v
    }

    /// The report a person reads: one line per diagnostic in the form
    /// `file:line:col: message`, then a count.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for d in self.sorted() {
            out.push_str(&d.to_string());
            out.push('\n');
        }
        let (e, w) = (self.error_count(), self.warning_count());
        if e + w > 0 {
            out.push_str(&format!(
                "{} error{}, {} warning{}\n",
                e,
                if e == 1 { "" } else { "s" },
                w,
                if w == 1 { "" } else { "s" }
            ));
        }
        out
    }
}

/// Quotes a list of allowed values for a message: `'a', 'b' or 'c'`.
pub fn one_of(values: &[&str]) -> String {
    let quoted: Vec<String> = values.iter().map(|v| format!("'{v}'")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        n => format!("{} or {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}
