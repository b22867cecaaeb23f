//! `progress/<YYYY-MM-DD>.yaml`: who meets which criteria on a reporting date.

use crate::date::Date;
use crate::fields::{Cx, MapReader, date, text, uint};
use crate::model::{CriteriaSet, Entry, Indicators, Met, Snapshot};
use crate::text::closest;
use crate::tr;
use crate::yaml::{Kind, Node};

const KEYS: &[&str] = &["date", "period", "criteria_set", "note", "communes"];
const ENTRY_KEYS: &[&str] = &[
    "met",
    "production_models",
    "efficient_models",
    "enterprises",
    "cooperatives",
];

/// What a snapshot refers to: the communes (ids sorted) and the sets.
pub struct Refs<'a> {
    pub commune_ids: &'a [String],
    /// Ids of every commune file, read or not (sorted): an id whose file
    /// could not be read is not reported again here (its file has the error).
    pub declared: &'a [String],
    pub sets: &'a [CriteriaSet],
}

/// Reads one snapshot whose file name gives `file_date`.
pub fn read(rel: &str, file_date: Date, node: &Node, refs: &Refs, cx: &mut Cx) -> Option<Snapshot> {
    let m = MapReader::new(node, "a snapshot", KEYS, cx)?;
    if let Some(n) = m.get("date")
        && let Some(d) = date(n, "date", cx)
        && d != file_date
    {
        cx.error(
            n.pos,
            format!(
                "date {d} differs from the file name's date {file_date}; they must be the same"
            ),
        );
    }
    let period = m.get("period").and_then(|n| read_period(n, file_date, cx));
    let note = m.get("note").and_then(|n| text(n, "note", cx));
    let set_ids: Vec<&str> = refs.sets.iter().map(|s| s.id.as_str()).collect();
    let (set, set_named) = match m.get("criteria_set") {
        Some(n) => {
            let id = text(n, "criteria_set", cx)?;
            match refs.sets.iter().position(|s| s.id == id) {
                Some(i) => {
                    let s = &refs.sets[i];
                    if !s.in_force(file_date) {
                        let until = s.valid_until.map(|u| u.to_string()).unwrap_or_default();
                        cx.warning(
                            n.pos,
                            format!(
                                "criteria set '{id}' is used on {file_date}, outside its dates {}..{until}",
                                s.valid_from
                            ),
                        );
                    }
                    (i, true)
                }
                None => {
                    let hint = match closest(&id, set_ids.iter().copied()) {
                        Some(c) => format!("; did you mean '{c}'?"),
                        None if set_ids.is_empty() => "; there is no set in criteria/".to_string(),
                        None => format!("; the sets are {}", crate::diag::one_of(&set_ids)),
                    };
                    cx.error(n.pos, format!("unknown criteria set '{id}'{hint}"));
                    return None;
                }
            }
        }
        None => {
            let in_force: Vec<usize> = (0..refs.sets.len())
                .filter(|&i| refs.sets[i].in_force(file_date))
                .collect();
            match in_force.as_slice() {
                [one] => (*one, false),
                [] => {
                    cx.error(
                        m.pos,
                        format!(
                            "no criteria set is in force on {file_date}; name one with 'criteria_set:' or add a set whose dates cover it"
                        ),
                    );
                    return None;
                }
                several => {
                    let ids: Vec<&str> =
                        several.iter().map(|&i| refs.sets[i].id.as_str()).collect();
                    cx.error(
                        m.pos,
                        format!(
                            "several criteria sets are in force on {file_date} ({}); name one with 'criteria_set:'",
                            crate::diag::one_of(&ids)
                        ),
                    );
                    return None;
                }
            }
        }
    };
    let the_set = &refs.sets[set];
    let mut entries = Vec::new();
    let Some(communes) = m.get("communes") else {
        let at = m.key_pos("communes").unwrap_or(m.pos);
        cx.error(at, "a snapshot needs 'communes', which is missing or empty; write 'communes: {}' if nobody reported");
        return None;
    };
    let Kind::Map(items) = &communes.kind else {
        cx.error(
            communes.pos,
            format!(
                "communes must be a mapping of commune id to criteria met, not {}",
                communes.shape()
            ),
        );
        return None;
    };
    let mut ok = true;
    let mut unknown = 0;
    for (key, value) in items {
        let commune = match refs
            .commune_ids
            .binary_search_by(|c| c.as_str().cmp(&key.text))
        {
            Ok(i) => Some(i),
            Err(_) if refs.declared.binary_search(&key.text).is_ok() => {
                ok = false;
                None
            }
            Err(_) => {
                // Past the diagnostics printed per kind, no suggestion is
                // looked for: it would not be shown.
                unknown += 1;
                let hint = match (unknown <= crate::limits::MAX_DIAGNOSTICS_PER_KIND)
                    .then(|| closest(&key.text, refs.commune_ids.iter().map(|s| s.as_str())))
                    .flatten()
                {
                    Some(c) => format!("; did you mean '{c}'?"),
                    None => String::new(),
                };
                cx.error(key.pos, format!("unknown commune id '{}'{hint}", key.text));
                ok = false;
                None
            }
        };
        let parsed = read_entry(value, &key.text, the_set, cx);
        match (commune, parsed) {
            (Some(c), Some((listed, indicators))) => entries.push(Entry {
                commune: c,
                met: listed.criteria,
                indicators,
                indicators_met: listed.indicators,
                pos: key.pos,
            }),
            _ => ok = false,
        }
    }
    if !ok {
        return None;
    }
    entries.sort_by_key(|e| e.commune);
    Some(Snapshot {
        date: file_date,
        period,
        set,
        set_named,
        note,
        entries,
        file: rel.to_string(),
    })
}

fn read_period(node: &Node, file_date: Date, cx: &mut Cx) -> Option<(Date, Date)> {
    let t = text(node, "period", cx)?;
    let Some((a, b)) = t.split_once("..") else {
        cx.error(
            node.pos,
            format!("period '{t}' must be written FROM..TO, e.g. '2015-08-21..{file_date}'"),
        );
        return None;
    };
    let mk = |s: &str| Node {
        pos: node.pos,
        kind: Kind::Scalar {
            text: s.trim().to_string(),
            plain: true,
        },
    };
    let from = date(&mk(a), "period start", cx)?;
    let to = date(&mk(b), "period end", cx)?;
    if to != file_date {
        cx.error(
            node.pos,
            format!("period ends on {to}, but it must end on the snapshot's date {file_date}"),
        );
        return None;
    }
    if from > to {
        cx.error(
            node.pos,
            format!("period starts on {from}, after its end {to}"),
        );
        return None;
    }
    Some((from, to))
}

/// What an entry says is met: criteria and (v1.2) indicators, as flat positions.
#[derive(Clone, Copy, Default)]
struct Listed {
    criteria: Met,
    indicators: Met,
}

impl Listed {
    /// `all`: every criterion and every indicator of the set.
    fn all(set: &CriteriaSet) -> Listed {
        Listed {
            criteria: Met::all(set.len()),
            indicators: Met::all(set.indicator_count()),
        }
    }
}

/// One entry: a list of numbers, `all`, `[]`, or a mapping with `met` and indicators.
fn read_entry(
    node: &Node,
    id: &str,
    set: &CriteriaSet,
    cx: &mut Cx,
) -> Option<(Listed, Indicators)> {
    match &node.kind {
        Kind::Null => {
            cx.error(
                node.pos,
                format!("the entry of '{id}' is empty; write [] if it meets no criterion, 'all' if it meets every one"),
            );
            None
        }
        Kind::Scalar { text, .. } if text == "all" => {
            Some((Listed::all(set), Indicators::default()))
        }
        Kind::Scalar { text, .. } => {
            let hint = if text.contains(',') || text.contains(';') {
                format!(
                    "; write the numbers as a list: [{}]",
                    text.replace(';', ",")
                )
            } else {
                String::new()
            };
            cx.error(
                node.pos,
                format!("the entry of '{id}' must be a list of criterion numbers, [] or 'all', not '{text}'{hint}"),
            );
            None
        }
        Kind::Seq(items) => read_numbers(items, set, cx).map(|m| (m, Indicators::default())),
        Kind::Map(_) => {
            let m = MapReader::new(node, "a snapshot entry", ENTRY_KEYS, cx)?;
            let met = m
                .required("met", "the mapping form of an entry", cx)
                .and_then(|v| match &v.kind {
                    Kind::Scalar { text, .. } if text == "all" => Some(Listed::all(set)),
                    Kind::Seq(items) => read_numbers(items, set, cx),
                    _ => {
                        cx.error(
                            v.pos,
                            "met must be a list of criterion numbers, [] or 'all'",
                        );
                        None
                    }
                });
            let ind = |k: &str, cx: &mut Cx| m.get(k).and_then(|v| uint(v, k, cx));
            let indicators = Indicators {
                production_models: ind("production_models", cx),
                efficient_models: ind("efficient_models", cx),
                enterprises: ind("enterprises", cx),
                cooperatives: ind("cooperatives", cx),
            };
            Some((met?, indicators))
        }
    }
}

/// Whether a list item is written as an indicator id (`2.1`, `"17.10"`,
/// `2.1.1`): digits with a dot, read as text as written, never as a number.
fn looks_like_indicator(node: &Node) -> Option<&str> {
    match &node.kind {
        Kind::Scalar { text, .. } => {
            let t = text.trim();
            (t.contains('.') && t.bytes().all(|b| b.is_ascii_digit() || b == b'.')).then_some(t)
        }
        _ => None,
    }
}

/// A list of criterion numbers and (v1.2) indicator ids: a number means the
/// criterion with all its indicators, an id that indicator; a criterion with
/// indicators is met when all of them are.
fn read_numbers(items: &[Node], set: &CriteriaSet, cx: &mut Cx) -> Option<Listed> {
    let n = set.len();
    let set_id = set.id.as_str();
    let mut met = Met::default();
    let mut ind = Met::default();
    // Which criteria were listed by number, and which through one of their
    // indicators: a number given with one of its indicators is an error at
    // the second of the two.
    let mut number_listed = vec![false; n + 1];
    let mut indicator_listed = vec![false; n + 1];
    let mut ok = true;
    for item in items {
        if let Some(id) = looks_like_indicator(item) {
            if !set.has_indicators() {
                cx.error(
                    item.pos,
                    tr!(
                        "bộ tiêu chí '{set_id}' không có chỉ tiêu nên không ghi được '{id}'; ghi số tiêu chí (1..{n})",
                        "set '{set_id}' has no indicators, so '{id}' cannot be listed; list criterion numbers (1..{n})"
                    ),
                );
                ok = false;
                continue;
            }
            let Some(p) = set.indicator_position(id) else {
                let hint = match closest(
                    id,
                    set.criteria
                        .iter()
                        .flat_map(|c| c.indicators.iter().map(|x| x.id.as_str())),
                ) {
                    Some(c) => tr!("; có phải là '{c}'?", "; did you mean '{c}'?"),
                    None => tr!("", ""),
                };
                let mut msg = tr!(
                    "bộ tiêu chí '{set_id}' không có chỉ tiêu '{id}'",
                    "set '{set_id}' has no indicator '{id}'"
                );
                msg.push(&hint);
                cx.error(item.pos, msg);
                ok = false;
                continue;
            };
            let k = set.flat_indicator(p).map(|x| x.criterion).unwrap_or(0);
            if number_listed.get(k).copied().unwrap_or(false) {
                cx.error(item.pos, already_means(set, k));
                ok = false;
                continue;
            }
            if ind.has(p) {
                cx.error(
                    item.pos,
                    tr!(
                        "chỉ tiêu {id} được ghi hai lần",
                        "indicator {id} is listed twice"
                    ),
                );
                ok = false;
                continue;
            }
            if let Some(x) = indicator_listed.get_mut(k) {
                *x = true;
            }
            ind = ind.with(p);
            continue;
        }
        let Some(k) = uint(item, "a criterion number", cx) else {
            ok = false;
            continue;
        };
        let k = k as usize;
        if k == 0 || k > n {
            cx.error(
                item.pos,
                format!(
                    "criterion {k} is not in set '{set_id}', whose criteria are numbered 1..{n}"
                ),
            );
            ok = false;
        } else if met.has(k) {
            cx.error(item.pos, format!("criterion {k} is listed twice"));
            ok = false;
        } else if indicator_listed[k] {
            cx.error(item.pos, already_means(set, k));
            ok = false;
        } else {
            met = met.with(k);
            number_listed[k] = true;
            ind.0 |= set.indicator_mask(k).0;
        }
    }
    // A criterion with indicators is met when all of them are.
    for c in &set.criteria {
        if !c.indicators.is_empty() {
            let mask = set.indicator_mask(c.number);
            if ind.0 & mask.0 == mask.0 {
                met = met.with(c.number);
            }
        }
    }
    ok.then_some(Listed {
        criteria: met,
        indicators: ind,
    })
}

/// `2 already means 2.1 to 2.4`: criterion `k` listed with one of its
/// indicators (reported at the second of the two).
fn already_means(set: &CriteriaSet, k: usize) -> crate::diag::Message {
    let c = &set.criteria[k - 1];
    let a = c.indicators.first().map(|x| x.id.as_str()).unwrap_or("");
    let b = c.indicators.last().map(|x| x.id.as_str()).unwrap_or("");
    tr!(
        "{k} đã bao gồm {a} đến {b}; ghi hoặc số tiêu chí {k}, hoặc từng chỉ tiêu của nó, không ghi cả hai",
        "{k} already means {a} to {b}; list either criterion {k} or its indicators, not both"
    )
}
