//! `communes/`: the administrative tree. Groups (folders with `_index.yaml`)
//! nest; a commune is any other `*.yaml`; `<commune>.md` is its narrative.

use crate::fields::{Cx, MapReader, date, decimal, list, suggest_value, text, text_list, uint};
use crate::model::{Commune, CommuneV12Pos, Group, Level, Officer, Recognition};
use crate::tr;
use crate::yaml::Node;

const GROUP_KEYS: &[&str] = &["name", "kind"];
const COMMUNE_KEYS: &[&str] = &[
    "name",
    "kind",
    "code",
    "population",
    "area_km2",
    "target_year",
    "sponsors",
    "officers",
    "recognitions",
    "location",
    "class",
    "established",
    "merged_from",
];
const OFFICER_KEYS: &[&str] = &["name", "role", "agency", "from", "until"];
const RECOGNITION_KEYS: &[&str] = &["level", "date", "decision"];
const LEVELS: &[&str] = &["standard", "advanced", "model"];

/// The id of a group from its `_index.yaml` path: `communes/can-loc/cum-bac/_index.yaml` → `can-loc/cum-bac`.
pub fn group_id(rel: &str) -> String {
    let inner = rel.trim_start_matches("communes/");
    inner.trim_end_matches("/_index.yaml").to_string()
}

/// The id of a commune from its path: `communes/ky-anh/ky-thu.yaml` → `ky-anh/ky-thu`.
pub fn commune_id(rel: &str) -> String {
    let inner = rel.trim_start_matches("communes/");
    inner
        .strip_suffix(".yaml")
        .or_else(|| inner.strip_suffix(".md"))
        .unwrap_or(inner)
        .to_string()
}

/// The id of the group a path sits in (`None` directly under `communes/`).
pub fn parent_id(id: &str) -> Option<&str> {
    id.rfind('/').map(|i| &id[..i])
}

/// Reads a group's `_index.yaml` (the parent is linked later).
pub fn read_group(rel: &str, node: &Node, cx: &mut Cx) -> Option<Group> {
    let what = || tr!("tệp _index.yaml của huyện", "a group");
    let m = MapReader::new(node, what(), GROUP_KEYS, cx)?;
    let name = m
        .required("name", what(), cx)
        .and_then(|n| text(n, "name", cx));
    let kind = m.get("kind").and_then(|n| text(n, "kind", cx));
    Some(Group {
        id: group_id(rel),
        name: name?,
        kind: kind.unwrap_or_else(|| "huyện".to_string()),
        parent: None,
        file: rel.to_string(),
    })
}

/// Reads a commune (its group and narrative are linked later).
pub fn read_commune(rel: &str, node: &Node, cx: &mut Cx) -> Option<Commune> {
    let m = MapReader::new(node, tr!("xã", "a commune"), COMMUNE_KEYS, cx)?;
    let name = m
        .required("name", tr!("xã", "a commune"), cx)
        .and_then(|n| text(n, "name", cx));
    let kind = m.get("kind").and_then(|n| text(n, "kind", cx));
    let code = m.get("code").and_then(|n| text(n, "code", cx));
    let population = m.get("population").and_then(|n| uint(n, "population", cx));
    let area_km2 = m.get("area_km2").and_then(|n| {
        let v = decimal(n, "area_km2", cx)?;
        if v <= 0.0 {
            cx.error(
                n.pos,
                tr!(
                    "area_km2 (diện tích) phải lớn hơn 0, không phải {v}",
                    "area_km2 must be positive, not {v}"
                ),
            );
            return None;
        }
        Some(v)
    });
    let target_year = m.get("target_year").and_then(|n| read_target_year(n, cx));
    let target_year_pos = m.get("target_year").map(|n| n.pos).unwrap_or(m.pos);
    let sponsors = m
        .get("sponsors")
        .map(|n| text_list(n, "sponsors", cx))
        .unwrap_or_default();
    let officers = m
        .get("officers")
        .map(|n| read_officers(n, cx))
        .unwrap_or_default();
    let recognitions = m
        .get("recognitions")
        .map(|n| read_recognitions(n, cx))
        .unwrap_or_default();
    let location = m.get("location").and_then(|n| read_location(n, cx));
    let mut v12_pos = CommuneV12Pos::default();
    let class = m.get("class").and_then(|n| {
        v12_pos.class = n.pos;
        let v = uint(n, "class", cx)?;
        match u32::try_from(v) {
            Ok(v) if v > 0 => Some(v),
            _ => {
                cx.error(
                    n.pos,
                    tr!(
                        "class là nhóm xã, một số nguyên dương (1, 2, 3), không phải {v}",
                        "class is the commune's class, a positive whole number (1, 2, 3), not {v}"
                    ),
                );
                None
            }
        }
    });
    let established = m.get("established").and_then(|n| {
        v12_pos.established = n.pos;
        date(n, "established", cx)
    });
    if let Some(n) = m.get("merged_from") {
        v12_pos.merged_from = n.pos;
        for item in list(n, "merged_from", cx).unwrap_or_default() {
            if item.is_null() {
                continue;
            }
            if let Some(t) = text(item, "an id in merged_from", cx)
                && !t.is_empty()
            {
                v12_pos.merged_from_ids.push((t, item.pos));
            }
        }
    }
    Some(Commune {
        id: commune_id(rel),
        name: name?,
        kind: kind.unwrap_or_else(|| "xã".to_string()),
        group: None,
        code,
        population,
        area_km2,
        target_year,
        sponsors,
        officers,
        recognitions,
        location,
        narrative: None,
        file: rel.to_string(),
        target_year_pos,
        class,
        established,
        merged_from: Vec::new(),
        merged_into: None,
        v12_pos,
    })
}

fn read_officers(node: &Node, cx: &mut Cx) -> Vec<Officer> {
    let mut out = Vec::new();
    for item in list(node, "officers", cx).unwrap_or_default() {
        let Some(m) = MapReader::new(item, tr!("cán bộ", "an officer"), OFFICER_KEYS, cx) else {
            continue;
        };
        let name = m
            .required("name", tr!("cán bộ", "an officer"), cx)
            .and_then(|n| text(n, "name", cx));
        let role = m.get("role").and_then(|n| text(n, "role", cx));
        let agency = m.get("agency").and_then(|n| text(n, "agency", cx));
        let from = m.get("from").and_then(|n| date(n, "from", cx));
        let until = m.get("until").and_then(|n| date(n, "until", cx));
        if let (Some(f), Some(u), Some(n)) = (from, until, m.get("until"))
            && u < f
        {
            cx.error(
                n.pos,
                tr!(
                    "ngày kết thúc until {u} lại trước ngày bắt đầu from {f}",
                    "until {u} is before from {f}"
                ),
            );
        }
        if let Some(name) = name {
            out.push(Officer {
                name,
                role,
                agency,
                from,
                until,
            });
        }
    }
    out
}

fn read_recognitions(node: &Node, cx: &mut Cx) -> Vec<Recognition> {
    let mut out = Vec::new();
    for item in list(node, "recognitions", cx).unwrap_or_default() {
        let what = || tr!("lần công nhận", "a recognition");
        let Some(m) = MapReader::new(item, what(), RECOGNITION_KEYS, cx) else {
            continue;
        };
        let level = m.required("level", what(), cx).and_then(|n| {
            let t = text(n, "level", cx)?;
            match t.as_str() {
                "standard" => Some(Level::Standard),
                "advanced" => Some(Level::Advanced),
                "model" => Some(Level::Model),
                other => {
                    cx.error(
                        n.pos,
                        tr!(
                            "không có mức công nhận '{other}'",
                            "unknown recognition level '{other}'"
                        )
                        .then(suggest_value(other, LEVELS)),
                    );
                    None
                }
            }
        });
        let d = m
            .required("date", what(), cx)
            .and_then(|n| date(n, "date", cx));
        let decision = m
            .required("decision", what(), cx)
            .and_then(|n| text(n, "decision", cx));
        if let (Some(level), Some(date), Some(decision)) = (level, d, decision) {
            out.push(Recognition {
                level,
                date,
                decision,
            });
        }
    }
    out
}

fn read_location(node: &Node, cx: &mut Cx) -> Option<(f64, f64)> {
    let what = || tr!("vị trí (location)", "location");
    let m = MapReader::new(node, what(), &["lat", "lon"], cx)?;
    let lat_n = m.required("lat", what(), cx);
    let lon_n = m.required("lon", what(), cx);
    let lat = lat_n.and_then(|n| decimal(n, "lat", cx));
    let lon = lon_n.and_then(|n| decimal(n, "lon", cx));
    let (lat, lon) = (lat?, lon?);
    let swapped = lat.abs() > 90.0 && lon.abs() <= 90.0;
    if lat.abs() > 90.0 {
        let hint = if swapped {
            tr!(
                "; có vẻ lat (vĩ độ) và lon (kinh độ) bị đổi chỗ cho nhau",
                "; lat and lon look swapped"
            )
        } else {
            Default::default()
        };
        cx.error(
            lat_n?.pos,
            tr!(
                "vĩ độ lat {lat} phải nằm trong khoảng -90..90",
                "lat {lat} must be within -90..90"
            )
            .then(hint),
        );
        return None;
    }
    if lon.abs() > 180.0 {
        cx.error(
            lon_n?.pos,
            tr!(
                "kinh độ lon {lon} phải nằm trong khoảng -180..180",
                "lon {lon} must be within -180..180"
            ),
        );
        return None;
    }
    if !(8.0..=24.0).contains(&lat) || !(102.0..=110.0).contains(&lon) {
        let hint = if (102.0..=110.0).contains(&lat) || (8.0..=24.0).contains(&lon) {
            tr!(
                "; có thể lat (vĩ độ) và lon (kinh độ) bị đổi chỗ cho nhau",
                "; lat and lon may be swapped"
            )
        } else {
            Default::default()
        };
        cx.warning(
            node.pos,
            tr!(
                "vị trí {lat}, {lon} nằm ngoài lãnh thổ Việt Nam",
                "location {lat}, {lon} is outside Vietnam"
            )
            .then(hint),
        );
    }
    Some((lat, lon))
}

/// `target_year`: a whole number within 2000–2100, with a hint for two
/// swapped digits (`2105`).
fn read_target_year(n: &Node, cx: &mut Cx) -> Option<i32> {
    let y = uint(n, "target_year", cx)?;
    if !(2000..=2100).contains(&y) {
        cx.error(
            n.pos,
            tr!(
                "target_year (năm đăng ký về đích) phải nằm trong khoảng từ 2000 đến 2100, không phải {y}",
                "target_year must be between 2000 and 2100, not {y}"
            )
            .then(crate::hints::year_typo_hint(y as i64)),
        );
        return None;
    }
    Some(y as i32)
}
