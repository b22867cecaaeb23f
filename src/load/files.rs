//! The walk over the content folder: which files exist, which part of the
//! format each belongs to, and the checks that need no parsing (links leading
//! outside the folder, file kinds, slugs, hidden and lock files).

use crate::diag::{Diagnostics, Message, Pos};
use crate::text::{is_slug, slugify};
use crate::tr;
use std::path::Path;
use walkdir::WalkDir;

/// The files of a content folder, by part, as paths relative to the root
/// with `/`, each list sorted.
#[derive(Default, Debug)]
pub struct ContentFiles {
    pub site: Option<String>,
    pub criteria: Vec<String>,
    /// `_index.yaml` of every group folder.
    pub group_indexes: Vec<String>,
    /// Folders under `communes/` (relative paths), to check each has `_index.yaml`.
    pub group_dirs: Vec<String>,
    pub communes: Vec<String>,
    pub narratives: Vec<String>,
    pub progress: Vec<String>,
    pub targets: Vec<String>,
    /// `models/<slug>/index.md`.
    pub models: Vec<String>,
    /// `news/<slug>.md` and `news/<slug>/index.md`.
    pub news: Vec<String>,
    pub pages: Vec<String>,
    pub bulletins: Vec<String>,
    pub statics: Vec<String>,
    /// Every other regular file under `models/` and `news/` (photos, images).
    pub assets: Vec<String>,
    /// Files under `theme/`: templates and assets overriding the default theme.
    pub theme: Vec<String>,
}

impl ContentFiles {
    /// Every file the loader reads, for [`super::Cache::retain`].
    pub fn sources(&self) -> std::collections::HashSet<&str> {
        let lists = [
            &self.criteria,
            &self.group_indexes,
            &self.communes,
            &self.narratives,
            &self.progress,
            &self.targets,
            &self.models,
            &self.news,
            &self.pages,
            &self.bulletins,
        ];
        let mut all: std::collections::HashSet<&str> = lists
            .iter()
            .flat_map(|l| l.iter().map(String::as_str))
            .collect();
        all.extend(self.site.as_deref());
        all
    }
}

/// Hidden, lock and backup files (`.x`, `~$x.xlsx`, `x~`, `Thumbs.db`): the
/// loader skips them, and `serve` does not rebuild for them.
pub fn is_skipped_name(name: &str) -> bool {
    name.starts_with('.') || name.starts_with("~$") || name.ends_with('~') || name == "Thumbs.db"
}

fn stem_and_ext(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(i) if i > 0 => (&name[..i], &name[i + 1..]),
        _ => (name, ""),
    }
}

/// Checks that every folder and file name on `rel` is a slug (below the part
/// folder); reports one error with the suggested slug.
fn check_slugs(rel: &str, is_dir: bool, diags: &mut Diagnostics) -> bool {
    let parts: Vec<&str> = rel.split('/').collect();
    let last = parts.len() - 1;
    for (i, part) in parts.iter().enumerate().skip(1) {
        let stem = if i == last && !is_dir {
            stem_and_ext(part).0
        } else {
            part
        };
        if stem == "_index" || stem == "index" {
            continue;
        }
        if !is_slug(stem) {
            let suggestion = slugify(stem);
            let hint = if suggestion.is_empty() {
                tr!("hãy chỉ dùng a-z, 0-9 và -", "use only a-z, 0-9 and -")
            } else {
                tr!(
                    "hãy đổi tên thành '{suggestion}'",
                    "rename it '{suggestion}'"
                )
            };
            diags.error(
                rel,
                Pos::NONE,
                tr!(
                    "tên '{stem}' không dùng được làm địa chỉ web (chỉ được dùng chữ a-z không dấu, số 0-9 và dấu -); ",
                    "the name '{stem}' is not a slug (only a-z, 0-9 and - are allowed); "
                )
                .then(hint),
            );
            return false;
        }
    }
    true
}

/// Walks `root` and sorts every file into its part of the format.
pub fn scan(root: &Path, diags: &mut Diagnostics) -> ContentFiles {
    let mut files = ContentFiles::default();
    let canonical_root = match root.canonicalize() {
        Ok(p) => p,
        Err(e) => {
            let root = root.display();
            diags.error(
                "",
                Pos::NONE,
                tr!(
                    "không mở được thư mục nội dung {root}: {e}",
                    "cannot open the content folder {root}: {e}"
                ),
            );
            return files;
        }
    };
    let mut walker = WalkDir::new(&canonical_root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let rel = e
                    .path()
                    .and_then(|p| p.strip_prefix(&canonical_root).ok())
                    .map(rel_string)
                    .unwrap_or_default();
                diags.error(
                    &rel,
                    Pos::NONE,
                    tr!("không đọc được: {e}", "cannot be read: {e}"),
                );
                continue;
            }
        };
        if entry.depth() == 0 {
            continue;
        }
        let Ok(rel_path) = entry.path().strip_prefix(&canonical_root) else {
            continue;
        };
        let rel = rel_string(rel_path);
        let name = entry.file_name().to_string_lossy().to_string();
        if is_skipped_name(&name) {
            diags.warning(
                &rel,
                Pos::NONE,
                tr!(
                    "tệp ẩn hoặc tệp khóa (do Excel, Word tạo ra khi đang mở) được bỏ qua",
                    "hidden or lock file skipped"
                ),
            );
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            continue;
        }
        let mut is_dir = entry.file_type().is_dir();
        if !entry.path_is_symlink() && !is_dir && !entry.file_type().is_file() {
            diags.error(&rel, Pos::NONE, not_regular());
            continue;
        }
        if entry.path_is_symlink() {
            match entry.path().canonicalize() {
                Ok(target) if target.starts_with(&canonical_root) => {
                    is_dir = target.is_dir();
                    if !is_dir && !target.is_file() {
                        diags.error(&rel, Pos::NONE, not_regular());
                        continue;
                    }
                    if is_dir {
                        diags.error(
                            &rel,
                            Pos::NONE,
                            tr!(
                                "là lối tắt (liên kết) tới một thư mục; hãy chuyển chính thư mục đó vào đây",
                                "is a link to a folder; move the folder here instead"
                            ),
                        );
                        continue;
                    }
                }
                Ok(_) => {
                    diags.error(
                        &rel,
                        Pos::NONE,
                        tr!(
                            "là lối tắt (liên kết) dẫn ra ngoài thư mục nội dung; hãy chép chính tệp đó vào thư mục nội dung",
                            "is a link leading outside the content folder; copy the file into the content folder instead"
                        ),
                    );
                    continue;
                }
                Err(e) if is_loop(&e) => {
                    diags.error(
                        &rel,
                        Pos::NONE,
                        tr!(
                            "là một liên kết vòng (liên kết trỏ lại chính nó qua các liên kết khác); hãy thay nó bằng tệp thật",
                            "is a link loop (links leading back to each other, never to a file); replace it with the file itself"
                        ),
                    );
                    continue;
                }
                Err(_) => {
                    diags.error(
                        &rel,
                        Pos::NONE,
                        tr!(
                            "là lối tắt (liên kết) không dẫn tới đâu (liên kết hỏng)",
                            "is a link to nothing (a broken link)"
                        ),
                    );
                    continue;
                }
            }
        }
        classify(&rel, &name, is_dir, entry.depth(), &mut files, diags);
    }
    files
}

/// Whether following a link failed because links lead to each other in a loop.
fn is_loop(e: &std::io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

fn rel_string(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .collect::<Vec<_>>()
        .join("/")
}

fn classify(
    rel: &str,
    name: &str,
    is_dir: bool,
    depth: usize,
    f: &mut ContentFiles,
    diags: &mut Diagnostics,
) {
    let top = rel.split('/').next().unwrap_or("");
    let (_, ext) = stem_and_ext(name);
    if depth == 1 && !is_dir {
        if name == "site.yaml" {
            f.site = Some(rel.to_string());
        } else if name == "README.md" {
            // The office's own notes (`ntm-site new site` writes one): not published.
        } else {
            diags.warning(
                rel,
                Pos::NONE,
                tr!(
                    "không thuộc định dạng nội dung nên được bỏ qua",
                    "is not part of the content format and is ignored"
                ),
            );
        }
        return;
    }
    if depth == 1 {
        if !matches!(
            top,
            "criteria"
                | "communes"
                | "progress"
                | "targets"
                | "models"
                | "news"
                | "pages"
                | "bulletins"
                | "static"
                | "theme"
        ) {
            diags.warning(
                rel,
                Pos::NONE,
                tr!(
                    "không phải là thư mục của định dạng nội dung nên được bỏ qua",
                    "is not a folder of the content format and is ignored"
                ),
            );
        }
        return;
    }
    match top {
        "criteria" | "progress" | "targets" => {
            if is_dir {
                diags.error(
                    rel,
                    Pos::NONE,
                    tr!(
                        "thư mục {top}/ chỉ chứa tệp, không chứa thư mục con",
                        "{top}/ holds files only, not folders"
                    ),
                );
                return;
            }
            if ext != "yaml" {
                let stem = stem_and_ext(name).0;
                diags.error(
                    rel,
                    Pos::NONE,
                    tr!(
                        "thư mục {top}/ chỉ chứa tệp .yaml; hãy lưu tệp thành '{stem}.yaml' hoặc chuyển nó ra chỗ khác",
                        "only .yaml files belong in {top}/; save it as '{stem}.yaml' or move it out"
                    ),
                );
                return;
            }
            if top == "progress" {
                let stem = stem_and_ext(name).0;
                if let Err(msg) = check_date_stem(stem) {
                    diags.error(rel, Pos::NONE, msg);
                    return;
                }
                f.progress.push(rel.to_string());
            } else if check_slugs(rel, false, diags) {
                if top == "criteria" {
                    f.criteria.push(rel.to_string());
                } else {
                    f.targets.push(rel.to_string());
                }
            }
        }
        "communes" => {
            if is_dir {
                if check_slugs(rel, true, diags) {
                    f.group_dirs.push(rel.to_string());
                }
                return;
            }
            match ext {
                "yaml" if name == "_index.yaml" => f.group_indexes.push(rel.to_string()),
                "yaml" => {
                    if check_slugs(rel, false, diags) {
                        f.communes.push(rel.to_string());
                    }
                }
                "md" => {
                    if check_slugs(rel, false, diags) {
                        f.narratives.push(rel.to_string());
                    }
                }
                _ => diags.error(
                    rel,
                    Pos::NONE,
                    tr!(
                        "thư mục communes/ chỉ chứa tệp .yaml (xã, và _index.yaml cho huyện) và tệp .md (bài giới thiệu xã)",
                        "only .yaml files (communes, _index.yaml for groups) and .md narratives belong in communes/"
                    ),
                ),
            }
        }
        "models" => {
            if depth == 2 && !is_dir {
                diags.error(
                    rel,
                    Pos::NONE,
                    tr!(
                        "mỗi mô hình là một thư mục models/<tên>/ chứa index.md và các ảnh của nó",
                        "a model is a folder models/<slug>/ with index.md and its photos"
                    ),
                );
            } else if depth == 2 {
                check_slugs(rel, true, diags);
            } else if depth == 3 && name == "index.md" {
                f.models.push(rel.to_string());
            } else if !is_dir {
                f.assets.push(rel.to_string());
            }
        }
        "news" => {
            if depth == 2 && !is_dir {
                if ext == "md" {
                    if check_slugs(rel, false, diags) {
                        f.news.push(rel.to_string());
                    }
                } else {
                    diags.error(
                        rel,
                        Pos::NONE,
                        tr!(
                            "tin bài là tệp .md, hoặc một thư mục chứa index.md và các ảnh",
                            "news are .md files, or folders with index.md and images"
                        ),
                    );
                }
            } else if depth == 2 {
                check_slugs(rel, true, diags);
            } else if depth == 3 && name == "index.md" {
                f.news.push(rel.to_string());
            } else if !is_dir {
                f.assets.push(rel.to_string());
            }
        }
        "pages" => {
            if is_dir {
                diags.error(
                    rel,
                    Pos::NONE,
                    tr!(
                        "thư mục pages/ chỉ chứa tệp .md, không chứa thư mục con",
                        "pages/ holds .md files only, not folders"
                    ),
                );
            } else if ext != "md" {
                diags.error(
                    rel,
                    Pos::NONE,
                    tr!(
                        "thư mục pages/ chỉ chứa tệp .md",
                        "only .md files belong in pages/"
                    ),
                );
            } else if check_slugs(rel, false, diags) {
                f.pages.push(rel.to_string());
            }
        }
        "bulletins" => {
            if is_dir {
                diags.error(
                    rel,
                    Pos::NONE,
                    tr!(
                        "thư mục bulletins/ chỉ chứa tệp .md, không chứa thư mục con",
                        "bulletins/ holds .md files only, not folders"
                    ),
                );
            } else if ext != "md" {
                diags.error(
                    rel,
                    Pos::NONE,
                    tr!(
                        "thư mục bulletins/ chỉ chứa tệp <YYYY-MM-DD>.md",
                        "only <YYYY-MM-DD>.md files belong in bulletins/"
                    ),
                );
            } else if let Err(msg) = check_date_stem(stem_and_ext(name).0) {
                diags.error(rel, Pos::NONE, msg);
            } else {
                f.bulletins.push(rel.to_string());
            }
        }
        "static" if !is_dir => {
            f.statics.push(rel.to_string());
        }
        "theme" if !is_dir => {
            f.theme.push(rel.to_string());
        }
        _ => {}
    }
}

/// A progress or bulletin file name must be an ISO date.
fn check_date_stem(stem: &str) -> Result<(), Message> {
    match crate::date::Date::parse_iso(stem) {
        Ok(_) => Ok(()),
        Err(crate::date::DateError::NoSuchDay) => Err(tr!(
            "tên tệp '{stem}' không phải là một ngày có trong lịch",
            "the file name '{stem}' is not a day of the calendar"
        )),
        Err(crate::date::DateError::Form { suggestion }) => {
            let m = tr!(
                "tên tệp '{stem}' phải là ngày viết theo dạng YYYY-MM-DD (năm-tháng-ngày)",
                "the file name '{stem}' must be the date as YYYY-MM-DD"
            );
            Err(match suggestion {
                Some(s) => m.then(tr!("; hãy đổi tên thành '{s}'", "; rename it '{s}'")),
                None => m.then(crate::hints::serial_date_hint(stem)),
            })
        }
    }
}

/// Reads the bytes of a content file: a regular file only (a FIFO, a device
/// or a socket would block or never end), of at most
/// [`MAX_TEXT_FILE_BYTES`](crate::limits::MAX_TEXT_FILE_BYTES).
pub fn read_bytes(root: &Path, rel: &str, diags: &mut Diagnostics) -> Option<Vec<u8>> {
    read_regular(&root.join(rel), crate::limits::MAX_TEXT_FILE_BYTES).map_or_else(
        |m| {
            diags.error(rel, Pos::NONE, m);
            None
        },
        Some,
    )
}

/// Reads `path` if it is a regular file (following links) of at most `max`
/// bytes. The file is opened without blocking, so a FIFO put in place after
/// the walk is refused too instead of waiting for a writer forever.
pub fn read_regular(path: &Path, max: u64) -> Result<Vec<u8>, Message> {
    use std::io::Read;
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NONBLOCK);
    }
    let file = opts.open(path).map_err(|e| cannot_read(&e))?;
    let meta = file.metadata().map_err(|e| cannot_read(&e))?;
    if !meta.is_file() {
        return Err(not_regular());
    }
    if meta.len() > max {
        return Err(too_large(meta.len(), max));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| cannot_read(&e))?;
    if bytes.len() as u64 > max {
        return Err(too_large(bytes.len() as u64, max));
    }
    Ok(bytes)
}

fn cannot_read(e: &std::io::Error) -> Message {
    tr!("không đọc được: {e}", "cannot be read: {e}")
}

fn not_regular() -> Message {
    tr!(
        "không phải là một tệp thường (là ống dẫn FIFO, thiết bị hoặc socket); hãy xoá nó khỏi thư mục nội dung",
        "is not a regular file (a FIFO, a device or a socket); remove it from the content folder"
    )
}

fn too_large(len: u64, max: u64) -> Message {
    let (en_l, vi_l) = crate::limits::thousands(len as usize);
    let (en_m, vi_m) = crate::limits::thousands(max as usize);
    tr!(
        "tệp quá lớn: {vi_l} byte, giới hạn là {vi_m} byte; hãy chia nhỏ hoặc kiểm tra lại tệp",
        "the file is too large: {en_l} bytes, the limit is {en_m} bytes; split it or check it"
    )
}

/// Reports control characters (NUL and the like; tab and line ends are
/// allowed) in `text`, each at its line and column as stored. They would
/// make pages, data files and charts unreadable (SVG and XML forbid them).
pub fn check_controls(
    text: &str,
    map: &crate::text::ColumnMap,
    rel: &str,
    diags: &mut Diagnostics,
) -> bool {
    let mut ok = true;
    for (i, line) in text.split('\n').enumerate() {
        for (j, c) in line.chars().enumerate() {
            if c.is_control() && c != '\t' {
                ok = false;
                let pos = map.original(Pos::new(i as u32 + 1, j as u32 + 1));
                let code = format!("U+{:04X}", c as u32);
                diags.error(
                    rel,
                    pos,
                    tr!(
                        "có ký tự điều khiển {code} (không in được) ở đây; hãy xoá nó",
                        "a control character {code} (not printable) is here; remove it"
                    ),
                );
            }
        }
    }
    ok
}

/// Reads a content file as normalised text with the map back to its stored columns.
pub fn read_source(
    root: &Path,
    rel: &str,
    diags: &mut Diagnostics,
) -> Option<(String, crate::text::ColumnMap)> {
    let bytes = read_bytes(root, rel, diags)?;
    match crate::text::normalise_file_mapped(&bytes) {
        Ok((text, map)) => check_controls(&text, &map, rel, diags).then_some((text, map)),
        Err(e) => {
            not_utf8(rel, &bytes, &e, diags);
            None
        }
    }
}

fn not_utf8(rel: &str, bytes: &[u8], e: &std::str::Utf8Error, diags: &mut Diagnostics) {
    let at = e.valid_up_to();
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    let byte = at + 1;
    diags.error(
        rel,
        Pos::NONE,
        tr!(
            "không phải văn bản UTF-8 (byte thứ {byte}, ở dòng {line}, không hợp lệ); hãy lưu tệp với bảng mã UTF-8 (trong Notepad: Lưu thành, Mã hóa UTF-8)",
            "is not UTF-8 text (byte {byte}, on line {line}, is not valid); save it as UTF-8"
        ),
    );
}

/// Reads a content file as normalised text (BOM and CRLF removed, NFC).
pub fn read_text(root: &Path, rel: &str, diags: &mut Diagnostics) -> Option<String> {
    read_source(root, rel, diags).map(|(t, _)| t)
}
