//! Product import (B10, issue 15): how long a shopkeeper waits for a file of 1,000 products,
//! through the real router as the import screen sends it (the preview's upload, then each batch
//! of `POST /api/imports/run`), on an on-disk SurrealKV database. Three files in turn on one
//! shop: 1,000 new products; the same file again (nothing changes); the file with every
//! quantity and price changed (1,000 updates, each quantity change a "correction" movement).
//! Then checks what the database holds. Prints figures; passes or fails nothing.
//!
//! `cargo bench --features ssr --bench import` (see docs/BENCHMARKS.md).

mod common;

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::Request;
use serde_json::{Value, json};

use common::{
    DESCRIPTORS, NOUNS, Rng, bench_dir, op_id, open, post, print_machine, register, send_json,
};

const ROWS: usize = 1_000;
/// The target for a file of 1,000 rows.
const TARGET_SECONDS: f64 = 3.0;

/// A product file as a shopkeeper's spreadsheet exports it: `;`-separated, French headings.
fn file(version: i64) -> String {
    let mut rng = Rng(7);
    let mut csv = String::from(
        "Nom;Code;Catégorie;Unité;Quantité;Stock min;Stock max;Prix d'achat;Prix de vente\n",
    );
    for i in 0..ROWS {
        let noun = rng.pick(&NOUNS);
        let descriptor = rng.pick(&DESCRIPTORS);
        let purchase = rng.range(1, 500) * 100;
        let quantity = rng.range(0, 60) + version;
        csv.push_str(&format!(
            "{noun} {descriptor} {i};IMP-{i:04};Rayon {};pièce;{quantity};5;80;{purchase};{}\n",
            i % 20,
            purchase * 13 / 10 + version * 100,
        ));
    }
    csv
}

fn upload(cookie: &str, file: &str) -> Request<Body> {
    const BOUNDARY: &str = "boutiqbench";
    let body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"produits.csv\"\r\nContent-Type: text/csv\r\n\r\n{file}\r\n--{BOUNDARY}--\r\n"
    );
    Request::post("/api/imports/preview")
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .header("accept", "application/json")
        .header("cookie", cookie)
        .body(Body::from(body))
        .expect("request")
}

struct Imported {
    preview: Duration,
    batches: Vec<Duration>,
    total: Duration,
    /// created, updated, unchanged, refused rows.
    outcome: [u64; 4],
}

/// Previews `file` and runs every batch, as the import screen does.
async fn import(router: &axum::Router, cookie: &str, file: &str) -> Imported {
    let started = Instant::now();
    let preview = send_json(router, upload(cookie, file)).await;
    let previewed = started.elapsed();
    assert_eq!(preview["valid"], ROWS, "{preview}");
    let mut batches = Vec::new();
    let mut outcome = [0; 4];
    let mut start = 0;
    loop {
        let body = json!({ "op": op_id(), "import_id": preview["import_id"],
            "mapping": preview["mapping"], "start": start });
        let t0 = Instant::now();
        let progress = send_json(router, post("/api/imports/run", &body, Some(cookie))).await;
        batches.push(t0.elapsed());
        for (sum, field) in outcome.iter_mut().zip(["created", "updated", "unchanged"]) {
            *sum += progress[field].as_u64().unwrap_or(0);
        }
        outcome[3] += progress["errors"].as_array().map_or(0, |e| e.len() as u64);
        start = progress["done"].as_u64().expect("done") as usize;
        if start >= progress["total"].as_u64().expect("total") as usize {
            break;
        }
    }
    Imported {
        preview: previewed,
        batches,
        total: started.elapsed(),
        outcome,
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() {
    common::init_tracing();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let dir = bench_dir("boutiq-import");
    let db_path = dir.join("bench.db");
    println!("== Boutiq product import benchmark (issue 15)");
    print_machine(cores, &db_path, Duration::ZERO);
    let (state, router) = open(&dir, &db_path).await;
    let (cookie, _) = register(
        &router,
        json!({ "role": "shopkeeper", "name": "Awa Diop", "email": "awa@bench.sn",
            "password": "boutique2026", "workspace_name": "Boutique Awa" }),
    )
    .await;
    println!(
        "file: {ROWS} rows, {} KB; batches of {} rows\n",
        file(0).len() / 1024,
        boutiq::domain::import::BATCH_ROWS
    );
    println!(
        "{:<44} {:>10} {:>10} {:>12} {:>12} {:>9} {:>8}  created/updated/unchanged/refused",
        "file", "total s", "preview ms", "batch p50 ms", "batch max ms", "rows/s", "target"
    );
    for (label, version) in [
        ("1,000 new products", 0),
        ("the same file again (nothing changes)", 0),
        ("every quantity and price changed", 3),
    ] {
        let run = import(&router, &cookie, &file(version)).await;
        let mut batches = run.batches.clone();
        batches.sort_unstable();
        let [created, updated, unchanged, refused] = run.outcome;
        println!(
            "{label:<44} {:>10.2} {:>10.1} {:>12.1} {:>12.1} {:>9.0} {:>8}  {created}/{updated}/{unchanged}/{refused}",
            run.total.as_secs_f64(),
            ms(run.preview),
            ms(batches[batches.len() / 2]),
            ms(*batches.last().expect("a batch")),
            ROWS as f64 / run.total.as_secs_f64(),
            format!("≤ {TARGET_SECONDS} s"),
        );
    }
    let held: Value = state
        .db
        .query(
            "RETURN { products: count(SELECT VALUE id FROM product),
                quantity: math::sum(SELECT VALUE quantity FROM product),
                corrections: count(SELECT VALUE id FROM movement WHERE reason = 'correction'),
                categories: count(SELECT VALUE id FROM category) };",
            json!({}),
        )
        .await
        .expect("counts")
        .last()
        .expect("counts")
        .expect("counts");
    let expected_quantity: i64 = file(3)
        .lines()
        .skip(1)
        .map(|line| {
            line.split(';')
                .nth(4)
                .expect("quantity")
                .parse::<i64>()
                .expect("a number")
        })
        .sum();
    println!(
        "\nheld afterwards: {held}; Σ quantity expected {expected_quantity} (the last file's)"
    );
    drop(state);
    let _ = std::fs::remove_dir_all(&dir);
}
