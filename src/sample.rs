//! `ntm-site sample`: a generated content folder of any size with the shape
//! of a real one (for benchmarks and scale tests), deterministic from a seed.
//!
//! The shape: districts of about a dozen communes (under provinces when there
//! are more than 2,000 communes), or a flat province with `--flat`; two
//! national criteria sets, the second with indicators (criterion 2 has 4,
//! criterion 17 has 12) and commune classes; weekly snapshots on Fridays,
//! each listing only the communes that reported that week (about one in ten,
//! everyone at the start and every 52 weeks); with `--merger`, two thirds of
//! the way the communes merge three into one into new communes directly
//! under `communes/`, which report from then on. News of about 430 words
//! (paragraphs, a list, a table, links, 2 of 20 tags, a commune named) and
//! models with photos (small JPEGs drawn here).

use crate::date::Date;
use crate::diag::Message;
use crate::scaffold::{Outcome, yaml_str};
use crate::text::slugify;
use crate::tr;
use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::PathBuf;

/// `ntm-site sample`: what to generate.
#[derive(clap::Args, Clone, Debug)]
pub struct SampleArgs {
    /// Communes (before a merger).
    #[arg(long, default_value_t = 250)]
    pub communes: usize,
    /// Weekly snapshots.
    #[arg(long, default_value_t = 104)]
    pub weeks: usize,
    /// News items.
    #[arg(long, default_value_t = 0)]
    pub news: usize,
    /// Photos, spread over one model for every five photos.
    #[arg(long, default_value_t = 0)]
    pub photos: usize,
    /// No districts: every commune directly under communes/.
    #[arg(long)]
    pub flat: bool,
    /// Two thirds of the way, the communes merge three into one (v1.2 mergers).
    #[arg(long)]
    pub merger: bool,
    /// The seed of the pseudo-random choices: the same seed writes the same files.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The folder to write (must not exist, or be empty).
    pub out: PathBuf,
}

/// A deterministic pseudo-random sequence (xorshift64*).
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// The criteria of the sets, by number (names of QĐ 1980/2016).
const CRITERIA: [&str; 19] = [
    "Quy hoạch",
    "Giao thông",
    "Thủy lợi",
    "Điện",
    "Trường học",
    "Cơ sở vật chất văn hóa",
    "Cơ sở hạ tầng thương mại nông thôn",
    "Thông tin và Truyền thông",
    "Nhà ở dân cư",
    "Thu nhập",
    "Hộ nghèo",
    "Lao động có việc làm",
    "Tổ chức sản xuất",
    "Giáo dục và Đào tạo",
    "Y tế",
    "Văn hóa",
    "Môi trường và an toàn thực phẩm",
    "Hệ thống chính trị và tiếp cận pháp luật",
    "Quốc phòng và An ninh",
];

/// Syllables of place names.
const SYLLABLES: [&str; 40] = [
    "Kỳ", "Thư", "Tân", "Yên", "Hồ", "Đức", "Thọ", "Cẩm", "Xuyên", "Thạch", "Hà", "Long", "Sơn",
    "Thủy", "Hương", "Khê", "Vĩnh", "Lộc", "Phú", "Mỹ", "Hòa", "Bình", "An", "Trung", "Đông",
    "Tây", "Nam", "Bắc", "Quang", "Minh", "Thái", "Thịnh", "Hưng", "Lâm", "Thanh", "Xuân", "Hải",
    "Phong", "Tiến", "Lạc",
];

/// Words of the news texts.
const WORDS: [&str; 48] = [
    "xã",
    "thôn",
    "người",
    "dân",
    "đường",
    "giao",
    "thông",
    "nông",
    "thôn",
    "mới",
    "tiêu",
    "chí",
    "đạt",
    "chuẩn",
    "năm",
    "nay",
    "huyện",
    "cán",
    "bộ",
    "văn",
    "phòng",
    "điều",
    "phối",
    "xây",
    "dựng",
    "công",
    "trình",
    "vốn",
    "ngân",
    "sách",
    "hộ",
    "nghèo",
    "thu",
    "nhập",
    "mô",
    "hình",
    "sản",
    "xuất",
    "hợp",
    "tác",
    "trường",
    "học",
    "trạm",
    "y",
    "tế",
    "nhà",
    "văn",
    "hóa",
];

const TAGS: [&str; 20] = [
    "bản tin tuần",
    "giao thông",
    "thủy lợi",
    "trường học",
    "y tế",
    "văn hóa",
    "môi trường",
    "thu nhập",
    "hộ nghèo",
    "sản xuất",
    "hợp tác xã",
    "đỡ đầu",
    "dân vận",
    "mô hình",
    "vườn mẫu",
    "khu dân cư kiểu mẫu",
    "xã về đích",
    "quy hoạch",
    "an ninh",
    "điện",
];

/// Indicators of criterion `k` in the second set.
fn indicators_of(k: u32) -> u32 {
    match k {
        2 => 4,
        17 => 12,
        _ => 0,
    }
}

/// The text of a criteria set.
fn criteria_set(name: &str, from: Date, until: Option<Date>, indicators: bool) -> String {
    let mut s = format!("name: {}\nvalid_from: {from}\n", yaml_str(name));
    if let Some(u) = until {
        let _ = writeln!(s, "valid_until: {u}");
    }
    if indicators {
        s.push_str("classes:\n  1: Xã nhóm 1\n  2: Xã nhóm 2\n  3: Xã nhóm 3\n");
    }
    s.push_str("criteria:\n");
    for (i, name) in CRITERIA.iter().enumerate() {
        let k = i as u32 + 1;
        let _ = writeln!(s, "  - number: {k}\n    name: {}", yaml_str(name));
        let m = if indicators { indicators_of(k) } else { 0 };
        if m > 0 {
            s.push_str("    indicators:\n");
            for j in 1..=m {
                let _ = writeln!(s, "      - {{id: \"{k}.{j}\", name: \"Chỉ tiêu {k}.{j}\"}}");
            }
        }
    }
    s
}

/// The met list of a commune meeting `m` of the 19 criteria (the first
/// `m`); under the set with indicators, a commune part of the way through
/// criteria 2 and 17 lists the indicators it meets.
fn met_list(m: u32, with_indicators: bool) -> String {
    let mut items: Vec<String> = Vec::new();
    for k in 1..=19 {
        let n = if with_indicators { indicators_of(k) } else { 0 };
        if k <= m {
            items.push(k.to_string());
        } else if n > 0 {
            for i in 1..=(m % n) {
                items.push(format!("\"{k}.{i}\""));
            }
        }
    }
    format!("[{}]", items.join(", "))
}

/// Writes files under one root, counting them.
struct Writer {
    root: PathBuf,
    files: usize,
    bytes: u64,
}

impl Writer {
    fn write(&mut self, rel: &str, bytes: &[u8]) -> Result<(), Message> {
        let path = self.root.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| {
                let d = dir.display();
                tr!(
                    "không tạo được thư mục {d}: {e}",
                    "cannot create the folder {d}: {e}"
                )
            })?;
        }
        std::fs::write(&path, bytes).map_err(|e| {
            let p = path.display();
            tr!("không ghi được {p}: {e}", "cannot write {p}: {e}")
        })?;
        self.files += 1;
        self.bytes += bytes.len() as u64;
        Ok(())
    }
}

/// A place name of two syllables, unique within `taken` (a number added
/// when needed), with its slug.
fn place(rng: &mut Rng, taken: &mut HashSet<String>) -> (String, String) {
    let name = format!("{} {}", rng.pick(&SYLLABLES), rng.pick(&SYLLABLES));
    let base = slugify(&name);
    let mut slug = base.clone();
    let mut n = 1;
    while !taken.insert(slug.clone()) {
        n += 1;
        slug = format!("{base}-{n}");
    }
    if n == 1 {
        (name, slug)
    } else {
        (format!("{name} {n}"), slug)
    }
}

/// A sentence of `n` words from the vocabulary, capitalised, with a full stop.
fn sentence(rng: &mut Rng, n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        let w = rng.pick(&WORDS);
        if i == 0 {
            let mut cs = w.chars();
            if let Some(c) = cs.next() {
                s.extend(c.to_uppercase());
                s.push_str(cs.as_str());
            }
        } else {
            s.push(' ');
            s.push_str(w);
        }
    }
    s.push('.');
    s
}

/// A news item of about 430 words: paragraphs, a list, a table, links.
fn news_body(rng: &mut Rng, commune: &str) -> String {
    let mut s = String::new();
    let para = |rng: &mut Rng, s: &mut String, sentences: usize| {
        let text: Vec<String> = (0..sentences)
            .map(|_| {
                let n = 10 + rng.below(10);
                sentence(rng, n)
            })
            .collect();
        s.push_str(&text.join(" "));
        s.push_str("\n\n");
    };
    para(rng, &mut s, 6);
    let _ = writeln!(
        s,
        "Theo báo cáo của xã {commune}, các công trình sau đã hoàn thành:\n"
    );
    for _ in 0..4 {
        let n = 6 + rng.below(5);
        let _ = writeln!(s, "- {}", sentence(rng, n));
    }
    s.push('\n');
    para(rng, &mut s, 6);
    s.push_str("| Hạng mục | Khối lượng | Vốn (triệu đồng) |\n|---|---:|---:|\n");
    for _ in 0..4 {
        let n = 3 + rng.below(3);
        let _ = writeln!(
            s,
            "| {} | {} | {} |",
            sentence(rng, n).trim_end_matches('.'),
            1 + rng.below(40),
            100 + rng.below(9000)
        );
    }
    s.push('\n');
    para(rng, &mut s, 6);
    let _ = writeln!(
        s,
        "Xem thêm [Chương trình mục tiêu quốc gia](https://nongthonmoi.gov.vn/) và \
         [văn bản hướng dẫn](https://chinhphu.vn/).\n"
    );
    para(rng, &mut s, 4);
    s
}

/// A photo: a smooth picture with noise, so that it compresses like one.
fn photo(rng: &mut Rng, w: u16, h: u16) -> Vec<u8> {
    let (r0, g0, b0) = (
        rng.below(200) as u32,
        rng.below(200) as u32,
        rng.below(200) as u32,
    );
    let mut px = Vec::with_capacity(w as usize * h as usize * 3);
    for y in 0..h as u32 {
        for x in 0..w as u32 {
            let n = (rng.next() % 24) as u32;
            px.push(((r0 + x * 55 / w as u32 + n) % 256) as u8);
            px.push(((g0 + y * 55 / h as u32 + n) % 256) as u8);
            px.push(((b0 + (x + y) * 30 / (w as u32 + h as u32) + n) % 256) as u8);
        }
    }
    let mut jpeg = Vec::new();
    // Encoding pixels we made ourselves into memory cannot fail but for a
    // size over 65,535 px, which `w` and `h` are not.
    let _ =
        jpeg_encoder::Encoder::new(&mut jpeg, 85).encode(&px, w, h, jpeg_encoder::ColorType::Rgb);
    jpeg
}

/// What [`generate`] wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Written {
    pub files: usize,
    pub bytes: u64,
    /// Communes, new ones of a merger included.
    pub communes: usize,
    pub snapshots: usize,
}

/// Writes the content folder described by `args` into `args.out`.
pub fn generate(args: &SampleArgs) -> Result<Written, Message> {
    let mut w = Writer {
        root: args.out.clone(),
        files: 0,
        bytes: 0,
    };
    let mut rng = Rng::new(args.seed);
    let communes = args.communes;
    w.write(
        "site.yaml",
        format!(
            "title: {}\norganization: Văn phòng Điều phối nông thôn mới\nbase_url: https://ntm.example.vn/\n\
             description: Nội dung sinh tự động để đo tốc độ ({communes} xã, {} tuần)\nlanguage: vi\n\
             data_license: CC BY 4.0\nstale_after_days: 90\n",
            yaml_str(&format!("Nông thôn mới: tỉnh mẫu {communes} xã")),
            args.weeks
        )
        .as_bytes(),
    )?;
    let start = Date::new(2014, 11, 14).unwrap_or(Date::from_days(0));
    let switch = Date::new(2016, 10, 17).unwrap_or(start);
    w.write(
        "criteria/qd-491-2009.yaml",
        criteria_set(
            "Bộ tiêu chí quốc gia về xã nông thôn mới (QĐ 491/QĐ-TTg)",
            Date::new(2009, 4, 16).unwrap_or(start),
            Some(switch.pred()),
            false,
        )
        .as_bytes(),
    )?;
    w.write(
        "criteria/qd-1980-2016.yaml",
        criteria_set(
            "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2016–2020 (QĐ 1980/QĐ-TTg)",
            switch,
            None,
            true,
        )
        .as_bytes(),
    )?;

    // The administrative tree.
    let nested = !args.flat && communes > 2000;
    let districts = if args.flat || communes == 0 {
        0
    } else {
        communes.div_ceil(12).max(1)
    };
    let provinces = if nested { districts.div_ceil(25) } else { 0 };
    let mut taken = HashSet::new();
    let mut province_dirs = Vec::with_capacity(provinces);
    for _ in 0..provinces {
        let (name, slug) = place(&mut rng, &mut taken);
        w.write(
            &format!("communes/{slug}/_index.yaml"),
            format!("name: {}\nkind: tỉnh\n", yaml_str(&name)).as_bytes(),
        )?;
        province_dirs.push(slug);
    }
    let mut district_dirs = Vec::with_capacity(districts);
    for d in 0..districts {
        let (name, slug) = place(&mut rng, &mut taken);
        let dir = match province_dirs.get(d % provinces.max(1)) {
            Some(p) if nested => format!("{p}/{slug}"),
            _ => slug,
        };
        let kind = if d % 10 == 9 { "thị xã" } else { "huyện" };
        w.write(
            &format!("communes/{dir}/_index.yaml"),
            format!("name: {}\nkind: {kind}\n", yaml_str(&name)).as_bytes(),
        )?;
        district_dirs.push(dir);
    }
    let mut ids = Vec::with_capacity(communes);
    let mut names = Vec::with_capacity(communes);
    let mut targets: Vec<Option<i32>> = Vec::with_capacity(communes);
    let mut in_district: Vec<HashSet<String>> = vec![HashSet::new(); districts.max(1)];
    for c in 0..communes {
        let d = c % districts.max(1);
        let (name, slug) = place(&mut rng, &mut in_district[d]);
        let id = match district_dirs.get(d) {
            Some(dir) => format!("{dir}/{slug}"),
            None => slug,
        };
        let mut text = format!(
            "name: {}\ncode: \"{:05}\"\npopulation: {}\narea_km2: {}.{}\n",
            yaml_str(&name),
            c + 1,
            3000 + rng.below(12000),
            8 + rng.below(40),
            rng.below(10)
        );
        let target = (c % 5 == 0).then(|| 2015 + rng.below(6) as i32);
        if let Some(y) = target {
            let _ = writeln!(text, "target_year: {y}");
        }
        targets.push(target);
        if c % 7 == 0 {
            let _ = writeln!(text, "sponsors: [Sở {}]", rng.pick(&CRITERIA));
        }
        w.write(&format!("communes/{id}.yaml"), text.as_bytes())?;
        ids.push(id);
        names.push(name);
    }

    // The merger: three communes into one, new communes directly under
    // communes/ (no district level any more).
    let date_of = |s: usize| Date::from_days(start.to_days() + 7 * s as i64);
    let merger = (args.merger && args.weeks > 1).then(|| args.weeks * 2 / 3);
    let merged = if merger.is_some() {
        communes.div_ceil(3)
    } else {
        0
    };
    let mut new_ids = Vec::with_capacity(merged);
    if let Some(m) = merger {
        let established = Date::from_days(date_of(m).to_days() - 3);
        for n in 0..merged {
            let from: Vec<&str> = (n..communes)
                .step_by(merged.max(1))
                .map(|c| ids[c].as_str())
                .collect();
            let (name, slug) = place(&mut rng, &mut taken);
            let slug = format!("{slug}-moi");
            w.write(
                &format!("communes/{slug}.yaml"),
                format!(
                    "name: {}\nestablished: {established}\nclass: {}\ntarget_year: {}\nmerged_from: [{}]\n",
                    yaml_str(&name),
                    1 + n % 3,
                    established.year() + 1 + (n % 5) as i32,
                    from.join(", ")
                )
                .as_bytes(),
            )?;
            new_ids.push(slug);
        }
    }

    // Weekly snapshots: only the communes that reported.
    let mut met: Vec<u32> = (0..communes).map(|_| rng.below(8) as u32).collect();
    let mut met_new: Vec<u32> = vec![0; merged];
    let mut previous_set_switched = false;
    for s in 0..args.weeks {
        let date = date_of(s);
        let with_indicators = date >= switch;
        let first_of_set = with_indicators && !previous_set_switched;
        previous_set_switched = with_indicators;
        let after = merger.is_some_and(|m| s >= m);
        let full = s % 52 == 0 || first_of_set || Some(s) == merger;
        let (list, levels) = if after {
            (&new_ids, &mut met_new)
        } else {
            (&ids, &mut met)
        };
        let mut text = format!(
            "date: {date}\nperiod: {}..{date}\nnote: Số liệu do cán bộ phụ trách xã báo cáo\ncommunes:\n",
            Date::from_days(date.to_days() - 6)
        );
        let mut any = false;
        for (c, id) in list.iter().enumerate() {
            if full || rng.below(10) == 0 {
                if rng.below(3) == 0 && levels[c] < 19 {
                    levels[c] += 1;
                }
                // A commune reaches the standard in its target year, as the
                // office plans: reporting in that year, it meets everything.
                if !after && targets[c].is_some_and(|y| date.year() >= y) {
                    levels[c] = 19;
                }
                any = true;
                let _ = writeln!(text, "  {id}: {}", met_list(levels[c], with_indicators));
            }
        }
        if !any {
            text = text.replace("communes:\n", "communes: {}\n");
        }
        w.write(&format!("progress/{date}.yaml"), text.as_bytes())?;
    }

    // News: dates spread over the weeks, 2 of 20 tags, one commune named.
    let days = (7 * args.weeks.max(1)) as i64;
    let reporting = if merger.is_some() { &new_ids } else { &ids };
    for n in 0..args.news {
        let date = Date::from_days(start.to_days() + (n as i64 * days) / args.news as i64);
        let c = rng.below(communes.max(1));
        let (cid, cname) = match ids.get(c) {
            Some(id) => (id.as_str(), names[c].as_str()),
            None => ("", ""),
        };
        let (t1, t2) = (rng.below(20), rng.below(19));
        let t2 = if t2 >= t1 { t2 + 1 } else { t2 };
        let title = sentence(&mut rng, 8);
        let mut text = format!(
            "---\ntitle: {}\ndate: {date}\nsummary: {}\nauthor: Ban biên tập\ntags: [{}, {}]\n",
            yaml_str(title.trim_end_matches('.')),
            yaml_str(&sentence(&mut rng, 24)),
            TAGS[t1],
            TAGS[t2]
        );
        // A former commune stays a commune: naming one is right at any date.
        if !cid.is_empty() {
            let _ = writeln!(text, "communes: [{cid}]");
        }
        text.push_str("---\n");
        text.push_str(&news_body(&mut rng, cname));
        w.write(&format!("news/tin-{:06}.md", n + 1), text.as_bytes())?;
    }

    // Models with photos: one model for every five photos.
    let models = args.photos.div_ceil(5);
    for m in 0..models {
        let photos = (args.photos - m * 5).min(5);
        let commune = reporting.get(rng.below(reporting.len().max(1)));
        let Some(commune) = commune else { break };
        let garden = m % 3 == 2;
        let registered = Date::from_days(start.to_days() + rng.below(days as usize) as i64);
        let recognized = m % 2 == 0;
        let mut text = format!(
            "---\ntitle: {}\nkind: {}\ncommune: {commune}\nstatus: {}\nregistered: {registered}\n",
            yaml_str(&format!(
                "{} số {}",
                if garden {
                    "Vườn mẫu"
                } else {
                    "Khu dân cư kiểu mẫu"
                },
                m + 1
            )),
            if garden { "garden" } else { "residential" },
            if recognized { "recognized" } else { "building" },
        );
        if recognized {
            let _ = writeln!(
                text,
                "recognized: {}",
                Date::from_days(registered.to_days() + 180)
            );
        }
        text.push_str("photos:\n");
        for p in 1..=photos {
            let _ = writeln!(
                text,
                "  - file: {p:02}.jpg\n    caption: {}\n    credit: Văn phòng Điều phối",
                yaml_str(sentence(&mut rng, 8).trim_end_matches('.'))
            );
            let jpeg = photo(&mut rng, 800, 600);
            w.write(&format!("models/mo-hinh-{:04}/{p:02}.jpg", m + 1), &jpeg)?;
        }
        text.push_str("---\n");
        let n = 20;
        let _ = writeln!(text, "{}", sentence(&mut rng, n));
        w.write(
            &format!("models/mo-hinh-{:04}/index.md", m + 1),
            text.as_bytes(),
        )?;
    }
    Ok(Written {
        files: w.files,
        bytes: w.bytes,
        communes: communes + merged,
        snapshots: args.weeks,
    })
}

/// `ntm-site sample`: refuses a folder that has files, then writes.
pub fn run(args: &SampleArgs) -> Outcome {
    let out = args.out.display();
    if std::fs::read_dir(&args.out).is_ok_and(|mut d| d.next().is_some()) {
        return Err(tr!(
            "{out} đã có tệp; hãy chọn một thư mục mới hoặc rỗng",
            "{out} is not empty; choose a new or empty folder"
        ));
    }
    let w = generate(args)?;
    let (files, communes, weeks) = (w.files, w.communes, w.snapshots);
    let mb = w.bytes as f64 / 1e6;
    let mb_vi = format!("{mb:.1}").replace('.', ",");
    Ok(vec![tr!(
        "đã tạo {out}: {files} tệp ({mb_vi} MB), {communes} xã, {weeks} báo cáo tuần",
        "created {out}: {files} files ({mb:.1} MB), {communes} communes, {weeks} weekly snapshots"
    )])
}
