//! The shopkeeper API over a real socket (issue 15): a load client in its own process, sending
//! HTTP/1.1 requests on keep-alive connections (one `reqwest` client of one connection each) to
//! the release server serving the load bench's shop (10,000 products, 100,000 movements), so the
//! figures compare with other inventory systems measured the same way. For the product list, the
//! two searches, the dashboard and a stock movement: requests a second and p50/p99 latency with
//! 1 and with 32 connections, each run a closed loop of `BENCH_SECONDS` (default 10).
//!
//! Run through `benches/socket.sh`, which seeds the shop, starts the server and passes
//! `BENCH_URL` and `BENCH_DIR` (the seeded folder, with the requests in `requests.json`).

mod common;

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use common::{op_id, percentile};

const CONNECTIONS: [usize; 2] = [1, 32];

/// What the requests of a run are.
#[derive(Clone)]
enum Ask {
    Get(String),
    /// A stock movement on the connection's product: an entry, then the same exit, and again.
    Move(Vec<String>),
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .http1_only()
        .pool_max_idle_per_host(1)
        .build()
        .expect("a client")
}

/// Signs in as the load bench's shopkeeper; returns the session cookie.
async fn sign_in(url: &str) -> String {
    let body =
        json!({ "op": op_id(), "input": { "email": "awa@bench.sn", "password": "boutique2026" } });
    let response = client()
        .post(format!("{url}/api/auth/login"))
        .header("accept", "application/json")
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .expect("sign-in");
    assert!(
        response.status().is_success(),
        "sign-in: {}",
        response.status()
    );
    common::session_cookie(response.headers())
}

/// `connections` connections sending `ask` one request after the other for `length`; the
/// latencies (request out → whole body in), the run's wall time and the non-2xx answers.
async fn run(
    url: &str,
    cookie: &str,
    ask: &Ask,
    connections: usize,
    length: Duration,
) -> (Vec<Duration>, Duration, usize) {
    let started = Instant::now();
    let tasks: Vec<_> = (0..connections)
        .map(|c| {
            let client = client();
            let (url, cookie, ask) = (url.to_owned(), cookie.to_owned(), ask.clone());
            let request = move |i: usize| {
                let request = match &ask {
                    Ask::Get(path) => client.get(format!("{url}{path}")),
                    Ask::Move(products) => {
                        let (kind, reason) = if i.is_multiple_of(2) {
                            ("in", "delivery")
                        } else {
                            ("out", "sale")
                        };
                        let input = json!({ "product_id": products[c], "kind": kind,
                            "quantity": 1 + (i / 2 % 5), "reason": reason, "note": "" });
                        client
                            .post(format!("{url}/api/stock/move"))
                            .header("content-type", "application/json")
                            .body(json!({ "op": op_id(), "input": input }).to_string())
                    }
                };
                request
                    .header("cookie", &cookie)
                    .header("accept", "application/json")
            };
            async move {
                let (mut latencies, mut failed) = (Vec::new(), 0);
                for i in 0usize.. {
                    if started.elapsed() >= length && i.is_multiple_of(2) {
                        break;
                    }
                    let t0 = Instant::now();
                    let response = request(i).send().await.expect("an answer");
                    let ok = response.status().is_success();
                    response.bytes().await.expect("a body");
                    latencies.push(t0.elapsed());
                    failed += usize::from(!ok);
                }
                (latencies, failed)
            }
        })
        .map(tokio::spawn)
        .collect();
    let (mut latencies, mut failed) = (Vec::new(), 0);
    for task in tasks {
        let (l, f) = task.await.expect("a connection");
        latencies.extend(l);
        failed += f;
    }
    latencies.sort_unstable();
    (latencies, started.elapsed(), failed)
}

#[tokio::main]
async fn main() {
    let url = std::env::var("BENCH_URL").unwrap_or_else(|_| "http://127.0.0.1:3900".into());
    let dir = std::env::var("BENCH_DIR").expect("BENCH_DIR: the seeded folder");
    let length = common::target_length(10.0);
    let requests: Value = serde_json::from_slice(
        &std::fs::read(format!("{dir}/requests.json")).expect("requests.json of the seed"),
    )
    .expect("requests JSON");
    let path = |key: &str| Ask::Get(requests[key].as_str().expect("a path").to_owned());
    let products = requests["movement_products"].as_array().expect("products");
    let products = products
        .iter()
        .map(|p| p.as_str().expect("an id").to_owned());
    let scenarios = [
        (
            "product list page (category + status, price desc, p3)",
            path("list"),
            "≤ 3 / ≤ 40",
        ),
        ("search: name fragment", path("search"), "≤ 3 / ≤ 40"),
        ("search: exact SKU", path("sku"), "≤ 3 / ≤ 40"),
        ("dashboard KPIs", path("dashboard"), "≤ 2 / ≤ 30"),
        (
            "stock movement, 32 products",
            Ask::Move(products.collect()),
            "≤ 3 / ≤ 50",
        ),
    ];
    let cookie = sign_in(&url).await;
    println!("== Boutiq over a socket: {url}, HTTP/1.1 keep-alive, a connection per client");
    println!(
        "load client: this process (reqwest), {:.0} s a run",
        length.as_secs_f64()
    );
    println!(
        "{:<56} {:>5} {:>9} {:>9} {:>9} {:>9} {:>7}  target p50 / p99 ms",
        "request", "conns", "requests", "req/s", "p50 ms", "p99 ms", "non-2xx"
    );
    for (label, ask, target) in &scenarios {
        for connections in CONNECTIONS {
            let (latencies, wall, failed) = run(&url, &cookie, ask, connections, length).await;
            println!(
                "{label:<56} {connections:>5} {:>9} {:>9.1} {:>9.2} {:>9.2} {failed:>7}  {target}",
                latencies.len(),
                latencies.len() as f64 / wall.as_secs_f64(),
                percentile(&latencies, 50.0),
                percentile(&latencies, 99.0),
            );
        }
    }
}
