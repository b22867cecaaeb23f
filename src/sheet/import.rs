//! `ntm-site import FILE`: a weekly table (communes as rows, criteria as
//! columns) becomes `progress/<date>.yaml`.
//!
//! Real sheets are messy, so the reader looks for its parts instead of
//! expecting them in place: the header row is the row that names the most
//! criteria (by number, "TC1", "Tiêu chí 1", or by name); title rows above
//! it give the date; communes are matched by code or by name with
//! Vietnamese folding and never guessed; a row whose criterion cells are all
//! blank did not report; a totals row is skipped. A workbook written by
//! `export-sheet` carries each row's commune id and pre-filled state in
//! hidden columns, and a row of it counts as a report only when it differs
//! from that state or its report-date cell is filled.

use super::read::{Table, Workbook, col_name};
use crate::date::Date;
use crate::diag::Message;
use crate::model::{CommuneIx, Content, CriteriaSet, Met, SetIx};
use crate::report::timeline::Timeline;
use crate::text::fold;
use crate::tr;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Header of the hidden column holding the commune ids (export-sheet).
pub const ID_HEADER: &str = "ntm-site:id";
/// Header of the hidden column holding the pre-filled state (export-sheet).
pub const STATE_HEADER: &str = "ntm-site:state";

/// What a column of the table holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Criterion(usize),
    /// v1.2: an indicator, by its flat position in the set.
    Indicator(usize),
    Name,
    Code,
    District,
    ReportDate,
    Id,
    State,
}

/// One commune that reported.
#[derive(Clone, Debug)]
pub struct Reported {
    pub commune: CommuneIx,
    /// The criteria met, made whole ([`CriteriaSet::complete`]).
    pub met: Met,
    /// v1.2: the indicators met (flat positions), made whole likewise.
    pub indicators: Met,
    /// `sheet, row` (1-based row) for messages.
    pub at: (String, usize),
}

/// A row that matched no commune, or several.
#[derive(Clone, Debug)]
pub struct Unmatched {
    pub at: (String, usize),
    pub text: String,
    pub candidates: Vec<CommuneIx>,
    pub several: bool,
}

/// What the table says, before anything is written.
#[derive(Clone, Debug)]
pub struct Plan {
    pub date: Date,
    pub set: SetIx,
    pub reported: Vec<Reported>,
    /// Rows of communes whose criterion cells are all blank, or (in an
    /// exported workbook) unchanged and without a report date.
    pub not_reported: usize,
    pub totals_rows: usize,
    pub unmatched: Vec<Unmatched>,
    /// Problems that stop the import whatever the options (unknown cell
    /// values, a commune on two rows, no header).
    pub errors: Vec<Message>,
    /// Things worth saying that stop nothing.
    pub notes: Vec<Message>,
}

fn at_text(at: &(String, usize)) -> Message {
    let (s, r) = (&at.0, at.1);
    tr!("trang '{s}', dòng {r}", "sheet '{s}', row {r}")
}

/// What a cell of a criterion column says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellValue {
    Met,
    NotMet,
    Blank,
    /// Anything else: an error naming the cell.
    Unknown,
}

/// Reads a cell of a criterion column.
pub fn cell_value(text: &str) -> CellValue {
    let t = text.trim();
    if t.is_empty() {
        return CellValue::Blank;
    }
    let f = fold(t);
    let f = f.trim_end_matches('.').trim();
    match f {
        "x" | "dat" | "1" | "✓" | "✔" | "☑" | "co" | "v" | "yes" | "true" => CellValue::Met,
        "0" | "-" | "–" | "—" | "chua dat" | "chua" | "khong" | "khong dat" | "k" | "no"
        | "false" | "✗" | "✘" => CellValue::NotMet,
        _ => CellValue::Unknown,
    }
}

/// What a column's header names.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Head {
    Criterion(usize),
    /// An indicator id as written in the header (`2.1`, `17.10`).
    Indicator(String),
}

/// The folded names of a set's criteria and indicators, for headers that
/// name them in words.
fn head_names(set: &CriteriaSet) -> Vec<(String, Head)> {
    let mut out = Vec::new();
    for c in &set.criteria {
        out.push((fold(&c.name), Head::Criterion(c.number)));
        for x in &c.indicators {
            out.push((fold(&x.name), Head::Indicator(x.id.clone())));
        }
    }
    out
}

/// What a header names: a criterion by number (`1`, `TC1`, `TC 1`, `Tiêu
/// chí 1`, `Tiêu chí số 1`, `1. Quy hoạch`), an indicator by id (`2.1`,
/// `CT 2.1`, `Chỉ tiêu 2.1`, `2.1. Đường xã`), or either by name.
fn header_criterion(text: &str, names: &[(String, Head)]) -> Option<Head> {
    let f = fold(text);
    let f = f.trim();
    if f.is_empty() {
        return None;
    }
    let mut rest = f;
    let mut indicator_word = false;
    for (p, ind) in [
        ("tieu chi so", false),
        ("tieu chi", false),
        ("chi tieu so", true),
        ("chi tieu", true),
        ("tc so", false),
        ("tc.", false),
        ("tc", false),
        ("ct so", true),
        ("ct.", true),
        ("ct", true),
        ("so", false),
    ] {
        if let Some(r) = rest.strip_prefix(p) {
            rest = r.trim_start_matches([' ', '.', ':', '-']);
            indicator_word = ind;
            break;
        }
    }
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() && digits.len() <= 3 {
        let after = &rest[digits.len()..];
        let n: usize = digits.parse().ok()?;
        if let Some(k) = after.strip_prefix('.')
            && k.starts_with(|c: char| c.is_ascii_digit())
        {
            let k: String = k.chars().take_while(|c| c.is_ascii_digit()).collect();
            if k.len() <= 3 {
                return Some(Head::Indicator(format!("{n}.{k}")));
            }
            return None;
        }
        let ok_end = after.is_empty() || after.starts_with(['.', ' ', ':', ')', '-', ',']);
        if n >= 1
            && !indicator_word
            && ok_end
            && (rest.len() != f.len()
                || after.trim().is_empty()
                || after.starts_with(['.', ' ', ':', '-']))
        {
            return Some(Head::Criterion(n));
        }
    }
    // By name: the header is the name (folded), maybe with more words; the
    // longest name found wins.
    let padded = format!(" {} ", f.replace(['.', ',', '(', ')', ':', '-'], " "));
    let mut best: Option<(&Head, usize)> = None;
    for (name, head) in names {
        if name.is_empty() {
            continue;
        }
        if f == name.as_str() {
            return Some(head.clone());
        }
        if padded.contains(&format!(" {name} ")) && best.is_none_or(|(_, l)| name.len() > l) {
            best = Some((head, name.len()));
        }
    }
    best.map(|(h, _)| h.clone())
}

/// The role of a non-criterion header.
fn header_role(text: &str) -> Option<Role> {
    let t = text.trim();
    if t == ID_HEADER {
        return Some(Role::Id);
    }
    if t == STATE_HEADER {
        return Some(Role::State);
    }
    let f = fold(t);
    let f = f.trim();
    if f.is_empty() {
        return None;
    }
    if f.contains("ngay bao cao") || f == "ngay" {
        return Some(Role::ReportDate);
    }
    if f.starts_with("ma") && !f.starts_with("mau") {
        return Some(Role::Code);
    }
    if f.contains("huyen") || f.starts_with("thi xa") || f.starts_with("thanh pho") {
        return Some(Role::District);
    }
    if f.contains("ten") || f.starts_with("xa") || f.contains("don vi") || f.starts_with("phuong") {
        return Some(Role::Name);
    }
    None
}

/// A row that is a title (at most one distinct text, as a merged title fills
/// its whole width).
fn is_title_row(row: &[String]) -> bool {
    let mut seen: Option<&str> = None;
    for c in row.iter().filter(|c| !c.is_empty()) {
        match seen {
            None => seen = Some(c),
            Some(s) if s == c => {}
            Some(_) => return false,
        }
    }
    true
}

/// The reporting date written in a title: the last full date in it
/// (`27/8/2015`, `27.08.2015`, `2015-08-27`, `ngày 27 tháng 8 năm 2015`).
pub fn title_date(text: &str) -> Option<Date> {
    let f = fold(text);
    let mut found = None;
    // Runs of digits and separators.
    let mut run = String::new();
    let mut runs = Vec::new();
    for c in f.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || matches!(c, '/' | '.' | '-') {
            run.push(c);
        } else if !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
    }
    for r in runs {
        let groups: Vec<&str> = r.split(['/', '.', '-']).filter(|g| !g.is_empty()).collect();
        if groups.len() < 3 {
            continue;
        }
        let n = groups.len();
        let num = |s: &str| s.parse::<i64>().ok();
        let d = if groups[n - 1].len() == 4 {
            let (d, m, y) = (num(groups[n - 3]), num(groups[n - 2]), num(groups[n - 1]));
            d.zip(m)
                .zip(y)
                .and_then(|((d, m), y)| Date::new(y as i32, m as u8, d as u8))
        } else if groups[0].len() == 4 {
            let (y, m, d) = (num(groups[0]), num(groups[1]), num(groups[2]));
            d.zip(m)
                .zip(y)
                .and_then(|((d, m), y)| Date::new(y as i32, m as u8, d as u8))
        } else {
            None
        };
        if d.is_some() {
            found = d;
        }
    }
    let words: Vec<&str> = f.split_whitespace().collect();
    for w in words.windows(6) {
        if w[0] == "ngay" && w[2] == "thang" && w[4] == "nam" {
            let p = |s: &str| s.trim_matches(',').parse::<i64>().ok();
            if let (Some(d), Some(m), Some(y)) = (p(w[1]), p(w[3]), p(w[5]))
                && let Some(x) = Date::new(y as i32, m as u8, d as u8)
            {
                found = Some(x);
            }
        }
    }
    found.filter(|d| (1990..=2100).contains(&d.year()))
}

/// The header row of a sheet: the one naming the most distinct criteria and
/// indicators.
fn find_header(t: &Table, names: &[(String, Head)]) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (r, row) in t.rows.iter().enumerate().take(30) {
        let mut nums: Vec<Head> = row
            .iter()
            .filter_map(|c| header_criterion(c, names))
            .collect();
        nums.sort();
        nums.dedup();
        // On a tie the lower row wins: names above, numbers below.
        if nums.len() >= 2 && best.is_none_or(|(_, n)| nums.len() >= n) {
            best = Some((r, nums.len()));
        }
    }
    best.map(|(r, _)| r)
}

/// Folded commune name without its kind word.
fn bare_name(text: &str) -> String {
    let f = fold(text);
    let mut f = f.trim().to_string();
    for p in ["xa ", "phuong ", "thi tran ", "tt. ", "tt.", "tt "] {
        if let Some(r) = f.strip_prefix(p) {
            f = r.trim().to_string();
            break;
        }
    }
    f
}

/// Folded group name without its kind word.
fn bare_group(text: &str) -> String {
    let f = fold(text);
    let mut f = f.trim().to_string();
    for p in [
        "huyen ",
        "thi xa ",
        "thanh pho ",
        "tx. ",
        "tx ",
        "tp. ",
        "tp ",
    ] {
        if let Some(r) = f.strip_prefix(p) {
            f = r.trim().to_string();
            break;
        }
    }
    f
}

/// What a name cell leads to.
enum Found {
    One(CommuneIx),
    None(Vec<CommuneIx>),
    Several(Vec<CommuneIx>),
}

/// Index of the communes by folded name, and of the groups.
struct Names<'a> {
    content: &'a Content,
    by_name: BTreeMap<String, Vec<CommuneIx>>,
}

impl<'a> Names<'a> {
    fn new(content: &'a Content) -> Names<'a> {
        let mut by_name: BTreeMap<String, Vec<CommuneIx>> = BTreeMap::new();
        for (i, c) in content.communes.iter().enumerate() {
            by_name.entry(bare_name(&c.name)).or_default().push(i);
        }
        Names { content, by_name }
    }

    /// The groups whose folded name (or id) is `hint`.
    fn groups(&self, hint: &str) -> Vec<usize> {
        let h = bare_group(hint);
        if h.is_empty() {
            return Vec::new();
        }
        (0..self.content.groups.len())
            .filter(|&g| {
                let gr = &self.content.groups[g];
                bare_group(&gr.name) == h || gr.id == hint.trim()
            })
            .collect()
    }

    fn in_any(&self, c: CommuneIx, groups: &[usize]) -> bool {
        groups.iter().any(|&g| self.content.commune_in_group(c, g))
    }

    fn by_code(&self, code: &str) -> Option<CommuneIx> {
        let want = code.trim().trim_start_matches('0');
        if want.is_empty() {
            return None;
        }
        let hits: Vec<CommuneIx> = (0..self.content.communes.len())
            .filter(|&i| {
                self.content.communes[i]
                    .code
                    .as_deref()
                    .is_some_and(|c| c.trim().trim_start_matches('0') == want)
            })
            .collect();
        if hits.len() == 1 { Some(hits[0]) } else { None }
    }

    /// Finds the commune a name cell names, with the district hints of the
    /// row (district column, heading row, sheet name).
    fn find(&self, text: &str, hints: &[&str]) -> Found {
        let text = text.trim();
        if let Some(i) = self.content.commune_by_id(text) {
            return Found::One(i);
        }
        // "Thụy Lôi (Kim Bảng)", "Thụy Lôi - Kim Bảng", "Thụy Lôi, Kim Bảng".
        let mut name = text.to_string();
        let mut own_hints: Vec<String> = Vec::new();
        if let Some(open) = name.find('(')
            && let Some(close) = name[open..].find(')')
        {
            own_hints.push(name[open + 1..open + close].to_string());
            name = format!("{} {}", &name[..open], &name[open + close + 1..]);
        }
        for sep in [" - ", " – ", ","] {
            if let Some((a, b)) = name.split_once(sep)
                && !self.groups(b).is_empty()
            {
                own_hints.push(b.to_string());
                name = a.to_string();
            }
        }
        let key = bare_name(&name);
        let mut hits: Vec<CommuneIx> = self.by_name.get(&key).cloned().unwrap_or_default();
        if hits.is_empty() {
            // The district may be written before the name: "Kim Bảng Thụy Lôi".
            return Found::None(self.closest(&key));
        }
        if hits.len() > 1 {
            // The same letters with the same marks decide first.
            let exact = crate::text::nfc(&name).to_lowercase();
            let exact_key = exact
                .trim()
                .trim_start_matches("xã ")
                .trim_start_matches("phường ")
                .trim_start_matches("thị trấn ")
                .trim()
                .to_string();
            let same: Vec<CommuneIx> = hits
                .iter()
                .copied()
                .filter(|&c| self.content.communes[c].name.to_lowercase() == exact_key)
                .collect();
            if !same.is_empty() {
                hits = same;
            }
        }
        if hits.len() > 1 {
            for h in own_hints
                .iter()
                .map(String::as_str)
                .chain(hints.iter().copied())
            {
                let gs = self.groups(h);
                if gs.is_empty() {
                    continue;
                }
                let within: Vec<CommuneIx> = hits
                    .iter()
                    .copied()
                    .filter(|&c| self.in_any(c, &gs))
                    .collect();
                if !within.is_empty() {
                    hits = within;
                    break;
                }
            }
        } else if let Some(h) = own_hints.first() {
            // A district written with the name must be the commune's.
            let gs = self.groups(h);
            if !gs.is_empty() && !self.in_any(hits[0], &gs) {
                return Found::None(hits);
            }
        }
        match hits.len() {
            1 => Found::One(hits[0]),
            _ => Found::Several(hits),
        }
    }

    /// Up to three communes with the closest folded names.
    fn closest(&self, key: &str) -> Vec<CommuneIx> {
        let mut scored: Vec<(usize, CommuneIx)> = self
            .by_name
            .iter()
            .flat_map(|(n, cs)| {
                let d = strsim::levenshtein(key, n);
                cs.iter().map(move |&c| (d, c))
            })
            .filter(|(d, _)| *d <= (key.chars().count() / 2).max(2))
            .collect();
        scored.sort();
        scored.into_iter().take(3).map(|(_, c)| c).collect()
    }
}

/// The set a snapshot of `date` uses: the latest snapshot's while in force,
/// else the one set in force, else the latest snapshot's.
pub fn set_for(content: &Content, date: Date) -> Result<SetIx, Message> {
    let last = content
        .snapshots
        .iter()
        .rev()
        .find(|s| s.date <= date)
        .map(|s| s.set);
    if let Some(s) = last
        && content.sets[s].in_force(date)
    {
        return Ok(s);
    }
    let in_force: Vec<SetIx> = (0..content.sets.len())
        .filter(|&i| content.sets[i].in_force(date))
        .collect();
    match (in_force.as_slice(), last) {
        ([one], _) => Ok(*one),
        (_, Some(s)) => Ok(s),
        ([], None) => Err(tr!(
            "không có bộ tiêu chí nào có hiệu lực vào ngày {date}; hãy kiểm tra ngày báo cáo",
            "no criteria set is in force on {date}; check the reporting date"
        )),
        (several, None) => {
            let ids: Vec<&str> = several
                .iter()
                .map(|&i| content.sets[i].id.as_str())
                .collect();
            let ids = ids.join(", ");
            Err(tr!(
                "nhiều bộ tiêu chí có hiệu lực vào ngày {date} ({ids})",
                "several criteria sets are in force on {date} ({ids})"
            ))
        }
    }
}

/// Reads the workbook against the content: what would be written.
pub fn plan(content: &Content, wb: &Workbook, date: Option<Date>) -> Result<Plan, Message> {
    // Header detection first uses the names of every set.
    let all_names: Vec<(String, Head)> = content.sets.iter().flat_map(head_names).collect();
    let headers: Vec<Option<usize>> = wb
        .sheets
        .iter()
        .map(|t| find_header(t, &all_names))
        .collect();
    let date = match date {
        Some(d) => d,
        None => {
            let mut found = None;
            for (t, h) in wb.sheets.iter().zip(&headers) {
                let Some(h) = h else { continue };
                for row in &t.rows[..*h] {
                    for c in row {
                        if let Some(d) = title_date(c) {
                            found = Some(d);
                        }
                    }
                }
                if found.is_some() {
                    break;
                }
            }
            found.ok_or_else(|| {
                tr!(
                    "không thấy ngày báo cáo trong tiêu đề bảng tính; hãy cho ngày: --date YYYY-MM-DD",
                    "no reporting date in the sheet's title; give it: --date YYYY-MM-DD"
                )
            })?
        }
    };
    let set = set_for(content, date)?;
    let names = head_names(&content.sets[set]);
    let index = Names::new(content);
    let mut plan = Plan {
        date,
        set,
        reported: Vec::new(),
        not_reported: 0,
        totals_rows: 0,
        unmatched: Vec::new(),
        errors: Vec::new(),
        notes: Vec::new(),
    };
    let mut any_header = false;
    let mut seen: BTreeMap<CommuneIx, (String, usize)> = BTreeMap::new();
    for t in &wb.sheets {
        let Some(h) = find_header(t, &names) else {
            if t.rows.iter().any(|r| r.iter().any(|c| !c.is_empty())) {
                let s = &t.name;
                plan.notes.push(tr!(
                    "trang '{s}' không có dòng tiêu đề ghi các tiêu chí; bỏ qua trang này",
                    "the sheet '{s}' has no header row naming the criteria; skipped"
                ));
            }
            continue;
        };
        any_header = true;
        read_sheet(
            t,
            h,
            &names,
            &content.sets[set],
            &index,
            &mut plan,
            &mut seen,
        );
    }
    if !any_header {
        return Err(tr!(
            "không thấy dòng tiêu đề nào ghi các tiêu chí (TC1, Tiêu chí 1, 1, hoặc tên tiêu chí)",
            "no header row naming the criteria (TC1, Tiêu chí 1, 1, or the criteria's names)"
        ));
    }
    plan.reported.sort_by_key(|r| r.commune);
    Ok(plan)
}

fn read_sheet(
    t: &Table,
    h: usize,
    names: &[(String, Head)],
    set: &CriteriaSet,
    index: &Names,
    plan: &mut Plan,
    seen: &mut BTreeMap<CommuneIx, (String, usize)>,
) {
    let width = t.width();
    let mut roles: Vec<Option<Role>> = vec![None; width];
    for (col, role) in roles.iter_mut().enumerate() {
        match header_criterion(t.cell(h, col), names) {
            Some(Head::Criterion(n)) if n <= set.len() => {
                *role = Some(Role::Criterion(n));
                continue;
            }
            Some(Head::Criterion(n)) => {
                let (s, c) = (&t.name, col_name(col));
                plan.notes.push(tr!(
                    "trang '{s}', cột {c}: bộ tiêu chí không có tiêu chí {n}; bỏ qua cột này",
                    "sheet '{s}', column {c}: the criteria set has no criterion {n}; column skipped"
                ));
                continue;
            }
            Some(Head::Indicator(id)) => {
                if let Some(p) = set.indicator_position(&id) {
                    *role = Some(Role::Indicator(p));
                    continue;
                }
                let (s, c, set_id) = (&t.name, col_name(col), &set.id);
                plan.errors.push(if set.has_indicators() {
                    let ids: Vec<&str> = set
                        .criteria
                        .iter()
                        .flat_map(|c| c.indicators.iter().map(|x| x.id.as_str()))
                        .collect();
                    let near = ids
                        .iter()
                        .min_by_key(|x| strsim::levenshtein(x, &id))
                        .copied()
                        .unwrap_or("");
                    tr!(
                        "trang '{s}', cột {c}: bộ tiêu chí {set_id} không có chỉ tiêu '{id}' (gần nhất: {near}); hãy sửa tiêu đề cột",
                        "sheet '{s}', column {c}: the criteria set {set_id} has no indicator '{id}' (closest: {near}); correct the column's header"
                    )
                } else {
                    tr!(
                        "trang '{s}', cột {c}: bộ tiêu chí {set_id} không chia tiêu chí thành chỉ tiêu, nên không đọc được cột '{id}'; hãy ghi theo tiêu chí (TC1, TC2...)",
                        "sheet '{s}', column {c}: the criteria set {set_id} has no indicators, so column '{id}' cannot be read; report by criterion (TC1, TC2...)"
                    )
                });
                continue;
            }
            None => {}
        }
        for r in (h.saturating_sub(2)..=h).rev() {
            if r < h && is_title_row(&t.rows[r]) {
                break;
            }
            if let Some(x) = header_role(t.cell(r, col)) {
                *role = Some(x);
                break;
            }
        }
    }
    let crit_cols: Vec<(usize, usize)> = roles
        .iter()
        .enumerate()
        .filter_map(|(c, r)| match r {
            Some(Role::Criterion(n)) => Some((c, *n)),
            _ => None,
        })
        .collect();
    {
        let mut nums: Vec<usize> = crit_cols.iter().map(|x| x.1).collect();
        nums.sort();
        for w in nums.windows(2) {
            if w[0] == w[1] {
                let (s, n) = (&t.name, w[0]);
                plan.errors.push(tr!(
                    "trang '{s}': tiêu chí {n} có hai cột",
                    "sheet '{s}': criterion {n} has two columns"
                ));
            }
        }
    }
    let ind_cols: Vec<(usize, usize)> = roles
        .iter()
        .enumerate()
        .filter_map(|(c, r)| match r {
            Some(Role::Indicator(p)) => Some((c, *p)),
            _ => None,
        })
        .collect();
    indicator_columns(t, set, &ind_cols, &mut roles, plan);
    let crit_cols: Vec<(usize, usize)> = crit_cols
        .into_iter()
        .filter(|(c, _)| roles[*c].is_some())
        .collect();
    // One column per role: the first.
    let first = |want: Role| roles.iter().position(|r| *r == Some(want));
    let first_crit = crit_cols
        .iter()
        .chain(&ind_cols)
        .map(|x| x.0)
        .min()
        .unwrap_or(0);
    let name_col = first(Role::Name).or_else(|| {
        // The text column left of the criteria.
        (0..first_crit).rev().find(|&c| {
            t.rows[h + 1..]
                .iter()
                .filter_map(|r| r.get(c))
                .any(|v| !v.is_empty() && v.parse::<f64>().is_err())
        })
    });
    let code_col = first(Role::Code);
    let district_col = first(Role::District);
    let date_col = first(Role::ReportDate);
    let id_col = first(Role::Id);
    let state_col = first(Role::State);
    let sheet_hint = t.name.clone();
    let mut heading: Option<String> = None;
    for r in h + 1..t.rows.len() {
        let at = (t.name.clone(), r + 1);
        let name = name_col.map(|c| t.cell(r, c)).unwrap_or("");
        let code = code_col.map(|c| t.cell(r, c)).unwrap_or("");
        let id = id_col.map(|c| t.cell(r, c)).unwrap_or("");
        if name.is_empty() && code.is_empty() && id.is_empty() {
            continue;
        }
        // Column numbering under the header: "(1) (2) (3)".
        if name.trim_matches(['(', ')']).parse::<u32>().is_ok() && index.by_code(name).is_none() {
            continue;
        }
        let folded = fold(name);
        if ["tong", "cong", "toan tinh", "toan huyen", "tinh chung"]
            .iter()
            .any(|p| folded.trim().starts_with(p))
        {
            plan.totals_rows += 1;
            continue;
        }
        // The cells.
        let mut met = Met::default();
        let mut ind = Met::default();
        let mut any = false;
        let mut bad = false;
        let cols = crit_cols
            .iter()
            .map(|&(c, n)| (c, Role::Criterion(n)))
            .chain(ind_cols.iter().map(|&(c, p)| (c, Role::Indicator(p))));
        for (c, role) in cols {
            match cell_value(t.cell(r, c)) {
                CellValue::Met => {
                    match role {
                        Role::Indicator(p) => ind = ind.with(p),
                        Role::Criterion(n) => met = met.with(n),
                        _ => {}
                    }
                    any = true;
                }
                CellValue::NotMet => any = true,
                CellValue::Blank => {}
                CellValue::Unknown => {
                    let v = t.cell(r, c);
                    let cell = format!("{}{}", col_name(c), r + 1);
                    let s = &t.name;
                    plan.errors.push(tr!(
                        "trang '{s}', ô {cell}: không hiểu '{v}'; ghi 'x' (đạt) hoặc để trống / '0' (chưa đạt)",
                        "sheet '{s}', cell {cell}: '{v}' is not understood; write 'x' (met) or leave it blank / '0' (not met)"
                    ));
                    bad = true;
                }
            }
        }
        if bad {
            continue;
        }
        // Which commune.
        let commune = if !id.is_empty() {
            match index.content.commune_by_id(id.trim()) {
                Some(c) => Some(c),
                None => {
                    let (s, row) = (&t.name, r + 1);
                    plan.errors.push(tr!(
                        "trang '{s}', dòng {row}: mã '{id}' ở cột ẩn không còn là xã nào; hãy xuất lại bảng tính",
                        "sheet '{s}', row {row}: the hidden id '{id}' is no commune any more; export the workbook again"
                    ));
                    continue;
                }
            }
        } else if let Some(c) = index.by_code(code).or_else(|| index.by_code(name)) {
            Some(c)
        } else {
            let mut hints: Vec<&str> = Vec::new();
            if let Some(dc) = district_col {
                hints.push(t.cell(r, dc));
            }
            if let Some(hd) = &heading {
                hints.push(hd);
            }
            hints.push(&sheet_hint);
            match index.find(name, &hints) {
                Found::One(c) => Some(c),
                Found::Several(cands) => {
                    if !any {
                        continue;
                    }
                    plan.unmatched.push(Unmatched {
                        at,
                        text: name.to_string(),
                        candidates: cands,
                        several: true,
                    });
                    continue;
                }
                Found::None(cands) => {
                    if !any {
                        // A heading row: "Huyện Kỳ Anh".
                        if !index.groups(name).is_empty() {
                            heading = Some(name.to_string());
                            continue;
                        }
                    }
                    if !any {
                        // Blank and unknown: nothing would be written for it.
                        continue;
                    }
                    plan.unmatched.push(Unmatched {
                        at,
                        text: if name.is_empty() {
                            code.to_string()
                        } else {
                            name.to_string()
                        },
                        candidates: cands,
                        several: false,
                    });
                    continue;
                }
            }
        };
        let Some(commune) = commune else { continue };
        let (met, ind) = set.complete(met, ind);
        if !any {
            plan.not_reported += 1;
            continue;
        }
        // An exported workbook: unchanged and undated is no report.
        if let Some(sc) = state_col {
            let before = parse_state(t.cell(r, sc), set);
            let dated = date_col.is_some_and(|dc| !t.cell(r, dc).trim().is_empty());
            if before == Some((met, ind)) && !dated {
                plan.not_reported += 1;
                continue;
            }
        }
        if let Some(prev) = seen.get(&commune) {
            let id = &index.content.communes[commune].id;
            let a = at_text(prev);
            let b = at_text(&at);
            plan.errors.push(tr!(
                "xã '{id}' có ở hai dòng ({}; {}); hãy giữ một dòng",
                "commune '{id}' is on two rows ({}; {}); keep one",
                a.vi,
                b.vi
            ));
            // Keep the English positions right too.
            if let Some(last) = plan.errors.last_mut() {
                last.en = format!(
                    "commune '{id}' is on two rows ({}; {}); keep one",
                    a.en, b.en
                );
            }
            continue;
        }
        seen.insert(commune, at.clone());
        plan.reported.push(Reported {
            commune,
            met,
            indicators: ind,
            at,
        });
    }
}

/// The pre-filled state of an exported row, made whole: `1;2;3`, with
/// indicator ids under a set with indicators (`1;2.1;2.3;3`), empty for none.
fn parse_state(text: &str, set: &CriteriaSet) -> Option<(Met, Met)> {
    let (mut m, mut ind) = (Met::default(), Met::default());
    for p in text
        .split(';')
        .map(|p| p.trim().trim_matches('"'))
        .filter(|p| !p.is_empty())
    {
        if p.contains('.') {
            ind = ind.with(set.indicator_position(p)?);
            continue;
        }
        let n: usize = p.parse().ok()?;
        if !(1..=crate::model::MAX_CRITERIA).contains(&n) {
            return None;
        }
        m = m.with(n);
    }
    Some(set.complete(m, ind))
}

/// v1.2: the indicator columns of a sheet against its criterion columns: an
/// indicator on two columns is an error; a criterion column whose
/// criterion also has indicator columns is left out (the indicators say
/// more), and indicators without a column are named, as they will be
/// written as not met.
fn indicator_columns(
    t: &Table,
    set: &CriteriaSet,
    ind_cols: &[(usize, usize)],
    roles: &mut [Option<Role>],
    plan: &mut Plan,
) {
    if ind_cols.is_empty() {
        return;
    }
    let s = &t.name;
    let mut have = Met::default();
    for &(_, p) in ind_cols {
        if have.has(p) {
            let id = set.flat_indicator(p).map(|x| x.id.as_str()).unwrap_or("");
            plan.errors.push(tr!(
                "trang '{s}': chỉ tiêu {id} có hai cột",
                "sheet '{s}': indicator {id} has two columns"
            ));
        }
        have = have.with(p);
    }
    let mut missing: Vec<&str> = Vec::new();
    for c in set.criteria.iter().filter(|c| !c.indicators.is_empty()) {
        let mask = set.indicator_mask(c.number);
        let crit_col = roles
            .iter()
            .position(|r| *r == Some(Role::Criterion(c.number)));
        if have.0 & mask.0 == 0 {
            if crit_col.is_none() {
                missing.extend(c.indicators.iter().map(|x| x.id.as_str()));
            }
            continue;
        }
        if let Some(col) = crit_col {
            let (n, cl) = (c.number, col_name(col));
            plan.notes.push(tr!(
                "trang '{s}', cột {cl}: tiêu chí {n} đã có các cột chỉ tiêu; đọc theo chỉ tiêu, bỏ qua cột này",
                "sheet '{s}', column {cl}: criterion {n} has indicator columns; read by indicator, this column skipped"
            ));
            roles[col] = None;
        }
        missing.extend(
            c.indicators
                .iter()
                .enumerate()
                .filter(|(k, _)| !have.has(c.indicator_offset + k + 1))
                .map(|(_, x)| x.id.as_str()),
        );
    }
    if !missing.is_empty() {
        let l = missing.join(", ");
        plan.notes.push(tr!(
            "trang '{s}': không có cột cho {l}; các chỉ tiêu này được ghi là chưa đạt",
            "sheet '{s}': no column for {l}; these indicators are written as not met"
        ));
    }
}

/// The snapshot file for a plan.
pub fn snapshot_yaml(content: &Content, plan: &Plan, source: &str) -> String {
    let d = plan.date;
    let start = Date::from_days(d.to_days() - 6);
    let mut out = String::new();
    let _ = writeln!(out, "# Nhập từ {} bằng ntm-site import.", one_line(source));
    let _ = writeln!(out, "date: {d}");
    let _ = writeln!(out, "period: {start}..{d}");
    let _ = writeln!(out, "criteria_set: {}", content.sets[plan.set].id);
    if plan.reported.is_empty() {
        let _ = writeln!(out, "communes: {{}}");
        return out;
    }
    let _ = writeln!(out, "communes:");
    let mut rows: Vec<&Reported> = plan.reported.iter().collect();
    rows.sort_by(|a, b| {
        content.communes[a.commune]
            .id
            .cmp(&content.communes[b.commune].id)
    });
    for r in rows {
        let nums = content.sets[plan.set].met_list(r.met, r.indicators);
        let _ = writeln!(
            out,
            "  {}: [{}]",
            content.communes[r.commune].id,
            nums.join(", ")
        );
    }
    out
}

fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// One line per reported commune: its change against its state the day before.
pub fn change_lines(content: &Content, timeline: &Timeline, plan: &Plan) -> Vec<Message> {
    let mut out = Vec::new();
    let set = &content.sets[plan.set];
    let n = set.len();
    let total = set.indicator_count();
    for r in &plan.reported {
        let c = &content.communes[r.commune];
        let (id, name) = (&c.id, &c.name);
        let after = r.met.count();
        // v1.2: "18/47 indicators" after the criteria.
        let of_indicators = |m: &mut Message| {
            if total > 0 {
                let k = r.indicators.count();
                m.push(&tr!(", {k}/{total} chỉ tiêu", ", {k}/{total} indicators"));
            }
        };
        let line = match timeline.state_on(r.commune, plan.date.pred()) {
            None => {
                let mut m = tr!(
                    "{id} ({name}): lần đầu báo cáo, {after}/{n} tiêu chí",
                    "{id} ({name}): first report, {after}/{n} criteria"
                );
                of_indicators(&mut m);
                m
            }
            Some(s) if s.set != plan.set => {
                let mut m = tr!(
                    "{id} ({name}): chuyển sang bộ tiêu chí mới, {after}/{n} tiêu chí",
                    "{id} ({name}): moves to the new criteria set, {after}/{n} criteria"
                );
                of_indicators(&mut m);
                m
            }
            Some(s) => {
                let gained = r.met.minus(s.met).numbers();
                let lost = s.met.minus(r.met).numbers();
                let ind_gained = set
                    .indicator_ids(r.indicators.minus(s.indicators_met))
                    .join(", ");
                let ind_lost = set
                    .indicator_ids(s.indicators_met.minus(r.indicators))
                    .join(", ");
                let before = s.count();
                let list = |v: &[usize]| {
                    v.iter()
                        .map(|k| k.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                if gained.is_empty()
                    && lost.is_empty()
                    && ind_gained.is_empty()
                    && ind_lost.is_empty()
                {
                    let mut m = tr!(
                        "{id} ({name}): không đổi, {after}/{n} tiêu chí",
                        "{id} ({name}): unchanged, {after}/{n} criteria"
                    );
                    of_indicators(&mut m);
                    m
                } else {
                    let mut m = tr!(
                        "{id} ({name}): {before} → {after} tiêu chí",
                        "{id} ({name}): {before} → {after} criteria"
                    );
                    if !gained.is_empty() {
                        let g = list(&gained[..]);
                        m.push(&tr!("; thêm {g}", "; gained {g}"));
                    }
                    if !lost.is_empty() {
                        let l = list(&lost[..]);
                        m.push(&tr!("; mất {l}", "; lost {l}"));
                    }
                    if !ind_gained.is_empty() {
                        let g = &ind_gained;
                        m.push(&tr!("; thêm chỉ tiêu {g}", "; gained indicators {g}"));
                    }
                    if !ind_lost.is_empty() {
                        let l = &ind_lost;
                        m.push(&tr!("; mất chỉ tiêu {l}", "; lost indicators {l}"));
                    }
                    if total > 0 {
                        let k = r.indicators.count();
                        m.push(&tr!(
                            "; đạt {k}/{total} chỉ tiêu",
                            "; {k}/{total} indicators met"
                        ));
                    }
                    m
                }
            }
        };
        out.push(line);
    }
    out
}

/// The lines that list the unmatched rows.
pub fn unmatched_lines(content: &Content, plan: &Plan) -> Vec<Message> {
    plan.unmatched
        .iter()
        .map(|u| {
            let mut m = at_text(&u.at);
            let text = &u.text;
            m.push(&if u.several {
                tr!(
                    ": '{text}' trùng tên nhiều xã",
                    ": '{text}' names several communes"
                )
            } else {
                tr!(": không tìm thấy xã '{text}'", ": no commune '{text}'")
            });
            if !u.candidates.is_empty() {
                let list: Vec<String> = u
                    .candidates
                    .iter()
                    .map(|&c| format!("{} ({})", content.communes[c].id, content.communes[c].name))
                    .collect();
                let l = list.join(", ");
                m.push(&if u.several {
                    tr!("; ghi rõ một trong: {l}", "; write one of: {l}")
                } else {
                    tr!("; gần nhất: {l}", "; closest: {l}")
                });
            }
            m
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_clerks_write_them() {
        for m in ["x", "X", "Đạt", "đạt", "1", "✓", "có", " x "] {
            assert_eq!(cell_value(m), CellValue::Met, "{m}");
        }
        for n in ["0", "-", "Chưa đạt", "không", "chưa đạt"] {
            assert_eq!(cell_value(n), CellValue::NotMet, "{n}");
        }
        assert_eq!(cell_value(""), CellValue::Blank);
        assert_eq!(cell_value("?"), CellValue::Unknown);
        assert_eq!(cell_value("2"), CellValue::Unknown);
    }

    #[test]
    fn headers_by_number_and_name() {
        let names: Vec<(String, Head)> = [
            ("Quy hoạch", Head::Criterion(1)),
            ("Giao thông", Head::Criterion(2)),
            ("Đường xã", Head::Indicator("2.1".into())),
            ("Thủy lợi", Head::Criterion(3)),
        ]
        .into_iter()
        .map(|(n, h)| (fold(n), h))
        .collect();
        for (h, n) in [
            ("TC1", 1),
            ("TC 2", 2),
            ("1", 1),
            ("Tiêu chí 3", 3),
            ("Tiêu chí số 2", 2),
            ("tc.3", 3),
            ("Giao thông", 2),
            ("GIAO THÔNG", 2),
            ("2. Giao thông", 2),
        ] {
            assert_eq!(header_criterion(h, &names), Some(Head::Criterion(n)), "{h}");
        }
        for (h, id) in [
            ("2.1", "2.1"),
            ("CT 2.1", "2.1"),
            ("CT2.1", "2.1"),
            ("Chỉ tiêu 2.1", "2.1"),
            ("chỉ tiêu số 17.10", "17.10"),
            ("2.1. Đường xã", "2.1"),
            ("Đường xã", "2.1"),
            ("ĐƯỜNG XÃ (km)", "2.1"),
        ] {
            assert_eq!(
                header_criterion(h, &names),
                Some(Head::Indicator(id.into())),
                "{h}"
            );
        }
        assert_eq!(header_criterion("Tên xã", &names), None);
        assert_eq!(header_criterion("STT", &names), None);
        assert_eq!(header_criterion("Chỉ tiêu 2", &names), None);
    }

    #[test]
    fn dates_in_titles() {
        let d = |s: &str| title_date(s).map(|d| d.to_string());
        assert_eq!(
            d("BÁO CÁO TUẦN 21-27/8/2015").as_deref(),
            Some("2015-08-27")
        );
        assert_eq!(d("Ngày báo cáo: 06/03/2026").as_deref(), Some("2026-03-06"));
        assert_eq!(
            d("tính đến ngày 27 tháng 8 năm 2015").as_deref(),
            Some("2015-08-27")
        );
        assert_eq!(d("số liệu 2015-08-27").as_deref(), Some("2015-08-27"));
        assert_eq!(d("Báo cáo tiến độ"), None);
    }
}
