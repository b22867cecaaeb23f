//! Sponsors (đơn vị đỡ đầu) and officers (cán bộ phụ trách, biệt phái): who
//! they help, and how many of those communes meet the standard on a date —
//! the figures the press quotes ("13/20 xã có cán bộ biệt phái đã đạt chuẩn").

use super::timeline::Timeline;
use super::years::meets_standard_on;
use crate::date::Date;
use crate::model::{CommuneIx, Content};
use crate::text::{fold, vi_cmp};
use std::collections::BTreeMap;

/// One sponsoring agency and its communes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sponsor {
    /// The name as first written (agencies are matched ignoring case and diacritics).
    pub name: String,
    /// A stable slug for its page.
    pub slug: String,
    /// Its communes, by id.
    pub communes: Vec<CommuneIx>,
    /// Those meeting the standard on the date.
    pub meeting: Vec<CommuneIx>,
}

/// The key that makes two written names one agency: case, diacritics and
/// spacing ignored (`Sở Tài chính`, `SỞ TÀI  CHÍNH`).
pub fn sponsor_key(name: &str) -> String {
    fold(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every sponsoring agency, in Vietnamese order of names.
pub fn sponsors(content: &Content, timeline: &Timeline, date: Option<Date>) -> Vec<Sponsor> {
    let mut by_key: BTreeMap<String, Sponsor> = BTreeMap::new();
    for (c, commune) in content.communes.iter().enumerate() {
        for name in &commune.sponsors {
            let key = sponsor_key(name);
            let e = by_key.entry(key).or_insert_with(|| Sponsor {
                name: name.clone(),
                slug: crate::text::slugify(name),
                communes: Vec::new(),
                meeting: Vec::new(),
            });
            if e.communes.last() != Some(&c) {
                e.communes.push(c);
                if date.is_some_and(|d| meets_standard_on(content, timeline, c, d)) {
                    e.meeting.push(c);
                }
            }
        }
    }
    let mut v: Vec<Sponsor> = by_key.into_values().collect();
    v.sort_by(|a, b| vi_cmp(&a.name, &b.name).then_with(|| a.slug.cmp(&b.slug)));
    // Two names folding to the same slug but different keys (punctuation) get a suffix.
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for s in v.iter_mut() {
        let n = seen.entry(s.slug.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            s.slug = format!("{}-{}", s.slug, n);
        }
    }
    v
}

/// The communes that have (or had) a seconded officer, and those of them
/// meeting the standard on the date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Seconded {
    pub communes: Vec<CommuneIx>,
    pub meeting: Vec<CommuneIx>,
}

/// Communes with an officer whose role says `biệt phái`.
pub fn seconded(content: &Content, timeline: &Timeline, date: Option<Date>) -> Seconded {
    let mut s = Seconded::default();
    for (c, commune) in content.communes.iter().enumerate() {
        if commune.officers.iter().any(|o| o.is_seconded()) {
            s.communes.push(c);
            if date.is_some_and(|d| meets_standard_on(content, timeline, c, d)) {
                s.meeting.push(c);
            }
        }
    }
    s
}
