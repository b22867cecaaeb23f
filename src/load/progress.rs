//! `progress/<YYYY-MM-DD>.yaml`: who meets which criteria on a reporting date.

use crate::date::Date;
use crate::diag::{Message, Unknown, did_you_mean, one_of};
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

impl Refs<'_> {
    /// A hash of everything a snapshot's reading looks up here (the key of
    /// its reading in the loader's cache).
    pub fn key(&self) -> blake3::Hash {
        let mut h = blake3::Hasher::new();
        for list in [self.commune_ids, self.declared] {
            h.update(&(list.len() as u64).to_le_bytes());
            for id in list {
                h.update(&(id.len() as u64).to_le_bytes());
                h.update(id.as_bytes());
            }
        }
        match serde_json::to_vec(self.sets) {
            Ok(bytes) => h.update(&bytes),
            // Never fails; a mark no JSON starts with keeps the key apart.
            Err(_) => h.update(b"\xff"),
        };
        h.finalize()
    }
}

/// Reads one snapshot whose file name gives `file_date`.
pub fn read(rel: &str, file_date: Date, node: &Node, refs: &Refs, cx: &mut Cx) -> Option<Snapshot> {
    let m = MapReader::new(node, tr!("báo cáo tuần", "a snapshot"), KEYS, cx)?;
    if let Some(n) = m.get("date")
        && let Some(d) = date(n, "date", cx)
        && d != file_date
    {
        cx.error(
            n.pos,
            tr!(
                "ngày {d} khác với ngày trong tên tệp ({file_date}); hai ngày này phải giống nhau",
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
                        let from = s.valid_from;
                        cx.warning(
                            n.pos,
                            tr!(
                                "bộ tiêu chí '{id}' được dùng cho ngày {file_date}, ngoài thời gian áp dụng của bộ ({from}..{until})",
                                "criteria set '{id}' is used on {file_date}, outside its dates {from}..{until}"
                            ),
                        );
                    }
                    (i, true)
                }
                None => {
                    let hint = match closest(&id, set_ids.iter().copied()) {
                        Some(c) => did_you_mean(c),
                        None if set_ids.is_empty() => tr!(
                            "; thư mục criteria/ chưa có bộ tiêu chí nào",
                            "; there is no set in criteria/"
                        ),
                        None => {
                            let Message { vi, en } = one_of(&set_ids);
                            tr!("; các bộ hiện có là {vi}", "; the sets are {en}")
                        }
                    };
                    cx.error_unknown(
                        n.pos,
                        tr!(
                            "không tìm thấy bộ tiêu chí '{id}' (không có tệp criteria/{id}.yaml)",
                            "unknown criteria set '{id}'"
                        )
                        .then(hint),
                        Unknown::Set(id.clone()),
                    );
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
                        tr!(
                            "không có bộ tiêu chí nào áp dụng cho ngày {file_date}; hãy ghi rõ bộ tiêu chí bằng 'criteria_set:' hoặc thêm một bộ có thời gian áp dụng bao gồm ngày này",
                            "no criteria set is in force on {file_date}; name one with 'criteria_set:' or add a set whose dates cover it"
                        ),
                    );
                    return None;
                }
                several => {
                    let ids: Vec<&str> =
                        several.iter().map(|&i| refs.sets[i].id.as_str()).collect();
                    let Message { vi, en } = one_of(&ids);
                    cx.error(
                        m.pos,
                        tr!(
                            "có nhiều bộ tiêu chí cùng áp dụng cho ngày {file_date} ({vi}); hãy ghi rõ một bộ bằng 'criteria_set:'",
                            "several criteria sets are in force on {file_date} ({en}); name one with 'criteria_set:'"
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
        cx.error(
            at,
            tr!(
                "báo cáo tuần cần có mục 'communes' (các xã báo cáo), nhưng mục này bị thiếu hoặc để trống; nếu tuần này không xã nào báo cáo, hãy viết 'communes: {{}}'",
                "a snapshot needs 'communes', which is missing or empty; write 'communes: {{}}' if nobody reported"
            ),
        );
        return None;
    };
    let Kind::Map(items) = &communes.kind else {
        let Message { vi: sv, en: se } = communes.shape();
        cx.error(
            communes.pos,
            tr!(
                "mục communes phải gồm các dòng 'mã xã: các tiêu chí đạt', không phải {sv}",
                "communes must be a mapping of commune id to criteria met, not {se}"
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
                let ids: &[String] = if unknown <= crate::limits::MAX_DIAGNOSTICS_PER_KIND {
                    refs.commune_ids
                } else {
                    &[]
                };
                cx.error_unknown(
                    key.pos,
                    unknown_commune(&key.text, ids),
                    Unknown::Commune(key.text.clone()),
                );
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
            tr!(
                "kỳ báo cáo '{t}' phải được viết TỪ..ĐẾN, ví dụ '2015-08-21..{file_date}'",
                "period '{t}' must be written FROM..TO, e.g. '2015-08-21..{file_date}'"
            ),
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
    let from = date(&mk(a), tr!("ngày bắt đầu kỳ báo cáo", "period start"), cx)?;
    let to = date(&mk(b), tr!("ngày kết thúc kỳ báo cáo", "period end"), cx)?;
    if to != file_date {
        cx.error(
            node.pos,
            tr!(
                "kỳ báo cáo kết thúc ngày {to}, nhưng phải kết thúc đúng ngày của báo cáo tuần ({file_date})",
                "period ends on {to}, but it must end on the snapshot's date {file_date}"
            ),
        );
        return None;
    }
    if from > to {
        cx.error(
            node.pos,
            tr!(
                "kỳ báo cáo bắt đầu ngày {from}, sau ngày kết thúc {to}",
                "period starts on {from}, after its end {to}"
            ),
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
                tr!(
                    "dòng của xã '{id}' để trống; hãy viết [] nếu xã chưa đạt tiêu chí nào, 'all' nếu xã đạt tất cả",
                    "the entry of '{id}' is empty; write [] if it meets no criterion, 'all' if it meets every one"
                ),
            );
            None
        }
        Kind::Scalar { text, .. } if text == "all" => {
            Some((Listed::all(set), Indicators::default()))
        }
        Kind::Scalar { text, .. } => {
            let hint = if text.contains(',') || text.contains(';') {
                let l = text.replace(';', ",");
                tr!(
                    "; hãy viết các số trong ngoặc vuông: [{l}]",
                    "; write the numbers as a list: [{l}]"
                )
            } else {
                Message::default()
            };
            cx.error(
                node.pos,
                tr!(
                    "dòng của xã '{id}' phải là danh sách số thứ tự tiêu chí (ví dụ [1, 2, 5]), [] hoặc 'all', không phải '{text}'",
                    "the entry of '{id}' must be a list of criterion numbers, [] or 'all', not '{text}'"
                )
                .then(hint),
            );
            None
        }
        Kind::Seq(items) => read_numbers(items, set, cx).map(|m| (m, Indicators::default())),
        Kind::Map(_) => {
            let m = MapReader::new(
                node,
                tr!("dòng của một xã", "a snapshot entry"),
                ENTRY_KEYS,
                cx,
            )?;
            let met = m
                .required(
                    "met",
                    tr!("dạng đầy đủ của dòng một xã", "the mapping form of an entry"),
                    cx,
                )
                .and_then(|v| match &v.kind {
                    Kind::Scalar { text, .. } if text == "all" => Some(Listed::all(set)),
                    Kind::Seq(items) => read_numbers(items, set, cx),
                    _ => {
                        cx.error(
                            v.pos,
                            tr!(
                                "met phải là danh sách số thứ tự tiêu chí (ví dụ [1, 2, 5]), [] hoặc 'all'",
                                "met must be a list of criterion numbers, [] or 'all'"
                            ),
                        );
                        None
                    }
                });
            let ind = |k: &'static str, cx: &mut Cx| m.get(k).and_then(|v| uint(v, k, cx));
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
                    Some(c) => did_you_mean(c),
                    None => Message::default(),
                };
                let msg = tr!(
                    "bộ tiêu chí '{set_id}' không có chỉ tiêu '{id}'",
                    "set '{set_id}' has no indicator '{id}'"
                )
                .then(hint);
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
        let Some(k) = uint(item, tr!("số thứ tự tiêu chí", "a criterion number"), cx)
        else {
            ok = false;
            continue;
        };
        let k = k as usize;
        if k == 0 || k > n {
            cx.error(
                item.pos,
                tr!(
                    "tiêu chí {k} không có trong bộ '{set_id}'; bộ này có các tiêu chí từ 1 đến {n}",
                    "criterion {k} is not in set '{set_id}', whose criteria are numbered 1..{n}"
                ),
            );
            ok = false;
        } else if met.has(k) {
            cx.error(
                item.pos,
                tr!(
                    "tiêu chí {k} được ghi hai lần",
                    "criterion {k} is listed twice"
                ),
            );
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
fn already_means(set: &CriteriaSet, k: usize) -> Message {
    let c = &set.criteria[k - 1];
    let a = c.indicators.first().map(|x| x.id.as_str()).unwrap_or("");
    let b = c.indicators.last().map(|x| x.id.as_str()).unwrap_or("");
    tr!(
        "{k} đã bao gồm {a} đến {b}; ghi hoặc số tiêu chí {k}, hoặc từng chỉ tiêu của nó, không ghi cả hai",
        "{k} already means {a} to {b}; list either criterion {k} or its indicators, not both"
    )
}

/// The message for a snapshot key that is no commune id, with the closest id.
pub fn unknown_commune(id: &str, commune_ids: &[String]) -> Message {
    let hint = match closest(id, commune_ids.iter().map(|s| s.as_str())) {
        Some(c) => did_you_mean(c),
        None => Message::default(),
    };
    // A name ("Xã Thụy Lôi") is no file name: the file is named only for an id.
    if super::refs::is_id(id) {
        tr!(
            "không tìm thấy xã '{id}' (không có tệp communes/{id}.yaml)",
            "unknown commune id '{id}'"
        )
    } else {
        tr!("không tìm thấy xã '{id}'", "unknown commune id '{id}'")
    }
    .then(hint)
}
