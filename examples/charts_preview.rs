//! Writes every chart of a content folder, and an HTML page showing each
//! kind, into a folder for a look in a browser:
//!
//! `cargo run --example charts_preview -- [CONTENT] [OUT]`
//! (defaults: `content`, `target/charts-preview`).

use ntm_site::charts;
use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let content = PathBuf::from(args.next().unwrap_or_else(|| "content".into()));
    let out = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "target/charts-preview".into()),
    );
    let checked = match ntm_site::build::check(&content, false, false) {
        Ok(c) => c,
        Err(d) => {
            eprintln!("{} errors in the content", d.error_count());
            std::process::exit(1);
        }
    };
    let all = charts::all_charts(&checked.content, &checked.report);
    let mut html = String::from(
        "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <style>body{margin:8px;font-family:sans-serif}figure{margin:0 0 24px}\
         img{max-width:100%;height:auto;display:block}</style><body>\n",
    );
    let mut seen = std::collections::BTreeSet::new();
    for (path, chart) in &all {
        let file = out.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, &chart.svg).unwrap();
        // One of each kind on the page (the first commune, the first district).
        let kind: String = chart.slug.split('-').take(2).collect::<Vec<_>>().join("-");
        let kind = if path.starts_with("bieu-do/xa/") {
            if path.ends_with("-tieu-chi.svg") {
                "grid".into()
            } else {
                "xa".into()
            }
        } else if path.starts_with("bieu-do/tieu-chi/") {
            "tieu-chi-huyen".into()
        } else if path.starts_with("bieu-do/ve-dich/") {
            "ve-dich".into()
        } else {
            kind
        };
        if seen.insert(kind) || std::env::var_os("PREVIEW_ALL").is_some() {
            let _ = writeln!(html, "<figure><img src=\"{path}\" alt=\"\"></figure>");
        }
    }
    html.push_str("</body></html>\n");
    std::fs::write(out.join("index.html"), html).unwrap();
    println!("{} charts in {}", all.len(), out.display());
}
