//! Benchmark of the shopkeeper's marketplace (issue 5: G2–G4).
//!
//! Seeds 1,000 registered suppliers (about 95% with a complete profile, across 20 cities and 10
//! categories, with delivery zones, ratings and descriptions) and 100,000 catalog items (100 a
//! supplier, about 90% available) into an on-disk SurrealKV database through bulk SurrealQL
//! inserts, then drives the real axum router (`router.oneshot`, no sockets) as one shopkeeper
//! and prints p50/p90/p99/max latency and throughput with 1 and with 8 concurrent clients for:
//! the supplier search (no filter, text, category, city, all three, a far page), the product
//! search (a name word, two words, a category word, a rare word), a supplier's page and its
//! catalog; then the SurrealQL alternatives the store does not use, for comparison. It prints
//! figures, it does not judge them. Results: docs/BENCHMARKS.md.
//!
//! Run: `CARGO_TARGET_DIR=/work/bench-target nice -n 19 cargo bench --features ssr --bench marketplace`
//! (`BENCH_SECONDS` = target length of each measured run, default 3).

mod common;

use std::time::Instant;

use boutiq::domain::marketplace::is_listed;
use boutiq::domain::profile::ProfileInput;
use boutiq::server::AppState;
use serde_json::{Value, json};

use common::{
    Bench, DESCRIPTORS, NOUNS, Rng, Sizing, Table, bench_dir, enc, get, register, repeat_get,
    send_json, string,
};

const SUPPLIERS: usize = 1_000;
const ITEMS_PER_SUPPLIER: usize = 100;
const ITEM_BATCH: usize = 2_000;
const CONCURRENT: usize = 8;

const CITIES: [&str; 20] = [
    "Dakar",
    "Thiès",
    "Saint-Louis",
    "Kaolack",
    "Ziguinchor",
    "Touba",
    "Mbour",
    "Rufisque",
    "Diourbel",
    "Louga",
    "Tambacounda",
    "Kolda",
    "Fatick",
    "Matam",
    "Kédougou",
    "Sédhiou",
    "Kaffrine",
    "Richard-Toll",
    "Pikine",
    "Guédiawaye",
];
const CATEGORIES: [&str; 10] = [
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
];
const SIZES: [&str; 8] = [
    "500 g", "1 kg", "5 kg", "25 kg", "50 cl", "1 L", "5 L", "x12",
];
const UNITS: [&str; 5] = ["sac", "carton", "bidon", "pack", "pièce"];
const COMPANY_HEADS: [&str; 10] = [
    "Grossiste",
    "Dépôt",
    "Comptoir",
    "Distribution",
    "Import",
    "Négoce",
    "Établissements",
    "Centrale",
    "Société",
    "Maison",
];
const NAMES: [&str; 20] = [
    "Moussa", "Awa", "Ibou", "Fatou", "Cheikh", "Aminata", "Mamadou", "Khady", "Ousmane", "Bineta",
    "Modou", "Seynabou", "Abdou", "Ndeye", "Pape", "Coumba", "Lamine", "Mariama", "Alioune",
    "Sokhna",
];

struct SupplierSeed {
    profile: ProfileInput,
    listed: bool,
    rating_sum: i64,
    rating_count: i64,
    verified: bool,
}

fn make_suppliers(rng: &mut Rng) -> Vec<SupplierSeed> {
    (0..SUPPLIERS)
        .map(|i| {
            let city = CITIES[i % CITIES.len()];
            let zones: Vec<String> = (0..rng.range(0, 3))
                .map(|_| rng.pick(&CITIES).to_string())
                .filter(|z| z != city)
                .collect();
            let mut categories: Vec<String> = (0..rng.range(1, 3))
                .map(|_| rng.pick(&CATEGORIES).to_string())
                .collect();
            categories.dedup();
            let name = format!(
                "{} {} {i:04}",
                COMPANY_HEADS[i % COMPANY_HEADS.len()],
                rng.pick(&NAMES)
            );
            // 5% never finished their profile: no city, or no category.
            let (city, categories) = match i % 20 {
                7 => (String::new(), categories),
                13 => (city.to_owned(), Vec::new()),
                _ => (city.to_owned(), categories),
            };
            let description = format!(
                "{} en gros et demi-gros, livraison rapide à {}.",
                rng.pick(&NOUNS),
                rng.pick(&CITIES)
            );
            let profile = ProfileInput {
                company_name: name,
                description,
                phone: format!("77{:07}", i),
                address: format!("Marché {}", rng.pick(&NAMES)),
                city,
                delivery_zones: zones,
                categories,
                min_order_amount: rng.range(0, 200) * 1000,
                average_delivery_days: rng.range(1, 7),
            };
            let rating_count = if rng.range(0, 9) < 6 {
                rng.range(1, 40)
            } else {
                0
            };
            SupplierSeed {
                listed: is_listed(&profile),
                rating_sum: rating_count * rng.range(2, 5),
                rating_count,
                verified: rng.range(0, 9) < 3,
                profile,
            }
        })
        .collect()
}

fn strings(items: &[String]) -> String {
    serde_json::to_string(items).expect("strings")
}

fn supplier_rows(suppliers: &[SupplierSeed]) -> String {
    let users: Vec<String> = (0..suppliers.len())
        .map(|i| {
            format!(
                "{{ id: user:s{i:04}, email: 's{i:04}@bench.sn', name: 'Fournisseur {i}', \
                 password_hash: '$argon2id$bench', role: 'supplier' }}"
            )
        })
        .collect();
    let profiles: Vec<String> = suppliers
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let p = &s.profile;
            format!(
                "{{ id: supplier_profile:p{i:04}, user: user:s{i:04}, company_name: {}, description: {}, \
                 phone: {}, address: {}, city: {}, delivery_zones: {}, categories: {}, \
                 min_order_amount: {}, average_delivery_days: {}, rating_sum: {}, rating_count: {}, \
                 is_verified: {}, listed: {} }}",
                string(&p.company_name),
                string(&p.description),
                string(&p.phone),
                string(&p.address),
                string(&p.city),
                strings(&p.delivery_zones),
                strings(&p.categories),
                p.min_order_amount,
                p.average_delivery_days,
                s.rating_sum,
                s.rating_count,
                s.verified,
                s.listed,
            )
        })
        .collect();
    format!(
        "INSERT INTO user [{}] RETURN NONE;\nINSERT INTO supplier_profile [{}] RETURN NONE;",
        users.join(",\n"),
        profiles.join(",\n")
    )
}

fn item_rows(rng: &mut Rng, suppliers: &[SupplierSeed], from: usize, to: usize) -> String {
    let rows: Vec<String> = (from..to)
        .map(|n| {
            let s = n / ITEMS_PER_SUPPLIER;
            let category = suppliers[s]
                .profile
                .categories
                .first()
                .map_or("Divers", String::as_str);
            let name = format!(
                "{} {} {}",
                rng.pick(&NOUNS),
                rng.pick(&DESCRIPTORS),
                rng.pick(&SIZES)
            );
            let stock = if rng.range(0, 1) == 0 {
                rng.range(0, 500).to_string()
            } else {
                "NONE".into()
            };
            format!(
                "{{ supplier: supplier_profile:p{s:04}, name: {}, description: '', category: {}, \
                 price: {}, unit: '{}', min_order_quantity: {}, stock_available: {stock}, available: {} }}",
                string(&name),
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

/// Marketplace run sizes: 3 warm-up requests; the concurrent run does twice the work of the
/// one-client run.
const SIZING: Sizing = Sizing {
    warmup: 3,
    single: (20, 2_000),
    per_client: (4, 250),
    parallelism: 2.0,
    even: false,
};

/// Median and minimum (ms) of `n` runs of a raw query, after one untimed run.
async fn timed_query(state: &AppState, sql: &str, vars: &Value, n: usize) -> (f64, f64, String) {
    let first = match state.db.query(sql, vars.clone()).await {
        Ok(mut rows) => rows
            .last::<Value>()
            .map(|v| v.unwrap_or(Value::Null).to_string())
            .unwrap_or_else(|e| e.to_string()),
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
    let dir = bench_dir("boutiq-market-bench");
    let db_path = dir.join("bench.db");
    println!("== Boutiq marketplace benchmark (issue 5)");
    common::print_machine(cores, &db_path, target);
    println!();

    let (state, router) = common::open(&dir, &db_path).await;

    let (cookie, _) = register(
        &router,
        json!({
            "role": "shopkeeper", "name": "Awa Diallo", "email": "awa@bench.sn",
            "password": "boutique2026", "workspace_name": "Boutique Awa",
        }),
    )
    .await;

    // ---- Seeding.
    println!("== Seeding");
    let mut rng = Rng(0x0B07_1C00_2026_0005);
    let suppliers = make_suppliers(&mut rng);
    let listed = suppliers.iter().filter(|s| s.listed).count();
    let t0 = Instant::now();
    state
        .db
        .query(&supplier_rows(&suppliers), json!({}))
        .await
        .expect("suppliers");
    let suppliers_secs = t0.elapsed().as_secs_f64();
    let t1 = Instant::now();
    let total_items = SUPPLIERS * ITEMS_PER_SUPPLIER;
    for from in (0..total_items).step_by(ITEM_BATCH) {
        let sql = item_rows(
            &mut rng,
            &suppliers,
            from,
            (from + ITEM_BATCH).min(total_items),
        );
        state.db.query(&sql, json!({})).await.expect("items");
    }
    let items_secs = t1.elapsed().as_secs_f64();
    // The counter the catalog writes keep up to date, computed once for the bulk insert.
    let t2 = Instant::now();
    state
        .db
        .query(
            "FOR $profile IN (SELECT VALUE id FROM supplier_profile) {
                 UPDATE $profile SET available_items = count(SELECT VALUE id FROM catalog_item
                     WHERE supplier = $profile AND available = true) RETURN NONE;
             };",
            json!({}),
        )
        .await
        .expect("counters");
    println!(
        "{SUPPLIERS} suppliers ({listed} listed) in {suppliers_secs:.1} s; {total_items} items \
         ({ITEM_BATCH}/statement, full-text indexed) in {items_secs:.1} s; counters in {:.1} s",
        t2.elapsed().as_secs_f64()
    );
    let check = state
        .db
        .query(
            "RETURN {
                 items: count(SELECT VALUE id FROM catalog_item),
                 available: math::sum(SELECT VALUE available_items FROM supplier_profile),
                 listed: count(SELECT VALUE id FROM supplier_profile WHERE listed = true),
             };",
            json!({}),
        )
        .await
        .expect("check")
        .last::<Value>()
        .expect("check")
        .unwrap_or_default();
    println!("check: {check}");
    println!();

    // ---- The answers, once.
    let suppliers_path = |search: &str, category: &str, city: &str, page: u32| {
        format!(
            "/api/marketplace/suppliers?query[search]={}&query[category]={}&query[city]={}&query[page]={page}",
            enc(search),
            enc(category),
            enc(city)
        )
    };
    let products_path = |search: &str| {
        format!(
            "/api/marketplace/products?query[search]={}&query[page]=0",
            enc(search)
        )
    };
    let supplier_scenarios = [
        (
            "suppliers: no filter, page 1",
            suppliers_path("", "", "", 0),
        ),
        (
            "suppliers: no filter, page 40",
            suppliers_path("", "", "", 39),
        ),
        ("suppliers: text \"riz\"", suppliers_path("riz", "", "", 0)),
        (
            "suppliers: text \"moussa\"",
            suppliers_path("moussa", "", "", 0),
        ),
        (
            "suppliers: category Huiles",
            suppliers_path("", "Huiles", "", 0),
        ),
        (
            "suppliers: city thiès (city or zone)",
            suppliers_path("", "", "thiès", 0),
        ),
        (
            "suppliers: text + category + city",
            suppliers_path("gros", "Céréales", "Dakar", 0),
        ),
    ];
    let product_scenarios = [
        ("products: word \"riz\"", products_path("riz")),
        ("products: prefix \"sard\"", products_path("sard")),
        (
            "products: two words \"huile raffiné\"",
            products_path("huile raffiné"),
        ),
        (
            "products: category word \"conserves\"",
            products_path("conserves"),
        ),
        (
            "products: rare \"chocolat bio 1 kg\"",
            products_path("chocolat bio 1 kg"),
        ),
    ];
    println!("== Answers");
    for (name, path) in supplier_scenarios.iter().chain(product_scenarios.iter()) {
        let v = send_json(&router, get(path, &cookie)).await;
        let first = v["suppliers"][0]["company_name"]
            .as_str()
            .or(v["items"][0]["name"].as_str())
            .unwrap_or("-")
            .to_owned();
        println!("{name:<44} total {:>6}, first: {first}", v["total"]);
    }
    let detail = send_json(&router, get(&suppliers_path("", "", "", 0), &cookie)).await;
    let id = detail["suppliers"][0]["id"]
        .as_str()
        .expect("an id")
        .to_owned();
    let detail_path = format!("/api/marketplace/supplier?id={id}");
    let catalog_path = format!("/api/marketplace/catalog?id={id}&query[page]=0");
    let catalog_search =
        format!("/api/marketplace/catalog?id={id}&query[search]=riz&query[page]=0");
    println!();

    // ---- Latency.
    println!("== Latency through the router (ms)");
    let mut bench = Bench {
        router: router.clone(),
        target,
        concurrent: CONCURRENT,
        table: Table {
            name_width: 44,
            unit_in_headings: false,
            cpu: false,
        },
        outcomes: Vec::new(),
    };
    bench.table.print_header();
    for (name, path) in supplier_scenarios.iter().chain(product_scenarios.iter()) {
        bench
            .scenario(name, repeat_get(path.clone(), &cookie), &SIZING)
            .await;
    }
    for (name, path) in [
        ("supplier page (profile + reviews)", detail_path),
        ("supplier catalog, page 1", catalog_path),
        ("supplier catalog, search \"riz\"", catalog_search),
    ] {
        bench
            .scenario(name, repeat_get(path, &cookie), &SIZING)
            .await;
    }
    println!();

    // ---- What the store does not do, for comparison.
    println!("== Alternatives, raw SurrealQL without HTTP (median / min of 9 runs, ms)");
    let vars = json!({ "s": "riz", "c": "huiles" });
    let pieces: [(&str, &str); 10] = [
        (
            "product text by string::contains scan (count only)",
            "RETURN count(SELECT VALUE id FROM catalog_item WHERE available = true
                 AND (string::contains(name_key, $s) OR string::contains(category_key, $s)));",
        ),
        (
            "product text by full-text index, as the store (count + page)",
            "LET $hits = SELECT id, name_key FROM catalog_item WHERE (name @1@ $s OR category @2@ $s)
                 AND available = true AND supplier.listed = true ORDER BY name_key;
             LET $page = array::slice($hits.id, 0, 25);
             RETURN { hits: array::len($hits), page: array::len(SELECT name FROM $page) };",
        ),
        (
            "  two passes instead (page query + count query)",
            "LET $page = SELECT id, name_key FROM catalog_item WHERE (name @1@ $s OR category @2@ $s)
                 AND available = true AND supplier.listed = true ORDER BY name_key LIMIT 25;
             RETURN { hits: count(SELECT VALUE id FROM catalog_item WHERE (name @1@ $s OR category @2@ $s)
                 AND available = true AND supplier.listed = true), page: array::len($page) };",
        ),
        (
            "  full-text count without the supplier.listed check",
            "RETURN count(SELECT VALUE id FROM catalog_item WHERE (name @1@ $s OR category @2@ $s)
                 AND available = true);",
        ),
        (
            "  full-text count, name index only, no other filter",
            "RETURN count(SELECT VALUE id FROM catalog_item WHERE name @1@ $s);",
        ),
        (
            "available items counted for 20 cards (no counter)",
            "RETURN math::sum(array::map((SELECT VALUE id FROM supplier_profile WHERE listed = true LIMIT 20),
                 |$p| count(SELECT VALUE id FROM catalog_item WHERE supplier = $p AND available = true)));",
        ),
        (
            "available items counted for every listed supplier",
            "RETURN array::len(array::map((SELECT VALUE id FROM supplier_profile WHERE listed = true),
                 |$p| count(SELECT VALUE id FROM catalog_item WHERE supplier = $p AND available = true)));",
        ),
        (
            "supplier candidates (listed, no text), as the store",
            "RETURN array::len(SELECT record::id(id) AS id, company_name, rating_sum, rating_count
                 FROM supplier_profile WHERE listed = true);",
        ),
        (
            "supplier candidates, text \"riz\", as the store",
            "RETURN array::len(SELECT record::id(id) AS id, company_name, rating_sum, rating_count,
                 categories, description FROM supplier_profile WHERE listed = true
                 AND (string::contains(company_key, $s)
                     OR string::contains(array::join(categories_key, '\n'), $s)
                     OR string::contains(description_key, $s)));",
        ),
        (
            "declared categories of listed suppliers, as the store",
            "RETURN array::len(array::flatten(SELECT VALUE categories FROM supplier_profile WHERE listed = true));",
        ),
    ];
    for (label, sql) in pieces {
        let (median, min, answer) = timed_query(&state, sql, &vars, 9).await;
        println!("  {label:<58} {median:>9.2} {min:>9.2}   -> {answer}");
    }
    let explain = state
        .db
        .query(
            "SELECT VALUE id FROM catalog_item WHERE (name @1@ $s OR category @2@ $s) AND available = true EXPLAIN;",
            vars.clone(),
        )
        .await
        .map(|mut r| r.all::<Value>(0).map(|v| json!(v).to_string()).unwrap_or_default())
        .unwrap_or_else(|e| e.to_string());
    println!(
        "  EXPLAIN product search: {}",
        explain.chars().take(500).collect::<String>()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
