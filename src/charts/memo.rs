//! An optional memo of drawn charts, switched on by `serve` (never by
//! `build`): each chart's SVG is kept under a hash of everything it is drawn
//! from (its slug, texts, table and the figures given to the drawing), so a
//! chart is drawn again only when one of those changed. [`sweep`] after each
//! build forgets the drawings that build did not use: the memo never holds
//! more than one site's charts.

use std::collections::HashMap;
use std::fmt::Debug;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};

static ON: AtomicBool = AtomicBool::new(false);
/// Drawings by key, each with whether the current build used it.
type Drawings = HashMap<blake3::Hash, (String, bool)>;
static MEMO: Mutex<Option<Drawings>> = Mutex::new(None);
static DRAWN: AtomicUsize = AtomicUsize::new(0);
static REUSED: AtomicUsize = AtomicUsize::new(0);

fn memo() -> std::sync::MutexGuard<'static, Option<Drawings>> {
    MEMO.lock().unwrap_or_else(|e| e.into_inner())
}

/// Nanoseconds spent drawing, summed over threads (for `build --timings`).
static DRAW_NANOS: AtomicU64 = AtomicU64::new(0);

/// The time spent drawing charts since the last call, summed over threads.
pub fn take_draw_time() -> std::time::Duration {
    std::time::Duration::from_nanos(DRAW_NANOS.swap(0, Ordering::Relaxed))
}

/// Keeps drawn charts from now on in this process.
pub fn enable() {
    ON.store(true, Ordering::SeqCst);
}

/// Charts drawn and taken from the memo since the last call.
pub fn take_counts() -> (usize, usize) {
    (
        DRAWN.swap(0, Ordering::Relaxed),
        REUSED.swap(0, Ordering::Relaxed),
    )
}

/// Forgets the drawings not used since the last sweep.
pub fn sweep() {
    if let Some(map) = memo().as_mut() {
        map.retain(|_, (_, used)| std::mem::take(used));
    }
}

/// The SVG of chart `slug` drawn from `inputs` by `draw`: taken from the memo
/// when it is on and a chart was drawn from the same inputs.
pub(super) fn svg(slug: &str, inputs: &dyn Debug, draw: impl FnOnce() -> String) -> String {
    let draw = || {
        let clock = std::time::Instant::now();
        let svg = draw();
        DRAW_NANOS.fetch_add(clock.elapsed().as_nanos() as u64, Ordering::Relaxed);
        svg
    };
    if !ON.load(Ordering::Relaxed) {
        return draw();
    }
    let key = {
        // The inputs' Debug form goes straight into the hash, through a
        // buffer, without a string of its own.
        let mut w = HashWriter {
            hasher: blake3::Hasher::new(),
            buf: Vec::with_capacity(1 << 14),
        };
        let _ = std::fmt::Write::write_fmt(&mut w, format_args!("{slug}\0{inputs:?}"));
        w.finish()
    };
    if let Some((svg, used)) = memo().as_mut().and_then(|m| m.get_mut(&key)) {
        *used = true;
        REUSED.fetch_add(1, Ordering::Relaxed);
        return svg.clone();
    }
    let svg = draw();
    DRAWN.fetch_add(1, Ordering::Relaxed);
    memo()
        .get_or_insert_with(HashMap::new)
        .insert(key, (svg.clone(), true));
    svg
}

/// A [`std::fmt::Write`] into a BLAKE3 hasher, in large slices.
struct HashWriter {
    hasher: blake3::Hasher,
    buf: Vec<u8>,
}

impl std::fmt::Write for HashWriter {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        if self.buf.len() + s.len() > self.buf.capacity() {
            self.hasher.update(&self.buf);
            self.buf.clear();
        }
        if s.len() > self.buf.capacity() {
            self.hasher.update(s.as_bytes());
        } else {
            self.buf.extend_from_slice(s.as_bytes());
        }
        Ok(())
    }
}

impl HashWriter {
    fn finish(mut self) -> blake3::Hash {
        self.hasher.update(&self.buf);
        self.hasher.finalize()
    }
}
