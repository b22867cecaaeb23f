//! The charts: each chart's figures checked against the computed report and
//! the data files a build writes (`summary.json`, `communes.csv`), never
//! against hard-coded numbers; every SVG well-formed, accessible, with every
//! label inside the picture and none over another; renders byte-identical.
//!
//! Runs on the spec's worked example and, when it is there, on the sample
//! province in `content/`.

mod common;

use ntm_site::build::{self, Checked};
use ntm_site::charts::{self, Chart, metrics};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn example_dir() -> PathBuf {
    common::example_dir().join("content")
}

fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

/// The content folders to test on: the worked example, and the sample.
fn contents() -> Vec<PathBuf> {
    vec![example_dir(), sample_dir()]
}

fn check(dir: &Path) -> Checked {
    build::check(dir, false, false).unwrap_or_else(|_| panic!("{} has errors", dir.display()))
}

/// The data files a build writes (`data/summary.json`, `data/communes.csv`).
fn data_files(dir: &Path) -> BTreeMap<String, String> {
    let ch = check(dir);
    let mut out = ntm_site::render::SiteFiles::default();
    ntm_site::render::data::write_all(&ch.content, &ch.report, &mut out);
    ["summary.json", "communes.csv"]
        .iter()
        .map(|n| {
            let bytes = out.bytes(&format!("data/{n}")).expect("written");
            let text = String::from_utf8(bytes.to_vec()).unwrap();
            (
                n.to_string(),
                text.trim_start_matches('\u{feff}').to_string(),
            )
        })
        .collect()
}

/// `5.556` → 5556; `2,7` → 27 tenths is not needed: integers only.
fn vi_int(s: &str) -> u64 {
    s.replace('.', "")
        .parse()
        .unwrap_or_else(|_| panic!("not a number: {s:?}"))
}

/// `14,35` → "14.35": a Vietnamese decimal back to the data files' form.
fn vi_dec(s: &str) -> String {
    s.replace('.', "").replace(',', ".")
}

fn csv_rows(text: &str) -> Vec<BTreeMap<String, String>> {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// One `<text>` of an SVG with its box.
#[derive(Debug)]
struct Label {
    text: String,
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
}

/// Parses a chart's SVG, checks its structure, and returns its labels.
fn parse(chart: &Chart) -> Vec<Label> {
    parse_svg(chart, &chart.svg)
}

/// [`parse`] of one of the chart's layouts (`svg`: the desktop or the phone one).
fn parse_svg(chart: &Chart, svg: &str) -> Vec<Label> {
    let doc =
        roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{}: not XML: {e}", chart.slug));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("role"), Some("img"), "{}", chart.slug);
    let view: Vec<f64> = root
        .attribute("viewBox")
        .expect("a viewBox")
        .split_whitespace()
        .map(|v| v.parse().unwrap())
        .collect();
    assert_eq!(view.len(), 4);
    let (w, h) = (view[2], view[3]);
    let ids: Vec<&str> = root
        .attribute("aria-labelledby")
        .expect("aria-labelledby")
        .split_whitespace()
        .collect();
    assert_eq!(ids.len(), 2);
    let by_id = |id: &str| {
        root.descendants()
            .find(|n| n.attribute("id") == Some(id))
            .unwrap_or_else(|| panic!("{}: no element #{id}", chart.slug))
    };
    let title = by_id(ids[0]);
    assert_eq!(title.tag_name().name(), "title");
    assert_eq!(title.text(), Some(chart.title.as_str()));
    assert!(!chart.title.is_empty());
    let desc = by_id(ids[1]);
    assert_eq!(desc.tag_name().name(), "desc");
    assert_eq!(desc.text(), Some(chart.desc.as_str()));
    assert!(!chart.desc.is_empty());
    assert!(
        root.attribute("font-family")
            .unwrap()
            .ends_with("sans-serif")
    );
    let mut labels = Vec::new();
    for t in root.descendants().filter(|n| n.has_tag_name("text")) {
        let text = t.text().unwrap_or("").to_string();
        for c in text.chars() {
            assert!(
                metrics::has_glyph(c),
                "{}: no glyph for {c:?} in {text:?}",
                chart.slug
            );
        }
        let num = |a: &str| t.attribute(a).unwrap().parse::<f64>().unwrap();
        let (x, y, size) = (num("x"), num("y"), num("font-size"));
        let bold = t.attribute("font-weight") == Some("bold");
        let tw = metrics::text_width(&text, size, bold);
        let left = match t.attribute("text-anchor") {
            Some("end") => x - tw,
            Some("middle") => x - tw / 2.0,
            _ => x,
        };
        assert_eq!(t.attribute("dy"), Some("0.5ex"));
        // The middle of the x-height sits at y; caps rise 0.45 em above it,
        // descenders drop 0.3 em below it.
        labels.push(Label {
            text,
            left,
            right: left + tw,
            top: y - 0.45 * size,
            bottom: y + 0.3 * size,
        });
    }
    for l in &labels {
        assert!(
            l.left >= -0.5 && l.right <= w + 0.5 && l.top >= -0.5 && l.bottom <= h + 0.5,
            "{}: {:?} is clipped ({w} × {h})",
            chart.slug,
            l
        );
    }
    for (i, a) in labels.iter().enumerate() {
        for b in &labels[i + 1..] {
            let overlap_x = a.left.max(b.left) < a.right.min(b.right) - 1.0;
            let overlap_y = a.top.max(b.top) < a.bottom.min(b.bottom) - 1.0;
            assert!(
                !(overlap_x && overlap_y),
                "{}: {:?} overlaps {:?}",
                chart.slug,
                a.text,
                b.text
            );
        }
    }
    // No line of the plot (a marker, a data line, an axis) runs through a
    // label: each segment of every polyline but the light grid is measured
    // against each label's box, shrunk by 1 unit.
    // A label on a filled rectangle drawn after a line (a white halo, or a
    // bar holding its value) hides the line there: that is no crossing.
    let nodes: Vec<roxmltree::Node> = root.descendants().collect();
    let halos: Vec<(usize, f64, f64, f64, f64)> = nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.has_tag_name("rect") && n.attribute("fill").is_some_and(|f| f != "none"))
        .filter_map(|(i, n)| {
            let a = |k: &str| n.attribute(k)?.parse::<f64>().ok();
            Some((
                i,
                a("x")?,
                a("y")?,
                a("x")? + a("width")?,
                a("y")? + a("height")?,
            ))
        })
        .collect();
    for (pi, pl) in nodes.iter().enumerate() {
        if !pl.has_tag_name("polyline") || pl.attribute("stroke") == Some("#E3E3E3") {
            continue;
        }
        let haloed = |l: &Label| {
            halos.iter().any(|&(hi, x0, y0, x1, y1)| {
                hi > pi
                    && x0 <= l.left + 1.0
                    && x1 >= l.right - 1.0
                    && y0 <= l.top + 1.0
                    && y1 >= l.bottom - 1.0
            })
        };
        let pts: Vec<(f64, f64)> = pl
            .attribute("points")
            .unwrap_or("")
            .split_whitespace()
            .filter_map(|p| {
                let (a, b) = p.split_once(',')?;
                Some((a.parse().ok()?, b.parse().ok()?))
            })
            .collect();
        for w in pts.windows(2) {
            for l in &labels {
                assert!(
                    !segment_crosses(w[0], w[1], l) || haloed(l),
                    "{}: a line {:?}–{:?} crosses the label {:?}",
                    chart.slug,
                    w[0],
                    w[1],
                    l.text
                );
            }
        }
    }
    labels
}

/// Whether the segment a–b passes through the label's box shrunk by 1 unit
/// (Liang–Barsky clipping).
fn segment_crosses(a: (f64, f64), b: (f64, f64), l: &Label) -> bool {
    let (x0, x1, y0, y1) = (l.left + 1.0, l.right - 1.0, l.top + 1.0, l.bottom - 1.0);
    if x0 >= x1 || y0 >= y1 {
        return false;
    }
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.0 - x0),
        (dx, x1 - a.0),
        (-dy, a.1 - y0),
        (dy, y1 - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else {
            let r = q / p;
            if p < 0.0 {
                t0 = t0.max(r);
            } else {
                t1 = t1.min(r);
            }
        }
    }
    t0 < t1
}

fn texts(labels: &[Label]) -> Vec<&str> {
    labels.iter().map(|l| l.text.as_str()).collect()
}

#[test]
fn every_chart_is_accessible_well_formed_and_unclipped() {
    for dir in contents() {
        let ch = check(&dir);
        let all = charts::all_charts(&ch.content, &ch.report);
        let mut slugs = std::collections::BTreeSet::new();
        let mut paths = std::collections::BTreeSet::new();
        for (path, chart) in &all {
            assert!(
                path.starts_with("bieu-do/") && path.ends_with(".svg"),
                "{path}"
            );
            assert!(paths.insert(path.clone()), "{path} twice");
            assert!(
                slugs.insert(chart.slug.clone()),
                "slug {} twice",
                chart.slug
            );
            assert!(
                chart
                    .slug
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            );
            assert!(chart.caption.starts_with("Nguồn: "), "{}", chart.caption);
            let labels = parse(chart);
            // The phone layout: as well formed, nothing clipped, crossed or
            // overlapping, and its smallest text at 11 CSS px or more when
            // the chart is shown 300 px wide.
            parse_svg(chart, &chart.phone_svg);
            let doc = roxmltree::Document::parse(&chart.phone_svg).unwrap();
            let view_w: f64 = doc
                .root_element()
                .attribute("viewBox")
                .and_then(|v| v.split_whitespace().nth(2))
                .and_then(|w| w.parse().ok())
                .unwrap();
            for t in doc.descendants().filter(|n| n.has_tag_name("text")) {
                let size: f64 = t.attribute("font-size").unwrap().parse().unwrap();
                assert!(
                    size * 300.0 / view_w >= 11.0,
                    "{}: {:?} would show at {:.1} px on a phone",
                    chart.slug,
                    t.text(),
                    size * 300.0 / view_w
                );
            }
            for row in &chart.table.rows {
                assert_eq!(row.len(), chart.table.headers.len(), "{}", chart.slug);
            }
            // The source line is drawn at the chart's foot (the grid, a
            // glyph for table cells, has it in its description only).
            if !chart.slug.starts_with("o-tieu-chi-") {
                let drawn = texts(&labels).join(" ");
                assert!(drawn.contains("Nguồn:"), "{}: no source line", chart.slug);
            }
        }
        assert!(all.len() >= 8);
    }
}

#[test]
fn renders_are_byte_identical() {
    for dir in contents() {
        let a = check(&dir);
        let b = check(&dir);
        let x = charts::all_charts(&a.content, &a.report);
        let y = charts::all_charts(&b.content, &b.report);
        assert_eq!(x.len(), y.len());
        for ((pa, ca), (pb, cb)) in x.iter().zip(&y) {
            assert_eq!(pa, pb);
            assert!(ca.svg == cb.svg, "{pa} differs between two renders");
            assert_eq!(ca.table, cb.table);
        }
    }
}

#[test]
fn bands_table_equals_the_summary_bands() {
    for dir in contents() {
        let ch = check(&dir);
        let data = data_files(&dir);
        let summary: serde_json::Value = serde_json::from_str(&data["summary.json"]).unwrap();
        let last = summary.as_array().unwrap().last().expect("a snapshot");
        let chart = charts::bands(&ch.content, &ch.report, None);
        let province = &chart.table.rows[0];
        assert_eq!(vi_int(&province[1]), last["all"]["known"].as_u64().unwrap());
        for (k, key) in ["standard", "15+", "10-14", "5-9", "0-4"]
            .iter()
            .enumerate()
        {
            assert_eq!(
                vi_int(&province[2 + k]),
                last["all"]["bands"][key].as_u64().unwrap(),
                "band {key}"
            );
        }
        // Each district's row is its communes of communes.csv counted by
        // band; a commune merged into another (v1.2 `merged_into`) counts
        // nowhere, and a district all of whose communes merged is history,
        // not a row.
        let communes = csv_rows(&data["communes.csv"]);
        let under = |c: &std::collections::BTreeMap<String, String>, gid: &str| {
            c["group"] == gid || c["group"].starts_with(&format!("{gid}/"))
        };
        let merged = |c: &std::collections::BTreeMap<String, String>| {
            c.get("merged_into").is_some_and(|m| !m.is_empty())
        };
        let today: Vec<_> = charts::figures::districts(&ch.content)
            .into_iter()
            .filter(|&g| {
                let gid = &ch.content.groups[g].id;
                let mut cs = communes.iter().filter(|c| under(c, gid)).peekable();
                cs.peek().is_none() || cs.any(|c| !merged(c))
            })
            .collect();
        assert_eq!(chart.table.rows.len(), 1 + today.len());
        for (i, g) in today.into_iter().enumerate() {
            let gid = &ch.content.groups[g].id;
            let mut bands = [0u64; 5];
            for c in communes
                .iter()
                .filter(|c| under(c, gid) && !merged(c) && !c["met_count"].is_empty())
            {
                let (m, n): (u64, u64) = (
                    c["met_count"].parse().unwrap(),
                    c["criteria_total"].parse().unwrap(),
                );
                let b = if m >= n {
                    0
                } else if m >= 15 {
                    1
                } else if m >= 10 {
                    2
                } else if m >= 5 {
                    3
                } else {
                    4
                };
                bands[b] += 1;
            }
            let row = &chart.table.rows[1 + i];
            if row[1] == "0" {
                // No commune known: the same words as on every page.
                assert!(row[2..7].iter().all(|c| c == "Chưa có số liệu"), "{row:?}");
                assert_eq!(bands, [0; 5], "district {gid}");
                continue;
            }
            let got: Vec<u64> = row[2..7].iter().map(|s| vi_int(s)).collect();
            assert_eq!(got, bands.to_vec(), "district {gid}");
        }
        // The counts drawn on the province's bar are the table's.
        let labels = parse(&chart);
        let drawn = texts(&labels);
        for cell in &province[2..7] {
            if vi_int(cell) > 0 && drawn.contains(&cell.as_str()) {
                continue;
            }
            // A segment too narrow for its number leaves it to the table.
            assert!(
                vi_int(cell) * 20 < vi_int(&province[1]) || vi_int(cell) == 0,
                "{cell} not drawn"
            );
        }
    }
}

#[test]
fn progress_table_follows_the_summary_date_by_date() {
    for dir in contents() {
        let ch = check(&dir);
        let data = data_files(&dir);
        let summary: serde_json::Value = serde_json::from_str(&data["summary.json"]).unwrap();
        let chart = charts::province_progress(&ch.content, &ch.report);
        let s = summary.as_array().unwrap();
        assert_eq!(chart.table.rows.len(), s.len());
        for (row, day) in chart.table.rows.iter().zip(s) {
            let iso = day["date"].as_str().unwrap();
            let d = ntm_site::date::Date::parse_iso(iso).unwrap();
            assert_eq!(row[0], d.vi());
            assert_eq!(vi_int(&row[2]), day["all"]["known"].as_u64().unwrap());
            assert_eq!(
                vi_int(&row[3]),
                day["all"]["meets_standard"].as_u64().unwrap()
            );
            match day["all"]["average_met"].as_f64() {
                Some(a) => assert_eq!(vi_dec(&row[4]).parse::<f64>().unwrap(), a, "{iso}"),
                None => assert_eq!(row[4], ""),
            }
        }
        // The latest figures are the line ends, and a set change is marked.
        let labels = parse(&chart);
        let drawn = texts(&labels);
        let last = chart.table.rows.last().unwrap();
        assert!(drawn.contains(&last[3].as_str()), "{drawn:?}");
        assert!(drawn.contains(&last[2].as_str()));
        let sets: std::collections::BTreeSet<&String> =
            chart.table.rows.iter().map(|r| &r[1]).collect();
        if sets.len() > 1 {
            assert!(
                drawn.iter().any(|t| t.starts_with("Bộ tiêu chí mới từ ")),
                "{drawn:?}"
            );
            assert!(chart.desc.contains(" áp dụng bộ tiêu chí "));
        }
    }
}

/// The worked example switches to the 2016 set, valid from 17/10/2016: the
/// marker carries that date.
#[test]
fn the_criteria_set_change_is_marked_on_its_date() {
    let dir = example_dir();
    let ch = check(&dir);
    let p = charts::figures::progress(&ch.content, &ch.report);
    assert_eq!(p.set_changes.len(), 1);
    let to = &ch.content.sets[p.set_changes[0].to];
    assert_eq!(p.set_changes[0].date, to.valid_from);
    let chart = charts::province_progress(&ch.content, &ch.report);
    let labels = parse(&chart);
    let want = format!("Bộ tiêu chí mới từ {}", to.valid_from.vi());
    assert!(texts(&labels).contains(&want.as_str()));
}

#[test]
fn districts_are_sorted_and_match_the_report() {
    for dir in contents() {
        let ch = check(&dir);
        let chart = charts::districts_compared(&ch.content, &ch.report);
        let rows = &chart.table.rows;
        let (province, districts) = rows.split_last().unwrap();
        assert_eq!(province[0], "Toàn tỉnh");
        let share = |r: &Vec<String>| -> i64 {
            if r[4] == "Chưa có số liệu" {
                -1
            } else {
                vi_dec(r[4].trim_end_matches('%'))
                    .replace('.', "")
                    .parse()
                    .unwrap()
            }
        };
        for w in districts.windows(2) {
            assert!(share(&w[0]) >= share(&w[1]), "{:?} before {:?}", w[0], w[1]);
        }
        let p = &ch.report.latest.province.levels;
        assert_eq!(vi_int(&province[2]), u64::from(p.known));
        assert_eq!(vi_int(&province[3]), u64::from(p.meets_standard));
        for g in charts::figures::districts(&ch.content) {
            let name = charts::figures::area_name(&ch.content, g);
            // Every district of today; a former one (v1.2: every commune of it
            // merged away by the latest date) is history, not a row.
            let Some(row) = districts.iter().find(|r| r[0] == name) else {
                let under: Vec<usize> = (0..ch.content.communes.len())
                    .filter(|&c| ch.content.commune_in_group(c, g))
                    .collect();
                assert!(!under.is_empty(), "{name}: an empty district is a row");
                assert_eq!(ch.report.latest.groups[g].communes, 0, "{name}");
                continue;
            };
            let l = &ch.report.latest.groups[g].levels;
            assert_eq!(vi_int(&row[2]), u64::from(l.known));
            if l.known == 0 {
                assert_eq!(row[3..], ["Chưa có số liệu"; 3], "{name}");
                // Named apart in the description, never as the lowest.
                assert!(
                    chart.desc.contains(&format!("{name} chưa có số liệu")),
                    "{}",
                    chart.desc
                );
                assert!(
                    !chart.desc.contains(&format!("thấp nhất là {name}")),
                    "{}",
                    chart.desc
                );
                continue;
            }
            assert_eq!(vi_int(&row[3]), u64::from(l.meets_standard));
            assert_eq!(
                row[5],
                l.average_met()
                    .map(|a| a.to_string().replace('.', ","))
                    .unwrap_or_default()
            );
        }
        // The shares drawn are the table's.
        let labels = parse(&chart);
        let drawn = texts(&labels);
        for r in districts.iter().filter(|r| r[2] != "0") {
            assert!(drawn.contains(&r[4].as_str()), "{} not drawn", r[4]);
        }
    }
}

#[test]
fn coverage_matches_the_sweep_and_adds_up_over_districts() {
    for dir in contents() {
        let ch = check(&dir);
        let Some(set) = charts::figures::latest_set(&ch.content) else {
            continue;
        };
        let last = ch.report.sweep.summaries.last().unwrap();
        let cov = &last.coverage[set];
        let chart = charts::criteria_coverage(&ch.content, &ch.report, set, None);
        assert_eq!(chart.table.rows.len(), ch.content.sets[set].len());
        let mut by_number = BTreeMap::new();
        for r in &chart.table.rows {
            let k: usize = r[0].parse().unwrap();
            assert_eq!(
                vi_int(&r[2]),
                u64::from(cov.meeting[k - 1]),
                "criterion {k}"
            );
            assert_eq!(vi_int(&r[3]), u64::from(cov.known));
            by_number.insert(k, vi_int(&r[2]));
        }
        // Sorted from the hardest.
        let shares: Vec<u64> = chart.table.rows.iter().map(|r| vi_int(&r[2])).collect();
        assert!(shares.windows(2).all(|w| w[0] <= w[1]), "{shares:?}");
        // The districts add up to the province when every commune has one.
        if ch.content.communes.iter().all(|c| c.group.is_some()) {
            let mut sum = BTreeMap::new();
            for g in charts::figures::districts(&ch.content) {
                let d = charts::criteria_coverage(&ch.content, &ch.report, set, Some(g));
                parse(&d);
                for r in &d.table.rows {
                    *sum.entry(r[0].parse::<usize>().unwrap()).or_insert(0) += vi_int(&r[2]);
                }
            }
            assert_eq!(sum, by_number);
        }
        let labels = parse(&chart);
        let drawn = texts(&labels);
        for r in &chart.table.rows {
            assert!(drawn.contains(&r[4].as_str()), "{} not drawn", r[4]);
        }
    }
}

#[test]
fn commune_charts_match_communes_csv() {
    for dir in contents() {
        let ch = check(&dir);
        let data = data_files(&dir);
        let communes = csv_rows(&data["communes.csv"]);
        for (c, row) in communes.iter().enumerate().step_by(7) {
            assert_eq!(ch.content.communes[c].id, row["id"]);
            let t = charts::commune_timeline(&ch.content, &ch.report, c);
            let labels = parse(&t);
            let g = charts::criteria_grid(&ch.content, &ch.report, c, None);
            parse(&g);
            if row["met_count"].is_empty() {
                assert!(g.table.rows.is_empty());
                continue;
            }
            let last = t
                .table
                .rows
                .iter()
                .rev()
                .find(|r| !r[2].is_empty())
                .unwrap();
            assert_eq!(last[2], row["met_count"]);
            assert_eq!(last[3], row["criteria_total"]);
            let end = format!("{}/{}", row["met_count"], row["criteria_total"]);
            assert!(texts(&labels).contains(&end.as_str()));
            // The grid: one filled cell per criterion met.
            let met: Vec<String> = g
                .table
                .rows
                .iter()
                .filter(|r| r[2] == "Đạt")
                .map(|r| r[0].clone())
                .collect();
            assert_eq!(met.join(";"), row["met"]);
            let filled = g.svg.matches("fill=\"#0072B2\"").count();
            assert_eq!(filled.to_string(), row["met_count"]);
        }
    }
}

#[test]
fn target_communes_are_those_of_the_year_sorted_by_criteria_left() {
    for dir in contents() {
        let ch = check(&dir);
        for y in &ch.report.years {
            let chart = charts::target_communes(&ch.content, &ch.report, y.end);
            parse(&chart);
            let want = ch
                .content
                .communes
                .iter()
                .filter(|c| c.target_year == Some(y.year))
                .count();
            assert_eq!(chart.table.rows.len(), want, "{}", y.year);
            let left: Vec<Option<u64>> = chart
                .table
                .rows
                .iter()
                .map(|r| (!r[3].is_empty()).then(|| vi_int(&r[3])))
                .collect();
            let known: Vec<u64> = left.iter().flatten().copied().collect();
            assert!(known.windows(2).all(|w| w[0] <= w[1]), "{left:?}");
            assert!(left.iter().skip_while(|l| l.is_some()).all(Option::is_none));
            for r in &chart.table.rows {
                if !r[2].is_empty() {
                    assert_eq!(vi_int(&r[2]) + vi_int(&r[3]), vi_int(&r[4]));
                }
            }
            // The summary's target figures on a snapshot date agree.
            if let Some(s) = ch.report.sweep.summaries.iter().find(|s| s.date == y.end) {
                let standard = chart.table.rows.iter().filter(|r| r[3] == "0").count();
                assert_eq!(standard as u32, s.target.levels.meets_standard);
                assert_eq!(
                    chart.table.rows.iter().filter(|r| !r[2].is_empty()).count() as u32,
                    s.target.levels.known
                );
            }
        }
    }
}

#[test]
fn indicators_are_the_province_totals_on_the_latest_date() {
    for dir in contents() {
        let ch = check(&dir);
        let chart = charts::indicators(&ch.content, &ch.report);
        parse(&chart);
        let p = &ch.report.latest.province;
        // The table leaves out the dates with no total at all (the sample's
        // communes of today report none after the mergers of 2025).
        let latest = ch.report.latest_date().map(|d| d.vi());
        match chart
            .table
            .rows
            .iter()
            .find(|r| Some(&r[0]) == latest.as_ref())
        {
            Some(row) => {
                for i in 0..4 {
                    let want = (p.indicators_reported[i] > 0).then_some(p.indicators[i]);
                    let got = (!row[1 + i].is_empty()).then(|| vi_int(&row[1 + i]));
                    assert_eq!(got, want, "indicator {i}");
                }
            }
            None => assert!(p.indicators_reported.iter().all(|&n| n == 0)),
        }
        // Every snapshot date's totals equal the report's aggregate on it.
        for s in ch.report.sweep.summaries.iter().step_by(25) {
            let a =
                ntm_site::report::groups::on(&ch.content, &ch.report.sweep.timeline, Some(s.date));
            let row = chart.table.rows.iter().find(|r| r[0] == s.date.vi());
            for i in 0..4 {
                let want =
                    (a.province.indicators_reported[i] > 0).then_some(a.province.indicators[i]);
                let got = row.and_then(|r| (!r[1 + i].is_empty()).then(|| vi_int(&r[1 + i])));
                assert_eq!(got, want, "{} indicator {i}", s.date);
            }
        }
    }
}

#[test]
fn a_site_without_snapshots_still_gets_its_charts() {
    let f = common::Fixture::new()
        .file("communes/a/_index.yaml", "name: A\n")
        .file("communes/a/x.yaml", "name: Xã X\ntarget_year: 2016\n");
    let ch = build::check(&f.root(), false, false).expect("valid");
    let all = charts::all_charts(&ch.content, &ch.report);
    assert!(!all.is_empty());
    for (_, c) in &all {
        parse(c);
    }
    let t = charts::target_communes(
        &ch.content,
        &ch.report,
        ntm_site::date::Date::parse_iso("2016-06-30").unwrap(),
    );
    assert_eq!(t.table.rows.len(), 1);
    assert_eq!(t.table.rows[0][2], "");
}

/// A replaced set's coverage is the one of the last snapshot under it.
#[test]
fn a_replaced_sets_coverage_is_taken_before_the_switch() {
    for dir in contents() {
        let ch = check(&dir);
        let latest = charts::figures::latest_set(&ch.content);
        for (set, _) in ch.content.sets.iter().enumerate() {
            if Some(set) == latest {
                continue;
            }
            let Some(si) = ch.content.snapshots.iter().rposition(|s| s.set == set) else {
                continue;
            };
            let summary = &ch.report.sweep.summaries[si];
            let chart = charts::criteria_coverage(&ch.content, &ch.report, set, None);
            parse(&chart);
            assert!(
                chart.caption.contains(&summary.date.vi()),
                "{}",
                chart.caption
            );
            for r in &chart.table.rows {
                let k: usize = r[0].parse().unwrap();
                assert_eq!(
                    vi_int(&r[2]),
                    u64::from(summary.coverage[set].meeting[k - 1])
                );
                assert_eq!(vi_int(&r[3]), u64::from(summary.coverage[set].known));
            }
        }
    }
}
