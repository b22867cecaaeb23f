//! Charts of progress, drawn at build time with plotters' SVG backend.
//!
//! Each function returns a [`Chart`]: the SVG (with `<title>`, `<desc>`,
//! `role="img"`, `aria-labelledby` and a `viewBox`), its title, description
//! and caption (the source line), and a [`DataTable`] with the same figures
//! as text, for an HTML table beside the chart. Every word, number and date
//! is in the site's language: the words come from the site's words table
//! ([`crate::render::i18n`], keys `ch_…`, which a site may override), the
//! numbers and dates from [`format`].
//!
//! | function | chart | file in [`all_charts`] |
//! |---|---|---|
//! | [`province_progress`] | communes meeting the standard and average criteria over time, criteria-set changes marked | `bieu-do/tinh-tien-do.svg` |
//! | [`group_history`] | (v1.2) a former district's progress up to the merger that ended it | `bieu-do/lich-su/<district>.svg` |
//! | [`bands`] | communes by band of criteria met, province and each district | `bieu-do/phan-nhom.svg` |
//! | [`districts_compared`] | share meeting the standard and average criteria per district, sorted | `bieu-do/so-sanh-huyen.svg` |
//! | [`criteria_coverage`] | share of communes meeting each criterion, hardest first | `bieu-do/bo-tieu-chi/<set-id>.svg`, `bieu-do/tieu-chi/<district>.svg` |
//! | [`commune_timeline`] | one commune's criteria met over time, target year, standard, recognitions | `bieu-do/xa/<commune-id>.svg` |
//! | [`criteria_grid`] | one commune's criteria as a row of cells | `bieu-do/xa/<commune-id>-tieu-chi.svg` |
//! | [`target_communes`] | the communes targeted for a year, met and left | `bieu-do/ve-dich/<year>.svg` |
//! | [`indicators`] | production models, efficient models, enterprises, cooperatives over time | `bieu-do/chi-so.svg` |
//!
//! The figures come from [`figures`] (pure functions of the report); the
//! drawing from [`lines`] and [`bars`]. Output is deterministic: the same
//! content gives byte-identical SVG.

pub mod bars;
pub mod bulletin;
pub mod canvas;
pub mod figures;
pub mod format;
pub mod layout;
pub mod lines;
pub mod memo;
pub mod metrics;

use crate::date::Date;
use crate::diag::Lang;
use crate::model::{CommuneIx, Content, GroupIx, Level, SetIx};
use crate::render::i18n::Strings;
use crate::report::Report;
use crate::report::timeline::{BAND_KEYS, Levels};
use canvas::Meta;
use layout::{Frame, PHONE_WIDTH, WIDTH};

/// A chart's figures as a table of text, for screen readers and copy-paste.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DataTable {
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// One drawn chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chart {
    /// ASCII slug, unique within a site; the SVG's element ids start with
    /// `chart-<slug>`.
    pub slug: String,
    pub title: String,
    /// What the chart shows, in a sentence or two with its key figures (the
    /// SVG's `<desc>`).
    pub desc: String,
    /// The source and data-date line, also drawn at the chart's foot.
    pub caption: String,
    /// A complete standalone SVG document (no XML declaration), to write as
    /// a file or to put inline in HTML.
    pub svg: String,
    /// The same chart laid out for a phone, [`PHONE_WIDTH`] units wide with
    /// the same type sizes: shown 300–360 px wide, its smallest text (12
    /// units) stays at 11 CSS px or more.
    pub phone_svg: String,
    pub table: DataTable,
}

/// Draws a chart; `data` is everything `draw` reads besides the texts (the
/// key of [`memo`]).
#[allow(clippy::too_many_arguments)]
fn build(
    s: &Strings,
    slug: String,
    title: String,
    subtitle: &str,
    desc: String,
    caption: String,
    table: DataTable,
    data: &dyn std::fmt::Debug,
    draw: impl Fn(&Meta, &Frame) -> String,
) -> Chart {
    let id = format!("chart-{slug}");
    let meta = Meta {
        id: &id,
        title: &title,
        desc: &desc,
    };
    let drawn = |width| {
        // The words (a site's overrides among them) are part of the key:
        // legends and labels come from them.
        let inputs = (&title, subtitle, &desc, &caption, &table, width, data, s);
        memo::svg(&slug, &inputs, || {
            draw(&meta, &Frame::new(width, &title, subtitle, &caption, s))
        })
    };
    let svg = drawn(WIDTH);
    let phone_svg = drawn(PHONE_WIDTH);
    Chart {
        slug,
        title,
        desc,
        caption,
        svg,
        phone_svg,
        table,
    }
}

/// Where the phone layout of the chart file at `path` (`bieu-do/…`) goes.
pub fn phone_path(path: &str) -> String {
    match path.strip_prefix("bieu-do/") {
        Some(rest) => format!("bieu-do/dien-thoai/{rest}"),
        None => format!("dien-thoai-{path}"),
    }
}

/// `Nguồn: <organisation>. Số liệu ngày 28/10/2016.`
fn source(content: &Content, date: Option<Date>) -> String {
    let s = Strings::of(content);
    let org = content.site.organization.as_str();
    match date {
        Some(d) => s.fill(
            "ch_source_on",
            &[("org", org), ("date", &format::date(s.lang(), d))],
        ),
        None => s.fill("ch_source_none", &[("org", org)]),
    }
}

/// `Nguồn: <organisation>. Số liệu từ 27/8/2015 đến 28/10/2016.`, or the
/// one date's line when `from` and `to` are the same.
fn source_between(content: &Content, from: Option<Date>, to: Option<Date>) -> String {
    let s = Strings::of(content);
    match (from, to) {
        (Some(a), Some(b)) if a != b => s.fill(
            "ch_source_span",
            &[
                ("org", content.site.organization.as_str()),
                ("from", &format::date(s.lang(), a)),
                ("to", &format::date(s.lang(), b)),
            ],
        ),
        (_, b) => source(content, b),
    }
}

fn source_span(content: &Content) -> String {
    source_between(
        content,
        content.snapshots.first().map(|s| s.date),
        content.snapshots.last().map(|s| s.date),
    )
}

/// The placeholders of a sentence on bands: `date`, `known` (the communes
/// with data) and `b0`…`b4` (the communes in each band).
fn bands_args(lang: Lang, d: Date, l: &Levels) -> Vec<(&'static str, String)> {
    let mut v = vec![
        ("date", format::date(lang, d)),
        ("known", format::count(lang, l.known)),
    ];
    for (name, &n) in ["b0", "b1", "b2", "b3", "b4"].iter().zip(&l.bands) {
        v.push((name, format::count(lang, n)));
    }
    v
}

/// Owned placeholders as the pairs [`Strings::fill`] takes.
fn pairs<'a>(args: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    args.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// A short name for a criteria set: the number of its decision
/// (`QĐ 1980/QĐ-TTg`) when the decision says `số …`, else its id.
pub fn set_label(content: &Content, set: SetIx) -> String {
    let s = &content.sets[set];
    s.decision
        .as_deref()
        .and_then(|d| {
            let i = d.find("số ")?;
            let num = d[i + "số ".len()..].split_whitespace().next()?;
            Some(Strings::of(content).fill("ch_set_label", &[("num", num)]))
        })
        .unwrap_or_else(|| s.id.clone())
}

/// The text with its first letter in upper case (`huyện …` → `Huyện …`).
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn max_criteria(content: &Content) -> u64 {
    content
        .sets
        .iter()
        .map(|s| s.len() as u64)
        .max()
        .unwrap_or(0)
}

fn slug_of(id: &str) -> String {
    id.replace('/', "-")
}

fn level_name<'a>(s: &Strings<'a>, l: Level) -> &'a str {
    s.get(match l {
        Level::Standard => "ch_level_standard",
        Level::Advanced => "ch_level_advanced",
        Level::Model => "ch_level_model",
    })
}

/// The texts of the keys `keys`: a data table's headings.
fn strings<const N: usize>(s: &Strings, keys: [&str; N]) -> Vec<String> {
    keys.iter().map(|k| s.get(k).to_string()).collect()
}

/// Chart 1: The province's progress over every snapshot date: communes known and
/// meeting the standard, and the average criteria met per commune; each
/// change of criteria set is marked.
pub fn province_progress(content: &Content, report: &Report) -> Chart {
    let s = Strings::of(content);
    let p = figures::progress(content, report);
    let title = s.get("ch_province_title").to_string();
    let mut desc = progress_sentences(content, &p);
    for m in &p.mergers {
        desc.push(' ');
        desc.push_str(&s.fill("ch_desc_mergers", &[("date", &format::date(s.lang(), *m))]));
    }
    progress_chart(
        content,
        "tinh-tien-do".into(),
        title,
        desc,
        source_span(content),
        &p,
    )
}

/// Chart 1b (v1.2): A former district's progress up to the merger that
/// ended it (`merged`, the day its last communes merged away), drawn and
/// described as the province's; the merger marked at the end.
pub fn group_history(content: &Content, report: &Report, g: GroupIx, merged: Date) -> Chart {
    let p = figures::group_history(content, report, g, merged);
    let s = Strings::of(content);
    let lang = s.lang();
    let gr = &content.groups[g];
    let title = s.fill(
        "ch_history_title",
        &[
            ("kind", &gr.kind),
            ("name", &gr.name),
            ("date", &format::date(lang, merged.pred())),
        ],
    );
    let mut desc = progress_sentences(content, &p);
    desc.push(' ');
    desc.push_str(&s.fill(
        "ch_history_merged",
        &[
            ("date", &format::date(lang, merged)),
            ("kind", &gr.kind),
            ("name", &gr.name),
        ],
    ));
    let caption = source_between(
        content,
        p.points.first().map(|q| q.date),
        p.points.last().map(|q| q.date),
    );
    progress_chart(
        content,
        format!("lich-su-{}", slug_of(&gr.id)),
        title,
        desc,
        caption,
        &p,
    )
}

/// The sentences of a progress chart's description: the last point's
/// figures and each change of criteria set.
fn progress_sentences(content: &Content, p: &figures::Progress) -> String {
    let s = Strings::of(content);
    let lang = s.lang();
    let Some(last) = p.points.last() else {
        return s.get("ch_no_data_sentence").to_string();
    };
    let mut d = s.fill(
        "ch_progress_desc",
        &[
            ("date", &format::date(lang, last.date)),
            ("met", &format::count(lang, last.meets_standard)),
            ("known", &format::count(lang, last.known)),
            (
                "average",
                &last
                    .average_met
                    .map(|a| format::dec(lang, a, 1))
                    .unwrap_or_else(|| "–".into()),
            ),
        ],
    );
    for ch in &p.set_changes {
        d.push(' ');
        d.push_str(&s.fill(
            "ch_set_change",
            &[
                ("date", &format::date(lang, ch.date)),
                ("set", &set_label(content, ch.to)),
            ],
        ));
    }
    d
}

/// A progress chart (the province's, a former district's): its data table
/// and its two panels.
fn progress_chart(
    content: &Content,
    slug: String,
    title: String,
    desc: String,
    caption: String,
    p: &figures::Progress,
) -> Chart {
    let s = Strings::of(content);
    let lang = s.lang();
    let table = DataTable {
        caption: title.clone(),
        headers: strings(
            &s,
            [
                "ch_col_date",
                "ch_col_set",
                "ch_col_known",
                "ch_col_standard",
                "ch_col_average",
            ],
        ),
        rows: p
            .points
            .iter()
            .map(|q| {
                vec![
                    format::date(lang, q.date),
                    set_label(content, q.set),
                    format::count(lang, q.known),
                    format::count(lang, q.meets_standard),
                    q.average_met
                        .map(|a| format::dec(lang, a, 2))
                        .unwrap_or_default(),
                ]
            })
            .collect(),
    };
    let subtitle = s.get("ch_progress_subtitle");
    build(
        &s,
        slug,
        title,
        subtitle,
        desc,
        caption,
        table,
        &(p, max_criteria(content)),
        |meta, frame| {
            lines::progress(meta, frame, p, max_criteria(content), |ch| {
                s.fill("ch_new_set_from", &[("date", &format::date(lang, ch.date))])
            })
        },
    )
}

/// Chart 2: Communes by band of criteria met on `date` (`None`: the latest date),
/// for the province and each district.
pub fn bands(content: &Content, report: &Report, date: Option<Date>) -> Chart {
    let s = Strings::of(content);
    let lang = s.lang();
    let (on, rows) = figures::bands(content, report, date);
    let slug = match date {
        Some(d) if Some(d) != report.latest_date() => format!("phan-nhom-{d}"),
        _ => "phan-nhom".to_string(),
    };
    let title = s.get("ch_bands_title").to_string();
    let p = &rows[0].levels;
    let desc = match on {
        Some(d) => s.fill("ch_bands_desc", &pairs(&bands_args(lang, d, p))),
        None => s.get("ch_no_data_sentence").into(),
    };
    let mut headers = strings(&s, ["ch_col_area", "ch_col_known"]);
    let band_names = bars::band_names(&s);
    headers.extend(band_names.iter().map(|s| s.to_string()));
    let table = DataTable {
        caption: title.clone(),
        headers,
        rows: rows
            .iter()
            .map(|r| {
                let mut v = vec![r.name.clone(), format::count(lang, r.levels.known)];
                if r.levels.known == 0 {
                    v.extend(
                        r.levels
                            .bands
                            .iter()
                            .map(|_| s.get("ch_no_data").to_string()),
                    );
                } else {
                    v.extend(r.levels.bands.iter().map(|&n| format::count(lang, n)));
                }
                v
            })
            .collect(),
    };
    debug_assert_eq!(BAND_KEYS.len(), band_names.len());
    let subtitle = s.get("ch_bands_subtitle");
    build(
        &s,
        slug,
        title,
        subtitle,
        desc,
        source(content, on),
        table,
        &rows,
        |meta, frame| bars::bands(meta, frame, &rows),
    )
}

/// Chart 3: The districts at the latest date: share of communes meeting the
/// standard and average criteria met, sorted by share.
pub fn districts_compared(content: &Content, report: &Report) -> Chart {
    let s = Strings::of(content);
    let lang = s.lang();
    let (province, rows) = figures::districts_compared(content, report);
    let title = s.get("ch_districts_title").to_string();
    // Districts with no commune known sort last and are named apart: they
    // have no share to be the lowest.
    let known: Vec<&figures::DistrictRow> = rows.iter().filter(|r| r.known > 0).collect();
    let no_data: Vec<&str> = rows
        .iter()
        .filter(|r| r.known == 0)
        .map(|r| r.name.as_str())
        .collect();
    let desc = match (report.latest_date(), known.first(), known.last()) {
        (Some(d), Some(top), Some(bottom)) => {
            let share = |r: &figures::DistrictRow| {
                format::percent(lang, u64::from(r.meets_standard), u64::from(r.known))
            };
            let mut text = s.fill_n(
                "ch_districts_desc",
                u64::from(province.meets_standard),
                &[
                    ("date", &format::date(lang, d)),
                    ("n", &format::count(lang, province.meets_standard)),
                    ("share", &share(&province)),
                    ("top", &top.name),
                    ("top_share", &share(top)),
                    ("bottom", &bottom.name),
                    ("bottom_share", &share(bottom)),
                ],
            );
            if !no_data.is_empty() {
                text.push(' ');
                text.push_str(&s.fill("ch_districts_no_data", &[("names", &no_data.join(", "))]));
            }
            text
        }
        _ => s.get("ch_no_data_sentence").into(),
    };
    let row = |r: &figures::DistrictRow| {
        if r.known == 0 {
            let none = s.get("ch_no_data").to_string();
            return vec![
                r.name.clone(),
                format::count(lang, r.communes),
                format::count(lang, 0u32),
                none.clone(),
                none.clone(),
                none,
            ];
        }
        vec![
            r.name.clone(),
            format::count(lang, r.communes),
            format::count(lang, r.known),
            format::count(lang, r.meets_standard),
            format::percent(lang, u64::from(r.meets_standard), u64::from(r.known)),
            r.average_met
                .map(|a| format::dec(lang, a, 2))
                .unwrap_or_default(),
        ]
    };
    let mut table_rows: Vec<Vec<String>> = rows.iter().map(row).collect();
    table_rows.push(row(&province));
    let table = DataTable {
        caption: title.clone(),
        headers: strings(
            &s,
            [
                "ch_col_district",
                "ch_col_communes",
                "ch_col_known",
                "ch_col_standard",
                "ch_col_share_standard",
                "ch_col_average",
            ],
        ),
        rows: table_rows,
    };
    let subtitle = s.get("ch_districts_subtitle");
    build(
        &s,
        "so-sanh-huyen".into(),
        title,
        subtitle,
        desc,
        source(content, report.latest_date()),
        table,
        &(&province, &rows, max_criteria(content)),
        |meta, frame| bars::districts(meta, frame, &province, &rows, max_criteria(content) as f64),
    )
}

/// Chart 4: For each criterion of `set`, the share of the communes of `scope`
/// (`None`: the province; else a group, at any depth) known under that set
/// that meet it, on the latest date (or, for a set the latest snapshot does
/// not use, on the last snapshot that used it); the hardest criteria are
/// highlighted.
pub fn criteria_coverage(
    content: &Content,
    report: &Report,
    set: SetIx,
    scope: Option<GroupIx>,
) -> Chart {
    let s = Strings::of(content);
    let lang = s.lang();
    let (date, rows) = figures::coverage(content, report, set, scope);
    let place = scope
        .map(|g| content.groups[g].name.clone())
        .unwrap_or_else(|| s.get("ch_province_lower").into());
    let slug = match scope {
        None => format!("bo-tieu-chi-{}", content.sets[set].id),
        Some(g) => format!("tieu-chi-{}", slug_of(&content.groups[g].id)),
    };
    let title = s.fill("ch_coverage_title", &[("place", &place)]);
    let known = rows.first().map(|r| r.known).unwrap_or(0);
    let order = bars::coverage_order(&rows);
    let hardest: Vec<String> = bars::hardest(&rows, &order)
        .iter()
        .map(|&i| {
            format!(
                "{}. {} ({})",
                rows[i].number,
                rows[i].name,
                format::percent(lang, u64::from(rows[i].meeting), u64::from(rows[i].known))
            )
        })
        .collect();
    let desc = match date {
        Some(d) if known > 0 => s.fill(
            "ch_coverage_desc",
            &[
                ("date", &format::date(lang, d)),
                ("known", &format::count(lang, known)),
                ("set", &set_label(content, set)),
                (
                    "hardest",
                    &if hardest.is_empty() {
                        s.get("ch_coverage_none_hard").to_string()
                    } else {
                        hardest.join("; ")
                    },
                ),
            ],
        ),
        _ => s.get("ch_no_data_sentence").into(),
    };
    let table = DataTable {
        caption: title.clone(),
        headers: strings(
            &s,
            [
                "ch_col_criterion",
                "ch_col_criterion_name",
                "ch_col_meeting",
                "ch_col_known",
                "ch_col_share",
            ],
        ),
        rows: order
            .iter()
            .map(|&i| {
                let r = &rows[i];
                vec![
                    r.number.to_string(),
                    r.name.clone(),
                    format::count(lang, r.meeting),
                    format::count(lang, r.known),
                    format::percent(lang, u64::from(r.meeting), u64::from(r.known)),
                ]
            })
            .collect(),
    };
    let subtitle = s.fill(
        "ch_coverage_subtitle",
        &[
            ("set", &set_label(content, set)),
            ("known", &format::count(lang, known)),
        ],
    );
    build(
        &s,
        slug,
        title,
        &subtitle,
        desc,
        source(content, date),
        table,
        &rows,
        |meta, frame| bars::coverage(meta, frame, &rows),
    )
}

/// Chart 5: One commune's criteria met over time, with its target year, the date
/// it first met the standard and its recognitions.
pub fn commune_timeline(content: &Content, report: &Report, commune: CommuneIx) -> Chart {
    let s = Strings::of(content);
    let lang = s.lang();
    let t = figures::commune_track(content, report, commune);
    let c = &content.communes[commune];
    let who = [("kind", c.kind.as_str()), ("name", c.name.as_str())];
    let title = s.fill("ch_commune_title", &who);
    let mut desc = match t.points.last() {
        Some(p) => s.fill(
            "ch_commune_desc",
            &[
                who[0],
                who[1],
                ("date", &format::date(lang, p.date)),
                ("met", &p.met.to_string()),
                ("total", &p.total.to_string()),
            ],
        ),
        None => s.fill("ch_commune_none", &who),
    };
    let mut sentence = |text: String| {
        desc.push(' ');
        desc.push_str(&text);
    };
    if let Some(y) = t.target_year {
        sentence(s.fill("ch_commune_target", &[("year", &y.to_string())]));
    }
    match t.reached {
        Some(d) => sentence(s.fill("ch_commune_reached", &[("date", &format::date(lang, d))])),
        None => sentence(s.get("ch_commune_not_reached").to_string()),
    }
    for r in &t.recognitions {
        sentence(s.fill(
            "ch_commune_recognised",
            &[
                ("level", level_name(&s, r.level)),
                ("date", &format::date(lang, r.date)),
                ("decision", &r.decision),
            ],
        ));
    }
    if let Some(d) = t.formed {
        sentence(s.fill("ch_commune_formed", &[("date", &format::date(lang, d))]));
    }
    if let Some((d, into)) = &t.merged {
        sentence(s.fill(
            "ch_commune_merged",
            &[("into", into), ("date", &format::date(lang, *d))],
        ));
    }
    // Each row with its date, sorted on the date (stable: a recognition
    // comes after the report of the same day), then the date written out.
    let mut dated: Vec<(Date, Vec<String>)> = t
        .points
        .iter()
        .map(|p| {
            (
                p.date,
                vec![
                    set_label(content, p.set),
                    p.met.to_string(),
                    p.total.to_string(),
                    if p.met >= p.total {
                        s.get("ch_standard")
                    } else {
                        ""
                    }
                    .to_string(),
                ],
            )
        })
        .collect();
    for r in &t.recognitions {
        dated.push((
            r.date,
            vec![
                String::new(),
                String::new(),
                String::new(),
                format!("{} ({})", level_name(&s, r.level), r.decision),
            ],
        ));
    }
    dated.sort_by_key(|(d, _)| *d);
    let rows = dated
        .into_iter()
        .map(|(d, rest)| {
            let mut row = vec![format::date(lang, d)];
            row.extend(rest);
            row
        })
        .collect();
    let table = DataTable {
        caption: title.clone(),
        headers: strings(
            &s,
            [
                "ch_col_date",
                "ch_col_set",
                "ch_col_met",
                "ch_col_total",
                "ch_col_note",
            ],
        ),
        rows,
    };
    let range = match (content.snapshots.first(), content.snapshots.last()) {
        (Some(a), Some(b)) => Some((a.date, b.date)),
        _ => None,
    };
    let group = content
        .ancestors(commune)
        .first()
        .map(|&g| {
            s.fill(
                "ch_commune_group",
                &[
                    ("kind", &content.groups[g].kind),
                    ("name", &content.groups[g].name),
                ],
            )
        })
        .unwrap_or_default();
    let subtitle = capitalise(&s.fill("ch_commune_subtitle", &[("group", &group)]));
    build(
        &s,
        format!("xa-{}", slug_of(&c.id)),
        title,
        &subtitle,
        desc,
        source(content, t.points.last().map(|p| p.date)),
        table,
        &(&t, range),
        |meta, frame| lines::commune(meta, frame, &t, range, |l| level_name(&s, l).to_string()),
    )
}

/// Chart 6: One commune's criteria on `date` (`None`: its latest state) as a row
/// of cells, filled when met: small enough for a table cell.
pub fn criteria_grid(
    content: &Content,
    report: &Report,
    commune: CommuneIx,
    date: Option<Date>,
) -> Chart {
    let s = Strings::of(content);
    let g = figures::grid(report, commune, date);
    let c = &content.communes[commune];
    let when = date.or_else(|| report.sweep.timeline.latest(commune).map(|s| s.date));
    let (n, title, rows) = match g.state {
        Some((set, met)) => {
            let crit = &content.sets[set].criteria;
            let missing: Vec<String> = crit
                .iter()
                .filter(|k| !met.has(k.number))
                .map(|k| k.number.to_string())
                .collect();
            let title = if missing.is_empty() {
                s.fill(
                    "ch_grid_all",
                    &[("name", &c.name), ("n", &crit.len().to_string())],
                )
            } else {
                s.fill(
                    "ch_grid_some",
                    &[
                        ("name", &c.name),
                        ("met", &met.count().to_string()),
                        ("n", &crit.len().to_string()),
                        ("missing", &missing.join(", ")),
                    ],
                )
            };
            let rows = crit
                .iter()
                .map(|k| {
                    vec![
                        k.number.to_string(),
                        k.name.clone(),
                        s.get(if met.has(k.number) {
                            "ch_met"
                        } else {
                            "ch_not_met"
                        })
                        .to_string(),
                    ]
                })
                .collect();
            (crit.len(), title, rows)
        }
        None => (
            figures::latest_set(content)
                .map(|s| content.sets[s].len())
                .unwrap_or(0),
            s.fill("ch_grid_none", &[("name", &c.name)]),
            Vec::new(),
        ),
    };
    let caption = source(content, when);
    let desc = s.fill("ch_grid_desc", &[("source", &caption)]);
    let slug = match date {
        Some(d) => format!("o-tieu-chi-{}-{d}", slug_of(&c.id)),
        None => format!("o-tieu-chi-{}", slug_of(&c.id)),
    };
    let id = format!("chart-{slug}");
    let meta = Meta {
        id: &id,
        title: &title,
        desc: &desc,
    };
    let svg = memo::svg(&slug, &(&title, &desc, &g.state, n), || {
        bars::grid(&meta, g.state, n)
    });
    Chart {
        slug,
        title: title.clone(),
        desc,
        caption,
        // A row of cells without text: the same on a phone.
        phone_svg: svg.clone(),
        svg,
        table: DataTable {
            caption: title,
            headers: strings(
                &s,
                ["ch_col_criterion", "ch_col_criterion_name", "ch_col_result"],
            ),
            rows,
        },
    }
}

/// Chart 7: The communes whose target year is `date`'s year, with the criteria
/// each meets and has left on `date`, sorted by criteria left.
pub fn target_communes(content: &Content, report: &Report, date: Date) -> Chart {
    let s = Strings::of(content);
    let lang = s.lang();
    let rows = figures::target_communes(content, report, date);
    let year = date.year();
    let year_text = year.to_string();
    let title = s.fill("ch_targets_title", &[("year", &year_text)]);
    let done = rows
        .iter()
        .filter(|r| r.met.is_some_and(|(m, t)| m >= t))
        .count();
    let mut desc = s.fill(
        "ch_targets_desc",
        &[
            ("date", &format::date(lang, date)),
            ("done", &format::count(lang, done as u64)),
            ("n", &format::count(lang, rows.len() as u64)),
            ("year", &year_text),
        ],
    );
    if let Some(r) = rows.iter().find(|r| r.left().is_some_and(|l| l > 0)) {
        desc.push(' ');
        desc.push_str(&s.fill_n(
            "ch_targets_nearest",
            u64::from(r.left().unwrap_or(0)),
            &[
                ("name", &r.name),
                ("left", &r.left().unwrap_or(0).to_string()),
            ],
        ));
    }
    let label = bars::target_label(&rows);
    let table = DataTable {
        caption: title.clone(),
        headers: strings(
            &s,
            [
                "ch_col_commune",
                "ch_col_district",
                "ch_col_met",
                "ch_col_left",
                "ch_col_total",
            ],
        ),
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    label(r),
                    r.district.clone().unwrap_or_default(),
                    r.met.map(|m| m.0.to_string()).unwrap_or_default(),
                    r.left().map(|l| l.to_string()).unwrap_or_default(),
                    r.met.map(|m| m.1.to_string()).unwrap_or_default(),
                ]
            })
            .collect(),
    };
    let subtitle = s.fill(
        "ch_targets_subtitle",
        &[("date", &format::date(lang, date))],
    );
    build(
        &s,
        format!("ve-dich-{year}"),
        title,
        &subtitle,
        desc,
        source(content, Some(date)),
        table,
        &rows,
        |meta, frame| bars::targets(meta, frame, &rows),
    )
}

/// Chart 8: The indicators over time: production models, efficient models,
/// enterprises and cooperatives, each the sum over communes of the latest
/// value each reported.
pub fn indicators(content: &Content, report: &Report) -> Chart {
    let s = Strings::of(content);
    let lang = s.lang();
    let names = figures::indicator_names(&s);
    let points = &report.indicators;
    let title = s.get("ch_indicators_title").to_string();
    let last = points.last();
    let desc = match last {
        Some(p) if p.values.iter().any(Option::is_some) => {
            let parts: Vec<String> = (0..4)
                .filter_map(|i| {
                    p.values[i].map(|v| {
                        s.fill(
                            "ch_indicators_part",
                            &[
                                ("name", &names[i].to_lowercase()),
                                ("n", &format::count(lang, v)),
                            ],
                        )
                    })
                })
                .collect();
            s.fill(
                "ch_indicators_desc",
                &[
                    ("date", &format::date(lang, p.date)),
                    ("parts", &parts.join(", ")),
                ],
            )
        }
        _ => s.get("ch_no_data_sentence").into(),
    };
    let mut headers = strings(&s, ["ch_col_date"]);
    headers.extend(names.iter().map(|s| s.to_string()));
    let table = DataTable {
        caption: title.clone(),
        headers,
        rows: points
            .iter()
            .filter(|p| p.values.iter().any(Option::is_some))
            .map(|p| {
                let mut r = vec![format::date(lang, p.date)];
                r.extend(
                    p.values
                        .iter()
                        .map(|v| v.map(|v| format::count(lang, v)).unwrap_or_default()),
                );
                r
            })
            .collect(),
    };
    let subtitle = s.get("ch_indicators_subtitle");
    build(
        &s,
        "chi-so".into(),
        title,
        subtitle,
        desc,
        source_span(content),
        table,
        points,
        |meta, frame| lines::indicators(meta, frame, points, &names),
    )
}

/// Every chart of the site with the path of its SVG file in the output.
pub fn all_charts(content: &Content, report: &Report) -> Vec<(String, Chart)> {
    let mut out = vec![
        (
            "bieu-do/tinh-tien-do.svg".to_string(),
            province_progress(content, report),
        ),
        (
            "bieu-do/phan-nhom.svg".to_string(),
            bands(content, report, None),
        ),
        (
            "bieu-do/so-sanh-huyen.svg".to_string(),
            districts_compared(content, report),
        ),
    ];
    for (set, s) in content.sets.iter().enumerate() {
        out.push((
            format!("bieu-do/bo-tieu-chi/{}.svg", s.id),
            criteria_coverage(content, report, set, None),
        ));
    }
    for g in figures::districts(content) {
        // A former district's page shows its history, not today's criteria.
        if let Some(merged) = crate::report::groups::ended(content, g) {
            out.push((
                format!("bieu-do/lich-su/{}.svg", content.groups[g].id),
                group_history(content, report, g, merged),
            ));
        } else if let Some(set) = figures::latest_set(content) {
            out.push((
                format!("bieu-do/tieu-chi/{}.svg", content.groups[g].id),
                criteria_coverage(content, report, set, Some(g)),
            ));
        }
    }
    for c in 0..content.communes.len() {
        let id = &content.communes[c].id;
        out.push((
            format!("bieu-do/xa/{id}.svg"),
            commune_timeline(content, report, c),
        ));
        out.push((
            format!("bieu-do/xa/{id}-tieu-chi.svg"),
            criteria_grid(content, report, c, None),
        ));
    }
    for y in &report.years {
        out.push((
            format!("bieu-do/ve-dich/{}.svg", y.year),
            target_communes(content, report, y.end),
        ));
    }
    out.push(("bieu-do/chi-so.svg".into(), indicators(content, report)));
    out
}
