//! The figures the dashboard and the statistics read are kept (schema 015), not counted: after
//! long random sequences of every kind of write — products made, edited, deleted, stock moved
//! (several at once), categories deleted, imports, restores, the stock rule's share moved,
//! deliveries by a registered supplier — each kept figure equals its count from the records, in
//! every shop, and the search's index holds exactly the words of each product; and the repair at
//! start-up puts a spoiled figure right.

use std::collections::BTreeSet;

use axum::http::StatusCode;
use serde_json::{Value, json};

use super::connected_orders::{cart, order, step, vendor};
use super::data::{preview, restore, run_all};
use super::stats::age_movements;
use boutiq::domain::search::words;
use boutiq::domain::stats::StatsPeriod;
use boutiq::server::config::Config;
use boutiq::server::store::stats::statistics;
use chrono::Utc;

use crate::common::{TestApp, app, op_id, reopen};

/// A small deterministic generator (xorshift): a failing sequence can be replayed by its seed.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        (!items.is_empty()).then(|| &items[self.below(items.len() as u64) as usize])
    }
}

const SHOP_OF: &str = "LET $shop = (SELECT VALUE out FROM owns WHERE in.email = $email)[0];";

/// The shop's figures as kept: every row that counts something.
async fn kept(app: &TestApp, email: &str) -> Value {
    let sql = format!(
        "{SHOP_OF}
         LET $figures = type::record('shop_figures', [$shop]);
         RETURN {{
             shop: {{ products: $figures.products ?? 0, stock_value: <int> ($figures.stock_value ?? 0),
                 rupture: $figures.rupture ?? 0, low: $figures.low ?? 0,
                 normal: $figures.normal ?? 0, over: $figures.over ?? 0 }},
             categories: (SELECT IF category {{ record::id(category) }} ELSE {{ 'none' }} AS category,
                     products, <int> value AS value, rupture, low, normal, over
                 FROM category_figures WHERE shop = $shop AND (products != 0 OR value != 0) ORDER BY category),
             days: (SELECT day, units_in, units_out FROM day_figures
                 WHERE shop = $shop AND (units_in != 0 OR units_out != 0) ORDER BY day),
             sales: (SELECT record::id(product) AS product, day, sales FROM product_day
                 WHERE shop = $shop AND sales != 0 ORDER BY product, day),
             windows: (SELECT record::id(product) AS product, in_7, in_30, in_90 FROM product_sales
                 WHERE shop = $shop AND (in_7 != 0 OR in_30 != 0 OR in_90 != 0) ORDER BY product),
         }};"
    );
    answer(app, &sql, email).await
}

/// The same figures counted from the shop's products and movements (what the store read before
/// the figures were kept).
async fn counted(app: &TestApp, email: &str) -> Value {
    let sql = format!(
        "{SHOP_OF}
         LET $products = SELECT status, IF category {{ record::id(category) }} ELSE {{ 'none' }} AS category,
             <decimal> purchase_price * <decimal> quantity AS value FROM product WHERE shop = $shop;
         LET $moves = SELECT record::id(product) AS product, time::format(at, '%Y-%m-%d') AS day,
             kind, reason, quantity FROM movement WHERE shop = $shop;
         LET $end = type::record('shop_figures', [$shop]).sales_day;
         LET $end_at = IF $end {{ <datetime> ($end + 'T00:00:00Z') }} ELSE {{ time::now() }};
         LET $from = [time::format($end_at - 6d, '%Y-%m-%d'), time::format($end_at - 29d, '%Y-%m-%d'),
             time::format($end_at - 89d, '%Y-%m-%d')];
         LET $sold = IF $end {{ $moves[WHERE kind = 'out' AND reason = 'sale' AND day <= $end] }} ELSE {{ [] }};
         RETURN {{
             shop: {{ products: count($products), stock_value: <int> math::sum($products.value),
                 rupture: count($products[WHERE status = 'rupture']), low: count($products[WHERE status = 'low']),
                 normal: count($products[WHERE status = 'normal']), over: count($products[WHERE status = 'over']) }},
             categories: (SELECT category, count() AS products, <int> math::sum(value) AS value,
                     count(status = 'rupture') AS rupture, count(status = 'low') AS low,
                     count(status = 'normal') AS normal, count(status = 'over') AS over
                 FROM $products GROUP BY category ORDER BY category),
             days: (SELECT day, math::sum(IF kind = 'in' {{ quantity }} ELSE {{ 0 }}) AS units_in,
                     math::sum(IF kind = 'out' {{ quantity }} ELSE {{ 0 }}) AS units_out
                 FROM $moves GROUP BY day ORDER BY day),
             sales: (SELECT product, day, math::sum(quantity) AS sales
                 FROM $moves[WHERE kind = 'out' AND reason = 'sale'] GROUP BY product, day ORDER BY product, day),
             windows: (SELECT * FROM (SELECT product,
                     math::sum(IF day >= $from[0] {{ quantity }} ELSE {{ 0 }}) AS in_7,
                     math::sum(IF day >= $from[1] {{ quantity }} ELSE {{ 0 }}) AS in_30,
                     math::sum(IF day >= $from[2] {{ quantity }} ELSE {{ 0 }}) AS in_90
                 FROM $sold GROUP BY product) WHERE in_7 != 0 OR in_30 != 0 OR in_90 != 0 ORDER BY product),
         }};"
    );
    answer(app, &sql, email).await
}

async fn answer(app: &TestApp, sql: &str, email: &str) -> Value {
    app.state
        .db
        .query(sql, json!({ "email": email }))
        .await
        .expect("figures")
        .last()
        .expect("figures")
        .expect("an answer")
}

async fn assert_no_drift(app: &TestApp, emails: &[&str], after: &str) {
    for email in emails {
        assert_eq!(
            kept(app, email).await,
            counted(app, email).await,
            "{email}, after {after}"
        );
        assert_eq!(
            indexed_words(app, email).await,
            words_of_products(app, email).await,
            "the search's words of {email}, after {after}"
        );
    }
}

/// The (product, word) rows the search reads (schema 016).
async fn indexed_words(app: &TestApp, email: &str) -> BTreeSet<(String, String)> {
    let sql = format!(
        "{SHOP_OF} RETURN {{ rows: (SELECT record::id(of) AS product, word FROM search_word WHERE owner = $shop) }};"
    );
    let rows = answer(app, &sql, email).await;
    let rows = rows["rows"].as_array().unwrap().iter();
    rows.map(|row| (text(&row["product"]), text(&row["word"])))
        .collect()
}

/// The words of each product of the shop as domain::search cuts its name and SKU.
async fn words_of_products(app: &TestApp, email: &str) -> BTreeSet<(String, String)> {
    let sql = format!(
        "{SHOP_OF} RETURN {{ rows: (SELECT record::id(id) AS id, name, sku ?? '' AS sku FROM product WHERE shop = $shop) }};"
    );
    let mut pairs = BTreeSet::new();
    for product in answer(app, &sql, email).await["rows"].as_array().unwrap() {
        let named = format!("{} {}", text(&product["name"]), text(&product["sku"]));
        for word in words(&named) {
            pairs.insert((text(&product["id"]), word));
        }
    }
    pairs
}

fn text(value: &Value) -> String {
    value.as_str().expect("a string").to_owned()
}

/// The product list's total, read from the kept figures, equals the products each filter finds.
async fn assert_list_totals(app: &TestApp, cookie: &str, email: &str) {
    let mut narrowed = vec![
        ("query[page]=0".to_owned(), "true".to_owned()),
        (
            "query[category][by]=uncategorized".into(),
            "category = NONE".into(),
        ),
    ];
    for category in categories_of(app, cookie).await {
        narrowed.push((
            format!("query[category][by]=id&query[category][id]={category}"),
            format!("category = category:{category}"),
        ));
    }
    // Each of those, and each status within it (a status within a category: schema 022).
    let mut filters = narrowed.clone();
    for (url, condition) in narrowed {
        for status in ["rupture", "low", "normal", "over"] {
            filters.push((
                format!("{url}&query[status]={status}"),
                format!("{condition} AND status = '{status}'"),
            ));
        }
    }
    for (url, condition) in filters {
        let page = app
            .get(&format!("/api/products/list?{url}"), Some(cookie))
            .await
            .json();
        let counted = app
            .rows(&format!(
                "SELECT VALUE id FROM product WHERE shop = (SELECT VALUE out FROM owns WHERE in.email = '{email}')[0] AND {condition}"
            ))
            .await
            .len();
        assert_eq!(page["total"], json!(counted), "{url}: {page}");
    }
}

async fn products_of(app: &TestApp, cookie: &str) -> Vec<String> {
    let page = app
        .get("/api/products/list?query[page_size]=100", Some(cookie))
        .await
        .json();
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect()
}

async fn categories_of(app: &TestApp, cookie: &str) -> Vec<String> {
    app.get("/api/categories/list", Some(cookie))
        .await
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect()
}

/// Names as shops write them: accents, ligatures, capitals, digits stuck to units, punctuation.
const NAMES: [&str; 8] = [
    "Crème fraîche",
    "Riz parfumé 5kg",
    "Œufs frais x30",
    "Huile d'arachide 1L",
    "THÉ VERT Élite",
    "Lait 1/2 écrémé",
    "Savon (Ñandú) über-doux",
    "Article",
];

fn product_input(dice: &mut Dice, n: u64, categories: &[String]) -> Value {
    let min = dice.below(6);
    let max = match dice.below(3) {
        0 => Value::Null,
        _ => json!(min + 1 + dice.below(40)),
    };
    let category = match dice.below(3) {
        0 => String::new(),
        _ => dice.pick(categories).cloned().unwrap_or_default(),
    };
    let name = dice.pick(&NAMES).unwrap();
    json!({ "name": format!("{name} {n}"), "sku": "", "category_id": category, "unit": "sac",
        "quantity": dice.below(25), "min_stock": min, "max_stock": max,
        "purchase_price": dice.below(3000), "sale_price": 3000, "notes": "" })
}

/// A stock movement; a sale of more than the stock is refused (its answer is not checked).
async fn move_stock(app: &TestApp, cookie: &str, dice: &mut Dice, product: &str) {
    let (kind, reason) = *dice
        .pick(&[
            ("in", "delivery"),
            ("in", "return"),
            ("out", "sale"),
            ("out", "sale"),
            ("out", "loss"),
            ("out", "correction"),
        ])
        .unwrap();
    let input = json!({ "product_id": product, "kind": kind, "quantity": 1 + dice.below(8),
        "reason": reason, "note": "" });
    app.post(
        "/api/stock/move",
        json!({ "op": op_id(), "input": input }),
        Some(cookie),
    )
    .await;
}

async fn ok(reply: crate::common::Reply, what: &str) -> Value {
    assert_eq!(reply.status, StatusCode::OK, "{what}: {}", reply.body);
    reply.json()
}

/// One random write of `cookie`'s shop; returns what it was, for the failure message.
async fn random_write(
    app: &TestApp,
    (cookie, email): (&str, &str),
    dice: &mut Dice,
    step_no: u64,
) -> String {
    let products = products_of(app, cookie).await;
    let categories = categories_of(app, cookie).await;
    let roll = dice.below(100);
    match roll {
        0..=14 => {
            let input = product_input(dice, step_no, &categories);
            app.create_product(cookie, input).await;
            "a new product".into()
        }
        15..=44 => match dice.pick(&products).cloned() {
            Some(product) => {
                move_stock(app, cookie, dice, &product).await;
                "a movement".into()
            }
            None => "nothing".into(),
        },
        45..=54 => {
            // Several movements at once, on few products: they race for the same figures.
            let chosen: Vec<String> = (0..8)
                .filter_map(|_| dice.pick(&products).cloned())
                .collect();
            let seeds: Vec<u64> = chosen.iter().map(|_| dice.below(u64::MAX)).collect();
            let moves = chosen.iter().zip(seeds).map(|(product, seed)| async move {
                move_stock(app, cookie, &mut Dice(seed | 1), product).await;
            });
            futures::future::join_all(moves).await;
            "eight movements at once".into()
        }
        55..=64 => match dice.pick(&products).cloned() {
            Some(product) => {
                let mut input = product_input(dice, step_no, &categories);
                let name = dice.pick(&NAMES).unwrap();
                input["name"] = json!(format!("{name} modifié {step_no}"));
                let body = json!({ "op": op_id(), "id": product, "input": input });
                ok(
                    app.post("/api/products/update", body, Some(cookie)).await,
                    "update",
                )
                .await;
                "an edit".into()
            }
            None => "nothing".into(),
        },
        65..=71 => match dice.pick(&products).cloned() {
            Some(product) => {
                let body = json!({ "op": op_id(), "id": product });
                ok(
                    app.post("/api/products/delete", body, Some(cookie)).await,
                    "delete",
                )
                .await;
                "a deleted product".into()
            }
            None => "nothing".into(),
        },
        72..=77 => {
            app.create_category(cookie, &format!("Rayon {step_no}"))
                .await;
            "a new category".into()
        }
        78..=81 => match dice.pick(&categories).cloned() {
            Some(category) => {
                let body = json!({ "op": op_id(), "id": category });
                ok(
                    app.post("/api/categories/delete", body, Some(cookie)).await,
                    "category",
                )
                .await;
                "a deleted category".into()
            }
            None => "nothing".into(),
        },
        82..=86 => match dice.pick(&products).cloned() {
            Some(product) => {
                age_movements(app, &product, 1 + dice.below(100) as i64).await;
                "movements made older".into()
            }
            None => "nothing".into(),
        },
        87..=90 => {
            let mut file = String::from("Nom;Code;Quantité;Prix d'achat\n");
            for row in 0..3 {
                let name = format!("Import {}", dice.below(6));
                file.push_str(&format!(
                    "{name};IMP{row}{};{};{}\n",
                    dice.below(4),
                    dice.below(30),
                    dice.below(900)
                ));
            }
            let shown = ok(preview(app, cookie, file.as_bytes()).await, "preview").await;
            run_all(app, cookie, &shown).await;
            "an import".into()
        }
        91..=94 => {
            let backup = app.get("/export/backup.json", Some(cookie)).await.body;
            ok(
                restore(app, cookie, backup.as_bytes(), true).await,
                "restore",
            )
            .await;
            "a restore".into()
        }
        95..=97 => {
            // The statistics seen on a later day: the sales windows roll a day at a time, or are
            // counted again after many days (days later grow with the steps).
            let user = app
                .rows(&format!(
                    "SELECT VALUE record::id(id) FROM user WHERE email = '{email}'"
                ))
                .await;
            let days_later = step_no * step_no / 60;
            let today = Utc::now().date_naive() + chrono::Days::new(days_later);
            let period = StatsPeriod::ALL[dice.below(3) as usize];
            let user = user[0].as_str().unwrap();
            statistics(&app.state.db, user, period, today)
                .await
                .expect("statistics");
            format!("the statistics seen {days_later} days on")
        }
        _ => {
            let mut rules = app.get("/api/alerts/rules", Some(cookie)).await.json();
            for rule in rules.as_array_mut().unwrap() {
                if rule["kind"] == "low" {
                    rule["threshold"] = json!(5 + dice.below(60));
                }
            }
            let body = json!({ "op": op_id(), "rules": rules });
            ok(
                app.post("/api/alerts/save_rules", body, Some(cookie)).await,
                "rules",
            )
            .await;
            "the stock bas share moved".into()
        }
    }
}

#[tokio::test]
async fn kept_figures_equal_their_count_after_long_random_sequences_of_writes() {
    let app = app().await;
    let moussa = vendor(&app, "moussa@example.sn").await;
    let shops = ["awa@example.sn", "fatou@example.sn"];
    let mut cookies = Vec::new();
    for email in shops {
        cookies.push(app.register("shopkeeper", email).await);
    }
    assert_no_drift(&app, &shops, "the sign-ups").await;
    let mut windows_seen = false;
    for seed in [0x9e37_79b9_7f4a_7c15_u64, 0x2545_f491_4f6c_dd1d] {
        let mut dice = Dice(seed);
        for step_no in 0..120 {
            let shop = dice.below(4).min(1) as usize;
            let writer = (cookies[shop].as_str(), shops[shop]);
            let what = random_write(&app, writer, &mut dice, step_no).await;
            let windows = kept(&app, shops[shop]).await["windows"].clone();
            windows_seen |= !windows.as_array().unwrap().is_empty();
            assert_no_drift(
                &app,
                &shops,
                &format!("step {step_no} of seed {seed:x}: {what}"),
            )
            .await;
        }
        // A registered supplier delivers an order: new products and their stock arrive.
        let placed = ok(
            order(
                &app,
                &cookies[0],
                cart(
                    &moussa,
                    &[(&moussa.rice, 2, 15_000), (&moussa.oil, 3, 1_200)],
                ),
            )
            .await,
            "order",
        )
        .await;
        let id = placed["id"].as_str().unwrap();
        for status in ["confirmed", "shipped", "delivered"] {
            ok(step(&app, &moussa.cookie, id, status, "").await, status).await;
        }
        assert_no_drift(
            &app,
            &shops,
            &format!("a delivery by a registered supplier, seed {seed:x}"),
        )
        .await;
        for (cookie, email) in cookies.iter().zip(shops) {
            assert_list_totals(&app, cookie, email).await;
        }
    }
    let figures = kept(&app, shops[0]).await;
    assert!(
        figures["shop"]["products"].as_u64().unwrap() > 0,
        "{figures}"
    );
    assert!(
        !figures["sales"].as_array().unwrap().is_empty(),
        "{figures}"
    );
    assert!(figures["days"].as_array().unwrap().len() > 1, "{figures}");
    assert!(windows_seen, "some steps had sales in the kept windows");
}

#[tokio::test]
async fn the_repair_at_start_up_makes_spoiled_figures_right_again() {
    let dir = crate::common::temp_dir("figures-repair");
    let config = |repair: bool| {
        let dir = dir.clone();
        move || {
            let mut config = Config::for_tests(dir.clone());
            config.database_url = format!("surrealkv://{}", dir.join("boutiq.db").display());
            config.repair_figures = repair;
            config
        }
    };
    let email = "awa@example.sn";
    {
        let app = reopen(config(false)).await;
        let awa = app.register("shopkeeper", email).await;
        let mut dice = Dice(7);
        for n in 0..5 {
            let product = app
                .create_product(&awa, product_input(&mut dice, n, &[]))
                .await;
            move_stock(&app, &awa, &mut dice, product["id"].as_str().unwrap()).await;
        }
        assert_no_drift(&app, &[email], "the writes").await;
        app.rows(
            "UPDATE shop_figures SET products += 3, stock_value = 0dec, low = 99;
             UPDATE day_figures SET units_out += 5; DELETE product_day;
             DELETE search_word;",
        )
        .await;
        assert_ne!(
            kept(&app, email).await,
            counted(&app, email).await,
            "spoiled"
        );
    }
    {
        // A start without the option leaves them as they are.
        let app = reopen(config(false)).await;
        assert_ne!(kept(&app, email).await, counted(&app, email).await);
    }
    let app = reopen(config(true)).await;
    assert_no_drift(&app, &[email], "the repair").await;
}

#[tokio::test]
async fn many_movements_of_one_shop_at_once_all_land_once() {
    let app = app().await;
    let email = "awa@example.sn";
    let awa = app.register("shopkeeper", email).await;
    let mut dice = Dice(11);
    let mut products = Vec::new();
    for n in 0..200 {
        let mut input = product_input(&mut dice, n, &[]);
        input["quantity"] = json!(10);
        products.push(
            app.create_product(&awa, input).await["id"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    let sales = products.iter().map(|product| {
        let input = json!({ "product_id": product, "kind": "out", "quantity": 1, "reason": "sale", "note": "" });
        app.post("/api/stock/move", json!({ "op": op_id(), "input": input }), Some(&awa))
    });
    let replies = tokio::time::timeout(
        std::time::Duration::from_secs(300),
        futures::future::join_all(sales),
    )
    .await
    .expect("every movement answered (none waits for ever)");
    assert!(replies.iter().all(|reply| reply.status == StatusCode::OK));
    let quantities = app.rows("SELECT VALUE quantity FROM product").await;
    assert_eq!(quantities, vec![json!(9); 200]);
    assert_no_drift(&app, &[email], "200 sales at once").await;
}

/// A supplier's kept catalogue counts (schema 017): its items, available items and items per
/// category, as kept on the profile and counted from the items.
async fn catalogue_counts(app: &TestApp, email: &str) -> (Value, Value) {
    let sql =
        "LET $supplier = (SELECT VALUE id FROM supplier_profile WHERE user.email = $email)[0];
        LET $items = SELECT category, available FROM catalog_item WHERE supplier = $supplier;
        RETURN { kept:
            { items: $supplier.catalog_items, available: $supplier.available_items,
              categories: (SELECT category, items FROM catalog_category
                  WHERE supplier = $supplier AND items != 0 ORDER BY category) },
            counted: { items: count($items), available: count($items[WHERE available = true]),
              categories: (SELECT category, count() AS items FROM $items[WHERE category != '']
                  GROUP BY category ORDER BY category) },
        };";
    let both = answer(app, sql, email).await;
    (both["kept"].clone(), both["counted"].clone())
}

async fn assert_catalogue_counted(app: &TestApp, emails: &[&str], after: &str) {
    for email in emails {
        let (kept, counted) = catalogue_counts(app, email).await;
        assert_eq!(kept, counted, "{email}, after {after}");
        let (indexed, cut) = catalogue_words(app, email).await;
        assert_eq!(indexed, cut, "the search's words of {email}, after {after}");
    }
}

/// The (item, word) rows of a supplier's catalogue search (schema 016), and the words of each
/// item as domain::search cuts its name and category.
async fn catalogue_words(
    app: &TestApp,
    email: &str,
) -> (BTreeSet<(String, String)>, BTreeSet<(String, String)>) {
    let sql = "LET $supplier = (SELECT VALUE id FROM supplier_profile WHERE user.email = $email)[0];
        RETURN {
            indexed: (SELECT record::id(of) AS item, word FROM search_word WHERE owner = $supplier),
            items: (SELECT record::id(id) AS item, name, category FROM catalog_item WHERE supplier = $supplier),
        };";
    let both = answer(app, sql, email).await;
    let indexed = both["indexed"].as_array().unwrap().iter();
    let indexed = indexed.map(|row| (text(&row["item"]), text(&row["word"])));
    let mut cut = BTreeSet::new();
    for item in both["items"].as_array().unwrap() {
        let named = format!("{} {}", text(&item["name"]), text(&item["category"]));
        cut.extend(words(&named).into_iter().map(|w| (text(&item["item"]), w)));
    }
    (indexed.collect(), cut)
}

/// One random write of a supplier's catalogue.
async fn random_catalogue_write(app: &TestApp, cookie: &str, dice: &mut Dice, n: u64) -> String {
    let page = app
        .get("/api/catalog/list?query[page]=0", Some(cookie))
        .await
        .json();
    let ids: Vec<String> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_owned())
        .collect();
    let category = *dice
        .pick(&["Céréales", "Huiles", "huiles", "", "Conserves"])
        .unwrap();
    let name = dice.pick(&NAMES).unwrap();
    let input = json!({ "name": format!("{name} {n}"), "description": "", "category": category,
        "price": 1000 + dice.below(500), "unit": "sac", "min_order_quantity": 1,
        "stock_available": 10, "available": dice.below(3) > 0 });
    let (path, body) = match (dice.below(6), dice.pick(&ids)) {
        (0..=2, _) | (_, None) => ("create", json!({ "op": op_id(), "input": input })),
        (3, Some(id)) => ("update", json!({ "op": op_id(), "id": id, "input": input })),
        (4, Some(id)) => (
            "available",
            json!({ "op": op_id(), "id": id, "available": dice.below(2) == 0 }),
        ),
        (_, Some(id)) => ("delete", json!({ "op": op_id(), "id": id })),
    };
    ok(
        app.post(&format!("/api/catalog/{path}"), body, Some(cookie))
            .await,
        path,
    )
    .await;
    path.into()
}

#[tokio::test]
async fn kept_catalogue_counts_equal_their_count_and_the_repair_restores_them() {
    let app = app().await;
    let suppliers = ["moussa@example.sn", "ibou@example.sn"];
    let mut cookies = Vec::new();
    for email in suppliers {
        cookies.push(app.register("supplier", email).await);
    }
    let mut dice = Dice(0x51_7cc1_b727_220a);
    for n in 0..120 {
        let who = usize::from(dice.below(3) == 0);
        let what = random_catalogue_write(&app, &cookies[who], &mut dice, n).await;
        assert_catalogue_counted(&app, &suppliers, &format!("step {n}: {what}")).await;
    }
    // What the supplier's list and dashboard show comes from them.
    for (cookie, email) in cookies.iter().zip(suppliers) {
        let (_, counted) = catalogue_counts(&app, email).await;
        let page = app
            .get("/api/catalog/list?query[page]=0", Some(cookie))
            .await
            .json();
        assert_eq!(page["total"], counted["items"]);
        let mut categories: Vec<Value> = counted["categories"]
            .as_array()
            .unwrap()
            .iter()
            .map(|row| row["category"].clone())
            .collect();
        categories.sort_by_key(|c| c.as_str().unwrap().to_owned());
        assert_eq!(page["categories"], json!(categories));
        let oils = app
            .get("/api/catalog/list?query[category]=%20HUILES", Some(cookie))
            .await
            .json();
        let counted_oils: u64 = counted["categories"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|row| row["category"].as_str().unwrap().to_lowercase() == "huiles")
            .map(|row| row["items"].as_u64().unwrap())
            .sum();
        assert_eq!(oils["total"], json!(counted_oils));
        let stats = app.get("/api/inbox/dashboard", Some(cookie)).await.json();
        assert_eq!(stats["item_count"], counted["items"], "{stats}");
    }
    let (kept, _) = catalogue_counts(&app, suppliers[0]).await;
    assert!(kept["items"].as_u64().unwrap() > 5, "{kept}");
    assert!(kept["categories"].as_array().unwrap().len() > 2, "{kept}");

    app.rows("UPDATE supplier_profile SET catalog_items += 7, available_items = 0; DELETE catalog_category; UPDATE search_word SET word = 'spoiled';")
        .await;
    assert_ne!(
        catalogue_counts(&app, suppliers[0]).await.0,
        kept,
        "spoiled"
    );
    boutiq::server::store::figures::repair(&app.state.db)
        .await
        .unwrap();
    assert_catalogue_counted(&app, &suppliers, "the repair").await;
}

async fn sell(app: &TestApp, cookie: &str, product: &str, quantity: u64) {
    let input = json!({ "product_id": product, "kind": "out", "quantity": quantity,
        "reason": "sale", "note": "" });
    let body = json!({ "op": op_id(), "input": input });
    ok(
        app.post("/api/stock/move", body, Some(cookie)).await,
        "sale",
    )
    .await;
}

/// The best sellers' windows (schema 018) rolled one day at a time, or after a jump of many
/// days, equal the windows counted from the sales, whatever day they end on.
#[tokio::test]
async fn the_sales_windows_roll_day_by_day_as_they_would_be_counted() {
    let app = app().await;
    let email = "awa@example.sn";
    let awa = app.register("shopkeeper", email).await;
    let user = app
        .rows(&format!(
            "SELECT VALUE record::id(id) FROM user WHERE email = '{email}'"
        ))
        .await;
    let user = user[0].as_str().unwrap();
    let today = Utc::now().date_naive();
    // Sales on days spread over 100 days back, two products per day.
    let mut products = Vec::new();
    for n in 0..12_u64 {
        let mut input = product_input(&mut Dice(n + 1), n, &[]);
        input["quantity"] = json!(100);
        let product = app.create_product(&awa, input).await;
        let id = product["id"].as_str().unwrap().to_owned();
        sell(&app, &awa, &id, 1 + n % 4).await;
        sell(&app, &awa, &id, 2).await;
        age_movements(&app, &id, (n * 9) as i64).await;
        products.push(id);
    }
    let view = |days_on: u64| {
        let app = &app;
        async move {
            let day = today + chrono::Days::new(days_on);
            statistics(&app.state.db, user, StatsPeriod::Days7, day)
                .await
                .expect("statistics");
        }
    };
    view(0).await;
    assert_no_drift(&app, &[email], "the first view").await;
    let kept_windows = kept(&app, email).await["windows"].clone();
    // Sold 0, 9 … 81 days ago: in the 90 days; 90 and 99 days ago: out of them.
    assert_eq!(kept_windows.as_array().unwrap().len(), 10, "{kept_windows}");
    // A sale while the windows end today enters them at once.
    sell(&app, &awa, &products[0], 3).await;
    assert_no_drift(&app, &[email], "a sale of today").await;
    for days_on in (1..=40).chain([45, 52, 53, 60, 75, 76, 77, 100, 120]) {
        view(days_on).await;
        assert_no_drift(&app, &[email], &format!("{days_on} days on")).await;
        if days_on == 3 {
            // A sale of a day before the windows' end counts in the windows that hold it.
            sell(&app, &awa, &products[1], 2).await;
            assert_no_drift(&app, &[email], "a sale before the end").await;
        }
    }
    // A clock gone back leaves them where they are.
    view(10).await;
    assert_no_drift(&app, &[email], "a view on an earlier day").await;
    let end = answer(
        &app,
        &format!("{SHOP_OF} RETURN type::record('shop_figures', [$shop]).sales_day;"),
        email,
    )
    .await;
    assert_eq!(
        end,
        json!(
            (today + chrono::Days::new(120))
                .format("%Y-%m-%d")
                .to_string()
        )
    );
}
