//! The weekly bulletin (bản tin): a page for every snapshot date, the index
//! of all bulletins by year, and the A4 print of the chosen dates.
//!
//! - `ban-tin/`: every bulletin, newest first, a table per year with the
//!   headline figures (and the PDF when the build printed it);
//! - `ban-tin/<YYYY-MM-DD>/`: one report date: the period, criteria set,
//!   organisation and data source; headline sentences for the year's target
//!   communes and for the province ([`crate::render::prose`]); the
//!   communes that changed with the criteria gained and lost by name; the
//!   losses as a warning; the year's target communes with the criteria each
//!   still misses, those unchanged for [`STALLED_WEEKS`] weeks or more
//!   flagged, and those that did not report; first reports and re-based
//!   communes; a table per district; the target communes' chart and the
//!   bands on the date; the editor's text (`bulletins/<date>.md`); the
//!   province's targets open on the date with their shortfall then; the
//!   previous and next bulletin.
//!
//! Every figure is the report's ([`crate::report::bulletin`], the sweep's
//! summaries and changes), only formatted here. When the build prints a
//! date (`--pdf`), the page links to `ban-tin-<date>.pdf` beside it and a
//! [`PrintJob`] is queued; `assets/document.css` lays the page out on A4 with
//! the date in the running header and page numbers in the footer, and the
//! two full charts give way to two compact ones
//! ([`crate::charts::bulletin`]) so that a week fits two pages.

use super::{Builder, crumb};
use crate::charts::{self, Chart};
use crate::model::{CommuneIx, Content, Met, SetIx};
use crate::pdf::PrintJob;
use crate::render::fingerprint::KeyHasher;
use crate::render::format::{self, Lang};
use crate::render::prose;
use crate::render::views::paths;
use crate::report::Report;
use crate::report::bulletin::{self as rb, STALLED_WEEKS};
use crate::report::timeline::{ChangeKind, Levels, Movement, ScopeSummary};
use serde_json::{Value, json};

/// Ids the bulletin template uses itself; the editor's headings avoid them.
pub(super) const BULLETIN_IDS: &[&str] = &[
    "noi-dung",
    "tieu-de",
    "tom-tat",
    "nhan-dinh",
    "thay-doi",
    "giam",
    "ve-dich",
    "lan-dau",
    "chuyen-bo",
    "huyen",
    "bieu-do",
    "muc-tieu",
    "bieu-do-ve-dich",
    "bieu-do-phan-nhom",
];

/// The PDF of a bulletin, relative to the root.
pub fn bulletin_pdf(date: crate::date::Date) -> String {
    format!("{}ban-tin-{date}.pdf", paths::bulletin(date))
}

/// The charts of one bulletin, drawn in parallel before the pages are made.
struct BulletinCharts {
    /// The year's target communes (none when the year has none).
    targets: Option<Chart>,
    bands: Chart,
    /// The compact versions for the print.
    targets_brief: Option<Chart>,
    bands_brief: Chart,
}

impl BulletinCharts {
    /// The charts of the bulletin of `date`.
    fn of(content: &Content, report: &Report, date: crate::date::Date) -> BulletinCharts {
        let has_targets = content
            .communes
            .iter()
            .any(|c| c.target_year == Some(date.year()));
        BulletinCharts {
            targets: has_targets.then(|| charts::target_communes(content, report, date)),
            bands: charts::bands(content, report, Some(date)),
            targets_brief: has_targets
                .then(|| charts::bulletin::targets_brief(content, report, date)),
            bands_brief: charts::bulletin::bands_brief(content, report, date),
        }
    }
}

/// A string as a CSS string literal (for the running header of the print).
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' => out.push_str(&format!("\\{:x} ", c as u32)),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl<'v, 'a> Builder<'v, 'a> {
    /// The headline of one snapshot's bulletin (the index and the home page).
    pub(super) fn bulletin_summary(&self, i: usize) -> Value {
        let v = self.v;
        let snap = &v.content.snapshots[i];
        let s = &v.report.sweep.summaries[i];
        let scope = |x: &ScopeSummary| {
            json!({
                "known": v.int(x.levels.known),
                "standard": v.int(x.levels.meets_standard),
                "average": x.levels.average_met().map(|d| format::dec2(v.lang, d)),
                "reporting": v.int(x.movement.reporting),
                "communes_gained": v.int(x.movement.communes_gained),
                "criteria_gained": v.int(x.movement.criteria_gained),
                "communes_lost": v.int(x.movement.communes_lost),
                "criteria_lost": v.int(x.movement.criteria_lost),
                "no_gain": v.int(x.no_gain()),
                "reported_no_gain": v.int(x.reported_no_gain()),
                "steady_standard": v.int(x.movement.steady_standard),
                "not_reported": v.int(x.not_reported()),
                "baseline": v.int(x.movement.baseline),
                "rebased": v.int(x.movement.rebased),
                "has_target": x.levels.known > 0 || x.movement.reporting > 0,
            })
        };
        let text = v.content.bulletins.iter().find(|b| b.date == snap.date);
        let all = scope(&s.all);
        let target = scope(&s.target);
        let firsts = s.all.movement.baseline + s.all.movement.rebased > 0;
        let rows: Vec<Value> = [
            "known",
            "standard",
            "average",
            "reporting",
            "communes_gained",
            "criteria_gained",
            "reported_no_gain",
            "steady_standard",
            "not_reported",
            "communes_lost",
            "criteria_lost",
            "baseline",
            "rebased",
        ]
        .iter()
        .filter(|k| firsts || !matches!(**k, "baseline" | "rebased"))
        .map(|k| {
            let cell = |x: &Value| x[*k].as_str().unwrap_or("–").to_string();
            json!({"key": k, "label": v.t(&format!("bf_{k}")), "all": cell(&all), "target": cell(&target)})
        })
        .collect();
        let mut lines = vec![prose::province_week(v.lang, None, &s.all)];
        if s.target.levels.known > 0 {
            lines.push(prose::target_brief(v.lang, snap.date.year(), &s.target));
        }
        let printed = self.pdf.bulletins.contains(&snap.date);
        json!({
            "rows": rows,
            "lines": lines,
            "date": v.date(snap.date),
            "date_iso": snap.date.to_string(),
            "year": snap.date.year(),
            "href": paths::link(&paths::bulletin(snap.date)),
            "period": snap.period.map(|(a, b)| format!("{}–{}", v.date(a), v.date(b))),
            "note": snap.note,
            "set": self.set_value(&v.content.sets[snap.set]),
            "all": all,
            "target": target,
            "has_text": text.is_some(),
            "pdf": printed.then(|| bulletin_pdf(snap.date)),
        })
    }

    /// The index of bulletins and one page per snapshot date.
    pub(super) fn bulletins(&mut self) {
        let v = self.v;
        let n = v.content.snapshots.len();
        let list = self.figures_key("bulletins").map(|k| k.key());
        self.memo("bulletins", list, Self::bulletin_list);
        let (content, report) = (v.content, v.report);
        let keys: Vec<Option<blake3::Hash>> = (0..n).map(|i| self.bulletin_key(i)).collect();
        let places: Vec<String> = (0..n)
            .map(|i| format!("bulletin {}", content.snapshots[i].date))
            .collect();
        // Each bulletin, with its charts, made on every core; those kept by
        // `serve`'s cache are handed over without drawing their charts.
        self.par_parts(keys.into_iter().enumerate().collect(), |b, (i, key)| {
            b.memo(&places[i], key, |b| {
                let drawn = BulletinCharts::of(content, report, content.snapshots[i].date);
                b.bulletin(i, drawn)
            });
        });
    }

    /// The index of bulletins, newest first, grouped by year.
    fn bulletin_list(&mut self) {
        let n = self.v.content.snapshots.len();
        let mut years: Vec<(i32, Vec<Value>)> = Vec::new();
        for i in (0..n).rev() {
            // A summary shows its week as its bulletin does.
            let date = self.v.content.snapshots[i].date;
            let key = self.bulletin_key(i);
            let b = self.memo_value(&format!("summary {date}"), key, |b| b.bulletin_summary(i));
            let y = date.year();
            match years.last_mut() {
                Some((yy, list)) if *yy == y => list.push(b),
                _ => years.push((y, vec![b])),
            }
        }
        let years: Vec<Value> = years
            .into_iter()
            .map(|(y, l)| json!({"year": y, "count": l.len(), "bulletins": l}))
            .collect();
        let title = self.t("nav_bulletins").to_string();
        self.add(
            "ban-tin/",
            "bulletins.html",
            "bulletins",
            &title,
            vec![],
            json!({"years": years, "printed": !self.pdf.bulletins.is_empty()}),
        );
    }

    /// The key of the bulletin of snapshot `i` in `serve`'s cache: it shows
    /// the state on its date, so it is made from the content's base (see
    /// [`crate::render::fingerprint`]), the snapshots up to its date, the date of the next (its
    /// link forward) and the build's settings for it.
    fn bulletin_key(&self, i: usize) -> Option<blake3::Hash> {
        let prints = self.prints.as_ref()?;
        let snaps = &self.v.content.snapshots;
        let next = snaps.get(i + 1).map(|s| s.date);
        let key = KeyHasher::new("bulletin")
            .print(&prints.base)
            .print(&prints.upto[i])
            .value(&next)
            .text(self.base_url)
            .value(&(
                self.pdf.bulletins.contains(&snaps[i].date),
                matches!(self.chart_pngs, super::super::ChartPngs::Skip),
            ))
            .key();
        Some(key)
    }

    /// `Kỳ Thư (Kỳ Anh)`: a commune's name with its district, for sentences.
    fn named(&self, c: CommuneIx) -> String {
        let content = self.v.content;
        match content.ancestors(c).first() {
            Some(&g) => format!(
                "{} ({})",
                content.communes[c].name,
                charts::figures::area_name(content, g)
            ),
            None => content.communes[c].name.clone(),
        }
    }

    /// A commune's link with its district, whether it is a target of the
    /// bulletin's year and (v1.2) the date of a stale state's report on the
    /// bulletin's date (`{name, href, title, district, target, stale}`).
    fn commune_cell(&self, c: CommuneIx, date: crate::date::Date) -> Value {
        let v = self.v;
        let content = v.content;
        let year = date.year();
        let mut link = v.commune_link_on(c, Some(date));
        let district = content.ancestors(c).first().map(|&g| {
            let mut l = v.group_link(g);
            l["short"] = json!(charts::figures::area_name(content, g));
            l
        });
        link["district"] = json!(district);
        link["target"] = json!(content.communes[c].target_year == Some(year));
        link
    }

    /// Criteria by number and name: `[{number, name, href}]`.
    fn criteria_named(&self, set: SetIx, met: Met) -> Vec<Value> {
        self.v.criteria_list(set, &met.numbers())
    }

    /// v1.2: the indicators in `met` (flat positions of set `set`), each with
    /// its id as written and its name ("2.3", "Điện").
    fn indicators_named(&self, set: SetIx, met: Met) -> Vec<Value> {
        let s = &self.v.content.sets[set];
        met.iter()
            .filter_map(|p| s.flat_indicator(p))
            .map(|i| json!({"id": i.id, "name": i.name}))
            .collect()
    }

    fn levels_row(&self, l: &Levels, m: &Movement) -> Value {
        let v = self.v;
        json!({
            "known": v.int(l.known),
            "standard": v.int(l.meets_standard),
            "average": l.average_met().map(|d| format::dec2(v.lang, d)),
            "reporting": v.int(m.reporting),
            "communes_gained": v.int(m.communes_gained),
            "criteria_gained": v.int(m.criteria_gained),
            "communes_lost": v.int(m.communes_lost),
            "criteria_lost": v.int(m.criteria_lost),
        })
    }

    /// One bulletin's page (and its print job when the build prints it).
    fn bulletin(&mut self, i: usize, drawn: BulletinCharts) {
        let v = self.v;
        let (content, report) = (v.content, v.report);
        let lang = v.lang;
        let sweep = &report.sweep;
        let snap = &content.snapshots[i];
        let date = snap.date;
        let year = date.year();
        let dir = paths::bulletin(date);
        let b = rb::bulletin(content, sweep, i);
        let is_target = |c: CommuneIx| content.communes[c].target_year == Some(year);
        let set_len = content.sets[snap.set].len() as u32;

        // The communes that changed, by district then name.
        let changed: Vec<Value> = b
            .changed
            .iter()
            .map(|&k| {
                let ch = &sweep.changes[k];
                json!({
                    "commune": self.commune_cell(ch.commune, date),
                    "gained": self.criteria_named(snap.set, ch.gained()),
                    "lost": self.criteria_named(snap.set, ch.lost()),
                    "ind_gained": self.indicators_named(snap.set, ch.indicators_gained),
                    "ind_lost": self.indicators_named(snap.set, ch.indicators_lost),
                    "before": ch.met_before,
                    "after": ch.met_after,
                    "total": set_len,
                    "left": set_len.saturating_sub(ch.met_after),
                    "standard": ch.met_after >= set_len,
                })
            })
            .collect();
        let lost: Vec<Value> = b
            .lost
            .iter()
            .map(|&k| {
                let ch = &sweep.changes[k];
                json!({
                    "commune": self.commune_cell(ch.commune, date),
                    "lost": self.criteria_named(snap.set, ch.lost()),
                    "before": ch.met_before,
                    "after": ch.met_after,
                    "total": set_len,
                })
            })
            .collect();

        // The year's target communes.
        let mut rows = Vec::new();
        let mut done = Vec::new();
        let (mut short, mut missing_sum, mut unknown, mut stalled) = (0usize, 0u64, 0usize, 0usize);
        for t in &b.targets {
            let cell = self.commune_cell(t.commune, date);
            match t.set {
                Some(_) if t.missing.count() == 0 => done.push(cell),
                Some(set) => {
                    short += 1;
                    missing_sum += u64::from(t.missing.count());
                    stalled += usize::from(t.stalled());
                    let total = content.sets[set].len() as u32;
                    rows.push(json!({
                        "commune": cell,
                        "met": t.met.count(),
                        "total": total,
                        "left": t.missing.count(),
                        "missing": self.criteria_named(set, t.missing),
                        "reported": t.reported,
                        "stalled": t.stalled(),
                        "weeks": t.weeks_unchanged,
                        "since": t.unchanged_since.map(|d| v.date(d)),
                        "known": true,
                    }));
                }
                None => {
                    unknown += 1;
                    rows.push(json!({
                        "commune": cell,
                        "reported": false,
                        "stalled": false,
                        "known": false,
                    }));
                }
            }
        }
        let not_reported: Vec<Value> = b
            .targets_not_reported
            .iter()
            .map(|&c| self.commune_cell(c, date))
            .collect();

        // The headline sentences.
        let s = &sweep.summaries[i];
        let when = prose::bulletin_when(lang, snap.period, date);
        let names = |cs: &[CommuneIx]| cs.iter().map(|&c| self.named(c)).collect::<Vec<_>>();
        let top = |only_targets: bool| -> Option<String> {
            let pool: Vec<&crate::report::timeline::Change> = b
                .changed
                .iter()
                .map(|&k| &sweep.changes[k])
                .filter(|ch| !only_targets || is_target(ch.commune))
                .filter(|ch| ch.gained().count() > 0)
                .collect();
            let best = pool.iter().map(|ch| ch.gained().count()).max()?;
            let tops: Vec<CommuneIx> = pool
                .iter()
                .filter(|ch| ch.gained().count() == best)
                .map(|ch| ch.commune)
                .collect();
            let criteria: Vec<String> = match tops.as_slice() {
                [_] => pool
                    .iter()
                    .find(|ch| ch.gained().count() == best)
                    .map(|ch| {
                        self.criteria_named(snap.set, ch.gained())
                            .iter()
                            .map(|c| c["name"].as_str().unwrap_or_default().to_string())
                            .collect()
                    })
                    .unwrap_or_default(),
                _ => Vec::new(),
            };
            prose::top_gainers(lang, &names(&tops), best, &criteria, pool.len() == 1)
        };
        let reached_target: Vec<CommuneIx> = b
            .reached_standard
            .iter()
            .copied()
            .filter(|&c| is_target(c))
            .collect();
        let mut target_lines = Vec::new();
        if !b.targets.is_empty() {
            target_lines.push(prose::target_week(
                lang,
                &when,
                year,
                b.targets.len() as u32,
                &s.target,
            ));
            target_lines.extend(top(true));
            target_lines.push(prose::newly_standard(lang, &names(&reached_target)));
            target_lines.push(prose::target_standing(
                lang,
                year,
                b.targets.len(),
                done.len(),
                short,
                missing_sum,
                unknown,
            ));
        }
        let mut province_lines = vec![prose::province_week(
            lang,
            b.targets.is_empty().then_some(when.as_str()),
            &s.all,
        )];
        if b.targets.is_empty() {
            province_lines.extend(top(false));
        }
        if b.targets.is_empty() || reached_target.len() != b.reached_standard.len() {
            province_lines.push(prose::newly_standard(lang, &names(&b.reached_standard)));
        }
        province_lines.push(prose::province_standing(
            lang,
            date,
            s.all.levels.known,
            s.all.levels.meets_standard,
            s.all.levels.average_met(),
        ));

        // First reports and re-based communes.
        let state_cell = |c: CommuneIx| {
            let mut cell = self.commune_cell(c, date);
            if let Some(st) = sweep.timeline.state_on(c, date) {
                cell["met"] = json!(st.count());
                cell["total"] = json!(content.sets[st.set].len());
            }
            cell
        };
        let baseline: Vec<Value> = b.baseline.iter().map(|&c| state_cell(c)).collect();
        let rebased: Vec<Value> = b
            .rebased
            .iter()
            .map(|&c| {
                let mut cell = state_cell(c);
                let from = sweep.changes[sweep.change_ranges[i].clone()]
                    .iter()
                    .find(|ch| ch.commune == c)
                    .and_then(|ch| match ch.kind {
                        ChangeKind::Rebased { from_set } => Some(from_set),
                        _ => None,
                    });
                cell["from_set"] = json!(from.map(|f| charts::set_label(content, f)));
                cell["set"] = json!(charts::set_label(content, snap.set));
                cell
            })
            .collect();

        let mut froms: Vec<String> = rebased
            .iter()
            .filter_map(|r| r["from_set"].as_str().map(str::to_string))
            .collect();
        froms.sort();
        froms.dedup();
        let rebased_sets = format!(
            "{} → {}",
            froms.join(", "),
            charts::set_label(content, snap.set)
        );

        // Per district, with the province's total (and the communes in no district).
        let districts: Vec<Value> = b
            .districts
            .iter()
            .map(|d| {
                let mut row = self.levels_row(&d.levels, &d.movement);
                row["group"] = v.group_link(d.group);
                row["name"] = json!(charts::figures::area_name(content, d.group));
                row
            })
            .collect();
        let mut rest_l = s.all.levels;
        let mut rest_m = s.all.movement;
        for d in &b.districts {
            rest_l.known -= d.levels.known;
            rest_l.meets_standard -= d.levels.meets_standard;
            rest_l.sum_met -= d.levels.sum_met;
            rest_m.reporting -= d.movement.reporting;
            rest_m.communes_gained -= d.movement.communes_gained;
            rest_m.criteria_gained -= d.movement.criteria_gained;
            rest_m.communes_lost -= d.movement.communes_lost;
            rest_m.criteria_lost -= d.movement.criteria_lost;
        }
        let others =
            (rest_l.known > 0 || rest_m.reporting > 0).then(|| self.levels_row(&rest_l, &rest_m));
        let total = self.levels_row(&s.all.levels, &s.all.movement);

        // The province's targets open on the date.
        let open_targets: Vec<Value> = b
            .open_targets
            .iter()
            .map(|o| {
                let t = &content.targets[o.target];
                json!({
                    "id": t.id,
                    "title": t.title,
                    "shortfall": o.shortfall,
                    "status_text": prose::target_status(
                        lang,
                        t.measure,
                        t.value,
                        o.shortfall,
                        t.deadline,
                        t.deadline.year(),
                    ),
                    "href": paths::link(&super::review::target_dir(&t.id)),
                    "met": o.shortfall == 0,
                })
            })
            .collect();

        // Charts: the full ones on screen, the compact ones in print.
        let base = format!("bieu-do/ban-tin/{date}/");
        let fig_targets = drawn.targets.as_ref().map(|c| {
            self.chart_on(
                "bieu-do-ve-dich",
                c,
                format!("{base}ve-dich.svg"),
                Some(date),
            )
        });
        let fig_bands = self.chart_on(
            "bieu-do-phan-nhom",
            &drawn.bands,
            format!("{base}phan-nhom.svg"),
            Some(date),
        );
        let print_targets = drawn.targets_brief.as_ref().map(|c| {
            self.print_chart_on(
                "in-ve-dich",
                c,
                format!("{base}ve-dich-gon.svg"),
                Some(date),
            )
        });
        let print_bands = self.print_chart_on(
            "in-phan-nhom",
            &drawn.bands_brief,
            format!("{base}phan-nhom-gon.svg"),
            Some(date),
        );

        let text = content
            .bulletins
            .iter()
            .find(|t| t.date == date)
            .map(|t| (t.file.clone(), t.body.clone()));
        let text = text.map(|(file, body)| self.markdown(&dir, &file, 1, &body, BULLETIN_IDS).html);
        let neighbour = |k: usize| {
            let d = content.snapshots[k].date;
            json!({"href": paths::link(&paths::bulletin(d)), "date": v.date(d)})
        };
        let pdf = self.pdf.bulletins.contains(&date).then(|| {
            let pdf = bulletin_pdf(date);
            self.print_jobs.push(PrintJob {
                html: paths::link(&dir),
                pdf: pdf.clone(),
            });
            pdf
        });
        let week = snap.period.map(|(a, z)| match lang {
            Lang::Vi if z.to_days() - a.to_days() <= 6 => {
                format!("Tuần {}/{}", prose::week_span(a, z), z.year())
            }
            Lang::Vi => format!("Kỳ {}/{}", prose::week_span(a, z), z.year()),
            Lang::En => format!("{} to {}", v.date(a), v.date(z)),
        });
        let title = format!("{} {}", self.t("bulletin_of"), v.date(date));
        let header = format!("{} · {}", title, v.content.site.title);
        let vars = json!({
            "bulletin": self.bulletin_summary(i),
            "b": {
                "date": v.date(date),
                "date_iso": date.to_string(),
                "year": year,
                "week": week,
                "period": snap.period.map(|(a, z)| format!("{}–{}", v.date(a), v.date(z))),
                "note": snap.note,
                "set": self.set_value(&content.sets[snap.set]),
                "source": prose::bulletin_source(lang, snap.period, date),
                "print_header": css_string(&header),
                "print_footer": css_string(&content.site.organization),
                "headline_target": target_lines,
                "headline_province": province_lines,
                "changed": changed,
                "changed_targets": b.changed.iter().filter(|&&k| is_target(sweep.changes[k].commune)).count(),
                "lost": lost,
                "targets": {
                    "count": b.targets.len(),
                    "rows": rows,
                    "done": done,
                    "short": short,
                    "missing": missing_sum,
                    "unknown": unknown,
                    "stalled": stalled,
                    "stalled_weeks": STALLED_WEEKS,
                    "not_reported": not_reported,
                },
                "baseline": baseline,
                "rebased": rebased,
                "rebased_sets": rebased_sets,
                "districts": districts,
                "others": others,
                "total": total,
                "open_targets": open_targets,
                "figure_targets": fig_targets,
                "figure_bands": fig_bands,
                "print_targets": print_targets,
                "print_bands": print_bands,
                "pdf": pdf,
                "prev": b.previous.map(neighbour),
                "next": b.next.map(neighbour),
            },
            "text": text,
            "description": province_lines.first(),
        });
        let crumbs = vec![crumb(
            self.t("nav_bulletins"),
            Some("ban-tin/index.html".into()),
        )];
        self.add(&dir, "bulletin.html", "bulletins", &title, crumbs, vars);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn css_strings_cannot_break_out() {
        assert_eq!(super::css_string("Bản tin"), "\"Bản tin\"");
        assert_eq!(
            super::css_string("a\"b</style>\\"),
            "\"a\\22 b\\3c /style\\3e \\5c \""
        );
    }
}
