//! Charts of progress, drawn at build time with plotters' SVG backend.
//!
//! Each function returns a [`Chart`]: the SVG (with `<title>`, `<desc>`,
//! `role="img"`, `aria-labelledby` and a `viewBox`), its title, description
//! and caption (the source line), and a [`DataTable`] with the same figures
//! as text in Vietnamese form, for an HTML table beside the chart.
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
use crate::model::{CommuneIx, Content, GroupIx, Level, SetIx};
use crate::report::Report;
use crate::report::timeline::BAND_KEYS;
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
        let inputs = (&title, subtitle, &desc, &caption, &table, width, data);
        memo::svg(&slug, &inputs, || {
            draw(&meta, &Frame::new(width, &title, subtitle, &caption))
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
    match date {
        Some(d) => format!(
            "Nguồn: {}. Số liệu ngày {}.",
            content.site.organization,
            format::date(d)
        ),
        None => format!("Nguồn: {}. Chưa có số liệu.", content.site.organization),
    }
}

fn source_span(content: &Content) -> String {
    match (content.snapshots.first(), content.snapshots.last()) {
        (Some(a), Some(b)) if a.date != b.date => format!(
            "Nguồn: {}. Số liệu từ {} đến {}.",
            content.site.organization,
            format::date(a.date),
            format::date(b.date)
        ),
        (_, b) => source(content, b.map(|s| s.date)),
    }
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
            Some(format!("QĐ {num}"))
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

fn level_name(l: Level) -> &'static str {
    match l {
        Level::Standard => "Công nhận đạt chuẩn",
        Level::Advanced => "Công nhận NTM nâng cao",
        Level::Model => "Công nhận NTM kiểu mẫu",
    }
}

fn strings<const N: usize>(a: [&str; N]) -> Vec<String> {
    a.iter().map(|s| s.to_string()).collect()
}

/// Chart 1: The province's progress over every snapshot date: communes known and
/// meeting the standard, and the average criteria met per commune; each
/// change of criteria set is marked.
pub fn province_progress(content: &Content, report: &Report) -> Chart {
    let p = figures::progress(content, report);
    let title = "Tiến độ xây dựng nông thôn mới toàn tỉnh".to_string();
    let mut desc = progress_sentences(content, &p);
    for m in &p.mergers {
        desc.push_str(&format!(
            " Ngày {} các xã được sắp xếp, sáp nhập thành xã mới.",
            format::date(*m)
        ));
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
    let gr = &content.groups[g];
    let title = format!(
        "Tiến độ của {} {} đến ngày {}",
        gr.kind,
        gr.name,
        format::date(merged.pred())
    );
    let mut desc = progress_sentences(content, &p);
    desc.push_str(&format!(
        " Ngày {} các xã của {} {} được sáp nhập vào xã mới.",
        format::date(merged),
        gr.kind,
        gr.name
    ));
    let caption = match (p.points.first(), p.points.last()) {
        (Some(a), Some(b)) if a.date != b.date => format!(
            "Nguồn: {}. Số liệu từ {} đến {}.",
            content.site.organization,
            format::date(a.date),
            format::date(b.date)
        ),
        (_, b) => source(content, b.map(|q| q.date)),
    };
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
    let Some(last) = p.points.last() else {
        return "Chưa có số liệu.".to_string();
    };
    let mut d = format!(
        "Đến {}, {} trong {} xã có số liệu đạt chuẩn nông thôn mới; bình quân mỗi xã đạt {} tiêu chí.",
        format::date(last.date),
        format::count(last.meets_standard),
        format::count(last.known),
        last.average_met
            .map(|a| format::dec(a, 1))
            .unwrap_or_else(|| "–".into())
    );
    for ch in &p.set_changes {
        d.push_str(&format!(
            " Từ {} áp dụng bộ tiêu chí {}.",
            format::date(ch.date),
            set_label(content, ch.to)
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
    let table = DataTable {
        caption: title.clone(),
        headers: strings([
            "Ngày",
            "Bộ tiêu chí",
            "Số xã có số liệu",
            "Số xã đạt chuẩn",
            "Bình quân tiêu chí/xã",
        ]),
        rows: p
            .points
            .iter()
            .map(|q| {
                vec![
                    format::date(q.date),
                    set_label(content, q.set),
                    format::count(q.known),
                    format::count(q.meets_standard),
                    q.average_met.map(|a| format::dec(a, 2)).unwrap_or_default(),
                ]
            })
            .collect(),
    };
    let subtitle = "Số xã đạt chuẩn trên số xã có số liệu, và bình quân số tiêu chí đạt mỗi xã, theo ngày báo cáo";
    build(
        slug,
        title,
        subtitle,
        desc,
        caption,
        table,
        &(p, max_criteria(content)),
        |meta, frame| {
            lines::progress(meta, frame, p, max_criteria(content), |ch| {
                format!("Bộ tiêu chí mới từ {}", format::date(ch.date))
            })
        },
    )
}

/// Chart 2: Communes by band of criteria met on `date` (`None`: the latest date),
/// for the province and each district.
pub fn bands(content: &Content, report: &Report, date: Option<Date>) -> Chart {
    let (on, rows) = figures::bands(content, report, date);
    let slug = match date {
        Some(d) if Some(d) != report.latest_date() => format!("phan-nhom-{d}"),
        _ => "phan-nhom".to_string(),
    };
    let title = "Số xã theo số tiêu chí đạt".to_string();
    let p = &rows[0].levels;
    let desc = match on {
        Some(d) => format!(
            "Ngày {}, toàn tỉnh có {} xã có số liệu: {} xã đạt chuẩn, {} xã đạt từ 15 tiêu chí, {} xã 10–14 tiêu chí, {} xã 5–9 tiêu chí, {} xã dưới 5 tiêu chí; từng huyện như bảng số liệu.",
            format::date(d),
            format::count(p.known),
            format::count(p.bands[0]),
            format::count(p.bands[1]),
            format::count(p.bands[2]),
            format::count(p.bands[3]),
            format::count(p.bands[4]),
        ),
        None => "Chưa có số liệu.".into(),
    };
    let mut headers = strings(["Đơn vị", "Số xã có số liệu"]);
    headers.extend(bars::BAND_NAMES.iter().map(|s| s.to_string()));
    let table = DataTable {
        caption: title.clone(),
        headers,
        rows: rows
            .iter()
            .map(|r| {
                let mut v = vec![r.name.clone(), format::count(r.levels.known)];
                if r.levels.known == 0 {
                    v.extend(r.levels.bands.iter().map(|_| "Chưa có số liệu".to_string()));
                } else {
                    v.extend(r.levels.bands.iter().map(|&n| format::count(n)));
                }
                v
            })
            .collect(),
    };
    debug_assert_eq!(BAND_KEYS.len(), bars::BAND_NAMES.len());
    let subtitle = "Các xã có số liệu của mỗi đơn vị theo nhóm số tiêu chí đạt; số trên thanh và dưới tên đơn vị là số xã";
    build(
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
    let (province, rows) = figures::districts_compared(content, report);
    let title = "So sánh các huyện".to_string();
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
            let mut s = format!(
                "Ngày {}, toàn tỉnh có {} xã đạt chuẩn ({}). Cao nhất là {} ({}), thấp nhất là {} ({}).",
                format::date(d),
                format::count(province.meets_standard),
                format::percent(
                    u64::from(province.meets_standard),
                    u64::from(province.known)
                ),
                top.name,
                format::percent(u64::from(top.meets_standard), u64::from(top.known)),
                bottom.name,
                format::percent(u64::from(bottom.meets_standard), u64::from(bottom.known)),
            );
            if !no_data.is_empty() {
                s.push_str(&format!(" {} chưa có số liệu.", no_data.join(", ")));
            }
            s
        }
        _ => "Chưa có số liệu.".into(),
    };
    let row = |r: &figures::DistrictRow| {
        if r.known == 0 {
            let none = "Chưa có số liệu".to_string();
            return vec![
                r.name.clone(),
                format::count(r.communes),
                format::count(0u32),
                none.clone(),
                none.clone(),
                none,
            ];
        }
        vec![
            r.name.clone(),
            format::count(r.communes),
            format::count(r.known),
            format::count(r.meets_standard),
            format::percent(u64::from(r.meets_standard), u64::from(r.known)),
            r.average_met.map(|a| format::dec(a, 2)).unwrap_or_default(),
        ]
    };
    let mut table_rows: Vec<Vec<String>> = rows.iter().map(row).collect();
    table_rows.push(row(&province));
    let table = DataTable {
        caption: title.clone(),
        headers: strings([
            "Huyện",
            "Số xã",
            "Số xã có số liệu",
            "Số xã đạt chuẩn",
            "Tỷ lệ đạt chuẩn",
            "Bình quân tiêu chí/xã",
        ]),
        rows: table_rows,
    };
    let subtitle =
        "Xếp theo tỷ lệ xã đạt chuẩn trên số xã có số liệu; đường đứt nét là mức toàn tỉnh";
    build(
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
    let (date, rows) = figures::coverage(content, report, set, scope);
    let place = scope
        .map(|g| content.groups[g].name.clone())
        .unwrap_or_else(|| "toàn tỉnh".into());
    let slug = match scope {
        None => format!("bo-tieu-chi-{}", content.sets[set].id),
        Some(g) => format!("tieu-chi-{}", slug_of(&content.groups[g].id)),
    };
    let title = format!("Tỷ lệ xã đạt từng tiêu chí, {place}");
    let known = rows.first().map(|r| r.known).unwrap_or(0);
    let order = bars::coverage_order(&rows);
    let hardest: Vec<String> = bars::hardest(&rows, &order)
        .iter()
        .map(|&i| {
            format!(
                "{}. {} ({})",
                rows[i].number,
                rows[i].name,
                format::percent(u64::from(rows[i].meeting), u64::from(rows[i].known))
            )
        })
        .collect();
    let desc = match date {
        Some(d) if known > 0 => format!(
            "Ngày {}, trong {} xã có số liệu theo bộ tiêu chí {}: tiêu chí có tỷ lệ đạt thấp nhất là {}.",
            format::date(d),
            format::count(known),
            set_label(content, set),
            if hardest.is_empty() {
                "không có (mọi xã đạt mọi tiêu chí)".to_string()
            } else {
                hardest.join("; ")
            }
        ),
        _ => "Chưa có số liệu.".into(),
    };
    let table = DataTable {
        caption: title.clone(),
        headers: strings([
            "Tiêu chí",
            "Tên tiêu chí",
            "Số xã đạt",
            "Số xã có số liệu",
            "Tỷ lệ đạt",
        ]),
        rows: order
            .iter()
            .map(|&i| {
                let r = &rows[i];
                vec![
                    r.number.to_string(),
                    r.name.clone(),
                    format::count(r.meeting),
                    format::count(r.known),
                    format::percent(u64::from(r.meeting), u64::from(r.known)),
                ]
            })
            .collect(),
    };
    let subtitle = format!(
        "Theo bộ tiêu chí {}, trên {} xã có số liệu; xếp từ tiêu chí khó nhất",
        set_label(content, set),
        format::count(known)
    );
    build(
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
    let t = figures::commune_track(content, report, commune);
    let c = &content.communes[commune];
    let title = format!("Tiến độ của {} {}", c.kind, c.name);
    let mut desc = match t.points.last() {
        Some(p) => format!(
            "Ngày {}, {} {} đạt {}/{} tiêu chí.",
            format::date(p.date),
            c.kind,
            c.name,
            p.met,
            p.total
        ),
        None => format!("{} {} chưa có trong báo cáo nào.", c.kind, c.name),
    };
    if let Some(y) = t.target_year {
        desc.push_str(&format!(" Năm đăng ký về đích: {y}."));
    }
    match t.reached {
        Some(d) => desc.push_str(&format!(" Đạt chuẩn lần đầu ngày {}.", format::date(d))),
        None => desc.push_str(" Chưa đạt chuẩn."),
    }
    for r in &t.recognitions {
        desc.push_str(&format!(
            " {} ngày {} ({}).",
            level_name(r.level),
            format::date(r.date),
            r.decision
        ));
    }
    if let Some(d) = t.formed {
        desc.push_str(&format!(" Thành lập ngày {} do sáp nhập.", format::date(d)));
    }
    if let Some((d, into)) = &t.merged {
        desc.push_str(&format!(" Sáp nhập vào {into} ngày {}.", format::date(*d)));
    }
    let mut rows: Vec<Vec<String>> = t
        .points
        .iter()
        .map(|p| {
            vec![
                format::date(p.date),
                set_label(content, p.set),
                p.met.to_string(),
                p.total.to_string(),
                if p.met >= p.total {
                    "Đạt chuẩn"
                } else {
                    ""
                }
                .to_string(),
            ]
        })
        .collect();
    for r in &t.recognitions {
        rows.push(vec![
            format::date(r.date),
            String::new(),
            String::new(),
            String::new(),
            format!("{} ({})", level_name(r.level), r.decision),
        ]);
    }
    rows.sort_by_key(|r| {
        // Stable by date; the date text is d/m/y, so sort on the parsed date.
        let p: Vec<i32> = r[0].split('/').filter_map(|x| x.parse().ok()).collect();
        (p.get(2).copied(), p.get(1).copied(), p.first().copied())
    });
    let table = DataTable {
        caption: title.clone(),
        headers: strings([
            "Ngày",
            "Bộ tiêu chí",
            "Số tiêu chí đạt",
            "Tổng số tiêu chí",
            "Ghi chú",
        ]),
        rows,
    };
    let range = match (content.snapshots.first(), content.snapshots.last()) {
        (Some(a), Some(b)) => Some((a.date, b.date)),
        _ => None,
    };
    let group = content
        .ancestors(commune)
        .first()
        .map(|&g| format!("{} {}, ", content.groups[g].kind, content.groups[g].name))
        .unwrap_or_default();
    let subtitle = capitalise(&format!("{group}số tiêu chí đạt theo ngày báo cáo"));
    build(
        format!("xa-{}", slug_of(&c.id)),
        title,
        &subtitle,
        desc,
        source(content, t.points.last().map(|p| p.date)),
        table,
        &(&t, range),
        |meta, frame| lines::commune(meta, frame, &t, range, level_name),
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
                format!("{}: đạt cả {} tiêu chí", c.name, crit.len())
            } else {
                format!(
                    "{}: đạt {}/{} tiêu chí; chưa đạt tiêu chí {}",
                    c.name,
                    met.count(),
                    crit.len(),
                    missing.join(", ")
                )
            };
            let rows = crit
                .iter()
                .map(|k| {
                    vec![
                        k.number.to_string(),
                        k.name.clone(),
                        if met.has(k.number) {
                            "Đạt"
                        } else {
                            "Chưa đạt"
                        }
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
            format!("{}: chưa có số liệu", c.name),
            Vec::new(),
        ),
    };
    let caption = source(content, when);
    let desc =
        format!("Mỗi ô là một tiêu chí theo thứ tự số; ô tô đậm là tiêu chí đã đạt. {caption}");
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
            headers: strings(["Tiêu chí", "Tên tiêu chí", "Kết quả"]),
            rows,
        },
    }
}

/// Chart 7: The communes whose target year is `date`'s year, with the criteria
/// each meets and has left on `date`, sorted by criteria left.
pub fn target_communes(content: &Content, report: &Report, date: Date) -> Chart {
    let rows = figures::target_communes(content, report, date);
    let year = date.year();
    let title = format!("Các xã đăng ký về đích năm {year}");
    let done = rows
        .iter()
        .filter(|r| r.met.is_some_and(|(m, t)| m >= t))
        .count();
    let desc = format!(
        "Ngày {}, {} trong {} xã đăng ký về đích năm {year} đã đạt chuẩn.{}",
        format::date(date),
        format::count(done as u64),
        format::count(rows.len() as u64),
        rows.iter()
            .filter(|r| r.left().is_some_and(|l| l > 0))
            .take(1)
            .map(|r| format!(
                " Gần nhất là {} còn {} tiêu chí.",
                r.name,
                r.left().unwrap_or(0)
            ))
            .collect::<String>()
    );
    let label = bars::target_label(&rows);
    let table = DataTable {
        caption: title.clone(),
        headers: strings([
            "Xã",
            "Huyện",
            "Số tiêu chí đạt",
            "Số tiêu chí còn thiếu",
            "Tổng số tiêu chí",
        ]),
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
    let subtitle = format!(
        "Số tiêu chí đã đạt và còn thiếu ngày {}; xếp từ xã gần về đích nhất",
        format::date(date)
    );
    build(
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
    let points = &report.indicators;
    let title = "Mô hình sản xuất, doanh nghiệp và hợp tác xã".to_string();
    let last = points.last();
    let desc = match last {
        Some(p) if p.values.iter().any(Option::is_some) => {
            let parts: Vec<String> = (0..4)
                .filter_map(|i| {
                    p.values[i].map(|v| {
                        format!(
                            "{} {}",
                            figures::INDICATOR_NAMES[i].to_lowercase(),
                            format::count(v)
                        )
                    })
                })
                .collect();
            format!(
                "Đến {}, toàn tỉnh có {}.",
                format::date(p.date),
                parts.join(", ")
            )
        }
        _ => "Chưa có số liệu.".into(),
    };
    let mut headers = strings(["Ngày"]);
    headers.extend(figures::INDICATOR_NAMES.iter().map(|s| s.to_string()));
    let table = DataTable {
        caption: title.clone(),
        headers,
        rows: points
            .iter()
            .filter(|p| p.values.iter().any(Option::is_some))
            .map(|p| {
                let mut r = vec![format::date(p.date)];
                r.extend(
                    p.values
                        .iter()
                        .map(|v| v.map(format::count).unwrap_or_default()),
                );
                r
            })
            .collect(),
    };
    let subtitle = "Tổng các xã, mỗi xã lấy số báo cáo gần nhất; mỗi chỉ số một thang đo";
    build(
        "chi-so".into(),
        title,
        subtitle,
        desc,
        source_span(content),
        table,
        points,
        |meta, frame| lines::indicators(meta, frame, points, &figures::INDICATOR_NAMES),
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
