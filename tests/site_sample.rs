//! The public site built from the sample province (`content/`, Hà Tĩnh):
//! the figures on the home, district and commune pages match the data
//! files, every link resolves, and the pages stay light.

mod site_support;

use site_support::*;

#[test]
fn sample_site_matches_its_data_and_stays_light() {
    let content = sample();
    let b = build_site(&content, Some("https://ntm.example.gov.vn/ha-tinh"));
    assert_eq!(b.broken_links(), Vec::<String>::new());
    let communes = b.csv("communes.csv");
    // A district page: its table lists exactly its communes, with the criteria met of the data.
    let groups: std::collections::BTreeSet<&str> = communes
        .iter()
        .map(|r| r["group"].as_str())
        .filter(|g| !g.is_empty())
        .collect();
    for g in groups {
        let page = b.page(&format!("huyen/{g}/index.html"));
        for row in communes.iter().filter(|r| r["group"] == g) {
            let cells = texts(
                &page,
                &format!(
                    "table.communes tr:has(a[href$='xa/{}/index.html'])",
                    row["id"]
                ),
            );
            assert_eq!(cells.len(), 1, "{} on {g}", row["id"]);
            if !row["met_count"].is_empty() {
                let want = format!("{}/{}", row["met_count"], row["criteria_total"]);
                assert!(
                    cells[0].contains(&want),
                    "{}: {} lacks {want}",
                    row["id"],
                    cells[0]
                );
            }
        }
    }
    // Every commune page, with its chart, under 100 KB.
    for row in &communes {
        let page = format!("xa/{}/index.html", row["id"]);
        let html = std::fs::metadata(b.out.join(&page)).unwrap().len();
        let chart = std::fs::metadata(b.out.join(format!("bieu-do/xa/{}.svg", row["id"])))
            .map(|m| m.len())
            .unwrap_or(0);
        assert!(html + chart < 100 * 1024, "{page}: {html} + {chart} bytes");
    }
}
