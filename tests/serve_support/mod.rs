//! Helpers for the `serve` tests and benchmark: a copy of a content folder,
//! a running `ntm-site serve` on a free port, plain HTTP requests and the
//! event stream, read with std only (what a browser would get on the wire).
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// Copies the folder `from` into `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let dest = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

/// A running `ntm-site serve`, stopped when dropped.
pub struct Server {
    pub child: Child,
    pub addr: String,
    pub port: u16,
    /// The lines it printed on its standard output.
    pub lines: Receiver<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `exe serve` over `content`, with the photo cache in `cache`, on a
/// free port; waits (up to `wait`) for it to say where it serves.
pub fn start(exe: &Path, content: &Path, cache: &Path, wait: Duration) -> Server {
    let mut child = Command::new(exe)
        .args(["serve", "--port", "0", "--content"])
        .arg(content)
        .arg("--cache")
        .arg(cache)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("ntm-site serve starts");
    let out = child.stdout.take().unwrap();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = Instant::now() + wait;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let Ok(line) = rx.recv_timeout(left) else {
            let _ = child.kill();
            let _ = child.wait();
            panic!("serve did not say where it serves in time");
        };
        if let Some(i) = line.find("http://") {
            let url = line[i + "http://".len()..]
                .split(['/', ' '])
                .next()
                .unwrap()
                .to_string();
            let port = url.rsplit(':').next().unwrap().parse().unwrap();
            return Server {
                child,
                addr: url,
                port,
                lines: rx,
            };
        }
    }
}

/// One HTTP answer.
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// `GET path` over HTTP/1.0 (the answer ends with the connection).
pub fn get(addr: &str, path: &str) -> Answer {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(120))).unwrap();
    write!(s, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("an HTTP head");
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    let mut lines = head.lines();
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    Answer {
        status,
        headers,
        body: raw[end + 4..].to_vec(),
    }
}

/// One Server-Sent Event: its name and data.
pub type Event = (String, String);

/// Listens on the event stream; events arrive on the receiver.
pub fn events(addr: &str) -> Receiver<Event> {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(
        s,
        "GET /__ntm-site/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut name = String::new();
        let mut data = String::new();
        for line in BufReader::new(s).lines() {
            let Ok(line) = line else { break };
            if let Some(n) = line.strip_prefix("event: ") {
                name = n.to_string();
            } else if let Some(d) = line.strip_prefix("data: ") {
                data = d.to_string();
            } else if line.is_empty()
                && !name.is_empty()
                && tx
                    .send((std::mem::take(&mut name), std::mem::take(&mut data)))
                    .is_err()
            {
                break;
            }
        }
    });
    rx
}

/// The next event named `name` within `wait`, skipping others.
pub fn wait_for(rx: &Receiver<Event>, name: &str, wait: Duration) -> String {
    let deadline = Instant::now() + wait;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let (n, d) = rx
            .recv_timeout(left)
            .unwrap_or_else(|_| panic!("no '{name}' event within {wait:?}"));
        if n == name {
            return d;
        }
    }
}

/// The serve folder of a server started with `cache` (see `src/serve/mod.rs`).
pub fn serve_dir(cache: &Path, port: u16) -> PathBuf {
    cache.join(format!("serve-{port}"))
}

/// Removes the live script that serve adds to a page.
pub fn without_script(page: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(page);
    let start = text
        .find("<script data-ntm-site-serve=")
        .expect("the live script");
    let end = start + text[start..].find("</script>").unwrap() + "</script>".len();
    let mut out = page[..start].to_vec();
    out.extend_from_slice(&page[end..]);
    out
}

/// In a snapshot's text, a commune that meets every criterion (`met: all`
/// under its id): its id, and the text with that commune meeting only
/// criteria 1 and 2.
pub fn demote(snapshot: &str) -> (String, String) {
    let lines: Vec<&str> = snapshot.lines().collect();
    let mut id = None;
    for (i, l) in lines.iter().enumerate() {
        if l.starts_with("  ") && !l.starts_with("   ") && l.trim_end().ends_with(':') {
            id = Some(l.trim().trim_end_matches(':').to_string());
        } else if let Some(rest) = l.strip_prefix("  ").filter(|r| !r.starts_with(' ')) {
            // `  id: all` on one line
            if let Some(one) = rest.trim_end().strip_suffix(": all") {
                let mut out: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
                out[i] = format!("  {one}: [1, 2]");
                return (one.to_string(), out.join("\n") + "\n");
            }
        } else if l.trim() == "met: all"
            && let Some(id) = id.clone()
        {
            let mut out: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
            out[i] = l.replace("met: all", "met: [1, 2]");
            return (id, out.join("\n") + "\n");
        }
    }
    panic!("no commune meets every criterion in this snapshot")
}
