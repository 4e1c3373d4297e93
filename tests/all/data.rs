//! CSV export (E6), CSV import of products (B10) and backup / restore (E7): file formats, round
//! trips, malformed files that write nothing, and no access to another shop's data.

use crate::common;

use axum::http::StatusCode;
use common::{TestApp, app, op_id};
use serde_json::{Value, json};

async fn product(
    app: &TestApp,
    cookie: &str,
    name: &str,
    sku: &str,
    quantity: i64,
    price: i64,
) -> String {
    let input = json!({ "name": name, "sku": sku, "category_id": "", "unit": "sac", "quantity": quantity,
        "min_stock": 1, "max_stock": null, "purchase_price": price, "sale_price": price + 500, "notes": "" });
    app.create_product(cookie, input).await["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Parses a CSV download: checks the BOM, returns its rows (header first).
fn csv_rows(body: &str, separator: u8) -> Vec<Vec<String>> {
    let text = body.strip_prefix('\u{feff}').expect("a UTF-8 BOM first");
    csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[tokio::test]
async fn products_export_in_the_shop_settings_and_only_the_callers_products() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let fatou = app.register("shopkeeper", "fatou@example.sn").await;
    product(&app, &awa, "Riz; parfumé", "R1", 12, 1000).await;
    product(&app, &awa, "Éponge \"pro\"", "", 0, 150).await;
    product(&app, &fatou, "Secret de Fatou", "F1", 1, 1).await;

    let reply = app.get("/export/products.csv", Some(&awa)).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.headers["content-type"], "text/csv; charset=utf-8");
    assert!(
        reply.headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment; filename=\"produits-")
    );
    let rows = csv_rows(&reply.body, b';');
    assert_eq!(rows[0][..4], ["SKU", "Nom", "Catégorie", "Unité"]);
    assert_eq!(rows[0][7], "Prix d'achat (XOF)");
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1][1], "Éponge \"pro\"");
    assert_eq!(rows[1][10], "Rupture");
    assert_eq!(
        rows[2][..10],
        [
            "R1",
            "Riz; parfumé",
            "",
            "sac",
            "12",
            "1",
            "",
            "1000",
            "1500",
            "12000"
        ]
    );
    assert!(!reply.body.contains("Fatou"));

    // Settings: comma separator, ISO days, headers in English.
    let reply = app
        .post(
            "/api/shops/save_settings",
            json!({ "op": op_id(), "csv_separator": ",", "date_format": "yyyy-mm-dd" }),
            Some(&awa),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let english = format!("{awa}; boutiq_lang=en");
    let rows = csv_rows(
        &app.get("/export/movements.csv", Some(&english)).await.body,
        b',',
    );
    assert_eq!(
        rows[0],
        [
            "Date",
            "Product",
            "SKU",
            "Type",
            "Quantity",
            "Reason",
            "Note",
            "Stock after",
            "By"
        ]
    );
    assert_eq!(rows.len(), 2, "one opening movement: {rows:?}");
    assert!(rows[1][0].starts_with(&chrono::Utc::now().format("%Y-%m-%d").to_string()));
    assert_eq!(
        rows[1][1..6],
        ["Riz; parfumé", "R1", "Stock in", "12", "Opening stock"]
    );
    let bad = app
        .post(
            "/api/shops/save_settings",
            json!({ "op": op_id(), "csv_separator": "|", "date_format": "yyyy-mm-dd" }),
            Some(&awa),
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);

    let supplier = app.register("supplier", "moussa@example.sn").await;
    assert_eq!(
        app.get("/export/products.csv", None).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.get("/export/products.csv", Some(&supplier))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get("/export/movements.csv?from=nope", Some(&awa))
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn movements_export_pages_through_movements_of_the_same_instant() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let riz = product(&app, &awa, "Riz", "", 1, 100).await;
    // 2,500 movements sharing one instant, more than two pages of the export.
    app.state
        .db
        .query(
            "LET $p = type::record('product', $id);
             LET $at = time::now() - 1h;
             FOR $i IN 1..=2500 {
                 CREATE movement CONTENT { shop: $p.shop, product: $p, kind: 'in', quantity: $i, reason: 'delivery',
                     balance_after: 1, by: (SELECT VALUE in FROM owns WHERE out = $p.shop)[0], at: $at };
             };",
            json!({ "id": riz }),
        )
        .await
        .unwrap();
    let rows = csv_rows(
        &app.get("/export/movements.csv", Some(&awa)).await.body,
        b';',
    );
    assert_eq!(rows.len(), 1 + 2501);
    let mut quantities: Vec<i64> = rows[1..].iter().map(|r| r[4].parse().unwrap()).collect();
    quantities.sort();
    quantities.dedup();
    assert_eq!(
        quantities.len(),
        2500,
        "each movement once (the opening has quantity 1 too)"
    );
    let ins = csv_rows(
        &app.get("/export/movements.csv?kind=out", Some(&awa))
            .await
            .body,
        b';',
    );
    assert_eq!(ins.len(), 1, "no out movement: only the header");
}

pub(super) async fn preview(app: &TestApp, cookie: &str, file: &[u8]) -> common::Reply {
    app.upload("/api/imports/preview", cookie, &[], "produits.csv", file)
        .await
}

/// Runs every batch of a previewed import; returns the last progress and how many batches ran.
pub(super) async fn run_all(app: &TestApp, cookie: &str, preview: &Value) -> (Value, usize) {
    let mut start = 0;
    let mut batches = 0;
    loop {
        let body = json!({ "op": op_id(), "import_id": preview["import_id"], "mapping": preview["mapping"], "start": start });
        let reply = app.post("/api/imports/run", body, Some(cookie)).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let progress = reply.json();
        batches += 1;
        start = progress["done"].as_u64().unwrap() as usize;
        if start >= progress["total"].as_u64().unwrap() as usize {
            return (progress, batches);
        }
    }
}

#[tokio::test]
async fn import_reports_bad_rows_applies_good_ones_and_changes_nothing_the_second_time() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let fatou = app.register("shopkeeper", "fatou@example.sn").await;
    let existing = product(&app, &awa, "Huile 1L", "H1", 5, 900).await;
    let mut file = String::from("Nom;Code;Catégorie;Quantité;Prix de vente;Couleur\n");
    for i in 0..150 {
        file.push_str(&format!("Produit {i};P{i};Épicerie;{i};{};bleu\n", 100 + i));
    }
    file.push_str(";P900;Épicerie;1;1;x\nMil;P901;;beaucoup;1;x\nSel;P0;;1;1;x\nHuile 1L;h1;Épicerie;8;1000;x\n");
    let reply = preview(&app, &awa, file.as_bytes()).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let shown = reply.json();
    assert_eq!(
        shown["mapping"],
        json!([
            "name",
            "sku",
            "category",
            "quantity",
            "sale_price",
            "ignored"
        ])
    );
    assert_eq!(
        (
            shown["rows"].as_u64(),
            shown["valid"].as_u64(),
            shown["error_count"].as_u64()
        ),
        (Some(154), Some(151), Some(3))
    );
    assert_eq!(
        shown["sample"][0],
        json!(["Produit 0", "P0", "Épicerie", "0", "100", "bleu"])
    );
    assert_eq!(
        shown["errors"],
        json!([
            { "line": 152, "column": "name", "code": "error.import.name_missing" },
            { "line": 153, "column": "quantity", "code": "error.import.number" },
            { "line": 154, "column": "sku", "code": "error.import.duplicate_sku" },
        ])
    );
    assert_eq!(app.count("product").await, 1, "a preview writes no product");

    // Another shop cannot read or run Awa's file.
    let stolen = json!({ "import_id": shown["import_id"], "mapping": shown["mapping"] });
    let reply = app.post("/api/imports/check", stolen, Some(&fatou)).await;
    assert_eq!(
        reply.json()["code"],
        "error.import.expired",
        "{}",
        reply.body
    );

    let (done, batches) = run_all(&app, &awa, &shown).await;
    assert_eq!(batches, 2, "151 rows in batches of 100");
    assert_eq!(
        (done["done"].as_u64(), done["total"].as_u64()),
        (Some(151), Some(151))
    );
    assert_eq!(app.count("product").await, 151);
    assert_eq!(
        app.rows("SELECT id FROM category").await.len(),
        1,
        "one Épicerie"
    );
    let huile = app
        .get(&format!("/api/products/get?id={existing}"), Some(&awa))
        .await
        .json();
    assert_eq!(
        (
            huile["quantity"].as_i64(),
            huile["sale_price"].as_i64(),
            huile["purchase_price"].as_i64()
        ),
        (Some(8), Some(1000), Some(900))
    );
    assert_eq!(huile["category_name"], "Épicerie");
    let corrections = app
        .rows("SELECT * FROM movement WHERE reason = 'correction'")
        .await;
    assert_eq!(corrections.len(), 1);
    assert_eq!(
        (
            corrections[0]["kind"].as_str(),
            corrections[0]["quantity"].as_i64()
        ),
        (Some("in"), Some(3))
    );

    // The same file again: nothing changes.
    let movements = app.count("movement").await;
    let updated_at = app
        .rows("SELECT VALUE updated_at FROM product ORDER BY id")
        .await;
    let again = preview(&app, &awa, file.as_bytes()).await.json();
    let (second, _) = run_all(&app, &awa, &again).await;
    assert_eq!(app.count("product").await, 151);
    assert_eq!(app.count("movement").await, movements);
    assert_eq!(
        app.rows("SELECT VALUE updated_at FROM product ORDER BY id")
            .await,
        updated_at
    );
    assert_eq!(
        second["created"].as_u64().unwrap() + second["updated"].as_u64().unwrap(),
        0,
        "{second}"
    );
    assert_eq!(
        app.count("product_import").await,
        0,
        "files are dropped once imported"
    );

    // The same file in another shop finds none of Awa's products or categories: it creates its
    // own, and Awa's stay as they were.
    let theirs = preview(&app, &fatou, file.as_bytes()).await.json();
    let (third, _) = run_all(&app, &fatou, &theirs).await;
    assert_eq!(
        (third["created"].as_u64(), third["updated"].as_u64()),
        (Some(51), Some(0)),
        "the last batch: {third}"
    );
    assert_eq!(app.count("product").await, 302);
    assert_eq!(app.count("category").await, 2, "an Épicerie each");
    assert_eq!(
        app.rows("SELECT VALUE updated_at FROM product WHERE shop = (SELECT VALUE out FROM owns WHERE in.email = 'awa@example.sn')[0] ORDER BY id")
            .await,
        updated_at
    );
}

#[tokio::test]
async fn each_import_batch_says_which_rows_it_covers_so_the_page_sums_every_row_once() {
    use boutiq::domain::import::ImportProgress;
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let mut file = String::from("Nom;Code;Quantité\n");
    for i in 1..=120 {
        file.push_str(&format!("Article {i};A{i};{i}\n"));
    }
    let shown = preview(&app, &awa, file.as_bytes()).await.json();
    let run = |op: &str, start: usize| {
        let body = json!({ "op": op, "import_id": shown["import_id"], "mapping": shown["mapping"], "start": start });
        app.post("/api/imports/run", body, Some(&awa))
    };
    let answer = |reply: common::Reply| -> ImportProgress {
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        serde_json::from_str(&reply.body).unwrap()
    };

    // The page's sum, as `import_all` keeps it: "0 / 120", then each batch from where it stops.
    let mut sum = ImportProgress {
        total: 120,
        ..ImportProgress::default()
    };
    let first_op = op_id();
    let first = answer(run(&first_op, 0).await);
    assert_eq!((first.start, first.done, first.total), (0, 100, 120));
    sum.add(first).unwrap();
    assert!(!sum.finished(), "no outcome yet at 100 / 120");
    let last = answer(run(&op_id(), sum.done).await);
    assert_eq!((last.start, last.done, last.created), (100, 120, 20));
    sum.add(last).unwrap();
    assert_eq!(
        (sum.done, sum.total, sum.finished(), sum.created),
        (120, 120, true, 120),
        "the outcome comes with the line at 120 / 120"
    );

    // The first batch's answer again (a slow answer or a replay arriving after the last one)
    // cannot set the line back to 100 / 120 under "120 créés".
    let late = answer(run(&first_op, 0).await);
    assert_eq!((late.start, late.done, late.created), (0, 100, 100));
    let before = sum.clone();
    assert_eq!(
        sum.add(late).unwrap_err().message_key(),
        "error.import.interrupted"
    );
    assert_eq!(sum, before);
    assert_eq!(app.count("product").await, 120);
}

#[tokio::test]
async fn exported_products_import_back_unchanged() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    product(&app, &awa, "Riz; parfumé", "R1", 12, 1000).await;
    product(&app, &awa, "Éponge \"pro\"", "", 0, 150).await;
    let export = app.get("/export/products.csv", Some(&awa)).await.body;
    let shown = preview(&app, &awa, export.as_bytes()).await.json();
    assert_eq!(
        (shown["valid"].as_u64(), shown["error_count"].as_u64()),
        (Some(2), Some(0)),
        "{shown}"
    );
    let (done, _) = run_all(&app, &awa, &shown).await;
    assert_eq!(done["unchanged"], 2, "{done}");
    assert_eq!(
        app.get("/export/products.csv", Some(&awa)).await.body,
        export
    );
}

#[tokio::test]
async fn malformed_files_are_refused_with_a_reason_and_write_nothing() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let code = |reply: common::Reply| {
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
        reply.json()["code"].as_str().unwrap().to_owned()
    };
    let latin1 = b"Nom;Prix\nCaf\xe9;300\n";
    assert_eq!(
        code(preview(&app, &awa, latin1).await),
        "error.import.encoding"
    );
    let garbage: Vec<u8> = (0..10 * 1024 * 1024u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    assert_eq!(
        code(preview(&app, &awa, &garbage).await),
        "error.import.too_large"
    );
    assert_eq!(
        code(preview(&app, &awa, &garbage[..100_000]).await),
        "error.import.encoding"
    );
    let no_name = preview(&app, &awa, b"Code;Prix\nR1;300\n").await.json();
    assert_eq!(no_name["mapping_error"], "error.import.name_column");
    let body = json!({ "op": op_id(), "import_id": no_name["import_id"], "mapping": no_name["mapping"], "start": 0 });
    assert_eq!(
        code(app.post("/api/imports/run", body, Some(&awa)).await),
        "error.import.name_column"
    );
    assert_eq!(app.count("product").await, 0);
    assert_eq!(app.count("category").await, 0);
    let supplier = app.register("supplier", "moussa@example.sn").await;
    assert_eq!(
        preview(&app, &supplier, b"Nom\nRiz\n").await.status,
        StatusCode::FORBIDDEN
    );
}

pub(super) async fn restore(
    app: &TestApp,
    cookie: &str,
    file: &[u8],
    confirm: bool,
) -> common::Reply {
    let fields = [("op", op_id()), ("confirm", confirm.to_string())];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.upload(
        "/api/backup/restore",
        cookie,
        &fields,
        "sauvegarde.json",
        file,
    )
    .await
}

/// A shop with a bit of everything: categories, suppliers, products, movements, an order
/// delivered and rated, alert rules and alerts.
pub(super) async fn busy_shop(app: &TestApp, cookie: &str) {
    let grains = app.create_category(cookie, "Céréales").await.json();
    let input = json!({ "name": "Moussa", "phone": "+221 77 123 45 67", "whatsapp": "", "email": "", "address": "",
        "city": "Dakar", "notes": "", "favorite": true });
    let moussa = app
        .post(
            "/api/suppliers/create",
            json!({ "op": op_id(), "input": input }),
            Some(cookie),
        )
        .await
        .json();
    let input = json!({ "name": "Riz", "sku": "R1", "category_id": grains, "supplier_id": moussa, "unit": "sac", "quantity": 2,
        "min_stock": 5, "max_stock": 40, "purchase_price": 1000, "sale_price": 1200, "notes": "sec" });
    let riz = app.create_product(cookie, input).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let order = json!({ "supplier_id": moussa, "expected_on": "2099-01-01", "note": "vite",
        "lines": [{ "product_id": riz, "quantity": 10, "unit_price": 1000 }] });
    let reply = app
        .post(
            "/api/orders/create",
            json!({ "op": op_id(), "input": order }),
            Some(cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    // Two of ten delivered: Riz stays low (4 ≤ 5), so its alert stays open.
    let delivery = json!({ "op": op_id(), "id": reply.json()["id"], "received": [{ "product_id": riz, "quantity": 2 }] });
    let reply = app
        .post("/api/orders/deliver", delivery, Some(cookie))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    boutiq::server::alerts::process_queue(&app.state.db, chrono::Utc::now())
        .await
        .unwrap();
}

#[tokio::test]
async fn backup_then_restore_then_backup_is_identical_and_other_shops_are_untouched() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let fatou = app.register("shopkeeper", "fatou@example.sn").await;
    busy_shop(&app, &awa).await;
    product(&app, &fatou, "Sucre", "S1", 3, 500).await;

    let first = app.get("/export/backup.json", Some(&awa)).await;
    assert_eq!(first.status, StatusCode::OK);
    let backup = first.json();
    assert_eq!(
        (backup["format"].as_str(), backup["version"].as_u64()),
        (Some("boutiq-backup"), Some(1))
    );
    for (table, count) in [
        ("categories", 1),
        ("suppliers", 1),
        ("products", 1),
        ("supplies", 1),
        ("movements", 2),
        ("orders", 1),
        ("order_lines", 1),
        ("alerts", 1),
    ] {
        assert_eq!(
            backup[table].as_array().unwrap().len(),
            count,
            "{table}: {backup}"
        );
    }
    assert!(!first.body.contains("Sucre"));

    // A shop with data is only replaced after confirmation.
    let refused = restore(&app, &awa, first.body.as_bytes(), false).await;
    assert_eq!(refused.json()["code"], "error.backup.not_empty");
    // Change things, then restore: the backup comes back exactly.
    product(&app, &awa, "Ajouté après", "", 1, 1).await;
    let reply = restore(&app, &awa, first.body.as_bytes(), true).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let second = app.get("/export/backup.json", Some(&awa)).await;
    assert_eq!(second.body, first.body);

    // Into another shop (emptied first): same data under keys of its own; Awa's stays.
    app.state
        .db
        .query(
            "DELETE movement WHERE product.name = 'Sucre'; DELETE product WHERE name = 'Sucre';",
            json!({}),
        )
        .await
        .unwrap();
    let reply = restore(&app, &fatou, first.body.as_bytes(), false).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let copy = app.get("/export/backup.json", Some(&fatou)).await.json();
    assert_eq!(copy["products"][0]["name"], "Riz");
    assert_ne!(copy["products"][0]["id"], backup["products"][0]["id"]);
    assert_eq!(copy["movements"][0]["product"], copy["products"][0]["id"]);
    assert_eq!(
        app.get("/export/backup.json", Some(&awa)).await.body,
        first.body
    );
    let orders = app
        .get("/api/orders/list?query[period]=all", Some(&fatou))
        .await;
    assert!(orders.body.contains("Moussa"), "{}", orders.body);
}

#[tokio::test]
async fn damaged_backups_change_nothing() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    busy_shop(&app, &awa).await;
    let before = app.get("/export/backup.json", Some(&awa)).await.body;
    let mut damaged: Value = serde_json::from_str(&before).unwrap();
    damaged["movements"][0]["kind"] = json!("sideways");
    let reply = restore(&app, &awa, damaged.to_string().as_bytes(), true).await;
    assert_eq!(
        reply.json()["code"],
        "error.backup.damaged",
        "{}",
        reply.body
    );
    for garbage in [
        &b"\x00\x01garbage"[..],
        br#"{"format":"boutiq-backup","version":7,"shop":{"id":"x"}}"#,
    ] {
        let reply = restore(&app, &awa, garbage, true).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    }
    assert_eq!(
        app.get("/export/backup.json", Some(&awa)).await.body,
        before
    );
    let supplier = app.register("supplier", "moussa@example.sn").await;
    assert_eq!(
        app.get("/export/backup.json", Some(&supplier)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get("/export/backup.json", None).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        restore(&app, &supplier, before.as_bytes(), true)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

/// A batch decided before the shop changed (here the product it updates deleted by another
/// phone) writes nothing of that decision: it is refused as stale, and the import decides it
/// again.
#[tokio::test]
async fn an_import_batch_decided_before_the_shop_changed_is_decided_again() {
    use boutiq::domain::OpId;
    use boutiq::domain::import::{RowValues, plan_batch};
    use boutiq::server::db::DbError;
    use boutiq::server::store;
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let rice = product(&app, &awa, "Riz", "R1", 5, 1000).await;
    let user: Vec<Value> = app
        .rows("SELECT VALUE record::id(id) FROM user WHERE email = 'awa@example.sn'")
        .await;
    let user = user[0].as_str().unwrap();
    let rows = [RowValues {
        line: 2,
        name: "Riz".into(),
        sku: Some("R1".into()),
        quantity: Some(5),
        sale_price: Some(1600),
        ..RowValues::default()
    }];
    let db = &app.state.db;
    let (found, categories) = store::imports::lookup(db, user, &rows).await.unwrap();
    let plan = plan_batch(&rows, &found, &categories, store::new_key);
    assert_eq!(
        (plan.updates.len(), plan.corrections.len()),
        (1, 0),
        "a new price only"
    );
    let reply = app
        .post(
            "/api/products/delete",
            json!({ "op": op_id(), "id": rice }),
            Some(&awa),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);

    let op = OpId::parse(&op_id()).unwrap();
    let stale = store::imports::write(db, &op, user, &plan).await;
    assert!(
        matches!(&stale, Err(DbError::Rule(rule)) if rule == store::imports::STALE),
        "{stale:?}"
    );
    assert_eq!(
        app.count("product").await,
        0,
        "nothing of the stale batch is written"
    );

    let progress = boutiq::server::import::apply(db, &op, user, &rows)
        .await
        .unwrap();
    assert_eq!((progress.created, progress.updated), (1, 0));
    let held = app.rows("SELECT quantity, sale_price FROM product").await;
    assert_eq!(held, [json!({ "quantity": 5, "sale_price": 1600 })]);

    // A new SKU another phone gave a product meanwhile: the unique index refuses the batch,
    // which the import takes as stale too.
    let rows = [RowValues {
        name: "Mil".into(),
        sku: Some("M1".into()),
        ..rows[0].clone()
    }];
    let (found, categories) = store::imports::lookup(db, user, &rows).await.unwrap();
    let plan = plan_batch(&rows, &found, &categories, store::new_key);
    assert_eq!(plan.creates.len(), 1);
    product(&app, &awa, "Mil", "M1", 2, 300).await;
    let op = OpId::parse(&op_id()).unwrap();
    let taken = store::imports::write(db, &op, user, &plan).await;
    assert!(
        matches!(&taken, Err(DbError::Unique(index)) if index == "product_shop_sku"),
        "{taken:?}"
    );
    let progress = boutiq::server::import::apply(db, &op, user, &rows)
        .await
        .unwrap();
    assert_eq!((progress.created, progress.updated), (0, 1));
    assert_eq!(app.count("product").await, 2);
}
