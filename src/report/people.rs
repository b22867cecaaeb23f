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
    /// (v1.2) Those merged into another commune by the date: they have no
    /// state then and are counted neither as meeting nor as not meeting.
    pub former: Vec<CommuneIx>,
}

impl Sponsor {
    /// The communes that count on the date: those that still exist.
    pub fn counted(&self) -> usize {
        self.communes.len() - self.former.len()
    }
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
                former: Vec::new(),
            });
            if e.communes.last() != Some(&c) {
                e.communes.push(c);
                sort_on(content, timeline, c, date, &mut e.meeting, &mut e.former);
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

/// Some communes (those with a seconded officer, with an officer in charge,
/// with a sponsor) and those of them meeting the standard on a date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Share {
    pub communes: Vec<CommuneIx>,
    /// Those meeting the standard on the date.
    pub meeting: Vec<CommuneIx>,
    /// (v1.2) Those merged into another commune by the date.
    pub former: Vec<CommuneIx>,
}

impl Share {
    /// The communes that count on the date: those that still exist.
    pub fn counted(&self) -> usize {
        self.communes.len() - self.former.len()
    }
}

/// Puts commune `c` among those meeting the standard on `date`, or among the
/// former communes when it was merged away by then (v1.2).
fn sort_on(
    content: &Content,
    timeline: &Timeline,
    c: CommuneIx,
    date: Option<Date>,
    meeting: &mut Vec<CommuneIx>,
    former: &mut Vec<CommuneIx>,
) {
    let Some(d) = date else { return };
    if content.merged_on(c).is_some_and(|e| d >= e) {
        former.push(c);
    } else if meets_standard_on(content, timeline, c, d) {
        meeting.push(c);
    }
}

/// How many of `communes` meet the standard on `date`, and how many of them
/// were merged away by then (counted neither way).
pub fn share(
    content: &Content,
    timeline: &Timeline,
    communes: &[CommuneIx],
    date: Option<Date>,
) -> Share {
    let mut s = Share {
        communes: communes.to_vec(),
        ..Share::default()
    };
    for &c in communes {
        sort_on(content, timeline, c, date, &mut s.meeting, &mut s.former);
    }
    s
}

/// Communes with an officer whose role says `biệt phái`.
pub fn seconded(content: &Content, timeline: &Timeline, date: Option<Date>) -> Share {
    let communes: Vec<CommuneIx> = (0..content.communes.len())
        .filter(|&c| content.communes[c].officers.iter().any(|o| o.is_seconded()))
        .collect();
    share(content, timeline, &communes, date)
}
