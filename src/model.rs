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

/// The criteria a commune meets, as a bit set: bit `k-1` is criterion `k`.
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
}

/// One criterion of a set.
#[derive(Clone, Debug, Serialize)]
pub struct Criterion {
    pub number: usize,
    pub name: String,
    pub name_en: Option<String>,
    pub group: Option<String>,
    pub department: Option<String>,
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
}

impl CriteriaSet {
    pub fn len(&self) -> usize {
        self.criteria.len()
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
}

impl Commune {
    /// The recognition with the latest date; among those of one date, the
    /// highest level.
    pub fn latest_recognition(&self) -> Option<&Recognition> {
        self.recognitions.iter().max_by_key(|r| (r.date, r.level))
    }
}

/// Optional indicators reported with a snapshot entry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
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
    pub met: Met,
    pub indicators: Indicators,
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
    /// Files under `theme/` (template and asset overrides), relative to the content folder.
    pub theme_files: Vec<String>,
}

impl Content {
    /// Whether commune `c` lies under group `g` at any depth.
    pub fn commune_in_group(&self, c: CommuneIx, g: GroupIx) -> bool {
        let mut cur = self.communes[c].group;
        while let Some(x) = cur {
            if x == g {
                return true;
            }
            cur = self.groups[x].parent;
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
}
