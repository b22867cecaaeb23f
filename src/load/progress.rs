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
    pub sets: &'a [CriteriaSet],
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
    let n_criteria = refs.sets[set].len();
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
    for (key, value) in items {
        let commune = match refs
            .commune_ids
            .binary_search_by(|c| c.as_str().cmp(&key.text))
        {
            Ok(i) => Some(i),
            Err(_) => {
                cx.error_unknown(
                    key.pos,
                    unknown_commune(&key.text, refs.commune_ids),
                    Unknown::Commune(key.text.clone()),
                );
                ok = false;
                None
            }
        };
        let parsed = read_entry(value, &key.text, n_criteria, &refs.sets[set].id, cx);
        match (commune, parsed) {
            (Some(c), Some((met, indicators))) => entries.push(Entry {
                commune: c,
                met,
                indicators,
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

/// One entry: a list of numbers, `all`, `[]`, or a mapping with `met` and indicators.
fn read_entry(
    node: &Node,
    id: &str,
    n: usize,
    set_id: &str,
    cx: &mut Cx,
) -> Option<(Met, Indicators)> {
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
        Kind::Scalar { text, .. } if text == "all" => Some((Met::all(n), Indicators::default())),
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
        Kind::Seq(items) => read_numbers(items, n, set_id, cx).map(|m| (m, Indicators::default())),
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
                    Kind::Scalar { text, .. } if text == "all" => Some(Met::all(n)),
                    Kind::Seq(items) => read_numbers(items, n, set_id, cx),
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

fn read_numbers(items: &[Node], n: usize, set_id: &str, cx: &mut Cx) -> Option<Met> {
    let mut met = Met::default();
    let mut ok = true;
    for item in items {
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
        } else {
            met = met.with(k);
        }
    }
    ok.then_some(met)
}

/// The message for a snapshot key that is no commune id, with the closest id.
pub fn unknown_commune(id: &str, commune_ids: &[String]) -> Message {
    let hint = match closest(id, commune_ids.iter().map(|s| s.as_str())) {
        Some(c) => did_you_mean(c),
        None => Message::default(),
    };
    tr!(
        "không tìm thấy xã '{id}' (không có tệp communes/{id}.yaml)",
        "unknown commune id '{id}'"
    )
    .then(hint)
}
