//! The preview's web server (tiny_http): the files of the serve folder with
//! their content types, `index.html` for a folder, the site's `404.html`
//! for anything else; and, on `/__ntm-site/events`, a stream of Server-Sent
//! Events that tells open pages to reload or to show the content's errors.
//! Every HTML page is sent as built with one `<script>` added before
//! `</body>`: nothing else differs from the built file.

use serde_json::json;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The path of the event stream.
pub const EVENTS: &str = "/__ntm-site/events";

/// The script added to every page.
const LIVE_JS: &str = include_str!("live.js");

/// What the open pages are told, and the streams they listen on.
#[derive(Default)]
pub struct Hub {
    state: Mutex<State>,
    clients: Mutex<Vec<Box<dyn Write + Send>>>,
}

#[derive(Clone, Default)]
struct State {
    /// Counts the good builds; a page built by an older one reloads.
    generation: u64,
    /// The errors of the last build when it failed (the overlay's content).
    errors: Option<serde_json::Value>,
}

impl Hub {
    pub fn generation(&self) -> u64 {
        lock(&self.state).generation
    }

    /// A good build: every page reloads.
    pub fn built(&self) {
        let data = {
            let mut s = lock(&self.state);
            s.generation += 1;
            s.errors = None;
            json!({"generation": s.generation}).to_string()
        };
        self.send("reload", &data);
    }

    /// A failed build: every page shows `heading` and `lines` over itself.
    pub fn failed(&self, heading: &str, lines: &[String]) {
        let data = {
            let mut s = lock(&self.state);
            let errors = json!({"heading": heading, "lines": lines});
            s.errors = Some(errors.clone());
            json!({"generation": s.generation, "errors": errors}).to_string()
        };
        self.send("errors", &data);
    }

    fn state_event(&self) -> String {
        let s = lock(&self.state).clone();
        event(
            "state",
            &json!({"generation": s.generation, "errors": s.errors}).to_string(),
        )
    }

    fn send(&self, name: &str, data: &str) {
        let ev = event(name, data);
        lock(&self.clients)
            .retain_mut(|w| w.write_all(ev.as_bytes()).and_then(|_| w.flush()).is_ok());
    }

    /// A comment on every stream, so that closed ones are noticed and dropped.
    pub fn ping(&self) {
        lock(&self.clients)
            .retain_mut(|w| w.write_all(b": ping\n\n").and_then(|_| w.flush()).is_ok());
    }

    fn subscribe(&self, request: tiny_http::Request) {
        let mut w = request.into_writer();
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 1000\n\n";
        // The state first, under the lock, so that no event is missed between.
        let mut clients = lock(&self.clients);
        let ok = w
            .write_all(head.as_bytes())
            .and_then(|_| w.write_all(self.state_event().as_bytes()))
            .and_then(|_| w.flush());
        if ok.is_ok() {
            clients.push(w);
        }
    }
}

fn event(name: &str, data: &str) -> String {
    // `data` is one line of JSON: no newline to split.
    format!("event: {name}\ndata: {data}\n\n")
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Answers requests from `server` until it is closed, on a few threads.
pub fn spawn(server: Arc<tiny_http::Server>, dir: PathBuf, hub: Arc<Hub>) {
    for _ in 0..4 {
        let (server, dir, hub) = (server.clone(), dir.clone(), hub.clone());
        std::thread::spawn(move || {
            while let Ok(request) = server.recv() {
                handle(request, &dir, &hub);
            }
        });
    }
    let hub_ping = hub.clone();
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_secs(15));
            hub_ping.ping();
        }
    });
}

fn handle(request: tiny_http::Request, dir: &Path, hub: &Hub) {
    use tiny_http::Method;
    if !matches!(request.method(), Method::Get | Method::Head) {
        let _ = request.respond(tiny_http::Response::empty(405));
        return;
    }
    let url = request.url().to_string();
    let path = url.split(['?', '#']).next().unwrap_or("");
    if path == EVENTS {
        hub.subscribe(request);
        return;
    }
    let answer = match resolve(dir, path) {
        Resolved::File(file) => respond_file(&file, 200, hub),
        Resolved::Redirect(to) => Ok(Answer {
            status: 301,
            body: Vec::new(),
            content_type: None,
            location: Some(to),
        }),
        Resolved::NotFound => respond_file(&dir.join("404.html"), 404, hub).or_else(|_| {
            // No site yet (the first build failed): a blank page that can
            // still show the errors.
            let blank = b"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>404</title></head><body></body></html>\n";
            Ok(Answer {
                status: 404,
                body: inject(blank, hub.generation()),
                content_type: Some("text/html; charset=utf-8".into()),
                location: None,
            })
        }),
    };
    let answer = answer.unwrap_or_else(|_: io::Error| Answer {
        status: 500,
        body: Vec::new(),
        content_type: None,
        location: None,
    });
    // tiny_http leaves the body out of the answer to a HEAD request.
    let mut response = tiny_http::Response::from_data(answer.body).with_status_code(answer.status);
    let mut headers = vec![("Cache-Control", "no-store".to_string())];
    if let Some(t) = answer.content_type {
        headers.push(("Content-Type", t));
    }
    if let Some(l) = answer.location {
        headers.push(("Location", l));
    }
    for (k, v) in headers {
        if let Ok(h) = tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()) {
            response.add_header(h);
        }
    }
    let _ = request.respond(response);
}

struct Answer {
    status: u16,
    body: Vec<u8>,
    content_type: Option<String>,
    location: Option<String>,
}

enum Resolved {
    File(PathBuf),
    Redirect(String),
    NotFound,
}

/// The file a URL path names in `dir`: a folder's `index.html`; a folder
/// named without its final `/` is redirected to it, so that the pages'
/// relative links work.
fn resolve(dir: &Path, path: &str) -> Resolved {
    let Some(decoded) = percent_decode(path) else {
        return Resolved::NotFound;
    };
    let mut file = dir.to_path_buf();
    for seg in decoded.split('/').filter(|s| !s.is_empty()) {
        if seg == "." || seg == ".." || seg.contains('\\') || seg.starts_with('.') {
            return Resolved::NotFound;
        }
        file.push(seg);
    }
    if file.is_dir() {
        if !path.ends_with('/') {
            return Resolved::Redirect(format!("{path}/"));
        }
        file.push("index.html");
    }
    if file.is_file() {
        Resolved::File(file)
    } else {
        Resolved::NotFound
    }
}

/// `%xx` decoded; `None` when the result is not UTF-8 or holds a NUL.
fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = std::str::from_utf8(&b[i + 1..i + 3]).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    let s = String::from_utf8(out).ok()?;
    (!s.contains('\0')).then_some(s)
}

fn respond_file(file: &Path, status: u16, hub: &Hub) -> io::Result<Answer> {
    let mut body = std::fs::read(file)?;
    let mime = mime_guess::from_path(file).first_or_octet_stream();
    let is_html = mime.essence_str() == "text/html";
    let content_type = match (mime.type_(), mime.subtype().as_str()) {
        (mime_guess::mime::TEXT, _) | (_, "json") | (_, "javascript") | (_, "svg") => {
            format!("{}; charset=utf-8", mime.essence_str())
        }
        _ => mime.essence_str().to_string(),
    };
    if is_html {
        body = inject(&body, hub.generation());
    }
    Ok(Answer {
        status,
        body,
        content_type: Some(content_type),
        location: None,
    })
}

/// `html` with the live script before its last `</body>` (at its end when it
/// has none).
pub fn inject(html: &[u8], generation: u64) -> Vec<u8> {
    let script = script(generation);
    let at = find_last_ci(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + script.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(script.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// The tag [`inject`] adds.
pub fn script(generation: u64) -> String {
    format!(
        "<script data-ntm-site-serve=\"{generation}\">{}</script>",
        LIVE_JS.replace("__EVENTS__", EVENTS).trim_end()
    )
}

fn find_last_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    (0..=hay.len().checked_sub(needle.len())?)
        .rev()
        .find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_last_body_end_and_nothing_else_changes() {
        let page = b"<html><body><p>a</p></BODY></html>\n";
        let out = inject(page, 7);
        let s = script(7);
        let at = "<html><body><p>a</p>".len();
        assert_eq!(&out[..at], &page[..at]);
        assert_eq!(&out[at..at + s.len()], s.as_bytes());
        assert_eq!(&out[at + s.len()..], &page[at..]);
        assert!(inject(b"x", 1).starts_with(b"x<script"));
    }

    #[test]
    fn paths_never_leave_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("xa")).unwrap();
        std::fs::write(dir.path().join("xa/index.html"), "x").unwrap();
        std::fs::write(dir.path().join(".ntm-site-output"), "x").unwrap();
        assert!(matches!(resolve(dir.path(), "/xa/"), Resolved::File(_)));
        assert!(matches!(resolve(dir.path(), "/xa"), Resolved::Redirect(t) if t == "/xa/"));
        for bad in [
            "/../etc/passwd",
            "/xa/%2e%2e/%2e%2e/x",
            "/.ntm-site-output",
            "/%zz",
            "/%e1",
        ] {
            assert!(
                matches!(resolve(dir.path(), bad), Resolved::NotFound),
                "{bad}"
            );
        }
    }
}
