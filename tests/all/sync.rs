//! The pull of the phone's replica (I2): every write path leaves an entry in the shop's log, in
//! the transaction of the write; another shop's changes never appear; bad cursors are refused;
//! and a replica built from pulls is the shop as the server shows it.

use std::collections::BTreeMap;

use crate::common;

use axum::http::StatusCode;
use boutiq::server::alerts::process_queue;
use chrono::Utc;
use common::{TestApp, app, op_id};
use serde_json::{Value, json};

fn product(name: &str, quantity: i64, category_id: &str) -> Value {
    json!({
        "name": name, "sku": "", "category_id": category_id, "unit": "sac", "quantity": quantity,
        "min_stock": 2, "max_stock": null, "purchase_price": 1000, "sale_price": 1500, "notes": ""
    })
}

fn supplier(name: &str) -> Value {
    json!({
        "name": name, "phone": "+221 77 123 45 67", "whatsapp": "", "email": "",
        "address": "", "city": "Dakar", "notes": ""
    })
}

/// Every page of changes after `cursor`: the changes and the cursor to send next.
pub(super) async fn pull_all(app: &TestApp, cookie: &str, mut cursor: u64) -> (Vec<Value>, u64) {
    let mut changes = Vec::new();
    loop {
        let reply = app
            .get(&format!("/api/sync/pull?cursor={cursor}"), Some(cookie))
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let page = reply.json();
        changes.extend(page["changes"].as_array().unwrap().iter().cloned());
        cursor = page["cursor"].as_u64().unwrap();
        if page["more"] != true {
            return (changes, cursor);
        }
    }
}

/// The id a change is about (a tombstone's too), with its kind.
fn subject(change: &Value) -> (String, String) {
    let record = &change["record"];
    match change["kind"].as_str().unwrap() {
        "deleted" => (
            record["kind"].as_str().unwrap().to_owned(),
            record["id"].as_str().unwrap().to_owned(),
        ),
        "alert_rules" | "settings" => (change["kind"].as_str().unwrap().to_owned(), "shop".into()),
        kind => (kind.to_owned(), record["id"].as_str().unwrap().to_owned()),
    }
}

/// A shop and the cursor of its phone.
struct Phone<'a> {
    app: &'a TestApp,
    cookie: String,
    cursor: u64,
    /// What the last pull brought.
    last: Vec<Value>,
}

impl Phone<'_> {
    /// Pulls what changed since the last pull, and checks that `kind` `id` is among it.
    async fn sees(&mut self, kind: &str, id: &str, deleted: bool, after: &str) -> Value {
        let (changes, cursor) = pull_all(self.app, &self.cookie, self.cursor).await;
        self.cursor = cursor;
        self.last = changes;
        self.saw(kind, id, deleted, after)
    }

    /// Checks that the last pull brought `kind` `id` too.
    fn saw(&self, kind: &str, id: &str, deleted: bool, after: &str) -> Value {
        let found = self.last.iter().find(|c| {
            subject(c) == (kind.to_owned(), id.to_owned()) && (c["kind"] == "deleted") == deleted
        });
        match found {
            Some(change) => change.clone(),
            None => panic!(
                "no {kind} {id} (deleted: {deleted}) after {after}: {:#?}",
                self.last
            ),
        }
    }

    async fn post(&self, path: &str, body: Value) -> Value {
        let reply = self.app.post(path, body, Some(&self.cookie)).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}: {}", reply.body);
        reply.json()
    }
}

/// A shop with a category and a product of it ("Riz", 10 in stock), its phone synced.
async fn shop_with_rice(app: &TestApp) -> (Phone<'_>, String, String) {
    let cookie = app.register("shopkeeper", "awa@example.sn").await;
    let mut phone = Phone {
        app,
        cookie: cookie.clone(),
        cursor: 0,
        last: Vec::new(),
    };
    let category = phone
        .post(
            "/api/categories/create",
            json!({ "op": op_id(), "name": "Céréales" }),
        )
        .await;
    let category = category.as_str().unwrap().to_owned();
    let rice = app
        .create_product(&cookie, product("Riz", 10, &category))
        .await;
    let rice = rice["id"].as_str().unwrap().to_owned();
    phone.sees("product", &rice, false, "a new product").await;
    (phone, category, rice)
}

#[tokio::test]
async fn categories_products_and_stock_moves_leave_pull_entries() {
    let app = app().await;
    let cookie = app.register("shopkeeper", "awa@example.sn").await;
    let mut phone = Phone {
        app: &app,
        cookie: cookie.clone(),
        cursor: 0,
        last: Vec::new(),
    };
    phone.sees("settings", "shop", false, "registration").await;

    let category = phone
        .post(
            "/api/categories/create",
            json!({ "op": op_id(), "name": "Céréales" }),
        )
        .await;
    let category = category.as_str().unwrap();
    phone
        .sees("category", category, false, "a new category")
        .await;
    phone
        .post(
            "/api/categories/rename",
            json!({ "op": op_id(), "id": category, "name": "Grains" }),
        )
        .await;
    let renamed = phone.sees("category", category, false, "a rename").await;
    assert_eq!(renamed["record"]["name"], "Grains");

    let rice = app
        .create_product(&cookie, product("Riz", 10, category))
        .await;
    let rice = rice["id"].as_str().unwrap();
    phone.sees("product", rice, false, "a new product").await;
    phone
        .post(
            "/api/products/update",
            json!({ "op": op_id(), "id": rice, "input": product("Riz parfumé", 0, category) }),
        )
        .await;
    phone.sees("product", rice, false, "an edit").await;
    let input =
        json!({ "product_id": rice, "kind": "out", "quantity": 4, "reason": "sale", "note": "" });
    phone
        .post("/api/stock/move", json!({ "op": op_id(), "input": input }))
        .await;
    let moved = phone.sees("product", rice, false, "a sale").await;
    assert_eq!(moved["record"]["quantity"], 6);
    let ledger = phone.saw("ledger", rice, false, "a sale");
    let lines = ledger["record"]["lines"].as_array().unwrap();
    let newest = &lines[0];
    assert_eq!(
        (&newest["kind"], &newest["quantity"], &newest["reason"]),
        (&json!("out"), &json!(4), &json!("sale"))
    );
    assert_eq!(
        lines
            .iter()
            .map(|l| &l["balance_after"])
            .collect::<Vec<_>>(),
        [6, 10],
        "the sale, then the opening stock"
    );

    assert_nothing_new(&phone).await;
}

#[tokio::test]
async fn suppliers_orders_and_the_recurring_job_leave_pull_entries() {
    let app = app().await;
    let (mut phone, _, rice) = shop_with_rice(&app).await;
    let rice = rice.as_str();
    let cookie = phone.cookie.clone();
    let moussa = phone
        .post(
            "/api/suppliers/create",
            json!({ "op": op_id(), "input": supplier("Moussa") }),
        )
        .await;
    let moussa = moussa.as_str().unwrap();
    phone
        .sees("supplier", moussa, false, "a new supplier")
        .await;
    phone
        .post(
            "/api/suppliers/update",
            json!({ "op": op_id(), "id": moussa, "input": supplier("Moussa & Fils") }),
        )
        .await;
    phone
        .sees("supplier", moussa, false, "a supplier edit")
        .await;
    phone
        .post(
            "/api/suppliers/favorite",
            json!({ "op": op_id(), "id": moussa, "favorite": true }),
        )
        .await;
    phone.sees("supplier", moussa, false, "a favourite").await;

    let lines = json!([{ "product_id": rice, "quantity": 5, "unit_price": 1000 }]);
    let order = phone
        .post(
            "/api/orders/create",
            json!({ "op": op_id(), "input": { "supplier_id": moussa, "lines": lines, "expected_on": "", "note": "" } }),
        )
        .await;
    let order = order["id"].as_str().unwrap().to_owned();
    let created = phone
        .sees("purchase_order", &order, false, "a new order")
        .await;
    assert_eq!(created["record"]["lines"].as_array().unwrap().len(), 1);
    phone
        .post(
            "/api/orders/status",
            json!({ "op": op_id(), "id": order, "status": "confirmed" }),
        )
        .await;
    phone
        .sees("purchase_order", &order, false, "a confirmation")
        .await;
    phone
        .post(
            "/api/orders/recurrence",
            json!({ "op": op_id(), "id": order, "recurrence": { "every": "days", "days": 7 } }),
        )
        .await;
    let recurring = phone
        .sees("purchase_order", &order, false, "a recurrence")
        .await;
    // The recurring-order job writes without a request.
    let due = recurring["record"]["next_run"].as_str().unwrap();
    let due = chrono::NaiveDate::parse_from_str(due, "%Y-%m-%d").unwrap();
    let made = boutiq::server::store::orders::create_due_recurring(&app.state.db, due)
        .await
        .expect("recurring orders");
    assert_eq!(made, 1);
    let (changes, cursor) = pull_all(&app, &cookie, phone.cursor).await;
    phone.cursor = cursor;
    assert!(
        changes
            .iter()
            .any(|c| c["kind"] == "purchase_order" && c["record"]["id"] != order.as_str()),
        "the job's order: {changes:#?}"
    );
    phone
        .post(
            "/api/orders/deliver",
            json!({ "op": op_id(), "id": order, "received": [{ "product_id": rice, "quantity": 5 }] }),
        )
        .await;
    let delivered = phone
        .sees("purchase_order", &order, false, "a delivery")
        .await;
    assert_eq!(delivered["record"]["status"], "delivered");
    assert_eq!(delivered["record"]["lines"][0]["received"], 5);
    let stocked = phone.saw("product", rice, false, "a delivery");
    assert_eq!(stocked["record"]["quantity"], 15, "10, and 5 received");

    assert_nothing_new(&phone).await;
}

#[tokio::test]
async fn alerts_rules_settings_and_deletes_leave_pull_entries() {
    let app = app().await;
    let (mut phone, category, _) = shop_with_rice(&app).await;
    let category = category.as_str();
    let cookie = phone.cookie.clone();
    // The alert engine writes in the background.
    let empty = app.create_product(&cookie, product("Sucre", 0, "")).await;
    let empty = empty["id"].as_str().unwrap().to_owned();
    phone
        .sees("product", &empty, false, "another product")
        .await;
    process_queue(&app.state.db, Utc::now())
        .await
        .expect("alerts");
    let alerts = app
        .get("/api/alerts/list?history=false", Some(&cookie))
        .await;
    let alert = alerts.json()[0]["id"].as_str().unwrap().to_owned();
    phone.sees("alert", &alert, false, "the alert engine").await;
    phone
        .post("/api/alerts/read", json!({ "op": op_id(), "id": alert }))
        .await;
    let read = phone.sees("alert", &alert, false, "reading an alert").await;
    assert_eq!(read["record"]["state"], "read");
    let mut milk = product("Lait", 15, "");
    milk["max_stock"] = json!(50);
    let milk = app.create_product(&cookie, milk).await;
    let milk = milk["id"].as_str().unwrap().to_owned();
    let mut rules = app.get("/api/alerts/rules", Some(&cookie)).await.json();
    rules[1]["threshold"] = json!(40);
    phone
        .post(
            "/api/alerts/save_rules",
            json!({ "op": op_id(), "rules": rules }),
        )
        .await;
    let saved = phone.sees("alert_rules", "shop", false, "new rules").await;
    assert_eq!(saved["record"].as_array().unwrap().len(), 6);
    // 15 of 50 is under the new share of 40 %: its badge changed with the rule.
    let restated = phone.saw("product", &milk, false, "a new stock bas share");
    assert_eq!(restated["record"]["status"], "low");
    phone
        .post(
            "/api/shops/save_settings",
            json!({ "op": op_id(), "csv_separator": ",", "date_format": "yyyy-mm-dd" }),
        )
        .await;
    let settings = phone.sees("settings", "shop", false, "new settings").await;
    assert_eq!(settings["record"]["csv_separator"], ",");

    // Deletes leave tombstones; a deleted category's products change with it.
    phone
        .post(
            "/api/categories/delete",
            json!({ "op": op_id(), "id": category }),
        )
        .await;
    phone
        .sees("category", category, true, "a deleted category")
        .await;
    phone
        .post(
            "/api/products/delete",
            json!({ "op": op_id(), "id": empty }),
        )
        .await;
    phone
        .sees("product", &empty, true, "a deleted product")
        .await;
    phone.saw("ledger", &empty, true, "a deleted product");
    let other = phone
        .post(
            "/api/suppliers/create",
            json!({ "op": op_id(), "input": supplier("Awa Grossiste") }),
        )
        .await;
    let other = other.as_str().unwrap().to_owned();
    phone
        .post(
            "/api/suppliers/delete",
            json!({ "op": op_id(), "id": other }),
        )
        .await;
    phone
        .sees("supplier", &other, true, "a deleted supplier")
        .await;

    assert_nothing_new(&phone).await;
}

/// A pull with nothing new answers no change and the same cursor.
async fn assert_nothing_new(phone: &Phone<'_>) {
    let (nothing, cursor) = pull_all(phone.app, &phone.cookie, phone.cursor).await;
    assert!(nothing.is_empty(), "{nothing:#?}");
    assert_eq!(cursor, phone.cursor);
}

#[tokio::test]
async fn another_shops_changes_never_reach_a_pull() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let fatou = app.register("shopkeeper", "fatou@example.sn").await;
    let rice = app.create_product(&awa, product("Riz", 10, "")).await;
    app.create_product(&fatou, product("Mil", 3, "")).await;

    let (changes, _) = pull_all(&app, &fatou, 0).await;
    let products: Vec<&Value> = changes.iter().filter(|c| c["kind"] == "product").collect();
    assert_eq!(products.len(), 1);
    assert_eq!(products[0]["record"]["name"], "Mil");
    assert!(
        !changes
            .iter()
            .any(|c| c.to_string().contains(rice["id"].as_str().unwrap())),
        "{changes:#?}"
    );
    let suppliers_cannot_pull = app.register("supplier", "moussa@example.sn").await;
    let reply = app
        .get("/api/sync/pull?cursor=0", Some(&suppliers_cannot_pull))
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.get("/api/sync/pull?cursor=0", None).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_garbage_or_future_cursor_is_refused() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let (_, head) = pull_all(&app, &awa, 0).await;
    for cursor in ["abc", "-1", "1.5", ""] {
        let reply = app
            .get(&format!("/api/sync/pull?cursor={cursor}"), Some(&awa))
            .await;
        assert_eq!(
            reply.status,
            StatusCode::BAD_REQUEST,
            "{cursor}: {}",
            reply.body
        );
    }
    let reply = app
        .get(&format!("/api/sync/pull?cursor={}", head + 1), Some(&awa))
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
    assert_eq!(reply.json()["code"], "error.sync.cursor");
}

/// The replica as the phone would keep it: each record by kind and id, tombstones applied.
fn apply(replica: &mut BTreeMap<(String, String), Value>, changes: &[Value]) {
    for change in changes {
        let key = subject(change);
        if change["kind"] == "deleted" {
            replica.remove(&key);
        } else {
            replica.insert(key, change["record"].clone());
        }
    }
}

#[tokio::test]
async fn a_replica_built_from_pulls_is_the_shop_the_server_shows() {
    let app = app().await;
    let cookie = app.register("shopkeeper", "awa@example.sn").await;
    let mut replica = BTreeMap::new();
    let mut cursor = 0;
    let mut products = Vec::new();
    // Changes in rounds, with a pull after some of them (a phone comes and goes).
    for round in 0..4 {
        for n in 0..3 {
            let made = app
                .create_product(&cookie, product(&format!("Produit {round}-{n}"), 5 + n, ""))
                .await;
            products.push(made["id"].as_str().unwrap().to_owned());
        }
        let moved = &products[products.len() - 2];
        let input = json!({ "product_id": moved, "kind": "in", "quantity": round + 1, "reason": "delivery", "note": "" });
        let reply = app
            .post(
                "/api/stock/move",
                json!({ "op": op_id(), "input": input }),
                Some(&cookie),
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let gone = products.remove(0);
        let reply = app
            .post(
                "/api/products/delete",
                json!({ "op": op_id(), "id": gone }),
                Some(&cookie),
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        if round % 2 == 1 {
            let (changes, next) = pull_all(&app, &cookie, cursor).await;
            apply(&mut replica, &changes);
            cursor = next;
        }
    }
    let (changes, _) = pull_all(&app, &cookie, cursor).await;
    apply(&mut replica, &changes);

    let listed = app
        .get("/api/products/list?query[page]=0", Some(&cookie))
        .await
        .json();
    let server: BTreeMap<String, i64> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap().to_owned(),
                p["quantity"].as_i64().unwrap(),
            )
        })
        .collect();
    let phone: BTreeMap<String, i64> = replica
        .iter()
        .filter(|((kind, _), _)| kind == "product")
        .map(|((_, id), p)| (id.clone(), p["quantity"].as_i64().unwrap()))
        .collect();
    assert_eq!(phone, server);
    assert_eq!(server.len(), 8);
    // And a first sync from nothing reads the same shop.
    let mut fresh = BTreeMap::new();
    apply(&mut fresh, &pull_all(&app, &cookie, 0).await.0);
    assert_eq!(fresh, replica);
}

/// The products of the replica and of the server, by id, with their quantities.
async fn same_products(app: &TestApp, cookie: &str, replica: &BTreeMap<(String, String), Value>) {
    let listed = app
        .get("/api/products/list?query[page]=0", Some(cookie))
        .await
        .json();
    let server: BTreeMap<String, (Value, i64)> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let id = p["id"].as_str().unwrap().to_owned();
            (id, (p["name"].clone(), p["quantity"].as_i64().unwrap()))
        })
        .collect();
    let phone: BTreeMap<String, (Value, i64)> = replica
        .iter()
        .filter(|((kind, _), _)| kind == "product")
        .map(|((_, id), p)| {
            (
                id.clone(),
                (p["name"].clone(), p["quantity"].as_i64().unwrap()),
            )
        })
        .collect();
    assert_eq!(phone, server);
}

#[tokio::test]
async fn an_import_and_a_restore_reach_the_pull() {
    let app = app().await;
    let cookie = app.register("shopkeeper", "awa@example.sn").await;
    crate::data::busy_shop(&app, &cookie).await;
    let mut replica = BTreeMap::new();
    let (changes, cursor) = pull_all(&app, &cookie, 0).await;
    apply(&mut replica, &changes);
    same_products(&app, &cookie, &replica).await;

    // An import: one new product.
    let file = "Nom;Code;Catégorie;Quantité;Prix de vente\nMil du Sine;MIL1;Céréales;7;900\n";
    let shown = crate::data::preview(&app, &cookie, file.as_bytes())
        .await
        .json();
    let (done, _) = crate::data::run_all(&app, &cookie, &shown).await;
    assert_eq!(done["created"], 1, "{done}");
    let (changes, cursor) = pull_all(&app, &cookie, cursor).await;
    assert!(
        changes
            .iter()
            .any(|c| c["kind"] == "product" && c["record"]["name"] == "Mil du Sine"),
        "{changes:#?}"
    );
    apply(&mut replica, &changes);
    same_products(&app, &cookie, &replica).await;

    // A restore rewrites the whole shop: the replica follows it.
    let backup = app.get("/export/backup.json", Some(&cookie)).await.body;
    let reply = crate::data::restore(&app, &cookie, backup.as_bytes(), true).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let (changes, _) = pull_all(&app, &cookie, cursor).await;
    assert!(
        changes.iter().any(|c| c["kind"] == "product"),
        "{changes:#?}"
    );
    apply(&mut replica, &changes);
    same_products(&app, &cookie, &replica).await;
}
