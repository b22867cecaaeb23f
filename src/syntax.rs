//! Plain words for YAML syntax errors, at the line where the slip is: a tab
//! used for indentation, a key without its `:` (the parser notices it one
//! line low), a quote or a bracket left open, two `:` on one line, a line
//! indented out of step. The parser's own words are kept only as a detail
//! of the last resort.

use crate::diag::{Message, Pos};
use crate::tr;

/// Where and how to report a syntax error that the parser noticed at
/// `at` (1-based line and column) with its `info`.
pub fn explain(text: &str, at: Pos, info: &str) -> (Pos, Message) {
    let lines: Vec<&str> = text.lines().collect();
    let line_count = lines.len() as u32;
    // Lines the parser may have read past: the one it stopped on, and the
    // one after when it stopped at the end of a line.
    let horizon = (at.line + 1).min(line_count.max(1));
    if let Some(found) = tab_indent(&lines, horizon) {
        return found;
    }
    if let Some(found) = open_quote(&lines, at) {
        return found;
    }
    if let Some(found) = open_bracket(&lines, at.line.max(1)) {
        return found;
    }
    let missing_colon_likely = info.contains("could not find expected ':'")
        || info.contains("simple key expect ':'")
        || info.contains("mapping values are not allowed")
        || info.contains("illegal placement of ':'");
    if missing_colon_likely && let Some(found) = missing_colon(&lines, at.line) {
        return found;
    }
    if info.contains("mapping values are not allowed")
        && let Some(found) = two_colons(&lines, at)
    {
        return found;
    }
    if info.contains("mapping values are not allowed")
        || info.contains("did not find expected key")
        || info.contains("did not find expected '-'")
    {
        let n = at.line;
        return (
            Pos::new(n, 1),
            tr!(
                "dòng {n} thụt lề không khớp với các dòng trên: các mục cùng cấp phải thẳng cột với nhau, mục con thụt vào bằng dấu cách so với mục cha",
                "line {n} is indented out of step with the lines above: keys of one level start in the same column, a key's own keys are indented with spaces"
            ),
        );
    }
    let (n, c) = (at.line, at.col);
    (
        at,
        tr!(
            "dòng {n}, cột {c}: tệp viết sai cú pháp YAML ({info}); hãy xem dòng này và dòng ngay trên: dấu ':' sau tên mục, thụt lề bằng dấu cách, dấu nháy và dấu ngoặc phải được đóng",
            "this is not valid YAML: {info}"
        ),
    )
}

/// The first line up to `horizon` whose indentation holds a tab.
fn tab_indent(lines: &[&str], horizon: u32) -> Option<(Pos, Message)> {
    for (i, line) in lines.iter().enumerate().take(horizon as usize) {
        let indent: String = line
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        if let Some(col) = indent.chars().position(|c| c == '\t')
            && indent.len() < line.len()
        {
            let n = i as u32 + 1;
            return Some((
                Pos::new(n, col as u32 + 1),
                tr!(
                    "dòng {n} thụt lề bằng dấu tab; hãy thay bằng dấu cách",
                    "line {n} is indented with a tab; use spaces instead"
                ),
            ));
        }
    }
    None
}

/// Character columns of the structure of one line: each `(col, ch)` outside
/// quotes and comments, plus whether a quote is left open at its end
/// (with the opening quote's column).
struct Scan {
    marks: Vec<(u32, char)>,
    open_quote: Option<(u32, char)>,
}

fn scan(line: &str) -> Scan {
    let mut marks = Vec::new();
    let mut quote: Option<(u32, char)> = None;
    let mut prev = ' ';
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let col = i as u32 + 1;
        match quote {
            Some((_, '\'')) if c == '\'' => {
                if chars.get(i + 1) == Some(&'\'') {
                    i += 1;
                } else {
                    quote = None;
                }
            }
            Some((_, '"')) if c == '\\' => i += 1,
            Some((_, '"')) if c == '"' => quote = None,
            Some(_) => {}
            None => match c {
                '#' if prev == ' ' || prev == '\t' || i == 0 => break,
                '\'' | '"'
                    if matches!(prev, ' ' | '\t' | '[' | '{' | ',' | ':' | '-') || i == 0 =>
                {
                    quote = Some((col, c))
                }
                _ => marks.push((col, c)),
            },
        }
        prev = c;
        i += 1;
    }
    Scan {
        marks,
        open_quote: quote,
    }
}

/// A quote opened on the parser's line (or the line before) and never closed on it.
fn open_quote(lines: &[&str], at: Pos) -> Option<(Pos, Message)> {
    let first = at.line.saturating_sub(1).max(1);
    for n in first..=at.line {
        let line = lines.get(n as usize - 1)?;
        if let Some((col, q)) = scan(line).open_quote {
            return Some((
                Pos::new(n, col),
                tr!(
                    "dòng {n}: dấu nháy {q} mở ở cột {col} chưa được đóng; hãy thêm dấu {q} ở cuối giá trị",
                    "line {n}: the quote {q} opened in column {col} is not closed; add {q} at the end of the value"
                ),
            ));
        }
    }
    None
}

/// A `[` or `{` opened on a line up to `last` and not closed on it (content
/// files write lists and mappings in brackets on one line), or a closing
/// one with nothing open.
fn open_bracket(lines: &[&str], last: u32) -> Option<(Pos, Message)> {
    for (i, line) in lines.iter().enumerate().take(last as usize) {
        let n = i as u32 + 1;
        let mut stack: Vec<(u32, char)> = Vec::new();
        for (col, c) in scan(line).marks {
            match c {
                '[' | '{' => stack.push((col, c)),
                ']' | '}' => {
                    let want = if c == ']' { '[' } else { '{' };
                    match stack.pop() {
                        Some((_, o)) if o == want => {}
                        _ => {
                            return Some((
                                Pos::new(n, col),
                                tr!(
                                    "dòng {n}: dấu {c} ở cột {col} không khớp với dấu ngoặc mở nào; hãy xóa nó hoặc sửa lại cặp ngoặc",
                                    "line {n}: the {c} in column {col} closes no bracket; remove it or mend the pair"
                                ),
                            ));
                        }
                    }
                }
                _ => {}
            }
        }
        if let Some((col, o)) = stack.first().copied() {
            let close = if o == '[' { ']' } else { '}' };
            return Some((
                Pos::new(n, col),
                tr!(
                    "dòng {n}: dấu {o} mở ở cột {col} chưa được đóng; hãy thêm dấu {close} ở cuối dòng",
                    "line {n}: the {o} opened in column {col} is not closed; add {close} at the end of the line"
                ),
            ));
        }
    }
    None
}

/// Whether a line's structure has a key's `:` (followed by a space or the
/// end of the line), outside brackets.
fn has_key_colon(line: &str) -> bool {
    let marks = scan(line).marks;
    let chars: Vec<char> = line.chars().collect();
    let mut depth = 0i32;
    for (col, c) in marks {
        match c {
            '[' | '{' => depth += 1,
            ']' | '}' => depth -= 1,
            ':' if depth == 0 => {
                let next = chars.get(col as usize).copied();
                if next.is_none_or(|n| n == ' ' || n == '\t') {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// The line at or above `line` written as `key value` without the `:`.
fn missing_colon(lines: &[&str], line: u32) -> Option<(Pos, Message)> {
    let start = (line as usize).min(lines.len());
    for i in (0..start).rev() {
        let raw = lines[i];
        let trimmed = raw.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with("---") {
            continue;
        }
        if has_key_colon(raw) {
            if i + 1 == line as usize {
                continue; // the parser's own line is fine: look above it
            }
            return None;
        }
        let item = trimmed.strip_prefix("- ").unwrap_or(trimmed);
        if trimmed.starts_with("- ") && !item.contains(' ') {
            return None; // a plain list item
        }
        let indent = raw.chars().count() - trimmed.chars().count();
        let lead = raw.chars().count() - item.chars().count();
        let key: String = item.chars().take_while(|c| !c.is_whitespace()).collect();
        let rest = item[key.len()..].trim();
        let n = i as u32 + 1;
        let col = (lead + key.chars().count()) as u32 + 1;
        let fixed = if rest.is_empty() {
            format!("{key}:")
        } else {
            format!("{key}: {rest}")
        };
        let _ = indent;
        return Some((
            Pos::new(n, col),
            tr!(
                "dòng {n} thiếu dấu ':' sau '{key}'; hãy viết '{fixed}'",
                "line {n} lacks the ':' after '{key}'; write '{fixed}'"
            ),
        ));
    }
    None
}

/// A line with two `key: value` colons: the value needs quotes.
fn two_colons(lines: &[&str], at: Pos) -> Option<(Pos, Message)> {
    let n = at.line;
    let line = lines.get(n as usize - 1)?;
    let (key, value) = line.trim_start().split_once(": ")?;
    if !value.contains(": ") {
        return None;
    }
    let key = key.trim_start_matches("- ");
    let value = value.trim();
    Some((
        at,
        tr!(
            "dòng {n} có hai dấu ':'; nếu giá trị có dấu ':', hãy đặt giá trị trong dấu nháy: {key}: \"{value}\"",
            "line {n} has two ':'; a value holding ': ' needs quotes: {key}: \"{value}\""
        ),
    ))
}
