//! Benchmark of a registered supplier's catalogue (F2: "Paginated; fine with 5,000 items").
//!
//! Seeds one supplier with 5,000 catalogue items (30 categories, ~90% available, half of them
//! with a counted stock) and, around it, 10 other suppliers with 1,000 items each (the list must
//! not read them), into an on-disk SurrealKV database through bulk SurrealQL inserts; then drives
//! the real axum router (`router.oneshot`, no sockets) as the 5,000-item supplier and prints
//! p50/p90/p99/max latency and throughput with 1 and with 4 concurrent clients of
//! `GET /api/catalog/list`: the first page, a search (a common word, a rare fragment), a category
//! filter, category + search, a middle and the last page; and of the row's quick availability
//! toggle (a write that moves the supplier's kept counts, schema 017). Then the SurrealQL pieces of
//! the list, timed alone, to show where the time goes. It prints figures, it does not judge them.
//! Results: docs/BENCHMARKS.md.
//!
//! Run: `CARGO_TARGET_DIR=/work/bench-target nice -n 19 cargo bench --features ssr --bench catalog`
//! (`BENCH_SECONDS` = target length of each measured run, default 3).

mod common;

use std::sync::Arc;
use std::time::Instant;

use axum::body::Body;
use axum::http::Request;
use boutiq::server::AppState;
use serde_json::{Value, json};

use common::{
    Bench, DESCRIPTORS, MakeRequest, NOUNS, Rng, Sizing, Table, bench_dir, enc, get, op_id, post,
    register, send_json, string,
};

const ITEMS: usize = 5_000;
const OTHER_SUPPLIERS: usize = 10;
const OTHER_ITEMS: usize = 1_000;
const ITEM_BATCH: usize = 1_000;
const CONCURRENT: usize = 4;

const CATEGORIES: [&str; 30] = [
    "Céréales",
    "Huiles",
    "Boissons",
    "Conserves",
    "Hygiène",
    "Entretien",
    "Produits laitiers",
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
    "Boulangerie",
    "Épices",
    "Pâtes",
    "Biscuits",
    "Eaux",
    "Jus",
    "Surgelés",
    "Volaille",
    "Poisson séché",
    "Légumes secs",
    "Fruits",
    "Emballages",
];
const SIZES: [&str; 10] = [
    "250 g", "500 g", "1 kg", "5 kg", "25 kg", "50 kg", "1 L", "5 L", "x12", "x24",
];
const UNITS: [&str; 5] = ["sac", "carton", "bidon", "pack", "pièce"];

/// `count` items of `supplier` (a SurrealQL record id), numbered from `from` so names are unique.
fn item_rows(rng: &mut Rng, supplier: &str, from: usize, count: usize) -> String {
    let rows: Vec<String> = (from..from + count)
        .map(|n| {
            let name = format!(
                "{} {} {} #{n:05}",
                rng.pick(&NOUNS),
                rng.pick(&DESCRIPTORS),
                rng.pick(&SIZES)
            );
            let category = *rng.pick(&CATEGORIES);
            let stock = if rng.range(0, 1) == 0 {
                rng.range(0, 500).to_string()
            } else {
                "NONE".into()
            };
            format!(
                "{{ supplier: {supplier}, name: {}, description: {}, category: {}, price: {}, \
                 unit: '{}', min_order_quantity: {}, stock_available: {stock}, available: {} }}",
                string(&name),
                string("Livraison sous 48 h, prix dégressif par palette."),
                string(category),
                rng.range(5, 500) * 100,
                rng.pick(&UNITS),
                rng.range(1, 20),
                rng.range(0, 9) != 0,
            )
        })
        .collect();
    format!(
        "INSERT INTO catalog_item [{}] RETURN NONE;",
        rows.join(",\n")
    )
}

fn list_path(search: &str, category: &str, page: u32) -> String {
    format!(
        "/api/catalog/list?query[search]={}&query[category]={}&query[page]={page}",
        enc(search),
        enc(category)
    )
}

/// What one scenario sends: a read (the same GET) or the availability toggle of one item.
enum Call {
    Read(String),
    Toggle(String),
}

impl Call {
    /// The request number `n` (a toggle alternates off / on, each with a new operation id).
    fn request(&self, n: usize, cookie: &str) -> Request<Body> {
        match self {
            Self::Read(path) => get(path, cookie),
            Self::Toggle(id) => post(
                "/api/catalog/available",
                &json!({ "op": op_id(), "id": id, "available": n % 2 == 1 }),
                Some(cookie),
            ),
        }
    }

    /// Every client sends the requests 0, 1, 2 … of this call.
    fn requests(self, cookie: &str) -> MakeRequest {
        let cookie = cookie.to_owned();
        Arc::new(move |_: usize, n: usize| self.request(n, &cookie))
    }
}

/// Catalogue run sizes: 4 warm-up requests, even counts (a toggle goes off then on again); the
/// concurrent run does twice the work of the one-client run.
const SIZING: Sizing = Sizing {
    warmup: 4,
    single: (20, 2_000),
    per_client: (6, 500),
    parallelism: 2.0,
    even: true,
};

/// Median and minimum (ms) of `n` runs of a raw query, after one untimed run.
async fn timed_query(state: &AppState, sql: &str, vars: &Value, n: usize) -> (f64, f64, String) {
    // Statement 0 is the LET of the scope; the last one is measured (rows, or the value).
    let last = sql.matches(';').count() - 1;
    let first = match state.db.query(sql, vars.clone()).await {
        Ok(mut rows) => match rows.all::<Value>(last) {
            Ok(all) if all.len() != 1 => format!("{} rows", all.len()),
            Ok(one) => one[0].to_string(),
            Err(e) => e.to_string(),
        },
        Err(e) => return (f64::NAN, f64::NAN, e.to_string()),
    };
    let mut times = Vec::with_capacity(n);
    for _ in 0..n {
        let t0 = Instant::now();
        let _ = state.db.query(sql, vars.clone()).await;
        times.push(t0.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    (times[n / 2], times[0], first.chars().take(60).collect())
}

#[tokio::main]
async fn main() {
    common::init_tracing();
    let target = common::target_length(3.0);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let dir = bench_dir("boutiq-catalog-bench");
    let db_path = dir.join("bench.db");
    println!("== Boutiq supplier catalogue benchmark (F2, 5,000 items)");
    common::print_machine(cores, &db_path, target);
    println!();

    let (state, router) = common::open(&dir, &db_path).await;

    let (cookie, _) = register(
        &router,
        json!({
            "role": "supplier", "name": "Moussa Ndiaye", "email": "moussa@bench.sn",
            "password": "grossiste2026", "workspace_name": "Grossiste Moussa",
        }),
    )
    .await;
    let profile: String = state
        .db
        .query(
            "SELECT VALUE record::id(id) FROM supplier_profile WHERE user.email = 'moussa@bench.sn'",
            json!({}),
        )
        .await
        .expect("profile")
        .first(0)
        .expect("profile")
        .expect("a profile");

    // ---- Seeding.
    println!("== Seeding");
    let mut rng = Rng(0x0B07_1C00_2026_0F02);
    let t0 = Instant::now();
    let others: Vec<String> = (0..OTHER_SUPPLIERS)
        .map(|i| {
            format!(
                "{{ id: user:o{i:02}, email: 'o{i:02}@bench.sn', name: 'Autre {i}', \
                 password_hash: '$argon2id$bench', role: 'supplier' }}"
            )
        })
        .collect();
    let other_profiles: Vec<String> = (0..OTHER_SUPPLIERS)
        .map(|i| {
            format!(
                "{{ id: supplier_profile:o{i:02}, user: user:o{i:02}, company_name: 'Autre {i}', \
                 city: 'Dakar', categories: ['Céréales'] }}"
            )
        })
        .collect();
    state
        .db
        .query(
            &format!(
                "INSERT INTO user [{}] RETURN NONE; INSERT INTO supplier_profile [{}] RETURN NONE;",
                others.join(",\n"),
                other_profiles.join(",\n")
            ),
            json!({}),
        )
        .await
        .expect("other suppliers");
    let mine = format!("supplier_profile:{profile}");
    for from in (0..ITEMS).step_by(ITEM_BATCH) {
        let sql = item_rows(&mut rng, &mine, from, ITEM_BATCH.min(ITEMS - from));
        state.db.query(&sql, json!({})).await.expect("items");
    }
    let mine_secs = t0.elapsed().as_secs_f64();
    let t1 = Instant::now();
    for i in 0..OTHER_SUPPLIERS {
        let sql = item_rows(
            &mut rng,
            &format!("supplier_profile:o{i:02}"),
            ITEMS + i * OTHER_ITEMS,
            OTHER_ITEMS,
        );
        state.db.query(&sql, json!({})).await.expect("other items");
    }
    let others_secs = t1.elapsed().as_secs_f64();
    state
        .db
        .query(
            "UPDATE supplier_profile SET available_items = count(SELECT VALUE id FROM catalog_item
                 WHERE supplier = $parent.id AND available = true) RETURN NONE;",
            json!({}),
        )
        .await
        .expect("counters");
    println!(
        "{ITEMS} items of the measured supplier ({ITEM_BATCH}/statement, full-text indexed) in \
         {mine_secs:.1} s; {} items of {OTHER_SUPPLIERS} other suppliers in {others_secs:.1} s",
        OTHER_SUPPLIERS * OTHER_ITEMS
    );
    let check = state
        .db
        .query(
            "RETURN {
                 items: count(SELECT VALUE id FROM catalog_item),
                 mine: count(SELECT VALUE id FROM catalog_item WHERE supplier = type::record('supplier_profile', $p)),
                 available: type::record('supplier_profile', $p).available_items,
             };",
            json!({ "p": profile }),
        )
        .await
        .expect("check")
        .last::<Value>()
        .expect("check")
        .unwrap_or_default();
    println!("check: {check}");
    println!();

    // ---- The answers, once.
    let last_page = (ITEMS as u32).div_ceil(25) - 1;
    let reads = [
        ("list: first page", list_path("", "", 0)),
        ("list: page 100 (middle)", list_path("", "", 99)),
        ("list: last page", list_path("", "", last_page)),
        ("list: search \"riz\" (common)", list_path("riz", "", 0)),
        (
            "list: search \"#04321\" (one item)",
            list_path("#04321", "", 0),
        ),
        ("list: category Huiles", list_path("", "Huiles", 0)),
        (
            "list: category Huiles, last page",
            list_path("", "Huiles", 6),
        ),
        (
            "list: category + search \"huile\"",
            list_path("huile", "Huiles", 0),
        ),
    ];
    println!("== Answers");
    for (name, path) in &reads {
        let v = send_json(&router, get(path, &cookie)).await;
        let first = v["items"][0]["name"].as_str().unwrap_or("-").to_owned();
        println!(
            "{name:<40} total {:>5}, {} on the page, {} categories, first: {first}",
            v["total"],
            v["items"].as_array().map_or(0, Vec::len),
            v["categories"].as_array().map_or(0, Vec::len),
        );
    }
    let past_end = send_json(&router, get(&list_path("", "", last_page + 5), &cookie)).await;
    println!(
        "{:<40} total {:>5}, {} on the page",
        "list: past the last page",
        past_end["total"],
        past_end["items"].as_array().map_or(0, Vec::len)
    );
    let first_item =
        send_json(&router, get(&list_path("", "", 0), &cookie)).await["items"][0]["id"]
            .as_str()
            .expect("an item")
            .to_owned();
    println!();

    // ---- Measured runs.
    println!("== Latency and throughput");
    let mut bench = Bench {
        router: router.clone(),
        target,
        concurrent: CONCURRENT,
        table: Table {
            name_width: 40,
            unit_in_headings: true,
            cpu: false,
        },
        outcomes: Vec::new(),
    };
    bench.table.print_header();
    for (name, path) in &reads {
        let call = Call::Read(path.clone());
        bench.scenario(name, call.requests(&cookie), &SIZING).await;
    }
    let toggle = Call::Toggle(first_item);
    bench
        .scenario(
            "toggle available (write)",
            toggle.requests(&cookie),
            &SIZING,
        )
        .await;
    println!();

    // ---- Where the time goes: the pieces of the list, alone (no HTTP, no session).
    println!("== SurrealQL pieces of the list (median and min of 9 runs, ms)");
    let vars =
        json!({ "p": profile, "search": "riz", "category": "huiles", "limit": 25, "start": 0 });
    let scope = "LET $supplier = type::record('supplier_profile', $p);";
    let pieces = [
        (
            "first page (ORDER BY name_key LIMIT 25)",
            format!(
                "{scope} SELECT record::id(id) AS id, name, name_key FROM catalog_item WHERE supplier = $supplier ORDER BY name_key LIMIT $limit START $start;"
            ),
        ),
        (
            "last page (START 4975)",
            format!(
                "{scope} SELECT record::id(id) AS id, name, name_key FROM catalog_item WHERE supplier = $supplier ORDER BY name_key LIMIT $limit START 4975;"
            ),
        ),
        (
            "count of the supplier's items",
            format!(
                "{scope} RETURN count(SELECT VALUE id FROM catalog_item WHERE supplier = $supplier);"
            ),
        ),
        (
            "kept categories (catalog_category, sorted)",
            format!(
                "{scope} RETURN array::sort(SELECT VALUE category FROM catalog_category WHERE supplier = $supplier AND items > 0);"
            ),
        ),
        (
            "before v17: categories (distinct, sorted)",
            format!(
                "{scope} RETURN array::sort(array::distinct(SELECT VALUE category FROM catalog_item WHERE supplier = $supplier AND category != ''));"
            ),
        ),
        (
            "search riz: page",
            format!(
                "{scope} SELECT record::id(id) AS id, name, name_key FROM catalog_item WHERE supplier = $supplier AND (string::contains(name_key, $search) OR string::contains(category_key, $search)) ORDER BY name_key LIMIT $limit START $start;"
            ),
        ),
        (
            "search riz: count",
            format!(
                "{scope} RETURN count(SELECT VALUE id FROM catalog_item WHERE supplier = $supplier AND (string::contains(name_key, $search) OR string::contains(category_key, $search)));"
            ),
        ),
        (
            "category huiles: page",
            format!(
                "{scope} SELECT record::id(id) AS id, name, name_key FROM catalog_item WHERE supplier = $supplier AND category_key = $category ORDER BY name_key LIMIT $limit START $start;"
            ),
        ),
        (
            "store: matching ids in name order (all 5,000)",
            format!(
                "{scope} RETURN array::len((SELECT id, name_key FROM catalog_item WHERE supplier = $supplier ORDER BY name_key).id);"
            ),
        ),
        (
            "store: same, search riz",
            format!(
                "{scope} RETURN array::len((SELECT id, name_key FROM catalog_item WHERE supplier = $supplier AND (string::contains(name_key, $search) OR string::contains(category_key, $search)) ORDER BY name_key).id);"
            ),
        ),
        (
            "store: page of 25 from the ids (last page)",
            format!(
                "{scope} LET $m = (SELECT id, name_key FROM catalog_item WHERE supplier = $supplier ORDER BY name_key).id; SELECT record::id(id) AS id, name, name_key FROM array::slice($m, 4975, 5000) ORDER BY name_key;"
            ),
        ),
        (
            "alternative: count() GROUP ALL",
            format!(
                "{scope} SELECT count() FROM catalog_item WHERE supplier = $supplier GROUP ALL;"
            ),
        ),
        (
            "alternative: categories by GROUP BY",
            format!(
                "{scope} SELECT category FROM catalog_item WHERE supplier = $supplier GROUP BY category;"
            ),
        ),
        (
            "toggle: UPDATE of one item alone",
            format!(
                "{scope} UPDATE (SELECT VALUE id FROM catalog_item WHERE supplier = $supplier LIMIT 1)[0] SET available = true RETURN NONE;"
            ),
        ),
        (
            "before v17: recount of available items (each write)",
            format!(
                "{scope} RETURN count(SELECT VALUE id FROM catalog_item WHERE supplier = $supplier AND available = true);"
            ),
        ),
    ];
    for (label, sql) in &pieces {
        let (median, min, answer) = timed_query(&state, sql, &vars, 9).await;
        println!("  {label:<48} {median:>9.2} {min:>9.2}   -> {answer}");
    }
    for (label, sql) in [
        (
            "first page",
            format!(
                "{scope} SELECT id FROM catalog_item WHERE supplier = $supplier ORDER BY name_key LIMIT 25 EXPLAIN;"
            ),
        ),
        (
            "category",
            format!(
                "{scope} SELECT id FROM catalog_item WHERE supplier = $supplier AND category_key = $category ORDER BY name_key LIMIT 25 EXPLAIN;"
            ),
        ),
    ] {
        let plan = state
            .db
            .query(&sql, vars.clone())
            .await
            .ok()
            .and_then(|mut rows| rows.last::<Value>().ok().flatten())
            .unwrap_or(Value::Null);
        println!(
            "  plan, {label}: {}",
            plan.to_string().chars().take(400).collect::<String>()
        );
    }

    drop(bench);
    drop(router);
    drop(state);
    let _ = std::fs::remove_dir_all(&dir);
}
