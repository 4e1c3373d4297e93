//! The harness shared by the benchmark binaries (`load`, `marketplace`, `catalog`): seeded data
//! helpers, requests through the real router, the measured runs and their table, and readers of
//! the machine's figures (`/proc`). Each bench includes it with `mod common;` (cargo does not take
//! `benches/common/mod.rs` for a bench target of its own).

// Each bench compiles this module on its own and uses only part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use boutiq::server::{AppState, config::Config};
use boutiq::web::router;
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

pub mod data;
#[allow(unused_imports)] // the socket bench uses none of it
pub use data::*;

/// A SurrealQL (JSON) string literal.
pub fn string(s: &str) -> String {
    serde_json::to_string(s).expect("a string")
}

// ---------------------------------------------------------------------------------------------
// Setting up.

/// Logs errors only, to stderr, so stdout holds the figures.
pub fn init_tracing() {
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter("error")
        .try_init();
}

/// Target length of each measured run: `BENCH_SECONDS`, else `default` seconds.
pub fn target_length(default: f64) -> Duration {
    Duration::from_secs_f64(
        std::env::var("BENCH_SECONDS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(default),
    )
}

/// A fresh directory under the system's temporary one, `{prefix}-{pid}-{uuid}`.
pub fn bench_dir(prefix: &str) -> PathBuf {
    std::env::temp_dir().join(format!("{prefix}-{}-{}", std::process::id(), op_id()))
}

/// The application on an on-disk SurrealKV database at `db_path`, files under `dir`.
pub async fn open(dir: &Path, db_path: &Path) -> (AppState, Router) {
    let mut config = Config::for_tests(dir.to_path_buf());
    config.database_url = format!("surrealkv://{}", db_path.display());
    let state = AppState::build(config).await.expect("app state");
    let router = router(state.clone());
    (state, router)
}

/// The machine lines at the top of the marketplace and catalog reports.
pub fn print_machine(cores: usize, db_path: &Path, target: Duration) {
    println!("cores: {cores}; cpu: {}", cpu_model());
    println!(
        "engine: SurrealDB embedded, SurrealKV on disk ({})",
        db_path.display()
    );
    println!(
        "build: {}; requests via router.oneshot; target length of a run {:.1} s",
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "optimised"
        },
        target.as_secs_f64()
    );
}

// ---------------------------------------------------------------------------------------------
// Driving the router.

pub fn get(path: &str, cookie: &str) -> Request<Body> {
    Request::get(path)
        .header("accept", "application/json")
        .header("cookie", cookie)
        .body(Body::empty())
        .expect("request")
}

pub fn post(path: &str, body: &Value, cookie: Option<&str>) -> Request<Body> {
    let mut request = Request::post(path)
        .header("content-type", "application/json")
        .header("accept", "application/json")
        .header("x-forwarded-for", "10.0.0.1");
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    request.body(Body::from(body.to_string())).expect("request")
}

pub async fn send(router: &Router, request: Request<Body>) -> (StatusCode, HeaderMap, Vec<u8>) {
    let response = router.clone().oneshot(request).await.expect("infallible");
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.expect("body").to_bytes();
    (parts.status, parts.headers, bytes.to_vec())
}

pub async fn send_json(router: &Router, request: Request<Body>) -> Value {
    let (status, _, body) = send(router, request).await;
    let text = String::from_utf8_lossy(&body);
    assert_eq!(status, StatusCode::OK, "{text}");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

pub fn op_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Percent-encodes a query-string value.
pub fn enc(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Registers an account (`input` of `/api/auth/register`) and returns its session cookie and the
/// session JSON.
pub async fn register(router: &Router, input: Value) -> (String, Value) {
    let body = json!({ "op": op_id(), "input": input });
    let (status, headers, body) = send(router, post("/api/auth/register", &body, None)).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    let session = serde_json::from_slice(&body).expect("session JSON");
    (session_cookie(&headers), session)
}

/// The session cookie an answer sets, as a `cookie` header sends it back.
pub fn session_cookie(headers: &HeaderMap) -> String {
    headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("boutiq_session="))
        .and_then(|v| v.split(';').next())
        .expect("a session cookie")
        .to_owned()
}

// ---------------------------------------------------------------------------------------------
// Measured runs.

/// Builds the request number `i` of client `client`.
pub type MakeRequest = Arc<dyn Fn(usize, usize) -> Request<Body> + Send + Sync>;

/// Every request the same `GET path`.
pub fn repeat_get(path: String, cookie: &str) -> MakeRequest {
    let cookie = cookie.to_owned();
    Arc::new(move |_: usize, _: usize| get(&path, &cookie))
}

pub struct Outcome {
    pub scenario: String,
    pub clients: usize,
    pub latencies: Vec<Duration>,
    pub errors: usize,
    pub first_errors: Vec<String>,
    pub wall: Duration,
    /// CPU time of the whole process during the run / wall time (200% = both cores of 2).
    pub cpu_percent: f64,
}

/// `clients` concurrent clients each sending `per_client` requests one after the other.
pub async fn run(
    router: &Router,
    scenario: &str,
    clients: usize,
    per_client: usize,
    make: MakeRequest,
) -> Outcome {
    let started = Instant::now();
    let cpu_before = process_cpu();
    let tasks: Vec<_> = (0..clients)
        .map(|client| {
            let router = router.clone();
            let make = make.clone();
            tokio::spawn(async move {
                let mut latencies = Vec::with_capacity(per_client);
                let mut errors = Vec::new();
                for i in 0..per_client {
                    let request = make(client, i);
                    let t0 = Instant::now();
                    let (status, _, body) = send(&router, request).await;
                    latencies.push(t0.elapsed());
                    if status != StatusCode::OK {
                        errors.push(format!("{status}: {}", String::from_utf8_lossy(&body)));
                    }
                }
                (latencies, errors)
            })
        })
        .collect();
    let mut latencies = Vec::with_capacity(clients * per_client);
    let mut all_errors = Vec::new();
    for task in tasks {
        let (l, e) = task.await.expect("client task");
        latencies.extend(l);
        all_errors.extend(e);
    }
    let wall = started.elapsed();
    let cpu = process_cpu().saturating_sub(cpu_before);
    latencies.sort_unstable();
    Outcome {
        scenario: scenario.to_owned(),
        clients,
        latencies,
        errors: all_errors.len(),
        first_errors: all_errors.into_iter().take(3).collect(),
        wall,
        cpu_percent: 100.0 * cpu.as_secs_f64() / wall.as_secs_f64(),
    }
}

/// Nearest-rank percentile of sorted latencies, in ms.
pub fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil().max(1.0) as usize;
    sorted[rank.min(sorted.len()) - 1].as_secs_f64() * 1000.0
}

/// The layout of a bench's latency table.
pub struct Table {
    /// Width of the scenario column.
    pub name_width: usize,
    /// Whether the latency headings carry their unit ("p50 ms") or the title above gives it.
    pub unit_in_headings: bool,
    /// Whether there is a cpu% column.
    pub cpu: bool,
}

impl Table {
    pub fn print_header(&self) {
        let ms = if self.unit_in_headings { " ms" } else { "" };
        let [p50, p90, p99, max] = ["p50", "p90", "p99", "max"].map(|h| format!("{h}{ms}"));
        print!(
            "{:<w$} {:>7} {:>8} {:>6} {:>9} {:>9} {:>9} {:>9} {:>9}",
            "scenario",
            "clients",
            "requests",
            "errors",
            p50,
            p90,
            p99,
            max,
            "req/s",
            w = self.name_width
        );
        if self.cpu {
            print!(" {:>6}", "cpu%");
        }
        println!();
        let cpu = if self.cpu { 7 } else { 0 };
        println!(
            "{}",
            "-".repeat(self.name_width + 7 + 8 + 6 + 9 * 5 + 8 + cpu)
        );
    }

    pub fn print_row(&self, o: &Outcome) {
        let l = &o.latencies;
        print!(
            "{:<w$} {:>7} {:>8} {:>6} {:>9.2} {:>9.2} {:>9.2} {:>9.2} {:>9.1}",
            o.scenario,
            o.clients,
            l.len(),
            o.errors,
            percentile(l, 50.0),
            percentile(l, 90.0),
            percentile(l, 99.0),
            l.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0),
            l.len() as f64 / o.wall.as_secs_f64(),
            w = self.name_width
        );
        if self.cpu {
            print!(" {:>6.0}", o.cpu_percent);
        }
        println!();
    }
}

/// How the runs of a scenario are sized from the mean time of its warm-up requests.
pub struct Sizing {
    pub warmup: usize,
    /// Bounds of the number of requests of the one-client run.
    pub single: (usize, usize),
    /// Bounds of the number of requests of each client of the concurrent run.
    pub per_client: (usize, usize),
    /// How many requests the server is expected to serve at once (the concurrent run is sized
    /// to do `parallelism` times the work of the one-client run in the same time).
    pub parallelism: f64,
    /// Request counts kept even (in/out or off/on pairs).
    pub even: bool,
}

/// Runs scenarios and keeps their outcomes.
pub struct Bench {
    pub router: Router,
    /// Target length of each measured run.
    pub target: Duration,
    /// Clients of the concurrent run.
    pub concurrent: usize,
    pub table: Table,
    pub outcomes: Vec<Outcome>,
}

impl Bench {
    /// Warms up with a few requests, sizes the runs to last about `target`, then runs the
    /// scenario with 1 and with `concurrent` clients and prints their rows.
    pub async fn scenario(&mut self, name: &str, make: MakeRequest, sizing: &Sizing) {
        let warm = run(&self.router, name, 1, sizing.warmup, make.clone()).await;
        if warm.errors > 0 {
            println!(
                "  ! warm-up of {name}: {} errors, e.g. {:?}",
                warm.errors, warm.first_errors
            );
        }
        let mean = warm.wall.as_secs_f64() / sizing.warmup as f64;
        let round = |n: usize| if sizing.even { n + n % 2 } else { n };
        let (lo, hi) = sizing.single;
        let single = round(((self.target.as_secs_f64() / mean).ceil() as usize).clamp(lo, hi));
        let total = self.target.as_secs_f64() * sizing.parallelism / mean;
        let (lo, hi) = sizing.per_client;
        let per_client = round(((total / self.concurrent as f64).ceil() as usize).clamp(lo, hi));
        for (clients, n) in [(1, single), (self.concurrent, per_client)] {
            let outcome = run(&self.router, name, clients, n, make.clone()).await;
            self.table.print_row(&outcome);
            for e in &outcome.first_errors {
                println!("    error: {e}");
            }
            self.outcomes.push(outcome);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The machine.

/// CPU time (user + system) of this process so far, from `/proc/self/stat` (USER_HZ = 100).
pub fn process_cpu() -> Duration {
    let ticks = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|stat| {
            // Fields after the command name (which is in parentheses): state is field 3;
            // utime and stime are fields 14 and 15.
            let rest = stat
                .rsplit(')')
                .next()?
                .split_whitespace()
                .collect::<Vec<_>>();
            let utime: u64 = rest.get(11)?.parse().ok()?;
            let stime: u64 = rest.get(12)?.parse().ok()?;
            Some(utime + stime)
        })
        .unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

/// A field of `/proc/self/status` in KiB (`VmRSS`, `VmHWM`), 0 where there is none.
pub fn memory_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

pub fn dir_size(path: &Path) -> u64 {
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => dir_size(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        })
        .unwrap_or(0)
}

pub fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".into())
}
