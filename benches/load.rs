//! Load benchmark of the shopkeeper API (issues 3 and 4).
//!
//! Seeds one shop with 10,000 products and 100,000 stock movements in an on-disk SurrealKV
//! database, then drives the real axum router (no sockets: `router.oneshot`) with 1 and with 32
//! concurrent clients and prints p50/p90/p99/max latency and throughput of: the product list page
//! (filtered, sorted, page 3), product search (name fragment, exact SKU), the dashboard KPIs and
//! one stock movement (32 products, and one hot product); plus the barcode lookup (`by_sku`) for
//! comparison, and a breakdown of where the read time goes (store calls and SurrealQL pieces,
//! without HTTP); the statistics of 7, 30 and 90 days; and the downloads of the 100,000-movement
//! CSV export, the products CSV and the backup, with their time and peak memory. It prints
//! figures, it does not judge them. Results: docs/BENCHMARKS.md.
//!
//! Run: `CARGO_TARGET_DIR=/work/bench-target nice -n 19 cargo bench --features ssr --bench load`
//! (`BENCH_SECONDS` = target length of each measured run, default 5; `BENCH_ONLY=pull` seeds
//! and measures the pull alone; `BENCH_ONLY=seed BENCH_DIR=dir` seeds and keeps the database in
//! `dir`, for `benches/socket.sh`).

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use boutiq::domain::search::ProductSearch;
use boutiq::server::AppState;
use chrono::{DateTime, SecondsFormat, Utc};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

use common::{
    Bench, DESCRIPTORS, MakeRequest, NOUNS, Rng, Sizing, Table, bench_dir, cpu_model, dir_size,
    get, load_average, memory_kib, op_id, percentile, post, register, repeat_get, send_json,
    string,
};

const PRODUCTS: usize = 10_000;
const MOVEMENTS: usize = 100_000;
const CATEGORIES: usize = 20;
const PRODUCT_BATCH: usize = 1_000;
const MOVEMENT_BATCH: usize = 2_000;
const CONCURRENT: usize = 32;

// ---------------------------------------------------------------------------------------------
// The data set.

const CATEGORY_NAMES: [&str; CATEGORIES] = [
    "Boissons",
    "Épicerie",
    "Riz et céréales",
    "Huiles",
    "Conserves",
    "Produits laitiers",
    "Hygiène",
    "Entretien",
    "Boulangerie",
    "Confiserie",
    "Condiments",
    "Farines",
    "Sucre et café",
    "Thé et infusions",
    "Bébé",
    "Cosmétiques",
    "Quincaillerie",
    "Papeterie",
    "Électronique",
    "Textile",
];
const BRAND_HEADS: [&str; 10] = [
    "Kal", "Mor", "Tes", "Vin", "Dab", "Fol", "Gar", "Hiv", "Jum", "Lop",
];
const BRAND_TAILS: [&str; 10] = [
    "ex", "ova", "ium", "ara", "eko", "ync", "uz", "ipa", "oth", "elm",
];
const SIZES: [&str; 12] = [
    "250 g", "500 g", "1 kg", "5 kg", "25 kg", "50 cl", "1 L", "1,5 L", "5 L", "x6", "x12", "x24",
];
const UNITS: [&str; 6] = ["pièce", "carton", "kg", "litre", "sac", "palette"];

/// 100 brands, each carried by exactly 1% of the products (`brand(i % 100)`).
fn brand(i: usize) -> String {
    format!("{}{}", BRAND_HEADS[(i / 10) % 10], BRAND_TAILS[i % 10])
}

struct ProductSeed {
    key: String,
    name: String,
    sku: String,
    category: Option<usize>,
    unit: &'static str,
    quantity: i64,
    min_stock: i64,
    max_stock: Option<i64>,
    purchase_price: i64,
    sale_price: i64,
    created: DateTime<Utc>,
}

struct MovementSeed {
    product: usize,
    kind: &'static str,
    quantity: i64,
    reason: &'static str,
    balance_after: i64,
    at: DateTime<Utc>,
}

fn product_key(i: usize) -> String {
    format!("p{i:05}")
}

fn make_products(rng: &mut Rng, now: DateTime<Utc>) -> Vec<ProductSeed> {
    (0..PRODUCTS)
        .map(|i| {
            let min_stock = rng.range(2, 20);
            let roll = rng.range(0, 99);
            // ~8% rupture, ~15% low, ~7% over, ~70% normal.
            let (quantity, max_stock) = if roll < 8 {
                (
                    0,
                    (rng.range(0, 9) < 7).then(|| min_stock + rng.range(30, 300)),
                )
            } else if roll < 23 {
                (
                    rng.range(1, min_stock),
                    (rng.range(0, 9) < 7).then(|| min_stock + rng.range(30, 300)),
                )
            } else if roll < 30 {
                let max = min_stock + rng.range(30, 300);
                (max + rng.range(0, 60), Some(max))
            } else if rng.range(0, 9) < 7 {
                let max = min_stock + rng.range(30, 300);
                (rng.range(min_stock + 1, max - 1), Some(max))
            } else {
                (rng.range(min_stock + 1, min_stock + 250), None)
            };
            let purchase_price = rng.range(1, 500) * 100;
            let sale_price = purchase_price * rng.range(110, 160) / 100;
            let category =
                (rng.range(0, 99) >= 5).then(|| (rng.next() % CATEGORIES as u64) as usize);
            let name = format!(
                "{} {} {} {}",
                rng.pick(&NOUNS),
                rng.pick(&DESCRIPTORS),
                brand(i % 100),
                rng.pick(&SIZES)
            );
            let created = now - chrono::Duration::days(90)
                + chrono::Duration::minutes(rng.range(0, 2 * 24 * 60));
            ProductSeed {
                key: product_key(i),
                name,
                sku: format!("SKU-{i:05}"),
                category,
                unit: rng.pick::<&str>(&UNITS),
                quantity,
                min_stock,
                max_stock,
                purchase_price,
                sale_price,
                created,
            }
        })
        .collect()
}

/// Every product gets an opening movement and at least one more; the rest is spread with a skew
/// (a few best sellers have hundreds). Each product's movements keep the balance ≥ 0, end at its
/// quantity and are spread over its ~90 days of life, in order.
fn make_movements(
    rng: &mut Rng,
    products: &[ProductSeed],
    now: DateTime<Utc>,
) -> Vec<MovementSeed> {
    let mut counts = vec![2usize; products.len()];
    for _ in 0..(MOVEMENTS - 2 * products.len()) {
        let u = rng.unit();
        let i = ((u * u) * products.len() as f64) as usize;
        counts[i.min(products.len() - 1)] += 1;
    }
    let mut all = Vec::with_capacity(MOVEMENTS);
    for (p, product) in products.iter().enumerate() {
        let k = counts[p];
        let mut moves: Vec<(&'static str, i64, &'static str)> = Vec::with_capacity(k);
        let mut balance = rng.range(5, 100);
        moves.push(("in", balance, "opening"));
        for _ in 1..k - 1 {
            if balance == 0 || rng.range(0, 99) < 45 {
                let q = rng.range(1, 40);
                balance += q;
                moves.push((
                    "in",
                    q,
                    *rng.pick(&["delivery", "delivery", "return", "correction"]),
                ));
            } else {
                let q = rng.range(1, balance.min(20));
                balance -= q;
                moves.push((
                    "out",
                    q,
                    *rng.pick(&["sale", "sale", "sale", "loss", "breakage"]),
                ));
            }
        }
        if balance == product.quantity {
            // The last movement cannot be zero: open one unit higher and sell it at the end.
            moves[0].1 += 1;
            balance += 1;
        }
        let diff = product.quantity - balance;
        if diff > 0 {
            moves.push(("in", diff, "delivery"));
        } else {
            moves.push(("out", -diff, "sale"));
        }
        // Times: the opening at creation, the others sorted between then and an hour ago.
        let span_ms = (now - chrono::Duration::hours(1) - product.created).num_milliseconds();
        let mut offsets: Vec<i64> = (1..k).map(|_| rng.range(60_000, span_ms)).collect();
        offsets.sort_unstable();
        let mut running = 0;
        for (j, (kind, quantity, reason)) in moves.into_iter().enumerate() {
            running += if kind == "in" { quantity } else { -quantity };
            assert!(running >= 0);
            let at = if j == 0 {
                product.created
            } else {
                product.created + chrono::Duration::milliseconds(offsets[j - 1])
            };
            all.push(MovementSeed {
                product: p,
                kind,
                quantity,
                reason,
                balance_after: running,
                at,
            });
        }
        assert_eq!(running, product.quantity);
    }
    assert_eq!(all.len(), MOVEMENTS);
    all
}

fn datetime(at: DateTime<Utc>) -> String {
    format!(
        "<datetime> '{}'",
        at.to_rfc3339_opts(SecondsFormat::Millis, true)
    )
}

fn product_rows(products: &[ProductSeed]) -> String {
    let rows: Vec<String> = products
        .iter()
        .map(|p| {
            let category = p
                .category
                .map_or("NONE".to_owned(), |c| format!("category:c{c:02}"));
            let max_stock = p.max_stock.map_or("NONE".to_owned(), |m| m.to_string());
            format!(
                "{{ id: product:{}, shop: $shop, name: {}, sku: {}, category: {category}, unit: {}, \
                 quantity: {}, min_stock: {}, max_stock: {max_stock}, purchase_price: {}, sale_price: {}, \
                 notes: '', created_at: {} }}",
                p.key,
                string(&p.name),
                string(&p.sku),
                string(p.unit),
                p.quantity,
                p.min_stock,
                p.purchase_price,
                p.sale_price,
                datetime(p.created),
            )
        })
        .collect();
    format!(
        "LET $shop = type::record('shop', $shop_id);\nINSERT INTO product [\n{}\n] RETURN NONE;",
        rows.join(",\n")
    )
}

fn movement_rows(products: &[ProductSeed], movements: &[MovementSeed]) -> String {
    let rows: Vec<String> = movements
        .iter()
        .map(|m| {
            format!(
                "{{ shop: $shop, product: product:{}, kind: '{}', quantity: {}, reason: '{}', note: '', \
                 balance_after: {}, by: $by, at: {} }}",
                products[m.product].key,
                m.kind,
                m.quantity,
                m.reason,
                m.balance_after,
                datetime(m.at)
            )
        })
        .collect();
    format!(
        "LET $shop = type::record('shop', $shop_id);\nLET $by = type::record('user', $user_id);\n\
         INSERT INTO movement [\n{}\n] RETURN NONE;",
        rows.join(",\n")
    )
}

/// Load's run sizes (6 warm-up requests). `serial` = the requests cannot overlap (one hot
/// product), so 32 clients get no more throughput than one. `even` = per-client counts even
/// (in/out pairs).
fn sizing(cores: usize, serial: bool, even: bool) -> Sizing {
    Sizing {
        warmup: 6,
        single: (30, 5_000),
        per_client: (8, 500),
        parallelism: if serial {
            1.0
        } else {
            cores.min(CONCURRENT) as f64
        },
        even,
    }
}

/// Downloads `path`, reading the body frame by frame (nothing kept), and prints its time, size,
/// lines and how far the resident memory rose above where it was before.
async fn download(router: &Router, path: &str, cookie: &str) {
    // Writing 5 to clear_refs resets the high-water mark (Linux), so VmHWM is this download's.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let rss_before = memory_kib("VmRSS:");
    let start = Instant::now();
    let response = router
        .clone()
        .oneshot(get(path, cookie))
        .await
        .expect("infallible");
    let status = response.status();
    let mut body = response.into_body();
    let (mut bytes, mut lines, mut first_byte) = (0usize, 0usize, None);
    while let Some(frame) = body.frame().await {
        if let Ok(data) = frame.expect("body").into_data() {
            first_byte.get_or_insert_with(|| start.elapsed());
            bytes += data.len();
            lines += data.iter().filter(|b| **b == b'\n').count();
        }
    }
    let total = start.elapsed();
    let peak = memory_kib("VmHWM:");
    println!(
        "{path:<24} {status}: {:.2} s, first byte after {:.0} ms, {:.1} MiB, {lines} lines; \
         resident memory {:.0} MiB before, peak {:.0} MiB (+{:.0} MiB)",
        total.as_secs_f64(),
        first_byte.unwrap_or_default().as_secs_f64() * 1000.0,
        bytes as f64 / (1024.0 * 1024.0),
        rss_before as f64 / 1024.0,
        peak as f64 / 1024.0,
        peak.saturating_sub(rss_before) as f64 / 1024.0,
    );
}

async fn scalar(state: &AppState, sql: &str, vars: Value) -> Value {
    let mut rows = state
        .db
        .query(sql, vars)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    rows.last::<Value>()
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .unwrap_or(Value::Null)
}

/// The product's quantity and the sum of its movements (in − out).
async fn ledger_check(state: &AppState, key: &str) -> (i64, i64, i64) {
    let v = scalar(
        state,
        "LET $p = type::record('product', $key);
         RETURN {
             quantity: $p.quantity,
             sum: math::sum(SELECT VALUE IF kind = 'in' { quantity } ELSE { -quantity } FROM movement WHERE product = $p),
             count: count(SELECT VALUE id FROM movement WHERE product = $p),
         };",
        json!({ "key": key }),
    )
    .await;
    (
        v["quantity"].as_i64().unwrap_or(-1),
        v["sum"].as_i64().unwrap_or(-1),
        v["count"].as_i64().unwrap_or(-1),
    )
}

/// Σ product quantities against Σ movements (in − out), over the whole shop.
async fn global_check(state: &AppState) -> (i64, i64) {
    let v = scalar(
        state,
        "RETURN {
             quantities: math::sum(SELECT VALUE quantity FROM product),
             movements: math::sum(SELECT VALUE IF kind = 'in' { quantity } ELSE { -quantity } FROM movement),
         };",
        json!({}),
    )
    .await;
    (
        v["quantities"].as_i64().unwrap_or(-1),
        v["movements"].as_i64().unwrap_or(-1),
    )
}

/// Median and minimum, in ms, of `n` sequential runs of `f` (after one untimed run).
async fn timed<F, Fut>(n: usize, mut f: F) -> (f64, f64)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    f().await;
    let mut times: Vec<f64> = Vec::with_capacity(n);
    for _ in 0..n {
        let t0 = Instant::now();
        f().await;
        times.push(t0.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    (times[n / 2], times[0])
}

/// The phone's pull (issue 14), server time through the router: the first sync of the whole
/// shop, a phone in step asking with nothing new, and one behind by 10 changes (stock movements).
async fn pull_figures(router: &Router, cookie: &str) {
    const RUNS: usize = 30;
    let pull = |cursor: u64| get(&format!("/api/sync/pull?cursor={cursor}"), cookie);
    println!("== Pull (issue 14)");
    let started = Instant::now();
    let (mut cursor, mut pages, mut changes) = (0, 0, 0);
    loop {
        let page = send_json(router, pull(cursor)).await;
        cursor = page["cursor"].as_u64().expect("cursor");
        pages += 1;
        changes += page["changes"].as_array().map_or(0, Vec::len);
        if page["more"] != json!(true) {
            break;
        }
    }
    println!(
        "first sync: {changes} changes in {pages} pages, {:.2} s",
        started.elapsed().as_secs_f64()
    );
    let (p50, min) = timed(RUNS, || async {
        send_json(router, pull(cursor)).await;
    })
    .await;
    println!("pull with nothing new: p50 {p50:.2} ms (min {min:.2})");
    for i in 0..10 {
        let body = json!({
            "op": op_id(),
            "input": {
                "product_id": product_key(i * 97), "kind": "in", "quantity": 1,
                "reason": "delivery", "note": "",
            }
        });
        send_json(router, post("/api/stock/move", &body, Some(cookie))).await;
    }
    let (p50, min) = timed(RUNS, || async {
        let page = send_json(router, pull(cursor)).await;
        assert!(page["changes"].as_array().is_some_and(|c| c.len() >= 10));
    })
    .await;
    println!("pull with 10 changes: p50 {p50:.2} ms (min {min:.2})");
    println!();
}

/// Where the time of the read scenarios goes: the store functions the endpoints call (no HTTP,
/// no Leptos), then pieces of their SurrealQL on their own, and what the planner does.
async fn breakdown(state: &AppState, user_id: &str, category: usize, fragment: &str, sku: &str) {
    use boutiq::domain::product::ProductQuery;
    use boutiq::server::store::{dashboard, products, shops::CURRENT_SHOP};
    const N: usize = 15;
    println!();
    println!(
        "== Where the time goes (1 client, no HTTP: median / min of {N} sequential calls, ms)"
    );
    let query = |q: Value| -> ProductQuery { serde_json::from_value(q).expect("a product query") };
    let list = query(json!({
        "category": { "by": "id", "id": format!("c{category:02}") },
        "status": "normal", "sort": "price_desc", "page": 3,
    }));
    let by_fragment = query(json!({ "search": fragment }));
    let by_sku = query(json!({ "search": sku }));
    let db = &state.db;
    let show = |label: &str, (median, min): (f64, f64)| {
        println!("  {label:<66} {median:>9.2} {min:>9.2}");
    };
    println!("  {:<66} {:>9} {:>9}", "what", "median", "min");
    show(
        "store::products::list (list scenario)",
        timed(N, || async {
            products::list(db, user_id, &list).await.expect("list");
        })
        .await,
    );
    show(
        "store::products::list (search: name fragment)",
        timed(N, || async {
            products::list(db, user_id, &by_fragment)
                .await
                .expect("list");
        })
        .await,
    );
    show(
        "store::products::list (search: exact SKU)",
        timed(N, || async {
            products::list(db, user_id, &by_sku).await.expect("list");
        })
        .await,
    );
    // A stock movement's parts: the replay check, the stock read, then the whole of it (an entry
    // and a sale of one unit of a quiet product).
    {
        use boutiq::domain::stock::{Movement, MovementKind};
        use boutiq::domain::{OpId, RecordKey};
        use boutiq::server::store::{ops, stock};
        let product = RecordKey::parse("product_id", &product_key(9_000)).expect("a key");
        let new_op = || OpId::parse(&op_id()).expect("an operation id");
        show(
            "stock move piece: replay check (ops::stored)",
            timed(N, || async {
                let found: Option<i64> = ops::stored(db, user_id, &new_op()).await.expect("stored");
                assert!(found.is_none());
            })
            .await,
        );
        for (label, kind, reason) in [
            (
                "store::stock::apply, an entry",
                MovementKind::In,
                "delivery",
            ),
            ("store::stock::apply, a sale", MovementKind::Out, "sale"),
        ] {
            let movement = Movement::parse(kind, 1, reason, "").expect("a movement");
            show(
                label,
                timed(N, || async {
                    stock::apply(db, &new_op(), user_id, &product, &movement)
                        .await
                        .expect("a movement");
                })
                .await,
            );
        }
    }
    show(
        "store::dashboard::stock_summary",
        timed(N, || async {
            dashboard::stock_summary(db, user_id)
                .await
                .expect("summary");
        })
        .await,
    );
    // The statistics' statements are timed for the longest period.
    let since = (Utc::now() - chrono::Duration::days(89))
        .format("%Y-%m-%d")
        .to_string();
    let month_start = Utc::now().format("%Y-%m-01T00:00:00Z").to_string();
    let pieces: [(&str, String, &str); 19] = [
        ("CURRENT_SHOP alone (owns lookup)", "RETURN $shop;".into(), ""),
        (
            "count of the list filter (category + status)",
            format!(
                "RETURN count(SELECT VALUE id FROM product WHERE shop = $shop \
                 AND category = type::record('category', 'c{category:02}') AND status = 'normal');"
            ),
            "",
        ),
        (
            "search: products with a word beginning so (search_word ids)",
            "RETURN count(array::distinct(SELECT VALUE of FROM search_word:[$shop, $s]..[$shop, $s + '\u{10FFFF}']));"
                .into(),
            fragment,
        ),
        (
            "before v16: count of the search filter, name fragment",
            "RETURN count(SELECT VALUE id FROM product WHERE shop = $shop AND \
             (string::contains(name_key, $s) OR string::contains(sku_key ?? '', $s)));"
                .into(),
            fragment,
        ),
        (
            "before v16: count of the search filter, SKU",
            "RETURN count(SELECT VALUE id FROM product WHERE shop = $shop AND \
             (string::contains(name_key, $s) OR string::contains(sku_key ?? '', $s)));"
                .into(),
            sku,
        ),
        (
            "  same, name_key only (no `sku_key ?? ''` branch)",
            "RETURN count(SELECT VALUE id FROM product WHERE shop = $shop AND \
             string::contains(name_key, $s));"
                .into(),
            sku,
        ),
        (
            "  not in the app: SKU by equality (product_shop_sku index)",
            "RETURN count(SELECT VALUE id FROM product WHERE shop = $shop AND \
             sku_key = string::lowercase($s));"
                .into(),
            sku,
        ),
        (
            "dashboard piece: count(product of shop)",
            "RETURN count(SELECT VALUE id FROM product WHERE shop = $shop);".into(),
            "",
        ),
        (
            "dashboard piece: Σ purchase_price × quantity",
            "RETURN math::sum(SELECT VALUE purchase_price * quantity FROM product WHERE shop = $shop);"
                .into(),
            "",
        ),
        (
            "dashboard piece: count(status = 'low')",
            "RETURN count(SELECT VALUE id FROM product WHERE shop = $shop AND status = 'low');"
                .into(),
            "",
        ),
        (
            "  not in the app: SELECT count() … GROUP ALL (whole shop)",
            "RETURN (SELECT count() AS n FROM product WHERE shop = $shop GROUP ALL)[0].n;".into(),
            "",
        ),
        (
            "stats piece: category figures",
            "RETURN SELECT category.name AS name, products, value FROM category_figures \
             WHERE shop = $shop AND products > 0 ORDER BY value DESC, name ASC;".into(),
            "",
        ),
        (
            "stats piece: units in and out a day, 90 days",
            "RETURN SELECT day, units_in, units_out FROM day_figures WHERE shop = $shop AND day >= $since;".into(),
            "",
        ),
        (
            "stats piece: five highest stock values (forward, v20)",
            "LET $ceiling = math::min([(SELECT VALUE minus_stock_value FROM product WHERE shop = $shop \
             ORDER BY minus_stock_value LIMIT 5)[4] ?? 0dec, -1dec]); \
             RETURN SELECT id, name, stock_value FROM product WHERE shop = $shop \
             AND minus_stock_value <= $ceiling ORDER BY stock_value DESC LIMIT 5;".into(),
            "",
        ),
        (
            "stats piece: three best sellers, 90 days (kept, forward, v20)",
            "LET $ceiling = math::min([(SELECT VALUE minus_in_90 FROM product_sales WHERE shop = $shop \
             ORDER BY minus_in_90 LIMIT 3)[2] ?? 0, -1]); \
             RETURN SELECT product, in_90 FROM product_sales WHERE shop = $shop \
             AND minus_in_90 <= $ceiling ORDER BY in_90 DESC LIMIT 3;".into(),
            "",
        ),
        (
            "before v18: product_day rows, 90 days",
            "RETURN count(SELECT VALUE id FROM product_day WHERE shop = $shop AND day >= $since);".into(),
            "",
        ),
        (
            "before v18: best sellers summed from product_day",
            "RETURN SELECT product, figure FROM (SELECT product, math::sum(sales) AS figure FROM product_day \
             WHERE shop = $shop AND day >= $since GROUP BY product) WHERE figure > 0 ORDER BY figure DESC LIMIT 3;".into(),
            "",
        ),
        (
            "stats piece: orders this month",
            "RETURN count(SELECT VALUE id FROM purchase_order WHERE shop = $shop \
             AND created_at >= <datetime> $month_start);".into(),
            "",
        ),
        (
            "stats piece: alerts handled this month",
            "RETURN count(SELECT VALUE id FROM alert WHERE shop = $shop \
             AND state IN ['read', 'dismissed', 'resolved'] AND (closed_at ?? read_at) >= <datetime> $month_start);".into(),
            "",
        ),
    ];
    for (label, sql, s) in &pieces {
        let sql = format!("{CURRENT_SHOP}\n{sql}");
        let vars = json!({ "user_id": user_id, "s": s.to_lowercase(), "since": since,
            "month_start": month_start });
        show(
            label,
            timed(N, || async {
                db.query(&sql, vars.clone())
                    .await
                    .unwrap_or_else(|e| panic!("{sql}: {e}"));
            })
            .await,
        );
    }
    // What the planner chooses for the search's words and the status filter.
    for (label, from, s) in [
        (
            "search words",
            "search_word:[$shop, $s]..[$shop, $s + '\u{10FFFF}']",
            fragment,
        ),
        (
            "five highest stock values",
            "product WHERE shop = $shop ORDER BY minus_stock_value LIMIT 5",
            "",
        ),
        (
            "status filter",
            "product WHERE shop = $shop AND status = 'low'",
            "",
        ),
    ] {
        let sql = format!("{CURRENT_SHOP}\nSELECT * FROM {from} EXPLAIN;");
        let plan = match db.query(&sql, json!({ "user_id": user_id, "s": s })).await {
            Ok(mut rows) => rows
                .all::<Value>(2)
                .map_or_else(|e| e.to_string(), |v| json!(v).to_string()),
            Err(e) => e.to_string(),
        };
        let plan: String = plan.chars().take(400).collect();
        println!("  EXPLAIN {label}: {plan}");
    }
    println!();
}

#[tokio::main]
async fn main() {
    common::init_tracing();
    let target = common::target_length(5.0);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    // `BENCH_DIR` keeps the database there (`BENCH_ONLY=seed`: the socket bench serves it).
    let dir = std::env::var_os("BENCH_DIR").map_or_else(|| bench_dir("boutiq-bench"), Into::into);
    let db_path = dir.join("bench.db");

    println!("== Boutiq load benchmark (issue 3)");
    println!("cores (available_parallelism): {cores}");
    println!("cpu: {}", cpu_model());
    println!(
        "engine: SurrealDB 3.3.5 embedded, SurrealKV on disk (surrealkv://{})",
        db_path.display()
    );
    println!(
        "build: {} (debug_assertions {})",
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "optimised (cargo bench profile)"
        },
        if cfg!(debug_assertions) { "on" } else { "off" }
    );
    println!(
        "tokio: multi-thread runtime, {cores} workers; requests via router.oneshot (no network)"
    );
    println!(
        "target length of each measured run: {:.1} s (BENCH_SECONDS)",
        target.as_secs_f64()
    );
    println!();

    let (state, router) = common::open(&dir, &db_path).await;

    // The shopkeeper.
    let (cookie, session) = register(
        &router,
        json!({
            "role": "shopkeeper", "name": "Awa Diallo", "email": "awa@bench.sn",
            "password": "boutique2026", "workspace_name": "Boutique Awa",
        }),
    )
    .await;
    let user_id = session["user_id"].as_str().expect("user_id").to_owned();
    let shops = send_json(&router, get("/api/shops/mine", &cookie)).await;
    let shop_id = shops[0]["id"].as_str().expect("shop id").to_owned();
    let ids = json!({ "shop_id": shop_id, "user_id": user_id });

    // ---- Seeding.
    println!("== Seeding");
    let now = Utc::now();
    let mut rng = Rng(0x0B07_1C00_2026_0003);
    let t_gen = Instant::now();
    let products = make_products(&mut rng, now);
    let movements = make_movements(&mut rng, &products, now);
    println!(
        "generated in memory: {PRODUCTS} products, {MOVEMENTS} movements in {:.2} s",
        t_gen.elapsed().as_secs_f64()
    );

    let t_seed = Instant::now();
    let categories: Vec<String> = CATEGORY_NAMES
        .iter()
        .enumerate()
        .map(|(i, name)| {
            format!(
                "{{ id: category:c{i:02}, shop: $shop, name: {} }}",
                string(name)
            )
        })
        .collect();
    let sql = format!(
        "LET $shop = type::record('shop', $shop_id);\nINSERT INTO category [{}] RETURN NONE;",
        categories.join(", ")
    );
    state.db.query(&sql, ids.clone()).await.expect("categories");

    let t_products = Instant::now();
    for chunk in products.chunks(PRODUCT_BATCH) {
        state
            .db
            .query(&product_rows(chunk), ids.clone())
            .await
            .expect("products");
    }
    let products_secs = t_products.elapsed().as_secs_f64();
    let t_movements = Instant::now();
    for chunk in movements.chunks(MOVEMENT_BATCH) {
        state
            .db
            .query(&movement_rows(&products, chunk), ids.clone())
            .await
            .expect("movements");
    }
    let movements_secs = t_movements.elapsed().as_secs_f64();
    let seed_secs = t_seed.elapsed().as_secs_f64();
    println!(
        "seeded in {seed_secs:.1} s: products {products_secs:.1} s ({PRODUCT_BATCH}/statement), \
         movements {movements_secs:.1} s ({MOVEMENT_BATCH}/statement)"
    );

    let counts = scalar(
        &state,
        "RETURN {
             products: count(SELECT VALUE id FROM product),
             movements: count(SELECT VALUE id FROM movement),
             categories: count(SELECT VALUE id FROM category),
             rupture: count(SELECT VALUE id FROM product WHERE status = 'rupture'),
             low: count(SELECT VALUE id FROM product WHERE status = 'low'),
             normal: count(SELECT VALUE id FROM product WHERE status = 'normal'),
             over: count(SELECT VALUE id FROM product WHERE status = 'over'),
         };",
        json!({}),
    )
    .await;
    println!(
        "count(product) = {} (expected {PRODUCTS}), count(movement) = {} (expected {MOVEMENTS}), count(category) = {}",
        counts["products"], counts["movements"], counts["categories"]
    );
    println!(
        "statuses: rupture {}, low {}, normal {}, over {}",
        counts["rupture"], counts["low"], counts["normal"], counts["over"]
    );
    assert_eq!(counts["products"], json!(PRODUCTS), "product count");
    assert_eq!(counts["movements"], json!(MOVEMENTS), "movement count");
    let (quantities, sums) = global_check(&state).await;
    println!(
        "Σ quantity = {quantities}, Σ movements (in − out) = {sums}: {}",
        if quantities == sums { "OK" } else { "MISMATCH" }
    );
    let busiest = 0;
    let (q, s, n) = ledger_check(&state, &product_key(busiest)).await;
    println!(
        "busiest product {}: {n} movements, quantity {q}, Σ movements {s}: {}",
        product_key(busiest),
        if q == s { "OK" } else { "MISMATCH" }
    );
    println!(
        "database on disk after seeding: {:.1} MiB",
        dir_size(&dir) as f64 / (1024.0 * 1024.0)
    );
    println!();
    // ---- The queries, checked once.
    let category = 3;
    let list_path = format!(
        "/api/products/list?query[category][by]=id&query[category][id]=c{category:02}&query[status]=normal&query[sort]=price_desc&query[page]=3"
    );
    let fragment = brand(37).to_lowercase();
    let search = ProductSearch::parse(&fragment).expect("a search");
    let expected_hits = products
        .iter()
        .filter(|p| search.words_match(&p.name, Some(&p.sku)))
        .count();
    let search_path = format!("/api/products/list?query[search]={fragment}");
    let sku = products[4217].sku.clone();
    let sku_path = format!("/api/products/list?query[search]={sku}");
    let dashboard_path = "/api/dashboard/stock".to_owned();
    let by_sku_path = format!("/api/products/by_sku?sku={sku}");

    match std::env::var("BENCH_ONLY").as_deref() {
        Ok("pull") => return pull_figures(&router, &cookie).await,
        Ok("seed") => {
            // What benches/socket.rs asks for, read back from the kept folder.
            let requests = json!({
                "list": list_path, "search": search_path, "sku": sku_path,
                "dashboard": dashboard_path,
                "movement_products": (0..CONCURRENT).map(|c| product_key(1_000 + c)).collect::<Vec<_>>(),
            });
            std::fs::write(dir.join("requests.json"), requests.to_string()).expect("requests.json");
            drop((router, state));
            // The embedded engine flushes and closes in the background once the last handle is gone.
            tokio::time::sleep(Duration::from_secs(3)).await;
            return println!("seeded database kept at {}", db_path.display());
        }
        _ => {}
    }

    println!("== Requests");
    let page = send_json(&router, get(&list_path, &cookie)).await;
    println!(
        "list:      GET {list_path}\n           → total {}, {} items on page 3",
        page["total"],
        page["items"].as_array().map_or(0, Vec::len)
    );
    let page = send_json(&router, get(&search_path, &cookie)).await;
    println!(
        "search:    GET {search_path}\n           → total {} (expected {expected_hits} = {:.1}% of products), {} items on page 0",
        page["total"],
        100.0 * expected_hits as f64 / PRODUCTS as f64,
        page["items"].as_array().map_or(0, Vec::len)
    );
    let page = send_json(&router, get(&sku_path, &cookie)).await;
    println!(
        "sku:       GET {sku_path}\n           → total {}",
        page["total"]
    );
    let found = send_json(&router, get(&by_sku_path, &cookie)).await;
    println!(
        "by_sku:    GET {by_sku_path} (the barcode lookup, not the search box)\n           → {}",
        found["id"]
    );
    let figures = send_json(&router, get(&dashboard_path, &cookie)).await;
    println!("dashboard: GET {dashboard_path}\n           → {figures}");
    println!(
        "movement:  POST /api/stock/move {{op, input: {{product_id, kind: in|out, quantity 1..5, reason: delivery|sale}}}}"
    );
    println!(
        "           each client alternates an \"in\" and the same \"out\" on one product, then moves on"
    );
    println!();

    // ---- Measurements.
    let mut bench = Bench {
        router: router.clone(),
        target,
        concurrent: CONCURRENT,
        table: Table {
            name_width: 38,
            unit_in_headings: true,
            cpu: true,
        },
        outcomes: Vec::new(),
    };
    println!(
        "== Latency and throughput (latency = request in → full body out; cpu% = process CPU time / wall time, 100% = one core)"
    );
    println!("load average before: {}", load_average());
    bench.table.print_header();
    let reads = sizing(cores, false, false);
    bench
        .scenario(
            "list: category+status, price desc, p3",
            repeat_get(list_path.clone(), &cookie),
            &reads,
        )
        .await;
    bench
        .scenario(
            &format!("search: name fragment ({expected_hits} hits)"),
            repeat_get(search_path.clone(), &cookie),
            &reads,
        )
        .await;
    bench
        .scenario(
            "search: exact SKU",
            repeat_get(sku_path.clone(), &cookie),
            &reads,
        )
        .await;
    bench
        .scenario(
            "extra: by_sku lookup (barcode)",
            repeat_get(by_sku_path.clone(), &cookie),
            &reads,
        )
        .await;
    bench
        .scenario(
            "dashboard KPIs",
            repeat_get(dashboard_path.clone(), &cookie),
            &reads,
        )
        .await;

    for days in [7, 30, 90] {
        bench
            .scenario(
                &format!("statistics: {days} days"),
                repeat_get(format!("/api/stats/get?period={days}"), &cookie),
                &reads,
            )
            .await;
    }

    breakdown(&state, &user_id, category, &fragment, &sku).await;
    bench.table.print_header();

    // Movements: client c works on products c, c+32, c+64 … (so the 32 clients are always on 32
    // different products), one in/out pair per product, starting after the busiest ones.
    let movement = |hot: Option<usize>| -> MakeRequest {
        let cookie = cookie.clone();
        Arc::new(move |client: usize, i: usize| {
            let pair = i / 2;
            let index = match hot {
                Some(p) => p,
                None => (1_000 + client + CONCURRENT * pair) % PRODUCTS,
            };
            let quantity = 1 + ((client * 7 + pair * 13) % 5) as i64;
            let (kind, reason) = if i.is_multiple_of(2) {
                ("in", "delivery")
            } else {
                ("out", "sale")
            };
            let body = json!({
                "op": op_id(),
                "input": {
                    "product_id": product_key(index), "kind": kind, "quantity": quantity,
                    "reason": reason, "note": "",
                }
            });
            post("/api/stock/move", &body, Some(&cookie))
        })
    };
    bench
        .scenario(
            "stock move: 32 products",
            movement(None),
            &sizing(cores, false, true),
        )
        .await;
    let hot = 1;
    bench
        .scenario(
            &format!("stock move: hot product {}", product_key(hot)),
            movement(Some(hot)),
            &sizing(cores, true, true),
        )
        .await;
    println!();

    // ---- After the writes.
    println!("== Checks after the movement runs");
    let (q, s, n) = ledger_check(&state, &product_key(hot)).await;
    println!(
        "hot product {}: {n} movements, quantity {q}, Σ movements {s}: {} (quantity before the runs: {})",
        product_key(hot),
        if q == s { "OK" } else { "MISMATCH" },
        products[hot].quantity
    );
    let (q, s, n) = ledger_check(&state, &product_key(1_000)).await;
    println!(
        "product {}: {n} movements, quantity {q}, Σ movements {s}: {}",
        product_key(1_000),
        if q == s { "OK" } else { "MISMATCH" }
    );
    let (quantities, sums) = global_check(&state).await;
    println!(
        "Σ quantity = {quantities}, Σ movements = {sums}: {}",
        if quantities == sums { "OK" } else { "MISMATCH" }
    );
    println!();
    print_against_targets(&bench.outcomes);

    println!(
        "== Downloads (one client; peak = the process's resident-memory high-water mark during the download)"
    );
    for path in [
        "/export/movements.csv",
        "/export/products.csv",
        "/export/backup.json",
    ] {
        download(&router, path, &cookie).await;
    }
    println!();

    pull_figures(&router, &cookie).await;

    let total_errors: usize = bench.outcomes.iter().map(|o| o.errors).sum();
    println!("non-200 responses in measured runs: {total_errors}");
    println!("load average after: {}", load_average());
    println!(
        "database on disk at the end: {:.1} MiB",
        dir_size(&dir) as f64 / (1024.0 * 1024.0)
    );
    println!();

    // Machine-readable copy of the table.
    println!("== Markdown");
    println!(
        "| scenario | clients | requests | errors | p50 ms | p90 ms | p99 ms | max ms | req/s | cpu% |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for o in &bench.outcomes {
        let l = &o.latencies;
        println!(
            "| {} | {} | {} | {} | {:.2} | {:.2} | {:.2} | {:.2} | {:.1} | {:.0} |",
            o.scenario,
            o.clients,
            l.len(),
            o.errors,
            percentile(l, 50.0),
            percentile(l, 90.0),
            percentile(l, 99.0),
            l.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0),
            l.len() as f64 / o.wall.as_secs_f64(),
            o.cpu_percent
        );
    }

    drop(bench);
    drop(router);
    drop(state);
    // The embedded engine flushes and closes in the background once the last handle is gone.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let _ = std::fs::remove_dir_all(&dir);
}

/// Issue 15's targets for a scenario: the p50 with 1 client and the p99 with 32, in ms.
fn target_of(scenario: &str) -> Option<(f64, f64)> {
    [
        ("list", (3.0, 40.0)),
        ("search", (3.0, 40.0)),
        ("dashboard", (2.0, 30.0)),
        ("statistics", (10.0, 100.0)),
        ("stock move", (3.0, 50.0)),
    ]
    .into_iter()
    .find(|(prefix, _)| scenario.starts_with(prefix))
    .map(|(_, target)| target)
}

/// Each measured scenario beside its target (1 client p50, 32 clients p99).
fn print_against_targets(outcomes: &[common::Outcome]) {
    println!("== Against the targets of issue 15 (ms)");
    println!(
        "{:<40} {:>10} {:>10} {:>12} {:>12}",
        "scenario", "1 p50", "target", "32 p99", "target"
    );
    let mut scenarios: Vec<&str> = outcomes.iter().map(|o| o.scenario.as_str()).collect();
    scenarios.dedup();
    for scenario in scenarios {
        let Some((p50_target, p99_target)) = target_of(scenario) else {
            continue;
        };
        let at = |clients: usize, p: f64| {
            outcomes
                .iter()
                .find(|o| o.scenario == scenario && o.clients == clients)
                .map_or("-".to_owned(), |o| {
                    format!("{:.2}", percentile(&o.latencies, p))
                })
        };
        println!(
            "{scenario:<40} {:>10} {:>10} {:>12} {:>12}",
            at(1, 50.0),
            format!("≤ {p50_target}"),
            at(CONCURRENT, 99.0),
            format!("≤ {p99_target}")
        );
    }
    println!();
}
