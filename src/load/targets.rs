//! `targets/<slug>.yaml`: a target the province or a district set itself.

use crate::fields::{Cx, MapReader, date, text, uint};
use crate::model::{Group, Measure, Target};
use crate::text::closest;
use crate::yaml::Node;

const KEYS: &[&str] = &["title", "source", "deadline", "scope", "measure", "value"];

/// Reads one target; `groups` are sorted by id with parents linked.
pub fn read(rel: &str, id: &str, node: &Node, groups: &[Group], cx: &mut Cx) -> Option<Target> {
    let m = MapReader::new(node, "a target", KEYS, cx)?;
    let title = m
        .required("title", "a target", cx)
        .and_then(|n| text(n, "title", cx));
    let source = m.get("source").and_then(|n| text(n, "source", cx));
    let deadline_node = m.required("deadline", "a target", cx);
    let deadline = deadline_node.and_then(|n| date(n, "deadline", cx));
    let mut ok = true;
    let scope = match m.get("scope") {
        None => None,
        Some(n) => {
            let sid = text(n, "scope", cx)?;
            match groups.binary_search_by(|g| g.id.as_str().cmp(&sid)) {
                Ok(g) => Some(g),
                Err(_) => {
                    let hint = match closest(&sid, groups.iter().map(|g| g.id.as_str())) {
                        Some(c) => format!("; did you mean '{c}'?"),
                        None => "; a scope is a group id such as a district folder under communes/"
                            .to_string(),
                    };
                    cx.error(n.pos, format!("unknown scope '{sid}'{hint}"));
                    ok = false;
                    None
                }
            }
        }
    };
    let names: Vec<&str> = Measure::ALL.iter().map(|(s, _)| *s).collect();
    let measure = m.required("measure", "a target", cx).and_then(|n| {
        let t = text(n, "measure", cx)?;
        match Measure::ALL.iter().find(|(s, _)| *s == t) {
            Some((_, mm)) => Some(*mm),
            None => {
                let hint = match closest(&t, names.iter().copied()) {
                    Some(c) => format!("; did you mean '{c}'?"),
                    None => format!("; use {}", crate::diag::one_of(&names)),
                };
                cx.error(n.pos, format!("unknown measure '{t}'{hint}"));
                None
            }
        }
    });
    let value = match (measure, m.get("value")) {
        (Some(Measure::TargetYearDone), Some(n)) => {
            cx.error(
                n.pos,
                "target_year_done takes no value (it counts the communes registered for the deadline's year); remove 'value'",
            );
            ok = false;
            None
        }
        (Some(Measure::TargetYearDone), None) | (None, _) => None,
        (Some(mm), None) => {
            let at = m.key_pos("value").unwrap_or(m.pos);
            cx.error(
                at,
                format!(
                    "measure {} needs 'value', a whole number such as 7",
                    mm.as_str()
                ),
            );
            ok = false;
            None
        }
        (Some(_), Some(n)) => {
            let v = uint(n, "value", cx);
            ok &= v.is_some();
            v
        }
    };
    if measure == Some(Measure::StandardPerGroup) {
        let has_child = groups.iter().any(|g| g.parent == scope);
        if !has_child {
            let at = m.get("scope").map(|n| n.pos).unwrap_or(m.pos);
            let what = match scope {
                Some(g) => format!("scope '{}'", groups[g].id),
                None => "communes/".to_string(),
            };
            cx.error(
                at,
                format!("standard_per_group counts the groups directly under {what}, and there is none; use standard_count or a wider scope"),
            );
            ok = false;
        }
    }
    if !ok {
        return None;
    }
    Some(Target {
        id: id.to_string(),
        title: title?,
        source,
        deadline: deadline?,
        scope,
        measure: measure?,
        value,
        file: rel.to_string(),
        deadline_pos: deadline_node.map(|n| n.pos).unwrap_or_default(),
    })
}
