//! The loaded and validated content: plain data, in the order the spec gives
//! (communes and groups by id, snapshots by date). Nothing here reads files or
//! computes figures; [`crate::load`] builds it and [`crate::report`] reads it.

use crate::date::Date;
use crate::diag::Pos;
use serde::Serialize;

/// Index of a criteria set in [`Content::sets`].
pub type SetIx = usize;
/// Index of a group in [`Content::groups`].
pub type GroupIx = usize;
/// Index of a commune in [`Content::communes`].
pub type CommuneIx = usize;

/// The most criteria one set may have (the met criteria are a 128-bit set).
pub const MAX_CRITERIA: usize = 128;

/// The most indicators (chỉ tiêu) one set may have, over all its criteria
/// (v1.2; the 2026–2030 national set has 47): the met indicators are a
/// 128-bit set too.
pub const MAX_INDICATORS: usize = 128;

/// The criteria a commune meets, as a bit set: bit `k-1` is criterion `k`.
///
/// The same type holds the indicators a commune meets (v1.2): there bit
/// `p-1` is the set's `p`-th indicator in *flat order* (criterion number,
/// then K), see [`CriteriaSet::flat_indicator`].
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, Debug)]
pub struct Met(pub u128);

impl Met {
    /// Every criterion of a set of `n`.
    pub fn all(n: usize) -> Met {
        if n >= 128 {
            Met(u128::MAX)
        } else {
            Met((1u128 << n) - 1)
        }
    }
    pub fn with(self, number: usize) -> Met {
        Met(self.0 | (1u128 << (number - 1)))
    }
    pub fn has(self, number: usize) -> bool {
        (1..=128).contains(&number) && self.0 & (1u128 << (number - 1)) != 0
    }
    pub fn count(self) -> u32 {
        self.0.count_ones()
    }
    /// Criteria in `self` and not in `other`.
    pub fn minus(self, other: Met) -> Met {
        Met(self.0 & !other.0)
    }
    /// The criterion numbers, ascending.
    pub fn numbers(self) -> Vec<usize> {
        self.iter().collect()
    }

    /// Iterates over the criterion numbers, ascending, without allocating.
    pub fn iter(self) -> impl Iterator<Item = usize> {
        let mut bits = self.0;
        std::iter::from_fn(move || {
            if bits == 0 {
                return None;
            }
            let k = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            Some(k + 1)
        })
    }
}

/// `site.yaml`.
#[derive(Clone, Debug, Serialize)]
pub struct Site {
    pub title: String,
    pub organization: String,
    pub base_url: String,
    pub description: Option<String>,
    pub language: String,
    pub data_license: Option<String>,
    pub contact: Vec<(String, String)>,
    /// v1.2: `stale_after_days` as written (`None` when absent); read it
    /// through [`Site::stale_days`].
    pub stale_after_days: Option<u32>,
}

/// How many days a state stays fresh when `site.yaml` does not say.
pub const DEFAULT_STALE_DAYS: u32 = 90;

impl Site {
    /// S of the spec: a state dated more than this many days before D is
    /// stale on D (default 90).
    pub fn stale_days(&self) -> u32 {
        self.stale_after_days.unwrap_or(DEFAULT_STALE_DAYS)
    }
}

/// One criterion of a set.
#[derive(Clone, Debug, Serialize)]
pub struct Criterion {
    pub number: usize,
    pub name: String,
    pub name_en: Option<String>,
    pub group: Option<String>,
    pub department: Option<String>,
    /// v1.2: its indicators (chỉ tiêu), K = 1..M in order; empty when it has none.
    pub indicators: Vec<CriterionIndicator>,
    /// v1.2: how many indicators the set's earlier criteria have: this
    /// criterion's indicator K has flat position `indicator_offset + K`.
    pub indicator_offset: usize,
}

/// v1.2: one indicator (chỉ tiêu) of a criterion, e.g. `2.3 Điện`.
///
/// Not to be confused with [`Indicators`], the optional counts a snapshot
/// entry may report (production models, enterprises, ...).
#[derive(Clone, Debug, Serialize)]
pub struct CriterionIndicator {
    /// `N.K` exactly as written and checked: `17.10` (never `17.1`).
    pub id: String,
    /// N, the criterion's number.
    pub criterion: usize,
    /// K, 1..M within the criterion.
    pub number: usize,
    pub name: String,
    pub name_en: Option<String>,
}

/// v1.2: a class of commune a set distinguishes (xã nhóm 1, 2, 3).
#[derive(Clone, Debug, Serialize)]
pub struct CommuneClass {
    /// The class, a positive integer.
    pub number: u32,
    pub description: String,
}

/// A criteria set (`criteria/<id>.yaml`).
#[derive(Clone, Debug, Serialize)]
pub struct CriteriaSet {
    pub id: String,
    pub name: String,
    pub decision: Option<String>,
    pub valid_from: Date,
    pub valid_until: Option<Date>,
    pub criteria: Vec<Criterion>,
    /// v1.2: the classes of commune the set declares, by number; empty when none.
    pub classes: Vec<CommuneClass>,
}

impl CriteriaSet {
    pub fn len(&self) -> usize {
        self.criteria.len()
    }

    /// v1.2: how many indicators the set has over all its criteria (0 for a
    /// set without indicators).
    pub fn indicator_count(&self) -> usize {
        self.criteria.iter().map(|c| c.indicators.len()).sum()
    }

    /// v1.2: whether the set has any indicator.
    pub fn has_indicators(&self) -> bool {
        self.criteria.iter().any(|c| !c.indicators.is_empty())
    }

    /// v1.2: the indicators of criterion `number` as flat positions (a
    /// [`Met`] over [`CriteriaSet::flat_indicator`] positions); empty when it
    /// has none.
    pub fn indicator_mask(&self, number: usize) -> Met {
        let Some(c) = number.checked_sub(1).and_then(|i| self.criteria.get(i)) else {
            return Met::default();
        };
        let mut m = Met::default();
        for k in 1..=c.indicators.len() {
            m = m.with(c.indicator_offset + k);
        }
        m
    }

    /// v1.2: the indicator at flat position `p` (1-based, criterion number
    /// then K).
    pub fn flat_indicator(&self, p: usize) -> Option<&CriterionIndicator> {
        let i = self
            .criteria
            .partition_point(|c| c.indicator_offset + c.indicators.len() < p);
        let c = self.criteria.get(i)?;
        p.checked_sub(c.indicator_offset + 1)
            .and_then(|k| c.indicators.get(k))
    }

    /// v1.2: the flat position of the indicator written `id` (`2.10`).
    pub fn indicator_position(&self, id: &str) -> Option<usize> {
        let (n, _) = id.split_once('.')?;
        let c = self
            .criteria
            .get(n.parse::<usize>().ok()?.checked_sub(1)?)?;
        c.indicators
            .iter()
            .position(|x| x.id == id)
            .map(|k| c.indicator_offset + k + 1)
    }

    /// v1.2: the ids of the indicators in `met`, in flat order
    /// (`["2.3", "2.4", "17.10"]`).
    pub fn indicator_ids(&self, met: Met) -> Vec<&str> {
        met.iter()
            .filter_map(|p| self.flat_indicator(p))
            .map(|x| x.id.as_str())
            .collect()
    }

    /// v1.2: a state made whole: a criterion with indicators is met when all
    /// its indicators are, and a criterion met brings all its indicators.
    pub fn complete(&self, met: Met, indicators: Met) -> (Met, Met) {
        let (mut met, mut ind) = (met, indicators);
        for c in self.criteria.iter().filter(|c| !c.indicators.is_empty()) {
            let mask = self.indicator_mask(c.number);
            if met.has(c.number) {
                ind = Met(ind.0 | mask.0);
            } else if ind.0 & mask.0 == mask.0 {
                met = met.with(c.number);
            }
        }
        (met, ind)
    }

    /// A state as a snapshot lists it: the number of each criterion met
    /// (with all its indicators), and the ids of the indicators met of a
    /// criterion only partly met, quoted (`1, "2.1", "2.3", 3`).
    pub fn met_list(&self, met: Met, indicators: Met) -> Vec<String> {
        let (met, ind) = self.complete(met, indicators);
        let mut out = Vec::new();
        for c in &self.criteria {
            if met.has(c.number) {
                out.push(c.number.to_string());
            } else {
                for (k, x) in c.indicators.iter().enumerate() {
                    if ind.has(c.indicator_offset + k + 1) {
                        out.push(format!("\"{}\"", x.id));
                    }
                }
            }
        }
        out
    }

    /// v1.2: whether the set declares commune class `class`.
    pub fn has_class(&self, class: u32) -> bool {
        self.classes.iter().any(|c| c.number == class)
    }
    pub fn is_empty(&self) -> bool {
        self.criteria.is_empty()
    }
    /// Whether `date` lies within the set's dates (both inclusive).
    pub fn in_force(&self, date: Date) -> bool {
        date >= self.valid_from && self.valid_until.is_none_or(|u| date <= u)
    }
}

/// A group: a district, town, city or province (`communes/<path>/_index.yaml`).
#[derive(Clone, Debug, Serialize)]
pub struct Group {
    pub id: String,
    pub name: String,
    pub kind: String,
    /// The enclosing group, `None` directly under `communes/`.
    pub parent: Option<GroupIx>,
    pub file: String,
}

/// An officer in charge of a commune or seconded to it.
#[derive(Clone, Debug, Serialize)]
pub struct Officer {
    pub name: String,
    pub role: Option<String>,
    pub agency: Option<String>,
    pub from: Option<Date>,
    pub until: Option<Date>,
}

impl Officer {
    /// A seconded officer (cán bộ biệt phái): the role says `biệt phái`.
    pub fn is_seconded(&self) -> bool {
        self.role
            .as_deref()
            .is_some_and(|r| crate::text::fold(r).contains("biet phai"))
    }
}

/// The level of an official recognition, in rising order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Standard,
    Advanced,
    Model,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Standard => "standard",
            Level::Advanced => "advanced",
            Level::Model => "model",
        }
    }
}

/// An official recognition decision.
#[derive(Clone, Debug, Serialize)]
pub struct Recognition {
    pub level: Level,
    pub date: Date,
    pub decision: String,
}

/// A commune (`communes/<path>.yaml`).
#[derive(Clone, Debug, Serialize)]
pub struct Commune {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub group: Option<GroupIx>,
    pub code: Option<String>,
    pub population: Option<u64>,
    pub area_km2: Option<f64>,
    pub target_year: Option<i32>,
    pub sponsors: Vec<String>,
    pub officers: Vec<Officer>,
    pub recognitions: Vec<Recognition>,
    pub location: Option<(f64, f64)>,
    /// The Markdown narrative `<commune>.md`, if any.
    pub narrative: Option<String>,
    pub file: String,
    /// Where `target_year` is written, for warnings about it.
    #[serde(skip)]
    pub target_year_pos: Pos,
    /// v1.2: the commune's class (xã nhóm 1, 2, 3) under the sets that declare classes.
    pub class: Option<u32>,
    /// v1.2: the date it came into being; it exists from this date on.
    pub established: Option<Date>,
    /// v1.2: the communes merged into this one on `established`, in the
    /// order written.
    pub merged_from: Vec<CommuneIx>,
    /// v1.2: the commune this one became part of directly (after a chain
    /// A → X → Y, A's is X); it is a *former commune* from that commune's
    /// `established` date on, see [`Content::merged_on`].
    pub merged_into: Option<CommuneIx>,
    /// Where each of `class`, `established` and `merged_from` is written
    /// (the ids of `merged_from` with their own positions), for errors.
    #[serde(skip)]
    pub v12_pos: CommuneV12Pos,
}

/// Where a commune's v1.2 keys are written, for the loader's errors.
#[derive(Clone, Debug, Default)]
pub struct CommuneV12Pos {
    pub class: Pos,
    pub established: Pos,
    pub merged_from: Pos,
    /// The ids of `merged_from` as written, each with its position.
    pub merged_from_ids: Vec<(String, Pos)>,
}

impl Commune {
    /// The recognition with the latest date; among those of one date, the
    /// highest level.
    pub fn latest_recognition(&self) -> Option<&Recognition> {
        self.recognitions.iter().max_by_key(|r| (r.date, r.level))
    }
}

/// Optional indicators reported with a snapshot entry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Indicators {
    pub production_models: Option<u64>,
    pub efficient_models: Option<u64>,
    pub enterprises: Option<u64>,
    pub cooperatives: Option<u64>,
}

/// The names of the indicators, in their fixed order.
pub const INDICATOR_KEYS: [&str; 4] = [
    "production_models",
    "efficient_models",
    "enterprises",
    "cooperatives",
];

impl Indicators {
    pub fn get(&self, i: usize) -> Option<u64> {
        [
            self.production_models,
            self.efficient_models,
            self.enterprises,
            self.cooperatives,
        ][i]
    }
    pub fn is_empty(&self) -> bool {
        (0..4).all(|i| self.get(i).is_none())
    }
}

/// One commune's line in a snapshot.
#[derive(Clone, Debug)]
pub struct Entry {
    pub commune: CommuneIx,
    /// The criteria met (a criterion with indicators is met when all of them are).
    pub met: Met,
    /// The optional counts (production models, enterprises, ...).
    pub indicators: Indicators,
    /// v1.2: the indicators met, as flat positions of the snapshot's set
    /// (see [`CriteriaSet::flat_indicator`]); empty under a set without indicators.
    pub indicators_met: Met,
    pub pos: Pos,
}

/// A progress snapshot (`progress/<date>.yaml`).
#[derive(Clone, Debug)]
pub struct Snapshot {
    pub date: Date,
    pub period: Option<(Date, Date)>,
    pub set: SetIx,
    /// Whether the file names its set (`criteria_set:`).
    pub set_named: bool,
    pub note: Option<String>,
    /// Entries ordered by commune index.
    pub entries: Vec<Entry>,
    pub file: String,
}

/// What a target measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    MinMet,
    StandardPerGroup,
    StandardCount,
    TargetYearDone,
}

impl Measure {
    pub const ALL: [(&'static str, Measure); 4] = [
        ("min_met", Measure::MinMet),
        ("standard_per_group", Measure::StandardPerGroup),
        ("standard_count", Measure::StandardCount),
        ("target_year_done", Measure::TargetYearDone),
    ];
    pub fn as_str(self) -> &'static str {
        Measure::ALL
            .iter()
            .find(|(_, m)| *m == self)
            .map(|(s, _)| *s)
            .unwrap_or("")
    }
}

/// A target the province set itself (`targets/<slug>.yaml`).
#[derive(Clone, Debug, Serialize)]
pub struct Target {
    pub id: String,
    pub title: String,
    pub source: Option<String>,
    pub deadline: Date,
    /// The scope group; `None` for the whole province.
    pub scope: Option<GroupIx>,
    pub measure: Measure,
    pub value: Option<u64>,
    pub file: String,
    #[serde(skip)]
    pub deadline_pos: Pos,
}

/// A photo of a model.
#[derive(Clone, Debug, Serialize)]
pub struct Photo {
    /// File name relative to the model's folder.
    pub file: String,
    pub caption: String,
    pub credit: Option<String>,
}

/// A model residential area or model garden (`models/<slug>/index.md`).
#[derive(Clone, Debug, Serialize)]
pub struct Model {
    pub slug: String,
    pub title: String,
    pub kind: String,
    pub commune: CommuneIx,
    pub status: String,
    pub registered: Option<Date>,
    pub recognized: Option<Date>,
    pub cover: Option<String>,
    pub photos: Vec<Photo>,
    pub body: String,
    /// The line of the file where `body` begins (after the front matter).
    pub body_line: u32,
    pub file: String,
}

/// A news article or a free page: Markdown with front matter.
#[derive(Clone, Debug, Serialize)]
pub struct Document {
    pub slug: String,
    pub title: String,
    pub date: Option<Date>,
    pub summary: Option<String>,
    pub author: Option<String>,
    pub tags: Vec<String>,
    pub communes: Vec<CommuneIx>,
    /// Cover image path relative to the content folder.
    pub cover: Option<String>,
    pub draft: bool,
    pub body: String,
    /// The line of the file where `body` begins (after the front matter).
    pub body_line: u32,
    pub file: String,
    /// Files beside a bundle's `index.md`, relative to the content folder.
    pub assets: Vec<String>,
}

/// The editor's text for one bulletin (`bulletins/<date>.md`).
#[derive(Clone, Debug, Serialize)]
pub struct BulletinText {
    pub date: Date,
    pub body: String,
    pub file: String,
}

/// Everything the content folder holds, loaded and checked.
#[derive(Clone, Debug)]
pub struct Content {
    pub site: Site,
    /// Ordered by id.
    pub sets: Vec<CriteriaSet>,
    /// Ordered by id.
    pub groups: Vec<Group>,
    /// Ordered by id.
    pub communes: Vec<Commune>,
    /// Ordered by date.
    pub snapshots: Vec<Snapshot>,
    /// Ordered by deadline, then id.
    pub targets: Vec<Target>,
    pub models: Vec<Model>,
    pub news: Vec<Document>,
    pub pages: Vec<Document>,
    pub bulletins: Vec<BulletinText>,
    /// Files under `static/`, relative to the content folder.
    pub static_files: Vec<String>,
    /// Files under `theme/` (template, asset and word overrides), relative to the content folder.
    pub theme_files: Vec<String>,
    /// The site's own words for its language, from `theme/i18n/<lang>.yaml`
    /// (key → text), over the theme's defaults.
    pub words: std::collections::BTreeMap<String, String>,
}

impl Content {
    /// Whether commune `c` lies under group `g` at any depth.
    pub fn commune_in_group(&self, c: CommuneIx, g: GroupIx) -> bool {
        self.communes[c]
            .group
            .is_some_and(|x| self.group_within(x, g))
    }

    /// Whether group `x` is group `g` or lies under it at any depth.
    pub fn group_within(&self, x: GroupIx, g: GroupIx) -> bool {
        let mut cur = Some(x);
        while let Some(y) = cur {
            if y == g {
                return true;
            }
            cur = self.groups[y].parent;
        }
        false
    }

    /// The group chain of a commune from the top down.
    pub fn ancestors(&self, c: CommuneIx) -> Vec<GroupIx> {
        let mut chain = Vec::new();
        let mut cur = self.communes[c].group;
        while let Some(x) = cur {
            chain.push(x);
            cur = self.groups[x].parent;
        }
        chain.reverse();
        chain
    }

    pub fn commune_by_id(&self, id: &str) -> Option<CommuneIx> {
        self.communes
            .binary_search_by(|c| c.id.as_str().cmp(id))
            .ok()
    }

    pub fn group_by_id(&self, id: &str) -> Option<GroupIx> {
        self.groups.binary_search_by(|g| g.id.as_str().cmp(id)).ok()
    }

    /// v1.2: the date E from which commune `c` is a former commune (the
    /// `established` date of the commune it was merged into); its last day
    /// is E − 1. `None` for a commune never merged away.
    pub fn merged_on(&self, c: CommuneIx) -> Option<Date> {
        self.communes[c]
            .merged_into
            .and_then(|n| self.communes[n].established)
    }

    /// v1.2: whether commune `c` exists on `date`: from its `established`
    /// date on, up to the day before its merger.
    pub fn exists_on(&self, c: CommuneIx, date: Date) -> bool {
        self.communes[c].established.is_none_or(|e| date >= e)
            && self.merged_on(c).is_none_or(|e| date < e)
    }

    /// v1.2: the commune that holds `c` on `date`, following the chain of
    /// mergers that took place on or before it (`c` itself when it still exists).
    pub fn holder_on(&self, c: CommuneIx, date: Date) -> CommuneIx {
        let mut cur = c;
        // A chain is at most as long as there are communes (the loader
        // rejects loops; the bound keeps this finite regardless).
        for _ in 0..self.communes.len() {
            match (self.communes[cur].merged_into, self.merged_on(cur)) {
                (Some(n), Some(e)) if e <= date => cur = n,
                _ => break,
            }
        }
        cur
    }

    /// v1.2: whether the content uses anything of format v1.2 (indicators,
    /// classes, a commune's `class`, `established` or `merged_from`, or
    /// `stale_after_days`). Only then do the data files carry the v1.2
    /// columns and keys, so that v1.1 content keeps its files byte for byte.
    pub fn uses_v12(&self) -> bool {
        self.site.stale_after_days.is_some()
            || self
                .sets
                .iter()
                .any(|s| !s.classes.is_empty() || s.has_indicators())
            || self
                .communes
                .iter()
                .any(|c| c.class.is_some() || c.established.is_some() || !c.merged_from.is_empty())
    }
}
