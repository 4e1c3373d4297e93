//! The alert engine and the alerts API (D1–D6) through the real router.

use crate::common;

use axum::http::StatusCode;
use boutiq::server::alerts::process_queue;
use chrono::{Duration, Utc};
use common::{TestApp, app, op_id};
use serde_json::{Value, json};

fn product(name: &str, quantity: i64, min_stock: i64, max_stock: Option<i64>) -> Value {
    json!({
        "name": name, "sku": "", "category_id": "", "unit": "sac", "quantity": quantity,
        "min_stock": min_stock, "max_stock": max_stock, "purchase_price": 1000, "sale_price": 1200, "notes": ""
    })
}

/// A manual supplier of the shop: its id.
async fn supplier(app: &TestApp, cookie: &str) -> Value {
    let input = json!({ "name": "Moussa", "phone": "", "whatsapp": "", "email": "", "address": "", "city": "", "notes": "" });
    app.post(
        "/api/suppliers/create",
        json!({ "op": op_id(), "input": input }),
        Some(cookie),
    )
    .await
    .json()
}

async fn run_engine(app: &TestApp, days_later: i64) {
    process_queue(&app.state.db, Utc::now() + Duration::days(days_later))
        .await
        .expect("alert queue");
}

async fn alerts(app: &TestApp, cookie: &str, history: bool) -> Vec<Value> {
    let reply = app
        .get(&format!("/api/alerts/list?history={history}"), Some(cookie))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.json().as_array().unwrap().clone()
}

fn kinds(list: &[Value]) -> Vec<String> {
    let mut kinds: Vec<String> = list
        .iter()
        .map(|a| a["kind"].as_str().unwrap().to_owned())
        .collect();
    kinds.sort();
    kinds
}

async fn move_stock(app: &TestApp, cookie: &str, product: &str, kind: &str, quantity: i64) {
    let input = json!({ "product_id": product, "kind": kind, "quantity": quantity, "reason": "correction", "note": "" });
    let reply = app
        .post(
            "/api/stock/move",
            json!({ "op": op_id(), "input": input }),
            Some(cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
}

#[tokio::test]
async fn stock_changes_raise_one_alert_each_and_resolve_them_when_the_cause_is_gone() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let rice = app
        .create_product(&awa, product("Riz 5kg", 11, 5, Some(50)))
        .await;
    let rice = rice["id"].as_str().unwrap();
    run_engine(&app, 0).await;
    assert!(
        alerts(&app, &awa, false).await.is_empty(),
        "11 > min 5 and > 20 % of 50"
    );

    // The change is queued in its own transaction, then evaluated in the background.
    move_stock(&app, &awa, rice, "out", 11).await;
    assert_eq!(app.count("alert_job").await, 1);
    run_engine(&app, 0).await;
    assert_eq!(app.count("alert_job").await, 0);
    let list = alerts(&app, &awa, false).await;
    assert_eq!(kinds(&list), ["rupture"]);
    assert_eq!(list[0]["severity"], "critical");
    assert_eq!(list[0]["product_name"], "Riz 5kg");
    assert_eq!(list[0]["state"], "open");

    // Evaluating again does not duplicate it.
    app.rows(&format!(
        "UPSERT alert_job:['product', '{rice}'] SET at = time::now()"
    ))
    .await;
    run_engine(&app, 0).await;
    assert_eq!(alerts(&app, &awa, false).await.len(), 1);

    // 3 sacs: no longer rupture but stock bas; 30: none, both resolved into the history.
    move_stock(&app, &awa, rice, "in", 3).await;
    run_engine(&app, 0).await;
    assert_eq!(kinds(&alerts(&app, &awa, false).await), ["low"]);
    move_stock(&app, &awa, rice, "in", 27).await;
    run_engine(&app, 0).await;
    assert!(alerts(&app, &awa, false).await.is_empty());
    let history = alerts(&app, &awa, true).await;
    assert_eq!(kinds(&history), ["low", "rupture"]);
    assert!(history.iter().all(|a| a["state"] == "resolved"));

    // 50 = max: surstock.
    move_stock(&app, &awa, rice, "in", 20).await;
    run_engine(&app, 0).await;
    assert_eq!(kinds(&alerts(&app, &awa, false).await), ["over"]);
}

#[tokio::test]
async fn a_dismissed_alert_is_not_raised_again_while_its_cause_lasts() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    app.create_product(&awa, product("Sucre", 0, 2, None)).await;
    app.create_product(&awa, product("Huile", 1, 2, None)).await;
    run_engine(&app, 0).await;
    let list = alerts(&app, &awa, false).await;
    assert_eq!(kinds(&list), ["low", "rupture"]);
    assert_eq!(app.get("/api/alerts/unread", Some(&awa)).await.json(), 2);

    let one = list[0]["id"].as_str().unwrap();
    let read = app
        .post(
            "/api/alerts/read",
            json!({ "op": op_id(), "id": one }),
            Some(&awa),
        )
        .await;
    assert_eq!(read.json(), 1);
    assert_eq!(app.get("/api/alerts/unread", Some(&awa)).await.json(), 1);
    let all = app
        .post(
            "/api/alerts/read",
            json!({ "op": op_id(), "id": null }),
            Some(&awa),
        )
        .await;
    assert_eq!(all.json(), 1, "Tout marquer comme lu");
    assert_eq!(app.get("/api/alerts/unread", Some(&awa)).await.json(), 0);

    let dismiss = app
        .post(
            "/api/alerts/dismiss",
            json!({ "op": op_id(), "id": one }),
            Some(&awa),
        )
        .await;
    assert_eq!(dismiss.status, StatusCode::OK, "{}", dismiss.body);
    app.rows("FOR $p IN (SELECT VALUE id FROM product) { UPSERT type::record('alert_job', ['product', record::id($p)]) SET at = time::now(); }").await;
    run_engine(&app, 0).await;
    assert_eq!(alerts(&app, &awa, false).await.len(), 1);
    assert_eq!(alerts(&app, &awa, true).await[0]["state"], "dismissed");
}

#[tokio::test]
async fn rules_change_what_is_raised() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    app.create_product(&awa, product("Sucre", 0, 2, None)).await;
    app.create_product(&awa, product("Riz", 20, 5, Some(50)))
        .await;
    run_engine(&app, 0).await;
    assert_eq!(kinds(&alerts(&app, &awa, false).await), ["rupture"]);

    let mut rules = app.get("/api/alerts/rules", Some(&awa)).await.json();
    assert_eq!(rules.as_array().unwrap().len(), 6);
    assert_eq!(rules[1]["threshold"], 20);
    rules[0]["enabled"] = json!(false); // rupture off
    rules[1]["threshold"] = json!(40); // stock bas at 40 % of max: 20 of 50
    let save = app
        .post(
            "/api/alerts/save_rules",
            json!({ "op": op_id(), "rules": rules }),
            Some(&awa),
        )
        .await;
    assert_eq!(save.status, StatusCode::OK, "{}", save.body);
    run_engine(&app, 0).await;
    assert_eq!(kinds(&alerts(&app, &awa, false).await), ["low"]);
    assert_eq!(
        app.get("/api/alerts/rules", Some(&awa)).await.json()[1]["threshold"],
        40
    );

    rules[1]["threshold"] = json!(0);
    let bad = app
        .post(
            "/api/alerts/save_rules",
            json!({ "op": op_id(), "rules": rules }),
            Some(&awa),
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad.json()["field"], "threshold");
}

/// The badge and the alert follow one rule: rice at 10 of max 50 is "stock bas" on its badge
/// and in the alerts; a share of 10 % makes it "normal" in both, for this shop only.
#[tokio::test]
async fn the_badge_and_the_alert_agree_on_stock_bas_and_follow_the_shops_share() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let fatou = app.register("shopkeeper", "fatou@example.sn").await;
    let rice = app
        .create_product(&awa, product("Riz", 10, 5, Some(50)))
        .await;
    let other = app
        .create_product(&fatou, product("Riz", 10, 5, Some(50)))
        .await;
    assert_eq!(rice["status"], "low", "10 of 50 is 20 %");
    run_engine(&app, 0).await;
    assert_eq!(kinds(&alerts(&app, &awa, false).await), ["low"]);

    let status = |cookie: &str, id: &Value| {
        let url = format!("/api/products/get?id={}", id.as_str().unwrap());
        let cookie = cookie.to_owned();
        let app = &app;
        async move { app.get(&url, Some(&cookie)).await.json()["status"].clone() }
    };
    let mut rules = app.get("/api/alerts/rules", Some(&awa)).await.json();
    rules[1]["threshold"] = json!(10);
    let save = app
        .post(
            "/api/alerts/save_rules",
            json!({ "op": op_id(), "rules": rules }),
            Some(&awa),
        )
        .await;
    assert_eq!(save.status, StatusCode::OK, "{}", save.body);
    assert_eq!(status(&awa, &rice["id"]).await, "normal");
    run_engine(&app, 0).await;
    assert!(kinds(&alerts(&app, &awa, false).await).is_empty());
    assert_eq!(
        status(&fatou, &other["id"]).await,
        "low",
        "another shop keeps its share"
    );

    // Below the new share, both say it again.
    let sale = json!({ "op": op_id(), "input": { "product_id": rice["id"], "kind": "out",
        "quantity": 5, "reason": "sale", "note": "" } });
    assert_eq!(
        app.post("/api/stock/move", sale, Some(&awa)).await.status,
        StatusCode::OK
    );
    assert_eq!(status(&awa, &rice["id"]).await, "low");
    run_engine(&app, 0).await;
    assert_eq!(kinds(&alerts(&app, &awa, false).await), ["low"]);
}

/// D4: "Commander" counts the units sold (not those lost) and waits the usual supplier's own
/// delay, measured on its delivered orders.
#[tokio::test]
async fn commander_counts_sales_only_and_waits_the_suppliers_own_delay() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let supplier = supplier(&app, &awa).await;
    let mut input = product("Riz", 100, 5, None);
    input["supplier_id"] = supplier.clone();
    let rice = app.create_product(&awa, input).await;
    let lines = json!([{ "product_id": rice["id"], "quantity": 5, "unit_price": 1000 }]);
    let input = json!({ "supplier_id": supplier, "lines": lines, "expected_on": "", "note": "" });
    let order = app
        .post(
            "/api/orders/create",
            json!({ "op": op_id(), "input": input }),
            Some(&awa),
        )
        .await
        .json();
    let received = json!([{ "product_id": rice["id"], "quantity": 5 }]);
    let deliver = json!({ "op": op_id(), "id": order["id"], "received": received });
    let delivered = app.post("/api/orders/deliver", deliver, Some(&awa)).await;
    assert_eq!(delivered.status, StatusCode::OK, "{}", delivered.body);
    app.rows("UPDATE purchase_order SET delivered_at = created_at + 6d")
        .await;
    for (reason, quantity) in [("sale", 60), ("loss", 30), ("sale", 14)] {
        let input = json!({ "product_id": rice["id"], "kind": "out", "quantity": quantity, "reason": reason, "note": "" });
        let moved = app
            .post(
                "/api/stock/move",
                json!({ "op": op_id(), "input": input }),
                Some(&awa),
            )
            .await;
        assert_eq!(moved.status, StatusCode::OK, "{}", moved.body);
    }
    run_engine(&app, 0).await;
    let list = alerts(&app, &awa, false).await;
    assert_eq!(kinds(&list), ["low"], "1 sac left");
    let alert: boutiq::domain::alert::AlertView = serde_json::from_value(list[0].clone()).unwrap();
    assert_eq!(
        (
            alert.sold_last_30_days,
            alert.delivered_days,
            alert.delivered_orders
        ),
        (74, 6, 1)
    );
    assert_eq!(alert.delivery_days(), 6);
    // 74 sold in 30 days × 6 days × 1.5, rounded up.
    assert_eq!(alert.suggested_quantity(), Some(23));
}

#[tokio::test]
async fn time_brings_dormant_products_late_deliveries_and_pending_orders() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let rice = app.create_product(&awa, product("Riz", 20, 5, None)).await;
    let supplier = supplier(&app, &awa).await;
    let lines = json!([{ "product_id": rice["id"], "quantity": 5, "unit_price": 1000 }]);
    let input =
        json!({ "supplier_id": supplier, "lines": lines, "expected_on": "2020-01-01", "note": "" });
    let order = app
        .post(
            "/api/orders/create",
            json!({ "op": op_id(), "input": input }),
            Some(&awa),
        )
        .await
        .json();
    run_engine(&app, 0).await;
    assert_eq!(kinds(&alerts(&app, &awa, false).await), ["late"]);

    // A month later (the sweep queues everything): dormant rice, an order pending for too long.
    boutiq::server::store::alerts::enqueue_everything(&app.state.db)
        .await
        .unwrap();
    run_engine(&app, 31).await;
    let list = alerts(&app, &awa, false).await;
    assert_eq!(kinds(&list), ["dormant", "late", "pending"]);
    let late = list.iter().find(|a| a["kind"] == "late").unwrap();
    assert_eq!(late["order_number"], 1);

    // Delivered: both order alerts resolve themselves.
    let received = json!([{ "product_id": rice["id"], "quantity": 5 }]);
    let deliver = app
        .post(
            "/api/orders/deliver",
            json!({ "op": op_id(), "id": order["id"], "received": received }),
            Some(&awa),
        )
        .await;
    assert_eq!(deliver.status, StatusCode::OK, "{}", deliver.body);
    run_engine(&app, 0).await;
    assert_eq!(
        kinds(&alerts(&app, &awa, false).await),
        Vec::<String>::new(),
        "today the rice is new (not dormant) and the order delivered"
    );
}

#[tokio::test]
async fn another_shop_sees_and_changes_none_of_these_alerts() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    app.create_product(&awa, product("Sucre", 0, 2, None)).await;
    run_engine(&app, 0).await;
    let id = alerts(&app, &awa, false).await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let binta = app.register("shopkeeper", "binta@example.sn").await;
    assert!(alerts(&app, &binta, false).await.is_empty());
    for path in ["/api/alerts/read", "/api/alerts/dismiss"] {
        let reply = app
            .post(path, json!({ "op": op_id(), "id": id }), Some(&binta))
            .await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
    }
    app.post(
        "/api/alerts/read",
        json!({ "op": op_id(), "id": null }),
        Some(&binta),
    )
    .await;
    assert_eq!(alerts(&app, &awa, false).await[0]["state"], "open");
    let supplier = app.register("supplier", "moussa@example.sn").await;
    assert_eq!(
        app.get("/api/alerts/list?history=false", Some(&supplier))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get("/api/alerts/unread", None).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn the_products_that_raised_most_alerts_this_month_come_first() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let rice = app
        .create_product(&awa, product("Riz", 11, 5, Some(50)))
        .await;
    let rice = rice["id"].as_str().unwrap();
    app.create_product(&awa, product("Sucre", 0, 2, None)).await;
    run_engine(&app, 0).await;
    // Riz: stock bas, then rupture, then stock bas again: three alerts; Sucre: one.
    for (kind, quantity) in [("out", 7), ("out", 4), ("in", 2)] {
        move_stock(&app, &awa, rice, kind, quantity).await;
        run_engine(&app, 0).await;
    }
    let listed = app
        .get(&format!("/api/products/get?id={rice}"), Some(&awa))
        .await
        .json();
    assert_eq!(
        listed["alert_count"], 3,
        "each product shows its alerts of the month"
    );
    let top = app.get("/api/alerts/top_products", Some(&awa)).await.json();
    assert_eq!(top[0]["name"], "Riz");
    assert_eq!(top[0]["count"], 3);
    assert_eq!(top[1]["name"], "Sucre");
    assert_eq!(top[1]["count"], 1);
    let binta = app.register("shopkeeper", "binta@example.sn").await;
    assert_eq!(
        app.get("/api/alerts/top_products", Some(&binta))
            .await
            .json(),
        json!([])
    );
}

#[tokio::test]
async fn no_alert_is_raised_for_a_record_deleted_while_it_was_evaluated() {
    use boutiq::domain::alert::AlertKind;
    let app = app().await;
    let cookie = app.register("shopkeeper", "awa@example.sn").await;
    let rice = app
        .create_product(&cookie, product("Riz", 1, 5, None))
        .await;
    let id = rice["id"].as_str().unwrap();
    let shop = app.rows("SELECT VALUE record::id(id) FROM shop").await;
    // The engine read the facts (stock bas), then the product was deleted (or restored over).
    let reply = app
        .post(
            "/api/products/delete",
            json!({ "op": op_id(), "id": id }),
            Some(&cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let shop_id = shop[0].as_str().unwrap();
    boutiq::server::store::alerts::sync(
        &app.state.db,
        shop_id,
        "product",
        id,
        &AlertKind::PRODUCT,
        &[AlertKind::Low],
    )
    .await
    .unwrap();
    assert_eq!(app.count("alert").await, 0);
}

#[tokio::test]
async fn a_rule_list_with_a_kind_twice_or_too_many_rules_is_refused_and_changes_nothing() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let save = |rules: Value| {
        app.post(
            "/api/alerts/save_rules",
            json!({ "op": op_id(), "rules": rules }),
            Some(&awa),
        )
    };
    let mut rules = app.get("/api/alerts/rules", Some(&awa)).await.json();
    rules[0]["enabled"] = json!(false);
    let saved = save(rules.clone()).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let before = app.get("/api/alerts/rules", Some(&awa)).await.json();
    assert_eq!(before, rules);

    // Six rules, "stock bas" twice: the unique index on (shop, kind) used to answer 500.
    let mut twice = rules.clone();
    twice[5] = rules[1].clone();
    twice[5]["threshold"] = json!(50);
    let reply = save(twice).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
    assert_eq!(
        (&reply.json()["field"], &reply.json()["code"]),
        (&json!("rules"), &json!("error.alert_rules.duplicate"))
    );

    // 20,000 rules (each written as a JSON array, so the body stays under the 1 MiB limit and
    // reaches the server function) are refused before any is looked at.
    let flood = Value::Array(vec![json!(["rupture", true, null, true, false]); 20_000]);
    let reply = save(flood).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
    assert_eq!(
        (&reply.json()["field"], &reply.json()["code"]),
        (&json!("rules"), &json!("error.alert_rules.too_many"))
    );

    // Nothing was written: the same rules, the same rows.
    assert_eq!(
        app.get("/api/alerts/rules", Some(&awa)).await.json(),
        before
    );
    assert_eq!(app.count("alert_rule").await, 6);
}
