//! Limits on what one content file may make a build hold: sizes, counts and
//! lengths that no real office reaches, so that a broken or hostile file gets
//! a clear error naming the limit and the file instead of taking the memory
//! or the time of the machine. `docs/reliability.md` lists them.

/// Largest YAML or Markdown file read, in bytes (a province's snapshot is
/// tens of kilobytes; the whole country's would be under one megabyte).
pub const MAX_TEXT_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Longest single text value (a name, a title, a summary), in characters.
pub const MAX_TEXT_CHARS: usize = 5_000;

/// Most entries of one list (sponsors, officers, photos, the communes of a
/// story, the criteria of a state).
pub const MAX_LIST_ITEMS: usize = 1_000;

/// Most tags of one news item or page: every tag page lists the item with
/// all its tags, so the site grows with the square of this number.
pub const MAX_TAGS: usize = 50;

/// Diagnostics of one kind (the same message but for the quoted values) in
/// one file that are printed; the others are counted in one line.
pub const MAX_DIAGNOSTICS_PER_KIND: usize = 20;

/// Elements of raw HTML a story may hold open at once (nested `<div>`).
pub const MAX_HTML_NESTING: usize = 100;

/// The English and Vietnamese numbers in messages: `1,000` and `1.000`.
pub fn thousands(n: usize) -> (String, String) {
    let digits = n.to_string();
    let mut groups = Vec::new();
    let bytes = digits.as_bytes();
    let mut end = bytes.len();
    while end > 3 {
        groups.push(&digits[end - 3..end]);
        end -= 3;
    }
    groups.push(&digits[..end]);
    groups.reverse();
    (groups.join(","), groups.join("."))
}
