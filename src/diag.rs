//! Diagnostics: the errors and warnings a run reports to the person who keeps
//! the content, each with its file (relative to the content folder), line and
//! column, what is wrong and what would be right.
//!
//! Every stage pushes into one [`Diagnostics`] collector so that all problems
//! of a run are reported together, sorted by file, line and column.

use std::fmt;

/// A language of the program: of the site's pages (its `language`) and of
/// the messages a person reads on the command line (the site's language, or
/// `--lang`). Vietnamese unless English is asked for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// `vi` or `en`; anything else is `None`.
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The site's language: `vi` unless the site says `en`.
    pub fn from_code(code: &str) -> Lang {
        if code.trim().eq_ignore_ascii_case("en") {
            Lang::En
        } else {
            Lang::Vi
        }
    }

    /// `vi` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
}

/// A message in both languages of the command line. Write new messages with
/// [`tr!`](crate::tr): `tr!("không có tệp {f}", "no file {f}")`.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Message {
    pub vi: String,
    pub en: String,
}

impl Message {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Message {
        Message {
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }

    /// Appends `other` to both languages.
    pub fn push(&mut self, other: &Message) {
        self.vi.push_str(&other.vi);
        self.en.push_str(&other.en);
    }

    /// This message followed by `other` (a hint such as `; did you mean 'x'?`).
    pub fn then(mut self, other: Message) -> Message {
        self.push(&other);
        self
    }

    /// The same text in both languages: a name, an id or a number that is
    /// not translated (`ky-anh/ky-thu`, `population`).
    pub fn same(text: impl Into<String>) -> Message {
        let t = text.into();
        Message {
            vi: t.clone(),
            en: t,
        }
    }
}

impl fmt::Display for Message {
    /// The English text (for logs and `Display` of errors).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

/// A [`Message`] from a Vietnamese and an English format string, each with
/// the same arguments: `tr!("xã '{id}' không có", "unknown commune '{id}'")`.
#[macro_export]
macro_rules! tr {
    ($vi:literal, $en:literal $(,)?) => {
        $crate::diag::Message::new(format!($vi), format!($en))
    };
    ($vi:literal, $en:literal, $($arg:tt)+) => {
        $crate::diag::Message::new(format!($vi, $($arg)+), format!($en, $($arg)+))
    };
}

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
    pub message: Message,
    /// For an error naming something that does not exist: what it named, so
    /// that one misnamed file can explain (and stand for) all such errors.
    pub unknown: Option<Unknown>,
}

/// A reference to something that does not exist.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unknown {
    /// A commune id (`ky-anh/ky-thu`) with no `communes/<id>.yaml`.
    Commune(String),
    /// A criteria set id with no `criteria/<id>.yaml`.
    Set(String),
}

impl Diagnostic {
    /// `file:line:col: message` in `lang`, with `warning: ` (`cảnh báo: `)
    /// before the message of a warning.
    pub fn display(&self, lang: Lang) -> String {
        let mut out = String::new();
        if !self.file.is_empty() {
            out.push_str(&self.file);
            out.push(':');
            if self.pos.line > 0 {
                out.push_str(&format!("{}:{}:", self.pos.line, self.pos.col));
            }
            out.push(' ');
        }
        if self.severity == Severity::Warning {
            out.push_str(match lang {
                Lang::Vi => "cảnh báo: ",
                Lang::En => "warning: ",
            });
        }
        out.push_str(self.message.get(lang));
        out
    }
}

impl fmt::Display for Diagnostic {
    /// `progress/2015-08-27.yaml:12:3: unknown commune id ...` in English,
    /// with `warning: ` before the message of a warning.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display(Lang::En))
    }
}

/// The collector every stage reports into. Of the diagnostics of one kind
/// (the same message but for its quoted values) in one file, only the first
/// [`MAX_DIAGNOSTICS_PER_KIND`](crate::limits::MAX_DIAGNOSTICS_PER_KIND) are
/// kept; the others are only counted, so that a file with 600,000 unknown
/// ids gives a short report ("and 599,980 more like ...") in bounded memory.
#[derive(Clone, Default, Debug)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    /// How many diagnostics of each (file, kind) were pushed.
    counts: std::collections::HashMap<(String, String), usize>,
    /// The diagnostics not kept, by file, severity and kind: how many, and
    /// the first of them as an example.
    hidden: std::collections::BTreeMap<(String, Severity, String), (usize, Message)>,
}

/// The kind of a message: its English text up to the hint (`; did you
/// mean ...`) without the quoted values and digits, so that "unknown commune
/// id 'a'" and "... 'b'; did you mean 'c'?" are one kind.
fn kind_of(message: &Message) -> String {
    let mut out = String::with_capacity(message.en.len());
    let mut quoted = false;
    for c in message.en.chars() {
        if c == ';' && !quoted {
            break;
        }
        match c {
            '\'' => {
                quoted = !quoted;
                out.push(c);
            }
            _ if quoted || c.is_ascii_digit() => {}
            _ => out.push(c),
        }
    }
    out
}

impl Diagnostics {
    pub fn new() -> Diagnostics {
        Diagnostics::default()
    }

    pub fn error(&mut self, file: &str, pos: Pos, message: impl Into<Message>) {
        self.push(Severity::Error, file, pos, message.into());
    }

    pub fn warning(&mut self, file: &str, pos: Pos, message: impl Into<Message>) {
        self.push(Severity::Warning, file, pos, message.into());
    }

    /// An error about a reference to something that does not exist.
    pub fn error_unknown(&mut self, file: &str, pos: Pos, message: Message, unknown: Unknown) {
        self.push(Severity::Error, file, pos, message);
        if let Some(d) = self.items.last_mut() {
            d.unknown = Some(unknown);
        }
    }

    fn push(&mut self, severity: Severity, file: &str, pos: Pos, message: Message) {
        self.push_diagnostic(Diagnostic {
            severity,
            file: file.to_string(),
            pos,
            message,
            unknown: None,
        });
    }

    /// Takes out every diagnostic kept, in the order reported, leaving the
    /// counts of those not kept: pushing the taken ones back (changed or
    /// folded) keeps the report's "and N more" lines true.
    pub fn take_items(&mut self) -> Vec<Diagnostic> {
        self.counts.clear();
        std::mem::take(&mut self.items)
    }

    /// A collector holding `items`.
    pub fn from_sorted(items: Vec<Diagnostic>) -> Diagnostics {
        let mut d = Diagnostics::new();
        for item in items {
            d.push_diagnostic(item);
        }
        d
    }

    /// Adds one diagnostic as it is (or counts it, past the limit of its kind).
    pub fn push_diagnostic(&mut self, d: Diagnostic) {
        let kind = kind_of(&d.message);
        let n = self
            .counts
            .entry((d.file.clone(), kind.clone()))
            .or_insert(0);
        *n += 1;
        if *n <= crate::limits::MAX_DIAGNOSTICS_PER_KIND {
            self.items.push(d);
            return;
        }
        self.hidden
            .entry((d.file, d.severity, kind))
            .or_insert_with(|| (0, d.message))
            .0 += 1;
    }

    pub fn extend(&mut self, other: Diagnostics) {
        for d in other.items {
            self.push_diagnostic(d);
        }
        for ((file, severity, kind), (n, example)) in other.hidden {
            *self.counts.entry((file.clone(), kind.clone())).or_insert(0) += n;
            self.hidden
                .entry((file, severity, kind))
                .or_insert_with(|| (0, example))
                .0 += n;
        }
    }

    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
            + self.hidden_count(Severity::Error)
    }

    pub fn warning_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
            + self.hidden_count(Severity::Warning)
    }

    fn hidden_count(&self, severity: Severity) -> usize {
        self.hidden
            .iter()
            .filter(|((_, s, _), _)| *s == severity)
            .map(|(_, (n, _))| n)
            .sum()
    }

    /// Turns every warning into an error (`--deny-warnings`).
    pub fn deny_warnings(&mut self) {
        for d in &mut self.items {
            d.severity = Severity::Error;
        }
        let hidden = std::mem::take(&mut self.hidden);
        for ((file, _, kind), (n, example)) in hidden {
            self.hidden
                .entry((file, Severity::Error, kind))
                .or_insert_with(|| (0, example))
                .0 += n;
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

    /// The report a person reads, in English: one line per diagnostic in
    /// the form `file:line:col: message`, then a count.
    pub fn render(&self) -> String {
        self.render_in(Lang::En)
    }

    /// The report a person reads, in `lang`.
    pub fn render_in(&self, lang: Lang) -> String {
        let mut out = String::new();
        let sorted = self.sorted();
        for (i, d) in sorted.iter().enumerate() {
            out.push_str(&d.display(lang));
            out.push('\n');
            let last_of_file = sorted.get(i + 1).is_none_or(|next| next.file != d.file);
            if last_of_file {
                self.render_hidden(&d.file, lang, &mut out);
            }
        }
        let (e, w) = (self.error_count(), self.warning_count());
        if e + w > 0 {
            out.push_str(&match lang {
                Lang::En => format!(
                    "{} error{}, {} warning{}\n",
                    e,
                    if e == 1 { "" } else { "s" },
                    w,
                    if w == 1 { "" } else { "s" }
                ),
                Lang::Vi => format!("{e} lỗi, {w} cảnh báo\n"),
            });
        }
        out
    }
}

impl Diagnostics {
    /// The lines counting the diagnostics of `file` that were not kept.
    fn render_hidden(&self, file: &str, lang: Lang, out: &mut String) {
        for ((f, severity, _), (n, example)) in &self.hidden {
            if f != file {
                continue;
            }
            let (en_n, vi_n) = crate::limits::thousands(*n);
            let ex = Diagnostic {
                severity: *severity,
                file: String::new(),
                pos: Pos::NONE,
                message: example.clone(),
                unknown: None,
            }
            .display(lang);
            let line = match (lang, severity) {
                (Lang::En, Severity::Error) => {
                    format!("and {en_n} more errors of this kind, such as: {ex}")
                }
                (Lang::En, Severity::Warning) => {
                    format!("and {en_n} more warnings of this kind, such as: {ex}")
                }
                (Lang::Vi, Severity::Error) => {
                    format!("và {vi_n} lỗi cùng loại nữa, ví dụ: {ex}")
                }
                (Lang::Vi, Severity::Warning) => {
                    format!("và {vi_n} cảnh báo cùng loại nữa, ví dụ: {ex}")
                }
            };
            out.push_str(&format!("{file}: {line}\n"));
        }
    }
}

/// Quotes a list of allowed values for a message: `'a', 'b' or 'c'`
/// (`'a', 'b' hoặc 'c'`).
pub fn one_of(values: &[&str]) -> Message {
    let quoted: Vec<String> = values.iter().map(|v| format!("'{v}'")).collect();
    match quoted.len() {
        0 => Message::default(),
        1 => Message::same(quoted[0].clone()),
        n => {
            let (head, last) = (quoted[..n - 1].join(", "), &quoted[n - 1]);
            tr!("{head} hoặc {last}", "{head} or {last}")
        }
    }
}

/// `; did you mean 'x'?` (`; có phải là 'x'?`), the usual hint after an
/// unknown name.
pub fn did_you_mean(candidate: &str) -> Message {
    tr!(
        "; có phải là '{candidate}'?",
        "; did you mean '{candidate}'?"
    )
}
