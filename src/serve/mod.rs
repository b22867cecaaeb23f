//! `ntm-site serve`: a live preview. The site is built into a folder of
//! serve's own (never `output/`), served over HTTP on the loopback address,
//! and built again whenever the content folder changes: only what changed is
//! read, rendered and drawn again ([`session`]), open pages reload by
//! themselves, and when an edit breaks the content every open page shows the
//! errors over the last good site ([`http`]). See `docs/serve.md`.

pub mod http;
pub mod session;
pub mod watch;

use crate::diag::{Diagnostic, Diagnostics, Lang, Message, Severity};
use crate::tr;
pub use session::{Outcome, Session, SessionOptions};
use std::io::Write;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What `serve` is asked for.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    pub content: PathBuf,
    pub bind: IpAddr,
    /// 0 for any free port (the address is printed).
    pub port: u16,
    /// Open the site in the browser once built.
    pub open: bool,
    pub drafts: bool,
    /// The photo cache (default: `.ntm-cache` in the current folder, the one
    /// `build` uses by default); the serve folder is made inside it.
    pub cache: Option<PathBuf>,
    /// `--lang`: the language of the messages over the site's.
    pub lang: Option<Lang>,
    /// `-v`: print the time of each stage after every build.
    pub verbose: bool,
}

/// Runs the preview until the process is stopped. An error is a message for
/// the person who started it (the folder, the port).
pub fn run(opts: ServeOptions) -> Result<(), Message> {
    let content = &opts.content;
    let root = content.canonicalize().map_err(|e| {
        let p = content.display();
        tr!(
            "không mở được thư mục nội dung {p}: {e}",
            "cannot open the content folder {p}: {e}"
        )
    })?;
    let server = tiny_http::Server::http((opts.bind, opts.port)).map_err(|e| {
        let (b, p) = (opts.bind, opts.port);
        tr!(
            "không mở được cổng {p} trên {b}: {e}; cổng có thể đang bận, chọn cổng khác với --port",
            "cannot listen on {b} port {p}: {e}; the port may be in use, choose another with --port"
        )
    })?;
    let port = server
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .unwrap_or(opts.port);
    let cache_dir = opts
        .cache
        .clone()
        .unwrap_or_else(|| crate::imageproc::default_cache_dir(Path::new("output")));
    let dir = cache_dir.join(format!("serve-{port}"));
    let mut images = crate::imageproc::Options::beside(Path::new("output"));
    images.cache_dir = cache_dir.clone();
    // A preview has no chart PNGs: a snapshot changes hundreds of charts,
    // and drawing them would take seconds on every save.
    images.chart_pngs = false;
    let mut session = Session::new(SessionOptions {
        content: root.clone(),
        dir: dir.clone(),
        images,
        drafts: opts.drafts,
    })
    .map_err(|e| {
        let e = e.to_string();
        tr!(
            "không chuẩn bị được thư mục xem thử: {e}",
            "cannot prepare the preview folder: {e}"
        )
    })?;
    let hub = Arc::new(http::Hub::default());
    let mut last = Vec::new();
    let first = session.rebuild(&[]);
    report(&first, &session, &opts, &hub, &mut last, true);
    let lang = opts.lang.unwrap_or(session.lang());
    let dir = dir.canonicalize().unwrap_or(dir);
    http::spawn(Arc::new(server), dir.clone(), hub.clone());
    let host = match opts.bind {
        IpAddr::V6(a) => format!("[{a}]"),
        IpAddr::V4(a) => a.to_string(),
    };
    let url = format!("http://{host}:{port}/");
    say(
        lang,
        tr!(
            "đang phục vụ {url} (dừng: Ctrl-C); trang tự tải lại khi nội dung thay đổi",
            "serving {url} (stop: Ctrl-C); pages reload by themselves when the content changes"
        ),
    );
    if !opts.bind.is_loopback() {
        let b = opts.bind;
        say(
            lang,
            tr!(
                "cảnh báo: {b} không phải địa chỉ nội bộ; các máy khác trong mạng cũng xem được bản xem thử",
                "warning: {b} is not a loopback address; other machines on the network can see the preview too"
            ),
        );
    }
    if opts.open
        && let Err(e) = open::that_detached(&url)
    {
        say(
            lang,
            tr!(
                "không mở được trình duyệt ({e}); hãy mở {url}",
                "cannot open the browser ({e}); open {url}"
            ),
        );
    }
    let cache_abs = cache_dir.canonicalize().unwrap_or(cache_dir);
    let watch = watch::Watch::new(&root, vec![dir, cache_abs]).map_err(|e| {
        tr!(
            "không theo dõi được thư mục nội dung: {e}",
            "cannot watch the content folder: {e}"
        )
    })?;
    while let Some(changed) = watch.next() {
        let outcome = session.rebuild(&changed);
        report(&outcome, &session, &opts, &hub, &mut last, false);
    }
    Ok(())
}

fn say(lang: Lang, m: Message) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", m.get(lang));
    let _ = out.flush();
}

/// Prints what a build did and tells the open pages. Diagnostics are printed
/// as `check` prints them, on the first build and whenever they change, in
/// `flag` (`--lang`) or else the site's language.
fn report(
    outcome: &Outcome,
    session: &Session,
    opts: &ServeOptions,
    hub: &http::Hub,
    last: &mut Vec<Diagnostic>,
    first: bool,
) {
    let flag = opts.lang;
    let lang = flag.unwrap_or(session.lang());
    let ms = |d: std::time::Duration| d.as_millis();
    match outcome {
        Outcome::Built {
            took,
            changed,
            diagnostics,
            files_read,
            pages_rendered,
            pages_reused,
            charts_drawn,
            charts_reused,
            stats,
        } => {
            print_diagnostics(diagnostics, lang, last, first);
            let t = ms(*took);
            let title = session.title();
            let line = if first {
                tr!("đã dựng {title} trong {t} ms", "built {title} in {t} ms")
            } else {
                tr!(
                    "đã dựng lại trong {t} ms: {changed} tệp thay đổi (đọc {files_read} tệp nội dung; dựng {pages_rendered} trang, giữ {pages_reused}; vẽ {charts_drawn} biểu đồ, giữ {charts_reused})",
                    "rebuilt in {t} ms: {changed} files changed ({files_read} content files read; {pages_rendered} pages rendered, {pages_reused} kept; {charts_drawn} charts drawn, {charts_reused} kept)"
                )
            };
            say(lang, line);
            if opts.verbose {
                for l in crate::progress::stage_lines(stats) {
                    say(lang, l);
                }
            }
            hub.built();
        }
        Outcome::Failed { took, diagnostics } => {
            print_diagnostics(diagnostics, lang, last, true);
            let t = ms(*took);
            say(
                lang,
                tr!(
                    "nội dung có lỗi ({t} ms); trang web chưa được dựng lại, vẫn phục vụ bản dựng tốt gần nhất",
                    "the content has errors ({t} ms); the site was not rebuilt, the last good build is still served"
                ),
            );
            let heading = tr!(
                "Nội dung có lỗi nên trang web chưa được dựng lại; trang đang xem là bản dựng tốt gần nhất. Sửa các lỗi dưới đây và lưu tệp: trang sẽ tự tải lại.",
                "The content has errors, so the site was not rebuilt; this page is the last good build. Fix the errors below and save the file: the page reloads by itself."
            );
            let lines: Vec<String> = diagnostics
                .sorted()
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .map(|d| d.display(lang))
                .collect();
            hub.failed(heading.get(lang), &lines);
        }
    }
}

fn print_diagnostics(d: &Diagnostics, lang: Lang, last: &mut Vec<Diagnostic>, always: bool) {
    let now = d.sorted();
    if always || now != *last {
        eprint!("{}", d.render_in(lang));
    }
    *last = now;
}
