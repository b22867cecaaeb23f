//! One wrong file name must not bury its fix under follow-on errors. When
//! many references name a commune or a criteria set that has no file, and a
//! file with a close name exists that nothing refers to, the file is most
//! likely misnamed: that is reported once, at the file, with the number of
//! reference errors it explains, and those errors are folded into it. A
//! commune written by its name ("Xã Thụy Lôi") gets the id as its hint.

use crate::diag::{Diagnostic, Diagnostics, Message, Pos, Severity, Unknown};
use crate::hints::{Named, communes_named};
use crate::text::closest;
use crate::tr;
use std::collections::{BTreeMap, BTreeSet};

/// What the references could have meant.
pub struct Known<'a> {
    /// Every commune, with its name and its group's name.
    pub communes: &'a [Named<'a>],
    /// Every criteria set id.
    pub sets: &'a [&'a str],
    /// Commune ids some snapshot or document names (known or not).
    pub named_communes: &'a BTreeSet<String>,
    /// Set ids some snapshot names with `criteria_set:`.
    pub named_sets: &'a BTreeSet<String>,
}

/// At least this many references to one missing name, with a close file
/// nobody refers to, make a rename the likely fix.
const MIN_REFERENCES: usize = 2;

/// Folds the follow-on errors of misnamed files into one error each, and
/// adds name hints to unknown commune ids that are names.
pub fn explain(diags: Diagnostics, known: &Known) -> Diagnostics {
    let mut by_unknown: BTreeMap<Unknown, Vec<Diagnostic>> = BTreeMap::new();
    let mut out = diags;
    for d in out.take_items() {
        match &d.unknown {
            Some(u) if d.severity == Severity::Error => {
                by_unknown.entry(u.clone()).or_default().push(d)
            }
            _ => out.push_diagnostic(d),
        }
    }
    let commune_ids: Vec<&str> = known.communes.iter().map(|c| c.id).collect();
    for (u, mut refs) in by_unknown {
        refs.sort_by(|a, b| (&a.file, a.pos).cmp(&(&b.file, b.pos)));
        let rename = match &u {
            Unknown::Commune(id) => {
                likely_rename(id, &commune_ids, known.named_communes, refs.len())
                    .map(|c| ("communes", c))
            }
            Unknown::Set(id) => {
                likely_rename(id, known.sets, known.named_sets, refs.len()).map(|c| ("criteria", c))
            }
        };
        let wanted = match &u {
            Unknown::Commune(id) | Unknown::Set(id) => id,
        };
        match rename {
            Some((folder, file_id)) => {
                out.push_diagnostic(rename_error(folder, file_id, wanted, &refs));
            }
            None => {
                for mut d in refs {
                    if let Unknown::Commune(id) = &u
                        && let Some(hint) = name_hint(id, known.communes)
                    {
                        d.message = crate::load::progress::unknown_commune(id, &[]).then(hint);
                    }
                    out.push_diagnostic(d);
                }
            }
        }
    }
    out
}

/// The file id (`ky-anh/ky-thuu`) that is probably misnamed for `wanted`,
/// referred to `count` times: the closest id that nothing names.
fn likely_rename<'a>(
    wanted: &str,
    ids: &[&'a str],
    named: &BTreeSet<String>,
    count: usize,
) -> Option<&'a str> {
    if count < MIN_REFERENCES || !is_id(wanted) {
        return None;
    }
    let unnamed = ids.iter().copied().filter(|id| !named.contains(*id));
    closest(wanted, unnamed).filter(|c| {
        // Same depth: a file in the right folder, or a folder's last part.
        c.matches('/').count() == wanted.matches('/').count()
    })
}

/// An id as the content writes it: a-z, 0-9, `-` and `/`.
pub(crate) fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'/')
}

fn rename_error(folder: &str, file_id: &str, wanted: &str, refs: &[Diagnostic]) -> Diagnostic {
    let file = format!("{folder}/{file_id}.yaml");
    let same_folder =
        file_id.rsplit_once('/').map(|(g, _)| g) == wanted.rsplit_once('/').map(|(g, _)| g);
    let new_name = if same_folder {
        format!("{}.yaml", wanted.rsplit('/').next().unwrap_or(wanted))
    } else {
        format!("{folder}/{wanted}.yaml")
    };
    let n = refs.len();
    let first = refs
        .first()
        .map(|d| {
            if d.pos.line > 0 {
                format!("{}:{}:{}", d.file, d.pos.line, d.pos.col)
            } else {
                d.file.clone()
            }
        })
        .unwrap_or_default();
    let message = if folder == "communes" {
        tr!(
            "tệp {file} có lẽ phải có tên là {new_name}: các báo cáo và bài viết gọi xã này là '{wanted}'; đổi tên tệp sẽ sửa được {n} lỗi tham chiếu tới '{wanted}' (lỗi đầu tiên ở {first})",
            "the file {file} should probably be named {new_name}: snapshots and documents call this commune '{wanted}'; renaming it fixes {n} errors referring to '{wanted}' (the first at {first})"
        )
    } else {
        tr!(
            "tệp {file} có lẽ phải có tên là {new_name}: các báo cáo tuần gọi bộ tiêu chí này là '{wanted}'; đổi tên tệp sẽ sửa được {n} lỗi tham chiếu tới '{wanted}' (lỗi đầu tiên ở {first})",
            "the file {file} should probably be named {new_name}: snapshots call this criteria set '{wanted}'; renaming it fixes {n} errors referring to '{wanted}' (the first at {first})"
        )
    };
    Diagnostic {
        severity: Severity::Error,
        file,
        pos: Pos::NONE,
        message,
        unknown: None,
    }
}

/// The hint for a commune written by its name rather than its id.
fn name_hint(wanted: &str, communes: &[Named]) -> Option<Message> {
    if is_id(wanted) {
        return None;
    }
    let ids = communes_named(wanted, communes);
    match ids.as_slice() {
        [] => None,
        [one] => Some(tr!(
            "; có phải là '{one}'? Báo cáo ghi xã bằng mã của xã (đường dẫn tệp trong communes/), không ghi bằng tên",
            "; did you mean '{one}'? Snapshots name a commune by its id (its path under communes/), not by its name"
        )),
        several => {
            let list = several
                .iter()
                .map(|s| format!("'{s}'"))
                .collect::<Vec<_>>()
                .join(", ");
            Some(tr!(
                "; có nhiều xã mang tên này: {list}; hãy ghi mã của đúng xã (đường dẫn tệp trong communes/)",
                "; several communes have this name: {list}; write the id of the one meant (its path under communes/)"
            ))
        }
    }
}
