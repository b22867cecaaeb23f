//! The commune criteria grid (chart 6) on the commune page and in the tables
//! of communes, agreeing with `data/communes.csv`.

mod common;

#[test]
fn the_criteria_grid_is_on_commune_pages_and_in_district_tables() {
    let ex = common::example_dir();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let opts = ntm_site::build::BuildOptions {
        content: ex.join("content"),
        output: out.clone(),
        base_url: None,
        drafts: false,
        deny_warnings: false,
        pdf: None,
    };
    ntm_site::build::build(&opts).unwrap();
    let communes = common::read_csv(&out.join("data/communes.csv"));
    for row in &communes[1..] {
        let (id, met_count, total, met) = (&row[0], &row[5], &row[6], &row[7]);
        let svg = out.join(format!("bieu-do/xa/{id}-tieu-chi.svg"));
        let page = std::fs::read_to_string(out.join(format!("xa/{id}/index.html"))).unwrap();
        if met_count.is_empty() {
            assert!(!svg.exists(), "{id}: no grid without a state");
            continue;
        }
        assert!(
            page.contains(&format!("{id}-tieu-chi.svg")),
            "{id}: the page shows its grid"
        );
        let svg = std::fs::read_to_string(svg).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let title = doc
            .descendants()
            .find(|n| n.has_tag_name("title"))
            .unwrap()
            .text()
            .unwrap()
            .to_string();
        let met: Vec<usize> = met
            .split(';')
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect();
        let total: usize = total.parse().unwrap();
        let missing: Vec<String> = (1..=total)
            .filter(|k| !met.contains(k))
            .map(|k| k.to_string())
            .collect();
        if missing.is_empty() {
            assert!(
                title.contains(&format!("đạt cả {total} tiêu chí")),
                "{id}: {title}"
            );
        } else {
            assert!(
                title.contains(&format!("đạt {met_count}/{total}")),
                "{id}: {title}"
            );
            assert!(
                title.ends_with(&missing.join(", ")),
                "{id}: {title} vs {missing:?}"
            );
        }
    }
    let district = std::fs::read_to_string(out.join("huyen/ky-anh/index.html")).unwrap();
    for id in ["ky-anh/ky-thu", "ky-anh/ky-tan", "ky-anh/ky-hoa"] {
        assert!(
            district.contains(&format!("bieu-do/xa/{id}-tieu-chi.svg")),
            "{id} in the district table"
        );
    }
}
