//! The national criteria sets bundled with ntm-site, as data: the files of
//! `sets/` (one `criteria/<set-id>.yaml` each, in the content format), built
//! into the program so that `new site` and the sample province use the very
//! same text.
//!
//! Each file says in its leading comments what was checked against the
//! decision and what was not (docs/sets.md lists it too).

use crate::diag::Diagnostics;
use crate::fields::Cx;
use crate::model::CriteriaSet;

/// Every bundled set as `(id, YAML text)`, oldest first. The id is the file
/// stem a content folder gives it under `criteria/`.
pub fn bundled() -> &'static [(&'static str, &'static str)] {
    &[
        ("qd-491-2009", include_str!("../sets/qd-491-2009.yaml")),
        ("qd-1980-2016", include_str!("../sets/qd-1980-2016.yaml")),
        ("qd-318-2022", include_str!("../sets/qd-318-2022.yaml")),
        ("qd-51-2025", include_str!("../sets/qd-51-2025.yaml")),
    ]
}

/// The YAML text of the bundled set `id`, if there is one.
pub fn text(id: &str) -> Option<&'static str> {
    bundled().iter().find(|(i, _)| *i == id).map(|(_, t)| *t)
}

/// Reads a set's text as the loader reads `criteria/<id>.yaml`: the set when
/// it has no error, and every diagnostic (reported against that path).
pub fn read(id: &str, text: &str) -> (Option<CriteriaSet>, Diagnostics) {
    let file = format!("criteria/{id}.yaml");
    let mut diags = Diagnostics::new();
    let node = crate::yaml::parse(text, &file, &mut diags);
    let set = node.and_then(|n| {
        let mut cx = Cx {
            file: &file,
            diags: &mut diags,
        };
        crate::load::criteria::read(id, &n, &mut cx)
    });
    if diags.has_errors() {
        return (None, diags);
    }
    (set, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_texts_found() {
        let ids: Vec<&str> = bundled().iter().map(|(i, _)| *i).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len());
        assert!(text("qd-51-2025").is_some_and(|t| t.contains("51/2025/QĐ-TTg")));
        assert!(text("qd-999").is_none());
    }
}
