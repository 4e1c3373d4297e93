//! The phone's side of the replica (I2), run natively: what a search keystroke, a filter change,
//! rebuilding the screens' copy over waiting writes, and applying a first sync cost over the
//! benchmark shop's 10,000 products, and how many bytes that first sync is on the wire.
//! Printed, not asserted (docs/BENCHMARKS.md). The browser runs the same code compiled to wasm
//! on a slower core: the figures say how much of a 16 ms frame is left.
//!
//! `cargo bench --bench replica` (no server: it builds without the `ssr` feature).
//! `cargo bench --bench replica -- --pages DIR` also writes the first sync's pages to
//! `DIR/<cursor>.json`, the shop the browser half of the bench (`end2end/bench/`) pulls.

#[path = "common/data.rs"]
mod data;

use std::io::Write;
use std::time::Instant;

use boutiq::domain::outbox::{OfflineWrite, PendingWrite, with_pending};
use boutiq::domain::product::{CategoryFilter, Product, ProductQuery, ProductSort};
use boutiq::domain::replica::ShopReplica;
use boutiq::domain::stock::{MovementInput, MovementKind, StockStatus};
use boutiq::domain::sync::{Change, PullPage, Synced};
use data::{DESCRIPTORS, NOUNS, Rng};

const PRODUCTS: usize = 10_000;
const CATEGORIES: usize = 20;
/// The pull's page size (`store::sync`).
const PULL_PAGE: usize = 200;

fn main() {
    let pages = first_sync_pages();
    if let Some(dir) = pages_dir() {
        write_pages(&pages, &dir);
    }
    let shop = apply_first_sync(&pages);
    println!("replica bench: {PRODUCTS} products, {CATEGORIES} categories\n");
    println!(
        "{:<44} {:>10} {:>10} {:>8}",
        "operation", "p50 µs", "p95 µs", "found"
    );
    let queries = [
        ("keystroke: \"r\"", query(|q| q.search = "r".into())),
        ("keystroke: \"ri\"", query(|q| q.search = "ri".into())),
        ("keystroke: \"riz\"", query(|q| q.search = "riz".into())),
        (
            "keystroke: \"riz parf\"",
            query(|q| q.search = "riz parf".into()),
        ),
        ("exact SKU typed", query(|q| q.search = "SKU-07777".into())),
        (
            "category filter",
            query(|q| q.category = CategoryFilter::Id("c7".into())),
        ),
        (
            "status filter: rupture",
            query(|q| q.status = Some(StockStatus::Rupture)),
        ),
        (
            "sort: price, highest first",
            query(|q| q.sort = ProductSort::PriceDesc),
        ),
        (
            "sort: status, page 20",
            query(|q| {
                q.sort = ProductSort::Status;
                q.page = 20;
            }),
        ),
    ];
    for (name, query) in queries {
        let found = query.select(shop.products.values()).total;
        let times = measure(200, || query.select(shop.products.values()).total);
        row(name, &times, found.to_string());
    }
    let times = measure(200, || shop.stock_figures().product_count);
    row("dashboard figures", &times, String::new());
    let pending = waiting_writes(&shop, 50);
    let times = measure(50, || with_pending(&shop, &pending).products.len() as u64);
    row(
        "screens' copy over 50 waiting writes",
        &times,
        String::new(),
    );
    let times = measure(5, || apply_first_sync(&pages).products.len() as u64);
    row(
        "first sync: parse and apply 50 pages",
        &times,
        String::new(),
    );
    wire_sizes(&pages);
}

/// The first sync as the server sends it: every product, a page of 200 at a time, as JSON.
fn first_sync_pages() -> Vec<String> {
    let mut rng = Rng(7);
    let changes: Vec<Change> = (0..PRODUCTS)
        .map(|i| Change {
            seq: i as u64 + 1,
            record: Synced::Product(product(i, &mut rng)),
        })
        .collect();
    let chunks = changes.chunks(PULL_PAGE);
    let last = chunks.len() - 1;
    chunks
        .enumerate()
        .map(|(i, chunk)| {
            let page = PullPage {
                cursor: chunk.last().map_or(0, |c| c.seq),
                more: i < last,
                changes: chunk.to_vec(),
            };
            serde_json::to_string(&page).expect("a page")
        })
        .collect()
}

fn pages_dir() -> Option<std::path::PathBuf> {
    let mut args = std::env::args().skip_while(|arg| arg != "--pages");
    args.next()?;
    args.next().map(Into::into)
}

/// Each page under the cursor it is the answer to (0, 200, 400, …).
fn write_pages(pages: &[String], dir: &std::path::Path) {
    std::fs::create_dir_all(dir).expect("the pages' folder");
    for (i, page) in pages.iter().enumerate() {
        std::fs::write(dir.join(format!("{}.json", i * PULL_PAGE)), page).expect("a page written");
    }
    println!("first sync written to {}", dir.display());
}

fn apply_first_sync(pages: &[String]) -> ShopReplica {
    let mut shop = ShopReplica::default();
    for page in pages {
        let page: PullPage = serde_json::from_str(page).expect("a page");
        shop.apply_page(&page);
    }
    shop
}

fn product(i: usize, rng: &mut Rng) -> Product {
    let name = format!(
        "{} {} {}",
        rng.pick(&NOUNS),
        rng.pick(&DESCRIPTORS),
        rng.range(1, 50)
    );
    let (quantity, min_stock) = (rng.range(0, 120), rng.range(0, 10));
    let max_stock = (rng.unit() < 0.5).then(|| min_stock + rng.range(20, 200));
    let category = rng.range(0, CATEGORIES as i64);
    let purchase_price = rng.range(50, 50_000);
    Product {
        id: format!("p{i:05}"),
        name,
        sku: Some(format!("SKU-{i:05}")),
        category_id: (category > 0).then(|| format!("c{category}")),
        category_name: (category > 0).then(|| format!("Rayon {category}")),
        supplier_id: None,
        supplier_name: None,
        unit: "pièce".into(),
        quantity,
        min_stock,
        max_stock,
        purchase_price,
        sale_price: purchase_price + rng.range(0, 5_000),
        notes: String::new(),
        status: StockStatus::of(quantity, min_stock, max_stock, 20),
        created_at: format!(
            "2026-{:02}-{:02}T08:00:00Z",
            rng.range(1, 12),
            rng.range(1, 28)
        ),
        photo: None,
        alert_count: 0,
    }
}

fn query(change: impl FnOnce(&mut ProductQuery)) -> ProductQuery {
    let mut query = ProductQuery::default();
    change(&mut query);
    query
}

/// Sales made offline on the first products, waiting to be sent.
fn waiting_writes(shop: &ShopReplica, count: usize) -> Vec<PendingWrite> {
    let stocked = shop.products.values().filter(|p| p.quantity > 0);
    stocked
        .take(count)
        .enumerate()
        .map(|(i, p)| PendingWrite {
            op: format!("op-{i}"),
            made_at: i as i64,
            write: OfflineWrite::Movement(MovementInput {
                product_id: p.id.clone(),
                kind: MovementKind::Out,
                quantity: 1,
                reason: "sale".into(),
                note: String::new(),
            }),
            refused: None,
            sent: false,
        })
        .collect()
}

/// Microseconds per call, sorted.
fn measure(runs: usize, mut call: impl FnMut() -> u64) -> Vec<f64> {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(call());
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times
}

fn row(name: &str, sorted: &[f64], found: String) {
    let at = |q: f64| sorted[((sorted.len() - 1) as f64 * q).round() as usize];
    println!("{name:<44} {:>10.0} {:>10.0} {found:>8}", at(0.5), at(0.95));
}

/// What the first sync weighs: as JSON, and gzip-compressed as the server sends it.
fn wire_sizes(pages: &[String]) {
    let raw: usize = pages.iter().map(String::len).sum();
    let compressed: usize = pages
        .iter()
        .map(|page| {
            let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
            gzip.write_all(page.as_bytes()).expect("in memory");
            gzip.finish().expect("in memory").len()
        })
        .sum();
    // 400 kbit/s, a slow 3G link: 50 kB a second.
    let seconds = compressed as f64 / 50_000.0;
    println!(
        "\nfirst sync on the wire: {} pages, {:.1} MB as JSON, {:.2} MB gzip-compressed, {seconds:.0} s at 400 kbit/s",
        pages.len(),
        raw as f64 / 1e6,
        compressed as f64 / 1e6
    );
}
