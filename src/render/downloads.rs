//! The catalogue of the downloads page (`du-lieu/`): every data file the
//! build made, grouped by kind (one kind per contract file; the files per
//! district and per criterion each one kind), with what it holds, its
//! columns explained in the site's language, its size and the SHA-256 of
//! the very bytes written.

use super::format::{self, Lang};
use super::i18n::Strings;
use super::{FileSource, SiteFiles, datasets};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// The kinds of data file in the order the page lists them: the key of
/// their strings (`file_<key>`, `dcol_<key>_<column>`, and `kind_<key>`
/// for the name of a family of files) and the name shown.
const KINDS: &[(&str, &str)] = &[
    ("communes_csv", "communes.csv"),
    ("changes_csv", "changes.csv"),
    ("criteria_csv", "criteria.csv"),
    ("targets_csv", "targets.csv"),
    ("years_csv", "years.csv"),
    ("summary_json", "summary.json"),
    ("huyen", "huyen/<mã>.csv"),
    ("tieu_chi", "tieu-chi/<bộ>-<số>.csv"),
    ("chi_so_csv", "chi-so.csv"),
    ("chi_so_tong_csv", "chi-so-tong.csv"),
    ("bao_cao_json", "bao-cao.json"),
];

/// The keys of `summary.json`'s objects (v1.2 adds the last three).
const SUMMARY_KEYS: &[&str] = &[
    "date",
    "all",
    "target",
    "known",
    "meets_standard",
    "average_met",
    "bands",
    "reporting",
    "communes_gained",
    "criteria_gained",
    "communes_lost",
    "criteria_lost",
    "no_gain",
    "baseline",
    "rebased",
];
const SUMMARY_V12_KEYS: &[&str] = &["stale", "indicators_gained", "indicators_lost"];

/// The top-level keys of `bao-cao.json`.
const REPORT_KEYS: &[&str] = &[
    "data_date",
    "province",
    "groups",
    "communes",
    "changes",
    "summaries",
    "indicators",
    "years",
    "targets",
];

/// A data file of the build: its path and bytes.
type DataFile<'a> = (&'a str, &'a [u8]);

/// The kind of the data file at `path` (`data/…`).
fn kind_of(path: &str) -> String {
    if path.starts_with(datasets::DISTRICTS) {
        "huyen".into()
    } else if path.starts_with(datasets::CRITERIA) {
        "tieu_chi".into()
    } else {
        path.trim_start_matches("data/")
            .replace(['.', '-', '/'], "_")
    }
}

/// The lowercase hexadecimal SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The columns of a CSV file: its header line.
fn csv_columns(bytes: &[u8]) -> Vec<String> {
    let text = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(bytes);
    let mut r = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text);
    r.headers()
        .map(|h| h.iter().map(str::to_string).collect())
        .unwrap_or_default()
}

/// The size of a file in the reader's units, rounded once to a tenth:
/// `812 B`, `12,3 KB`, `1,4 MB`.
pub fn format_size(lang: Lang, bytes: u64) -> String {
    let tenths = |unit: u64| {
        let t = (u128::from(bytes) * 10 + u128::from(unit / 2)) / u128::from(unit);
        // Hundredths, as `dec1` takes them.
        let d = crate::report::decimal::Dec2(i64::try_from(t * 10).unwrap_or(i64::MAX));
        format::dec1(lang, d)
    };
    if bytes < 1024 {
        format!("{} B", format::int(lang, bytes as i64))
    } else if bytes < 1024 * 1024 {
        format!("{} KB", tenths(1024))
    } else {
        format!("{} MB", tenths(1024 * 1024))
    }
}

/// The page's list of kinds, each with its files. Only files made in
/// memory are listed (the data files all are; `static/` is copied later
/// and never replaces one of them).
pub fn catalogue(out: &SiteFiles, s: &Strings, lang: Lang, v12: bool) -> Vec<Value> {
    let mut kinds: Vec<(usize, String, Vec<DataFile>)> = Vec::new();
    for (path, src) in out.files.range("data/".to_string()..) {
        if !path.starts_with("data/") {
            break;
        }
        let FileSource::Bytes(bytes) = src else {
            continue;
        };
        let kind = kind_of(path);
        match kinds.iter_mut().find(|k| k.1 == kind) {
            Some(k) => k.2.push((path, bytes)),
            None => {
                let order = KINDS
                    .iter()
                    .position(|k| k.0 == kind)
                    .unwrap_or(KINDS.len());
                kinds.push((order, kind, vec![(path, bytes)]));
            }
        }
    }
    kinds.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    kinds
        .into_iter()
        .map(|(_, kind, files)| {
            // The families' names say in the reader's language what varies.
            let name = s
                .try_get(&format!("kind_{kind}"))
                .or_else(|| KINDS.iter().find(|k| k.0 == kind).map(|k| k.1))
                .map(str::to_string)
                .unwrap_or_else(|| files[0].0.trim_start_matches("data/").to_string());
            let is_json = name.ends_with(".json");
            let columns: Vec<String> = match kind.as_str() {
                "summary_json" => SUMMARY_KEYS
                    .iter()
                    .chain(if v12 { SUMMARY_V12_KEYS } else { &[] })
                    .map(|k| k.to_string())
                    .collect(),
                "bao_cao_json" => REPORT_KEYS.iter().map(|k| k.to_string()).collect(),
                _ if is_json => Vec::new(),
                _ => csv_columns(files[0].1),
            };
            let columns: Vec<Value> = columns
                .iter()
                .map(|c| {
                    let meaning = s
                        .try_get(&format!("dcol_{kind}_{c}"))
                        .or_else(|| s.try_get(&format!("dcol_{c}")));
                    json!({"name": c, "meaning": meaning})
                })
                .collect();
            let files: Vec<Value> = files
                .iter()
                .map(|(path, bytes)| {
                    json!({
                        "name": path.trim_start_matches("data/"),
                        "href": path,
                        "size": format_size(lang, bytes.len() as u64),
                        "bytes": bytes.len(),
                        "sha256": sha256_hex(bytes),
                    })
                })
                .collect();
            json!({
                "id": format!("tep-{}", kind.replace('_', "-")),
                "name": name,
                "description": s.try_get(&format!("file_{kind}")),
                "format": if is_json { "JSON" } else { "CSV" },
                "columns": columns,
                "count": files.len(),
                "files": files,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_known_inputs() {
        // FIPS 180-2's examples.
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn sizes_read_as_a_reader_writes_them() {
        assert_eq!(format_size(Lang::Vi, 812), "812 B");
        assert_eq!(format_size(Lang::Vi, 12_595), "12,3 KB");
        assert_eq!(format_size(Lang::En, 1_468_006), "1.4 MB");
        // 1.04999 MB: rounded once, not first to 1.05 and then up.
        assert_eq!(format_size(Lang::Vi, 1_100_999), "1,0 MB");
        assert_eq!(format_size(Lang::Vi, 1023), "1.023 B");
    }
}
