//! v1.2 communes over time: `established` and `merged_from` linked and
//! checked (the "Mergers" rules of the spec), snapshots checked against who
//! exists on their date, and communes' classes against the sets they use.

use crate::date::Date;
use crate::diag::{Diagnostics, Pos};
use crate::model::{Commune, CommuneIx, CriteriaSet, Snapshot};
use crate::text::closest;
use crate::tr;
use std::collections::BTreeSet;

/// Resolves every `merged_from` (communes sorted by id) into
/// [`Commune::merged_from`] and [`Commune::merged_into`], reporting what
/// breaks the rules: `merged_from` without `established`, an unknown id or
/// the commune itself, a commune named in two `merged_from`, a former
/// commune established on or after its merger, a loop, and a `target_year`
/// before the year of `established`.
pub fn link(communes: &mut [Commune], diags: &mut Diagnostics) {
    let ids: Vec<String> = communes.iter().map(|c| c.id.clone()).collect();
    // The first commune (and position) that names each former commune.
    let mut named_by: Vec<Option<CommuneIx>> = vec![None; communes.len()];
    for n in 0..communes.len() {
        let c = &communes[n];
        let pos = c.v12_pos.clone();
        if !pos.merged_from_ids.is_empty() && c.established.is_none() {
            diags.error(
                &c.file,
                pos.merged_from,
                tr!(
                    "merged_from cần established, ngày xã được thành lập từ các xã này (ví dụ established: 2025-07-01)",
                    "merged_from needs established, the date the commune was formed from these communes (e.g. established: 2025-07-01)"
                ),
            );
        }
        if let (Some(e), Some(y)) = (c.established, c.target_year)
            && y < e.year()
        {
            let ey = e.year();
            diags.error(
                &c.file,
                c.target_year_pos,
                tr!(
                    "target_year {y} trước năm thành lập xã ({e}); ghi một năm từ {ey} trở đi",
                    "target_year {y} is before the year the commune was established ({e}); give a year from {ey} on"
                ),
            );
        }
        let mut from: Vec<CommuneIx> = Vec::new();
        for (id, at) in &pos.merged_from_ids {
            let own = &communes[n].id;
            if id == own {
                diags.error(
                    &communes[n].file,
                    *at,
                    tr!(
                        "một xã không thể sáp nhập vào chính nó; bỏ '{id}' khỏi merged_from",
                        "a commune cannot be merged into itself; remove '{id}' from merged_from"
                    ),
                );
                continue;
            }
            let Ok(f) = ids.binary_search(id) else {
                let mut msg = tr!(
                    "merged_from ghi '{id}', không phải xã nào trong communes/",
                    "merged_from names '{id}', which is no commune in communes/"
                );
                if let Some(c) = closest(id, ids.iter().map(|s| s.as_str()).filter(|s| s != own)) {
                    msg.push(&tr!("; có phải là '{c}'?", "; did you mean '{c}'?"));
                }
                diags.error(&communes[n].file, *at, msg);
                continue;
            };
            if from.contains(&f) {
                diags.error(
                    &communes[n].file,
                    *at,
                    tr!(
                        "'{id}' được ghi hai lần trong merged_from; giữ một",
                        "'{id}' is listed twice in merged_from; keep one"
                    ),
                );
                continue;
            }
            if let Some(first) = named_by[f] {
                let (fid, ffile) = (&communes[first].id, &communes[first].file);
                diags.error(
                    &communes[n].file,
                    *at,
                    tr!(
                        "'{id}' đã sáp nhập vào '{fid}' ({ffile}); một xã chỉ sáp nhập vào một xã: bỏ nó khỏi merged_from của '{own}' hoặc của '{fid}'",
                        "'{id}' is already merged into '{fid}' ({ffile}); a commune is merged into one commune only: remove it from the merged_from of '{own}' or of '{fid}'"
                    ),
                );
                continue;
            }
            named_by[f] = Some(n);
            from.push(f);
        }
        communes[n].merged_from = from;
    }
    for (f, n) in named_by.iter().enumerate() {
        communes[f].merged_into = *n;
    }
    let in_loop = report_loops(communes, diags);
    // A former commune established on its own must be so before its merger.
    for f in 0..communes.len() {
        let Some(n) = communes[f].merged_into else {
            continue;
        };
        if in_loop[f] {
            continue;
        }
        if let (Some(own), Some(e)) = (communes[f].established, communes[n].established)
            && own >= e
        {
            let (fid, nid) = (&communes[f].id, &communes[n].id);
            diags.error(
                &communes[f].file,
                communes[f].v12_pos.established,
                tr!(
                    "'{fid}' được thành lập ngày {own}, không trước ngày nó sáp nhập vào '{nid}' ({e}); một xã phải được thành lập trước khi sáp nhập",
                    "'{fid}' is established on {own}, not before its merger into '{nid}' on {e}; a commune must be established before it is merged"
                ),
            );
        }
    }
}

/// Reports each loop of mergers once (at the member that comes first by
/// id, on its `merged_from`); returns which communes lie on a loop.
fn report_loops(communes: &[Commune], diags: &mut Diagnostics) -> Vec<bool> {
    let len = communes.len();
    // 0: not seen, 1: on the current walk, 2: done.
    let mut mark = vec![0u8; len];
    let mut in_loop = vec![false; len];
    for start in 0..len {
        let mut walk: Vec<CommuneIx> = Vec::new();
        let mut cur = Some(start);
        while let Some(c) = cur {
            match mark[c] {
                0 => {
                    mark[c] = 1;
                    walk.push(c);
                    cur = communes[c].merged_into;
                }
                1 => {
                    // The walk from c on is a loop.
                    let at = walk.iter().position(|&x| x == c).unwrap_or(0);
                    let members = &walk[at..];
                    for &m in members {
                        in_loop[m] = true;
                    }
                    let first = members.iter().copied().min().unwrap_or(c);
                    let mut chain: Vec<&str> = Vec::new();
                    let mut x = first;
                    for _ in 0..=members.len() {
                        chain.push(&communes[x].id);
                        x = communes[x].merged_into.unwrap_or(x);
                    }
                    let chain = chain.join(" → ");
                    // The member that names `first` in its merged_from.
                    let holder = communes[first].merged_into.unwrap_or(first);
                    let pos = communes[holder]
                        .v12_pos
                        .merged_from_ids
                        .iter()
                        .find(|(id, _)| *id == communes[first].id)
                        .map(|(_, p)| *p)
                        .unwrap_or(Pos::NONE);
                    diags.error(
                        &communes[holder].file,
                        pos,
                        tr!(
                            "các lần sáp nhập tạo thành vòng lặp: {chain}; một xã không thể sáp nhập vào xã được hình thành từ chính nó",
                            "the mergers form a loop: {chain}; a commune cannot be merged into one formed from itself"
                        ),
                    );
                    break;
                }
                _ => break,
            }
        }
        for c in walk {
            mark[c] = 2;
        }
    }
    in_loop
}

/// The date from which commune `c` is a former commune, from the linked model.
fn merged_on(communes: &[Commune], c: CommuneIx) -> Option<Date> {
    communes[c]
        .merged_into
        .and_then(|n| communes[n].established)
}

/// Checks every snapshot entry against who exists on the snapshot's date
/// (a former commune on or after its merger, a commune before its
/// `established`), and every commune's `class` against the classes of the
/// sets its snapshots use.
pub fn check_snapshots(
    communes: &[Commune],
    sets: &[CriteriaSet],
    snapshots: &[Snapshot],
    diags: &mut Diagnostics,
) {
    let mut class_checked: BTreeSet<(CommuneIx, usize)> = BTreeSet::new();
    for snap in snapshots {
        let d = snap.date;
        let set = &sets[snap.set];
        for e in &snap.entries {
            let c = &communes[e.commune];
            let id = &c.id;
            if let Some(est) = c.established
                && d < est
            {
                diags.error(
                    &snap.file,
                    e.pos,
                    tr!(
                        "'{id}' chỉ có từ ngày thành lập {est}; báo cáo ngày {d} không thể ghi xã này: ghi các xã trước đó hoặc chuyển sang báo cáo từ {est}",
                        "'{id}' exists only from its establishment on {est}; a snapshot of {d} cannot list it: list the communes of that time, or report it from {est} on"
                    ),
                );
            }
            if let Some(msg) = former_message(communes, e.commune, d) {
                diags.error(&snap.file, e.pos, msg);
            }
            if let Some(k) = c.class
                && !set.classes.is_empty()
                && !set.has_class(k)
                && class_checked.insert((e.commune, snap.set))
            {
                let sid = &set.id;
                let allowed: Vec<String> =
                    set.classes.iter().map(|x| x.number.to_string()).collect();
                let allowed = allowed.join(", ");
                let sfile = &snap.file;
                diags.error(
                    &c.file,
                    c.v12_pos.class,
                    tr!(
                        "nhóm xã {k} không có trong bộ tiêu chí '{sid}' (các nhóm: {allowed}), bộ mà {sfile} dùng cho xã này; ghi một trong các nhóm đó",
                        "class {k} is not a class of set '{sid}' ({allowed}), which {sfile} uses for this commune; give one of those classes"
                    ),
                );
            }
        }
    }
}

/// The error for listing former commune `c` on `d` (`None` when it still
/// exists then): `'ky-anh/ky-thu' became part of 'ky-anh' on 2025-07-01;
/// report 'ky-anh'`, with the chain of later mergers up to the commune
/// that holds it on `d`.
fn former_message(communes: &[Commune], c: CommuneIx, d: Date) -> Option<crate::diag::Message> {
    let e = merged_on(communes, c).filter(|&e| e <= d)?;
    let n = communes[c].merged_into?;
    let (id, nid) = (&communes[c].id, &communes[n].id);
    let mut msg = tr!(
        "'{id}' đã sáp nhập vào '{nid}' từ ngày {e}",
        "'{id}' became part of '{nid}' on {e}"
    );
    let mut cur = n;
    for _ in 0..communes.len() {
        match (communes[cur].merged_into, merged_on(communes, cur)) {
            (Some(next), Some(e2)) if e2 <= d => {
                let nid2 = &communes[next].id;
                msg.push(&tr!(
                    ", xã này lại sáp nhập vào '{nid2}' từ ngày {e2}",
                    ", which became part of '{nid2}' on {e2}"
                ));
                cur = next;
            }
            _ => break,
        }
    }
    let hid = &communes[cur].id;
    msg.push(&tr!("; hãy báo cáo '{hid}'", "; report '{hid}'"));
    Some(msg)
}
