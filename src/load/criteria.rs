//! `criteria/<set-id>.yaml`: a national or provincial criteria set.

use crate::fields::{Cx, MapReader, date, list, text, uint};
use crate::model::{
    CommuneClass, CriteriaSet, Criterion, CriterionIndicator, MAX_CRITERIA, MAX_INDICATORS,
};
use crate::tr;
use crate::yaml::{Kind, Node};

const KEYS: &[&str] = &[
    "name",
    "decision",
    "valid_from",
    "valid_until",
    "classes",
    "criteria",
];
const CRITERION_KEYS: &[&str] = &[
    "number",
    "name",
    "name_en",
    "group",
    "department",
    "indicators",
];
const INDICATOR_KEYS: &[&str] = &["id", "name", "name_en"];

/// Reads one set; `id` is the file's stem.
pub fn read(id: &str, node: &Node, cx: &mut Cx) -> Option<CriteriaSet> {
    let what = || tr!("bộ tiêu chí", "a criteria set");
    let m = MapReader::new(node, what(), KEYS, cx)?;
    let name = m
        .required("name", what(), cx)
        .and_then(|n| text(n, "name", cx));
    let decision = m.get("decision").and_then(|n| text(n, "decision", cx));
    let valid_from = m
        .required("valid_from", what(), cx)
        .and_then(|n| date(n, "valid_from", cx));
    let valid_until = m
        .get("valid_until")
        .and_then(|n| date(n, "valid_until", cx));
    if let (Some(f), Some(u), Some(n)) = (valid_from, valid_until, m.get("valid_until"))
        && u < f
    {
        cx.error(
            n.pos,
            tr!(
                "ngày hết hiệu lực valid_until {u} lại trước ngày áp dụng valid_from {f}",
                "valid_until {u} is before valid_from {f}; the set's dates must not run backwards"
            ),
        );
    }
    let classes = m.get("classes").and_then(|n| read_classes(n, cx));
    let mut criteria: Vec<Criterion> = Vec::new();
    let mut ok = classes.is_some() || m.get("classes").is_none();
    let mut indicator_total = 0usize;
    if let Some(list_node) = m.required("criteria", what(), cx) {
        let items = list(list_node, "criteria", cx).unwrap_or_default();
        if items.is_empty() {
            cx.error(
                list_node.pos,
                tr!(
                    "bộ tiêu chí cần có ít nhất một tiêu chí",
                    "a criteria set needs at least one criterion"
                ),
            );
            ok = false;
        }
        let criterion = || tr!("tiêu chí", "a criterion");
        for (i, item) in items.iter().enumerate() {
            let Some(c) = MapReader::new(item, criterion(), CRITERION_KEYS, cx) else {
                ok = false;
                continue;
            };
            let expected = i + 1;
            let number = c
                .required("number", criterion(), cx)
                .and_then(|n| uint(n, "number", cx).map(|v| (v, n.pos)));
            let cname = c
                .required("name", criterion(), cx)
                .and_then(|n| text(n, "name", cx));
            let opt = |k: &'static str, cx: &mut Cx| c.get(k).and_then(|n| text(n, k, cx));
            let name_en = opt("name_en", cx);
            let group = opt("group", cx);
            let department = opt("department", cx);
            let indicators = match (c.get("indicators"), &number) {
                (Some(n), Some((num, _))) => read_indicators(n, *num as usize, cx),
                (Some(_), None) => None,
                (None, _) => Some(Vec::new()),
            };
            let Some(indicators) = indicators else {
                ok = false;
                continue;
            };
            let indicator_offset = indicator_total;
            indicator_total += indicators.len();
            if indicator_total > MAX_INDICATORS
                && indicator_total - indicators.len() <= MAX_INDICATORS
                && let Some(n) = c.get("indicators")
            {
                cx.error(
                    n.pos,
                    tr!(
                        "một bộ tiêu chí có nhiều nhất {MAX_INDICATORS} chỉ tiêu; bộ này vượt quá ở tiêu chí này",
                        "a set may have at most {MAX_INDICATORS} indicators in all; this criterion goes past that"
                    ),
                );
                ok = false;
            }
            match (number, cname) {
                (Some((num, pos)), Some(cname)) => {
                    if num as usize != expected {
                        let why = if criteria.iter().any(|c| c.number as u64 == num) {
                            tr!(
                                "số thứ tự tiêu chí {num} bị lặp lại",
                                "criterion number {num} is repeated"
                            )
                        } else {
                            tr!(
                                "số thứ tự tiêu chí {num} không đúng thứ tự",
                                "criterion number {num} is out of order"
                            )
                        };
                        cx.error(
                            pos,
                            why.then(tr!(
                                "; các số phải chạy liền từ 1 đến N, không bỏ số nào, số ở đây phải là {expected}",
                                "; numbers run 1..N without gaps, this one should be {expected}"
                            )),
                        );
                        ok = false;
                    } else if expected > MAX_CRITERIA {
                        cx.error(
                            pos,
                            tr!(
                                "một bộ có nhiều nhất {MAX_CRITERIA} tiêu chí",
                                "a set may have at most {MAX_CRITERIA} criteria"
                            ),
                        );
                        ok = false;
                    }
                    criteria.push(Criterion {
                        number: num as usize,
                        name: cname,
                        name_en,
                        group,
                        department,
                        indicators,
                        indicator_offset,
                    });
                }
                _ => ok = false,
            }
        }
    }
    if !ok {
        return None;
    }
    Some(CriteriaSet {
        id: id.to_string(),
        name: name?,
        decision,
        valid_from: valid_from?,
        valid_until,
        criteria,
        classes: classes.unwrap_or_default(),
    })
}

/// v1.2: `classes:`, a mapping of positive integers to their descriptions.
fn read_classes(node: &Node, cx: &mut Cx) -> Option<Vec<CommuneClass>> {
    let Kind::Map(entries) = &node.kind else {
        cx.error(
            node.pos,
            tr!(
                "classes phải là một bảng số nhóm: mô tả (ví dụ '1: Xã liền kề đô thị'), không phải {}",
                "classes must be a mapping of class number to description (e.g. '1: Xã liền kề đô thị'), not {}",
                node.shape()
            ),
        );
        return None;
    };
    let mut out: Vec<CommuneClass> = Vec::new();
    let mut ok = true;
    for (k, v) in entries {
        let t = k.text.trim();
        let number = t
            .parse::<u32>()
            .ok()
            .filter(|&n| n > 0 && t.bytes().all(|b| b.is_ascii_digit()));
        let Some(number) = number else {
            cx.error(
                k.pos,
                tr!(
                    "nhóm xã '{t}' phải là một số nguyên dương (1, 2, 3)",
                    "class '{t}' must be a positive whole number (1, 2, 3)"
                ),
            );
            ok = false;
            continue;
        };
        if out.iter().any(|c| c.number == number) {
            cx.error(
                k.pos,
                tr!(
                    "nhóm xã {number} được khai hai lần; giữ một",
                    "class {number} is given twice; keep one"
                ),
            );
            ok = false;
            continue;
        }
        let description = if v.is_null() {
            String::new()
        } else {
            match text(v, "a class's description", cx) {
                Some(d) => d,
                None => {
                    ok = false;
                    continue;
                }
            }
        };
        out.push(CommuneClass {
            number,
            description,
        });
    }
    out.sort_by_key(|c| c.number);
    ok.then_some(out)
}

/// v1.2: the `indicators` of criterion `number`: ids `N.K`, K running 1..M
/// in order, read as written (`2.10` is not `2.1`).
fn read_indicators(node: &Node, number: usize, cx: &mut Cx) -> Option<Vec<CriterionIndicator>> {
    let items = list(node, "indicators", cx)?;
    let mut out: Vec<CriterionIndicator> = Vec::new();
    let mut ok = true;
    let indicator = || tr!("chỉ tiêu", "an indicator");
    for (i, item) in items.iter().enumerate() {
        let expected = format!("{number}.{}", i + 1);
        let Some(m) = MapReader::new(item, indicator(), INDICATOR_KEYS, cx) else {
            ok = false;
            continue;
        };
        let id_node = m.required("id", indicator(), cx);
        let id = id_node.and_then(|n| text(n, "id", cx));
        let name = m
            .required("name", indicator(), cx)
            .and_then(|n| text(n, "name", cx));
        let name_en = m.get("name_en").and_then(|n| text(n, "name_en", cx));
        let (Some(id), Some(id_node), Some(name)) = (id, id_node, name) else {
            ok = false;
            continue;
        };
        if id != expected {
            cx.error(
                id_node.pos,
                indicator_id_problem(&id, number, &expected, &out),
            );
            ok = false;
            continue;
        }
        out.push(CriterionIndicator {
            id,
            criterion: number,
            number: i + 1,
            name,
            name_en,
        });
    }
    ok.then_some(out)
}

/// What is wrong with indicator id `id` written where `expected` belongs.
fn indicator_id_problem(
    id: &str,
    number: usize,
    expected: &str,
    before: &[CriterionIndicator],
) -> crate::diag::Message {
    let parts: Vec<&str> = id.split('.').collect();
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if parts.len() != 2 || !parts.iter().all(|p| digits(p)) {
        return tr!(
            "mã chỉ tiêu '{id}' phải viết dạng N.K (số tiêu chí, dấu chấm, số thứ tự chỉ tiêu); ở đây là '{expected}'",
            "indicator id '{id}' must be written N.K (the criterion's number, a dot, the indicator's number); here it is '{expected}'"
        );
    }
    if parts[0] != number.to_string() {
        return tr!(
            "chỉ tiêu '{id}' nằm dưới tiêu chí {number}, nên mã phải bắt đầu bằng '{number}.': ở đây là '{expected}'",
            "indicator '{id}' is under criterion {number}, so its id must begin with '{number}.': here it is '{expected}'"
        );
    }
    if before.iter().any(|x| x.id == id) {
        return tr!(
            "chỉ tiêu '{id}' bị lặp lại; các chỉ tiêu đánh số 1..M liên tục, không trùng, chỉ tiêu này phải là '{expected}'",
            "indicator '{id}' is repeated; indicators are numbered 1..M without gaps or repeats, this one should be '{expected}'"
        );
    }
    tr!(
        "chỉ tiêu '{id}' không đúng thứ tự; các chỉ tiêu đánh số 1..M liên tục, không trùng, chỉ tiêu này phải là '{expected}'",
        "indicator '{id}' is out of order; indicators are numbered 1..M without gaps or repeats, this one should be '{expected}'"
    )
}
