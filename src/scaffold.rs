//! `ntm-site new`: new content folders and new files in one (a snapshot
//! prefilled with every commune's current state, a news item, a model, a
//! commune), each refused when it already exists.

use crate::date::Date;
use crate::diag::Message;
use crate::text::{fold, is_slug, slugify};
use crate::tr;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// What a `new` command did: the lines to print, or why it did nothing.
pub type Outcome = Result<Vec<Message>, Message>;

/// Today's date (UTC) from the system clock.
pub fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    Date::from_days(secs.div_euclid(86_400))
}

/// The first Friday on or after `d` (`strictly` after when asked).
pub fn friday_from(d: Date, strictly: bool) -> Date {
    let start = if strictly {
        d.to_days() + 1
    } else {
        d.to_days()
    };
    let wd = Date::from_days(start).weekday() as i64;
    Date::from_days(start + (4 - wd).rem_euclid(7))
}

/// The date of the next weekly report: a week after the latest snapshot, so
/// that the office keeps its own reporting day (the sample reports on
/// Thursdays), or the first Friday from `today` when there is none yet.
pub fn next_report_date(latest: Option<Date>, today: Date) -> Date {
    match latest {
        Some(l) => Date::from_days(l.to_days() + 7),
        None => friday_from(today, false),
    }
}

/// Quotes text for YAML as a double-quoted scalar (JSON string syntax, which
/// YAML 1.2 reads the same).
pub fn yaml_str(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

/// Writes `text` to `path`, creating its folder; refuses an existing file.
fn write_new(path: &Path, text: &str) -> Result<(), Message> {
    if path.exists() {
        let p = path.display();
        return Err(tr!(
            "{p} đã có; không ghi đè. Hãy chọn tên khác hoặc xóa tệp cũ trước",
            "{p} already exists; nothing was overwritten. Choose another name or remove the old file first"
        ));
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| {
            let d = dir.display();
            tr!(
                "không tạo được thư mục {d}: {e}",
                "cannot create the folder {d}: {e}"
            )
        })?;
    }
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| {
            let p = path.display();
            tr!("không ghi được {p}: {e}", "cannot write {p}: {e}")
        })?;
    std::io::Write::write_all(&mut f, text.as_bytes()).map_err(|e| {
        let p = path.display();
        tr!("không ghi được {p}: {e}", "cannot write {p}: {e}")
    })
}

fn wrote(path: &Path) -> Message {
    let p = path.display();
    tr!("đã tạo {p}", "created {p}")
}

/// A slug from what the user typed: kept when it is one, folded otherwise
/// (with a line saying so).
fn slug_of(
    typed: &str,
    what_vi: &str,
    what_en: &str,
    lines: &mut Vec<Message>,
) -> Result<String, Message> {
    if is_slug(typed) {
        return Ok(typed.to_string());
    }
    let s = slugify(typed);
    if s.is_empty() {
        return Err(tr!(
            "không lập được tên tệp từ '{typed}'; hãy dùng chữ a-z, số 0-9 và dấu '-'",
            "cannot make a file name from '{typed}'; use a-z, 0-9 and '-'"
        ));
    }
    lines.push(tr!(
        "{what_vi}: dùng tên tệp '{s}' (từ '{typed}')",
        "{what_en}: using the file name '{s}' (from '{typed}')"
    ));
    Ok(s)
}

// ---------------------------------------------------------------- new site

/// The criteria sets a new site starts with: `(set id, YAML text)`, the
/// bundled national sets ([`crate::sets`]) that this version's loader reads.
fn bundled_sets() -> Vec<(&'static str, &'static str)> {
    crate::sets::bundled()
        .iter()
        .filter(|(id, text)| crate::sets::read(id, text).0.is_some())
        .copied()
        .collect()
}

/// `new site DIR`: a content folder that builds as it is; a site of today
/// (after 1/7/2025) has its communes directly under `communes/`, a site
/// dated earlier one district.
pub fn new_site(dir: &Path, today: Date) -> Outcome {
    if dir.exists() {
        let non_empty = std::fs::read_dir(dir)
            .map(|mut r| r.next().is_some())
            .unwrap_or(true);
        if non_empty {
            let d = dir.display();
            return Err(tr!(
                "thư mục {d} đã có nội dung; hãy chọn một thư mục mới hoặc trống",
                "the folder {d} is not empty; choose a new or empty folder"
            ));
        }
    }
    let sets = bundled_sets();
    // The snapshot: the last Friday on or before today, under the set in
    // force then (the latest such set).
    let mut date = friday_from(Date::from_days(today.to_days() - 6), false);
    let mut set = None;
    let mut parsed = Vec::new();
    for (id, yaml) in &sets {
        parsed.push((*id, set_dates(yaml)));
    }
    for _ in 0..2 {
        set = parsed
            .iter()
            .filter(|(_, (from, until))| {
                from.is_some_and(|f| f <= date) && until.is_none_or(|u| date <= u)
            })
            .max_by_key(|(_, (from, _))| *from)
            .map(|(id, _)| *id);
        if set.is_some() {
            break;
        }
        // No set in force today: report on the last Friday of the newest set.
        if let Some(until) = parsed.iter().filter_map(|(_, (_, u))| *u).max() {
            date = friday_from(Date::from_days(until.to_days() - 6), false);
        }
    }
    let Some(set) = set else {
        return Err(tr!(
            "không có bộ tiêu chí nào dùng được",
            "no bundled criteria set can be used"
        ));
    };
    let period_start = Date::from_days(date.to_days() - 6);
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    files.push((
        "site.yaml".into(),
        "# Thông tin chung của trang. Sửa tên tỉnh, đơn vị và địa chỉ trang cho đúng.\n\
         title: Nông thôn mới tỉnh Mẫu\n\
         organization: Văn phòng Điều phối Chương trình xây dựng nông thôn mới tỉnh Mẫu\n\
         base_url: https://ntm.example.gov.vn/\n\
         description: Tiến độ xây dựng nông thôn mới của các xã trong tỉnh.\n\
         language: vi\n\
         data_license: CC BY 4.0\n"
            .into(),
    ));
    for (id, yaml) in &sets {
        files.push((format!("criteria/{id}.yaml").into(), yaml.to_string()));
    }
    // Since 1/7/2025 a province has no district level: the commune sits
    // directly under communes/, with its class when the set has classes.
    // (the two-level local government took effect on 1/7/2025).
    let flat = Date::new(2025, 7, 1).is_some_and(|ended| date >= ended);
    let parsed_set = sets
        .iter()
        .find(|(id, _)| *id == set)
        .and_then(|(id, text)| crate::sets::read(id, text).0);
    let id = if flat { "thu-nghiem" } else { "mau/thu-nghiem" };
    if !flat {
        files.push((
            "communes/mau/_index.yaml".into(),
            "# Một huyện (hoặc thị xã, thành phố): mỗi huyện là một thư mục có tệp _index.yaml.\n\
             name: Mẫu\n\
             kind: huyện\n"
                .into(),
        ));
    }
    let class = match parsed_set.as_ref().and_then(|s| s.classes.first()) {
        Some(c) => format!(
            "class: {}              # nhóm xã theo bộ tiêu chí ({})\n",
            c.number, c.description
        ),
        None => String::new(),
    };
    files.push((
        format!("communes/{id}.yaml").into(),
        format!(
            "# Một xã: tên tệp (thu-nghiem) là mã của xã trong các báo cáo: {id}.\n\
             name: Thử Nghiệm\n\
             kind: xã\n\
             {class}\
             # code: \"00001\"        # mã đơn vị hành chính, để trong dấu nháy\n\
             # population: 5000\n\
             # target_year: 2027     # năm đăng ký về đích\n"
        ),
    ));
    // Criterion 1 met, and, under a set with indicators, one indicator of
    // a later criterion (its id, as `2.1`) to show both ways of writing.
    let met = match parsed_set.as_ref().and_then(|s| {
        let first = s.criteria.first()?;
        let ind = s
            .criteria
            .iter()
            .skip(1)
            .find_map(|c| c.indicators.first())?;
        Some((first.number, ind.id.clone()))
    }) {
        Some((n, ind)) => format!(
            "  # tiêu chí {n} đạt (mọi chỉ tiêu của nó); chỉ tiêu {ind} đạt\n  {id}: [{n}, \"{ind}\"]\n"
        ),
        None => format!("  {id}: [1, 2]\n"),
    };
    files.push((
        format!("progress/{date}.yaml").into(),
        format!(
            "# Báo cáo tuần: mỗi dòng là một xã đã báo cáo và các tiêu chí xã đó đạt.\n\
             date: {date}\n\
             period: {period_start}..{date}\n\
             criteria_set: {set}\n\
             communes:\n\
             {met}"
        ),
    ));
    files.push((
        "news/bat-dau-trang-tin.md".into(),
        format!(
            "---\n\
             title: Bắt đầu trang tin nông thôn mới\n\
             date: {today}\n\
             summary: Trang tin tiến độ xây dựng nông thôn mới của tỉnh bắt đầu hoạt động.\n\
             ---\n\
             Trang này đăng tiến độ xây dựng nông thôn mới của các xã, cập nhật hằng tuần.\n"
        ),
    ));
    files.push(("README.md".into(), office_readme(flat)));
    let mut lines = Vec::new();
    for (rel, text) in &files {
        let path = dir.join(rel);
        write_new(&path, text)?;
    }
    let d = dir.display();
    let n = files.len();
    lines.push(tr!(
        "đã tạo thư mục nội dung {d} ({n} tệp); xem {d}/README.md để bắt đầu",
        "created the content folder {d} ({n} files); see {d}/README.md to begin"
    ));
    lines.push(tr!(
        "thử ngay: ntm-site build --content {d}",
        "try it: ntm-site build --content {d}"
    ));
    Ok(lines)
}

/// `valid_from` and `valid_until` of a set's YAML text, read by line.
fn set_dates(yaml: &str) -> (Option<Date>, Option<Date>) {
    let get = |key: &str| {
        yaml.lines().find_map(|l| {
            let v = l.strip_prefix(key)?.trim();
            let v = v.split('#').next().unwrap_or("").trim().trim_matches('"');
            Date::parse_iso(v).ok()
        })
    };
    (get("valid_from:"), get("valid_until:"))
}

/// The office's README; `flat`: communes directly under `communes/` (no
/// district level, as since 1/7/2025).
fn office_readme(flat: bool) -> String {
    let (communes, new_commune, model_commune) = if flat {
        (
            "các xã, mỗi xã một tệp (tỉnh không còn cấp huyện từ 1/7/2025)",
            "ten-xa",
            "thu-nghiem",
        )
    } else {
        (
            "các huyện (thư mục có `_index.yaml`) và các xã (mỗi xã một tệp)",
            "mau/ten-xa",
            "mau/thu-nghiem",
        )
    };
    format!(
        "# Thư mục nội dung của trang nông thôn mới\n\
\n\
Thư mục này chứa toàn bộ số liệu và bài viết của trang. `ntm-site` đọc nó và\n\
viết ra trang web.\n\
\n\
| Thư mục, tệp | Nội dung |\n\
|---|---|\n\
| `site.yaml` | tên trang, đơn vị, địa chỉ trang |\n\
| `criteria/` | các bộ tiêu chí quốc gia (không cần sửa) |\n\
| `communes/` | {communes} |\n\
| `progress/` | báo cáo hằng tuần: mỗi tệp một ngày, tên tệp là ngày báo cáo |\n\
| `news/` | tin bài |\n\
| `models/` | khu dân cư kiểu mẫu, vườn mẫu và ảnh |\n\
\n\
## Việc hằng tuần\n\
\n\
1. `ntm-site export-sheet bao-cao.xlsx`: xuất bảng tính để gửi các xã.\n\
2. Các xã đánh dấu `x` vào tiêu chí đạt và gửi lại.\n\
3. `ntm-site import bao-cao.xlsx --dry-run`: xem trước; rồi `ntm-site import bao-cao.xlsx`.\n\
   Hoặc `ntm-site new snapshot` rồi bỏ dấu `#` ở các xã đã báo cáo.\n\
4. `ntm-site check`: kiểm tra số liệu.\n\
5. `ntm-site build`: viết trang web vào thư mục `output/`.\n\
\n\
## Thêm nội dung\n\
\n\
- `ntm-site new commune {new_commune} --name \"Tên Xã\"`: thêm một xã;\n\
- `ntm-site new news \"Tiêu đề bài\"`: thêm một tin;\n\
- `ntm-site new model \"Khu dân cư kiểu mẫu thôn A\" --commune {model_commune}`: thêm một mô hình.\n\
\n\
Tên tệp và thư mục chỉ dùng chữ a-z không dấu, số và dấu `-`.\n\
Hướng dẫn đầy đủ: `docs/huong-dan.md` của ntm-site.\n"
    )
}

// ------------------------------------------------------------ new snapshot

/// `new snapshot [DATE]`: `progress/DATE.yaml` with every commune's current
/// state as a comment line.
pub fn new_snapshot(content: &Path, date: Option<Date>, today: Date) -> Outcome {
    let checked = crate::build::check(content, true, false).map_err(|d| {
        let n = d.error_count();
        tr!(
            "thư mục nội dung có {n} lỗi; hãy chạy 'ntm-site check' và sửa trước",
            "the content folder has {n} errors; run 'ntm-site check' and fix them first"
        )
    })?;
    let c = &checked.content;
    let latest = c.snapshots.last().map(|s| s.date);
    let date = match (date, latest) {
        (Some(d), _) => d,
        (None, latest) => next_report_date(latest, today),
    };
    let rel = format!("progress/{date}.yaml");
    let path = content.join(&rel);
    if path.exists() {
        return Err(tr!(
            "{rel} đã có; hãy sửa tệp đó, hoặc cho ngày khác: ntm-site new snapshot YYYY-MM-DD",
            "{rel} already exists; edit it, or give another date: ntm-site new snapshot YYYY-MM-DD"
        ));
    }
    let period_start = Date::from_days(date.to_days() - 6);
    let mut out = String::new();
    let _ = writeln!(out, "# Báo cáo tuần {}–{}.", period_start.vi(), date.vi());
    let _ = writeln!(
        out,
        "# Bỏ dấu '# ' ở đầu dòng của từng xã ĐÃ BÁO CÁO và sửa danh sách tiêu chí đạt;"
    );
    let _ = writeln!(out, "# để nguyên dấu # ở các xã không báo cáo tuần này.");
    let _ = writeln!(out, "date: {date}");
    let _ = writeln!(out, "period: {period_start}..{date}");
    // The set of the latest snapshot while it is in force; else the one set
    // in force on the date; else the latest's all the same (check warns).
    let in_force: Vec<&crate::model::CriteriaSet> =
        c.sets.iter().filter(|s| s.in_force(date)).collect();
    match c.snapshots.last().map(|s| &c.sets[s.set]) {
        Some(set) if set.in_force(date) => {
            let _ = writeln!(out, "criteria_set: {}", set.id);
        }
        _ if in_force.len() == 1 => {
            let _ = writeln!(
                out,
                "criteria_set: {}   # bộ tiêu chí có hiệu lực vào ngày này",
                in_force[0].id
            );
        }
        Some(set) => {
            let _ = writeln!(
                out,
                "criteria_set: {}   # bộ tiêu chí của báo cáo trước (ngày này ngoài thời gian hiệu lực của nó)",
                set.id
            );
        }
        None => {}
    }
    if let Ok(s) = crate::sheet::import::set_for(c, date)
        && let Some(x) = c.sets[s].criteria.iter().find_map(|k| k.indicators.first())
    {
        let _ = writeln!(
            out,
            "# Bộ {} có chỉ tiêu: ghi số tiêu chí khi xã đạt mọi chỉ tiêu của nó, còn không thì ghi từng chỉ tiêu đạt, ví dụ \"{}\".",
            c.sets[s].id, x.id
        );
    }
    let _ = writeln!(out, "communes:");
    let timeline = &checked.report.sweep.timeline;
    let mut listed = 0usize;
    for (i, commune) in c.communes.iter().enumerate() {
        // A commune merged away (or not yet formed) cannot report on the date.
        if !c.exists_on(i, date) {
            continue;
        }
        let state = timeline.latest(i);
        let (list, note) = match state {
            Some(s) => {
                let set = &c.sets[s.set];
                let n = set.len();
                let nums = set.met_list(s.met, s.indicators_met);
                let mut note = format!("{}/{} tiêu chí", s.count(), n);
                if set.has_indicators() {
                    let _ = write!(
                        note,
                        ", {}/{} chỉ tiêu",
                        s.indicators_count(),
                        set.indicator_count()
                    );
                }
                let _ = write!(note, " ngày {}", s.date.vi());
                (format!("[{}]", nums.join(", ")), note)
            }
            None => ("[]".to_string(), "chưa có báo cáo nào".to_string()),
        };
        let _ = writeln!(
            out,
            "  # {}: {list}   # {}: {note}",
            commune.id,
            one_line(&commune.name)
        );
        listed += 1;
    }
    write_new(&path, &out)?;
    Ok(vec![
        wrote(&path),
        tr!(
            "{listed} xã được ghi sẵn dưới dạng chú thích (#); bỏ dấu # ở các xã đã báo cáo. Tệp chưa sửa sẽ bị 'ntm-site check' báo lỗi vì chưa có xã nào",
            "{listed} communes are written as comments (#); uncomment the ones that reported. Until then 'ntm-site check' reports the file as listing no commune"
        ),
    ])
}

fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

// ------------------------------------------------- news, model, commune

/// `new news TITLE`.
pub fn new_news(content: &Path, title: &str, slug: Option<&str>, date: Date) -> Outcome {
    let mut lines = Vec::new();
    let slug = slug_of(slug.unwrap_or(title), "tin", "news", &mut lines)?;
    let rel = format!("news/{slug}.md");
    let bundle = content.join(format!("news/{slug}/index.md"));
    if bundle.exists() {
        let b = bundle.display();
        return Err(tr!(
            "{b} đã có; không ghi đè",
            "{b} already exists; nothing was overwritten"
        ));
    }
    let path = content.join(&rel);
    let text = format!(
        "---\ntitle: {}\ndate: {date}\n# summary: Một câu tóm tắt\n# author: Ban biên tập\n# tags: [bản tin tuần]\n# communes: [mã-huyện/mã-xã]\n---\nViết nội dung bài ở đây.\n",
        yaml_str(title.trim())
    );
    write_new(&path, &text)?;
    lines.push(wrote(&path));
    Ok(lines)
}

/// Every commune id under `content/communes`, sorted.
fn commune_ids(content: &Path) -> Vec<String> {
    let root = content.join("communes");
    let mut ids: Vec<String> = walkdir::WalkDir::new(&root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e.path().strip_prefix(&root).ok()?;
            let s = rel.to_string_lossy().replace('\\', "/");
            let id = s.strip_suffix(".yaml")?;
            (!id.ends_with("_index")).then(|| id.to_string())
        })
        .collect();
    ids.sort();
    ids
}

/// `new model SLUG --commune ID`.
pub fn new_model(
    content: &Path,
    slug_or_title: &str,
    commune: &str,
    garden: bool,
    date: Date,
) -> Outcome {
    let ids = commune_ids(content);
    if !ids.iter().any(|i| i == commune) {
        let hint = crate::text::closest(commune, ids.iter().map(String::as_str))
            .map(crate::diag::did_you_mean)
            .unwrap_or_default();
        let mut m = tr!(
            "không có xã '{commune}' trong communes/",
            "there is no commune '{commune}' in communes/"
        );
        m.push(&hint);
        return Err(m);
    }
    let mut lines = Vec::new();
    let slug = slug_of(slug_or_title, "mô hình", "model", &mut lines)?;
    let title = if is_slug(slug_or_title) {
        if garden {
            "Vườn mẫu"
        } else {
            "Khu dân cư NTM kiểu mẫu"
        }
        .to_string()
    } else {
        slug_or_title.trim().to_string()
    };
    let path = content.join(format!("models/{slug}/index.md"));
    let kind = if garden { "garden" } else { "residential" };
    let text = format!(
        "---\ntitle: {}\nkind: {kind}\ncommune: {commune}\nstatus: registered\nregistered: {date}\n# recognized: YYYY-MM-DD    # ngày công nhận, khi status: recognized\n# photos:\n#   - file: 01.jpg           # ảnh để cùng thư mục này\n#     caption: Mô tả ảnh      # bắt buộc\n---\nGiới thiệu mô hình ở đây.\n",
        yaml_str(&title)
    );
    write_new(&path, &text)?;
    lines.push(wrote(&path));
    Ok(lines)
}

/// `new commune ID --name NAME`.
pub fn new_commune(content: &Path, id: &str, name: Option<&str>) -> Outcome {
    let mut lines = Vec::new();
    let parts: Vec<&str> = id.trim_matches('/').split('/').collect();
    let mut slugs = Vec::new();
    for p in &parts {
        slugs.push(slug_of(p, "xã", "commune", &mut lines)?);
    }
    let name = match name {
        Some(n) => n.trim().to_string(),
        None if !is_slug(parts[parts.len() - 1]) => parts[parts.len() - 1].trim().to_string(),
        None => {
            return Err(tr!(
                "hãy cho tên xã: --name \"Tên Xã\"",
                "give the commune's name: --name \"Name\""
            ));
        }
    };
    let id = slugs.join("/");
    let group = &slugs[..slugs.len() - 1];
    if !group.is_empty() {
        let index = content
            .join("communes")
            .join(group.join("/"))
            .join("_index.yaml");
        if !index.exists() {
            let g = group.join("/");
            let i = index.display();
            return Err(tr!(
                "chưa có huyện '{g}': hãy tạo {i} (có dòng name: Tên huyện) trước",
                "there is no group '{g}': create {i} (with a line name: ...) first"
            ));
        }
    }
    // A commune of the same name folded elsewhere is likely a mistake.
    let folded = fold(&name);
    let path = content.join(format!("communes/{id}.yaml"));
    let same_name: Vec<String> = commune_ids(content)
        .into_iter()
        .filter(|other| {
            std::fs::read_to_string(content.join(format!("communes/{other}.yaml")))
                .ok()
                .and_then(|t| {
                    t.lines().find_map(|l| {
                        l.strip_prefix("name:")
                            .map(|v| fold(v.trim().trim_matches('"')))
                    })
                })
                .is_some_and(|n| n == folded)
        })
        .collect();
    let text = format!(
        "name: {}\nkind: xã\n# code: \"00000\"          # mã đơn vị hành chính, trong dấu nháy\n# class: 1                # nhóm xã (xã nhóm 1, 2, 3), với bộ tiêu chí có nhóm xã\n# population: 5000\n# area_km2: 20.5\n# target_year: 2027       # năm đăng ký về đích\n",
        yaml_str(&name)
    );
    write_new(&path, &text)?;
    lines.push(wrote(&path));
    for other in same_name {
        lines.push(tr!(
            "lưu ý: xã '{other}' cũng tên là {name}",
            "note: the commune '{other}' has the same name {name}"
        ));
    }
    Ok(lines)
}

// ------------------------------------------------------------- command line

/// The `new` subcommands.
#[derive(clap::Subcommand, Debug)]
pub enum NewCommand {
    /// A new content folder that builds as it is (refuses a folder that is not empty).
    Site {
        /// The folder to create.
        dir: PathBuf,
    },
    /// The next weekly snapshot, every commune's current state written as a comment.
    Snapshot {
        /// The reporting date (default: a week after the latest snapshot).
        date: Option<String>,
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// A news item (news/SLUG.md); the slug is made from the title.
    News {
        /// The title, in Vietnamese.
        title: String,
        /// The file name (default: from the title).
        #[arg(long)]
        slug: Option<String>,
        /// The date (default: today).
        #[arg(long)]
        date: Option<String>,
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// A model residential area or garden (models/SLUG/index.md).
    Model {
        /// The slug, or a title in Vietnamese to make it from.
        slug: String,
        /// The commune's id.
        #[arg(long)]
        commune: String,
        /// A model garden (vườn mẫu) rather than a residential area.
        #[arg(long)]
        garden: bool,
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// A commune (communes/ID.yaml).
    Commune {
        /// The id: district/commune, e.g. ky-anh/ky-thu.
        id: String,
        /// The commune's name, e.g. "Kỳ Thư".
        #[arg(long)]
        name: Option<String>,
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
}

fn date_arg(text: Option<&str>) -> Result<Option<Date>, Message> {
    match text {
        None => Ok(None),
        Some(t) => Date::parse_iso(t).map(Some).map_err(|_| {
            tr!(
                "ngày '{t}' không đúng; hãy viết YYYY-MM-DD, ví dụ 2026-03-06",
                "'{t}' is not a date; write YYYY-MM-DD, e.g. 2026-03-06"
            )
        }),
    }
}

impl NewCommand {
    /// The content folder the command works in (for its language).
    pub fn content(&self) -> Option<&Path> {
        match self {
            NewCommand::Site { .. } => None,
            NewCommand::Snapshot { content, .. }
            | NewCommand::News { content, .. }
            | NewCommand::Model { content, .. }
            | NewCommand::Commune { content, .. } => Some(content),
        }
    }

    /// Runs the command.
    pub fn run(&self) -> Outcome {
        let today = today();
        match self {
            NewCommand::Site { dir } => new_site(dir, today),
            NewCommand::Snapshot { date, content } => {
                new_snapshot(content, date_arg(date.as_deref())?, today)
            }
            NewCommand::News {
                title,
                slug,
                date,
                content,
            } => new_news(
                content,
                title,
                slug.as_deref(),
                date_arg(date.as_deref())?.unwrap_or(today),
            ),
            NewCommand::Model {
                slug,
                commune,
                garden,
                content,
            } => new_model(content, slug, commune, *garden, today),
            NewCommand::Commune { id, name, content } => new_commune(content, id, name.as_deref()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fridays() {
        let thu = Date::parse_iso("2017-12-28").unwrap();
        assert_eq!(friday_from(thu, true).to_string(), "2017-12-29");
        let fri = Date::parse_iso("2017-12-29").unwrap();
        assert_eq!(friday_from(fri, true).to_string(), "2018-01-05");
        assert_eq!(friday_from(fri, false).to_string(), "2017-12-29");
    }

    #[test]
    fn the_next_report_keeps_the_offices_weekday() {
        let thu = Date::parse_iso("2026-11-26").unwrap();
        let today = Date::parse_iso("2026-12-02").unwrap();
        assert_eq!(next_report_date(Some(thu), today).to_string(), "2026-12-03");
        assert_eq!(next_report_date(None, today).to_string(), "2026-12-04");
    }

    #[test]
    fn yaml_quoting_keeps_text() {
        assert_eq!(yaml_str("Tin: \"mới\" # 1"), "\"Tin: \\\"mới\\\" # 1\"");
    }
}
