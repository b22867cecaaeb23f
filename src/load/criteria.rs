//! `criteria/<set-id>.yaml`: a national or provincial criteria set.

use crate::fields::{Cx, MapReader, date, list, text, uint};
use crate::model::{CriteriaSet, Criterion, MAX_CRITERIA};
use crate::tr;
use crate::yaml::Node;

const KEYS: &[&str] = &["name", "decision", "valid_from", "valid_until", "criteria"];
const CRITERION_KEYS: &[&str] = &["number", "name", "name_en", "group", "department"];

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
    let mut criteria: Vec<Criterion> = Vec::new();
    let mut ok = true;
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
            let opt = |k: &str, cx: &mut Cx| c.get(k).and_then(|n| text(n, k, cx));
            let name_en = opt("name_en", cx);
            let group = opt("group", cx);
            let department = opt("department", cx);
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
    })
}
