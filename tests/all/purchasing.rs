//! Suppliers and purchase orders through the real router (C1–C8, E1).

use crate::common;

use axum::http::StatusCode;
use common::{TestApp, app, op_id};
use serde_json::{Value, json};

fn moussa(overrides: Value) -> Value {
    let mut input = json!({
        "name": "Moussa Distribution", "phone": "+221 77 123 45 67", "whatsapp": "+221771234567",
        "email": "", "address": "Rue 10, Médina", "city": "Dakar", "notes": ""
    });
    for (key, value) in overrides.as_object().unwrap() {
        input[key] = value.clone();
    }
    input
}

fn product(name: &str, quantity: i64, purchase_price: i64) -> Value {
    json!({
        "name": name, "sku": "", "category_id": "", "unit": "sac", "quantity": quantity,
        "min_stock": 2, "max_stock": null, "purchase_price": purchase_price, "sale_price": purchase_price + 500, "notes": ""
    })
}

async fn create_supplier(app: &TestApp, cookie: &str, input: Value) -> String {
    let reply = app
        .post(
            "/api/suppliers/create",
            json!({ "op": op_id(), "input": input }),
            Some(cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.json().as_str().unwrap().to_owned()
}

async fn create_order(app: &TestApp, cookie: &str, supplier: &str, lines: Value) -> common::Reply {
    let input =
        json!({ "supplier_id": supplier, "lines": lines, "expected_on": "2099-01-01", "note": "" });
    app.post(
        "/api/orders/create",
        json!({ "op": op_id(), "input": input }),
        Some(cookie),
    )
    .await
}

/// A shop with a supplier and two products (rice 10 sacs at 4 500, oil 5 at 1 000).
struct Shop {
    cookie: String,
    supplier: String,
    rice: String,
    oil: String,
}

async fn shop(app: &TestApp, email: &str) -> Shop {
    let cookie = app.register("shopkeeper", email).await;
    let supplier = create_supplier(app, &cookie, moussa(json!({}))).await;
    let rice = app
        .create_product(&cookie, product("Riz 5kg", 10, 4500))
        .await;
    let oil = app
        .create_product(&cookie, product("Huile 1L", 5, 1000))
        .await;
    Shop {
        cookie,
        supplier,
        rice: rice["id"].as_str().unwrap().to_owned(),
        oil: oil["id"].as_str().unwrap().to_owned(),
    }
}

async fn order_of(app: &TestApp, shop: &Shop) -> Value {
    let lines = json!([
        { "product_id": shop.rice, "quantity": 10, "unit_price": 4500 },
        { "product_id": shop.oil, "quantity": 4, "unit_price": 1000 },
    ]);
    let reply = create_order(app, &shop.cookie, &shop.supplier, lines).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.json()
}

async fn quantity(app: &TestApp, cookie: &str, product: &str) -> i64 {
    let reply = app
        .get(&format!("/api/products/get?id={product}"), Some(cookie))
        .await;
    reply.json()["quantity"].as_i64().unwrap()
}

async fn deliver(
    app: &TestApp,
    cookie: &str,
    op: &str,
    order: &str,
    received: Value,
) -> common::Reply {
    app.post(
        "/api/orders/deliver",
        json!({ "op": op, "id": order, "received": received }),
        Some(cookie),
    )
    .await
}

async fn set_status(app: &TestApp, cookie: &str, order: &str, status: &str) -> common::Reply {
    app.post(
        "/api/orders/status",
        json!({ "op": op_id(), "id": order, "status": status }),
        Some(cookie),
    )
    .await
}

#[tokio::test]
async fn suppliers_are_created_edited_pinned_and_deleted() {
    let app = app().await;
    let cookie = app.register("shopkeeper", "awa@example.sn").await;
    let moussa_id = create_supplier(&app, &cookie, moussa(json!({}))).await;
    let awa_id = create_supplier(
        &app,
        &cookie,
        moussa(json!({ "name": "Awa Grossiste", "phone": "" })),
    )
    .await;

    let list = app
        .get("/api/suppliers/list?sort=name", Some(&cookie))
        .await
        .json();
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Awa Grossiste", "Moussa Distribution"]);
    assert_eq!(list[1]["phone"], "+221771234567");

    let pin = app
        .post(
            "/api/suppliers/favorite",
            json!({ "op": op_id(), "id": moussa_id, "favorite": true }),
            Some(&cookie),
        )
        .await;
    assert_eq!(pin.status, StatusCode::OK, "{}", pin.body);
    let list = app
        .get("/api/suppliers/list?sort=name", Some(&cookie))
        .await
        .json();
    assert_eq!(
        list[0]["name"], "Moussa Distribution",
        "favourites are pinned on top"
    );

    let edit = app
        .post(
            "/api/suppliers/update",
            json!({ "op": op_id(), "id": awa_id, "input": moussa(json!({ "name": "Awa & Fils", "city": "Thiès" })) }),
            Some(&cookie),
        )
        .await;
    assert_eq!(edit.status, StatusCode::OK, "{}", edit.body);
    let detail = app
        .get(&format!("/api/suppliers/get?id={awa_id}"), Some(&cookie))
        .await
        .json();
    assert_eq!(detail["supplier"]["name"], "Awa & Fils");
    assert_eq!(detail["supplier"]["city"], "Thiès");

    let delete = app
        .post(
            "/api/suppliers/delete",
            json!({ "op": op_id(), "id": awa_id }),
            Some(&cookie),
        )
        .await;
    assert_eq!(delete.status, StatusCode::OK, "{}", delete.body);
    assert_eq!(app.count("supplier").await, 1);
}

#[tokio::test]
async fn bad_supplier_input_is_refused_next_to_its_field_and_writes_nothing() {
    let app = app().await;
    let cookie = app.register("shopkeeper", "awa@example.sn").await;
    for (input, field, code) in [
        (
            moussa(json!({ "name": " " })),
            "name",
            "error.field.required",
        ),
        (
            moussa(json!({ "phone": "12" })),
            "phone",
            "error.phone.invalid",
        ),
        (
            moussa(json!({ "email": "moussa@" })),
            "email",
            "error.email.invalid",
        ),
    ] {
        let reply = app
            .post(
                "/api/suppliers/create",
                json!({ "op": op_id(), "input": input }),
                Some(&cookie),
            )
            .await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST);
        assert_eq!(reply.json()["field"], field);
        assert_eq!(reply.json()["code"], code);
    }
    assert_eq!(app.count("supplier").await, 0);
}

#[tokio::test]
async fn products_are_linked_to_suppliers_by_a_graph_edge() {
    let app = app().await;
    let shop = shop(&app, "awa@example.sn").await;
    let link = |product: String, linked: bool| {
        let body = json!({ "op": op_id(), "supplier_id": shop.supplier, "product_id": product, "linked": linked });
        let cookie = shop.cookie.clone();
        let app = &app;
        async move { app.post("/api/suppliers/link", body, Some(&cookie)).await }
    };
    assert_eq!(link(shop.rice.clone(), true).await.status, StatusCode::OK);
    assert_eq!(
        link(shop.rice.clone(), true).await.status,
        StatusCode::OK,
        "linking twice is harmless"
    );
    assert_eq!(link(shop.oil.clone(), true).await.status, StatusCode::OK);
    assert_eq!(app.count("supplies").await, 2);
    assert_eq!(link(shop.oil.clone(), false).await.status, StatusCode::OK);
    let detail = app
        .get(
            &format!("/api/suppliers/get?id={}", shop.supplier),
            Some(&shop.cookie),
        )
        .await
        .json();
    assert_eq!(detail["products"][0]["name"], "Riz 5kg");
    assert_eq!(detail["products"].as_array().unwrap().len(), 1);
    assert_eq!(detail["supplier"]["product_count"], 1);

    // The usual supplier of a product also records the edge.
    let mut input = product("Sucre 1kg", 0, 700);
    input["supplier_id"] = json!(shop.supplier);
    let sugar = app.create_product(&shop.cookie, input).await;
    assert_eq!(sugar["supplier_name"], "Moussa Distribution");
    let edges = app
        .rows(&format!(
            "SELECT VALUE out.name FROM supplies WHERE in = supplier:`{}`",
            shop.supplier
        ))
        .await;
    assert!(edges.contains(&json!("Sucre 1kg")), "{edges:?}");
}

#[tokio::test]
async fn an_order_freezes_its_lines_and_totals_them() {
    let app = app().await;
    let shop = shop(&app, "awa@example.sn").await;
    let order = order_of(&app, &shop).await;
    assert_eq!(order["number"], 1);
    assert_eq!(order["status"], "pending");
    assert_eq!(order["total"], 49_000);
    assert_eq!(order["supplier_name"], "Moussa Distribution");
    assert_eq!(order["supplier_whatsapp"], "+221771234567");
    assert_eq!(order["lines"][0]["name"], "Riz 5kg");
    assert_eq!(order["lines"][1]["quantity"], 4);
    assert_eq!(
        order_of(&app, &shop).await["number"],
        2,
        "numbered per shop"
    );
}

#[tokio::test]
async fn bad_orders_are_refused_and_write_nothing() {
    let app = app().await;
    let shop = shop(&app, "awa@example.sn").await;
    let other = shop_of_other(&app).await;
    let cases = [
        (
            json!([]),
            shop.supplier.clone(),
            "lines",
            "error.order.empty",
        ),
        (
            json!([{ "product_id": shop.rice, "quantity": 0, "unit_price": 10 }]),
            shop.supplier.clone(),
            "lines",
            "error.order.line_quantity",
        ),
        // A product of another shop, guessed by id.
        (
            json!([{ "product_id": other.rice, "quantity": 1, "unit_price": 10 }]),
            shop.supplier.clone(),
            "lines",
            "error.order.unknown_product",
        ),
        (
            json!([{ "product_id": shop.rice, "quantity": 1, "unit_price": 10 }]),
            String::new(),
            "supplier_id",
            "error.order.supplier",
        ),
    ];
    for (lines, supplier, field, code) in cases {
        let reply = create_order(&app, &shop.cookie, &supplier, lines).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
        assert_eq!(
            (reply.json()["field"].clone(), reply.json()["code"].clone()),
            (json!(field), json!(code))
        );
    }
    // Another shop's supplier is not found.
    let lines = json!([{ "product_id": shop.rice, "quantity": 1, "unit_price": 10 }]);
    let reply = create_order(&app, &shop.cookie, &other.supplier, lines.clone()).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(app.count("purchase_order").await, 0);
    assert_eq!(app.count("order_line").await, 0);
    // The refused orders used no number.
    assert_eq!(
        create_order(&app, &shop.cookie, &shop.supplier, lines)
            .await
            .json()["number"],
        1
    );
}

#[tokio::test]
async fn delivery_puts_the_received_quantities_in_stock_exactly_once() {
    let app = app().await;
    let shop = shop(&app, "awa@example.sn").await;
    let order = order_of(&app, &shop).await;
    let id = order["id"].as_str().unwrap();
    assert_eq!(
        set_status(&app, &shop.cookie, id, "confirmed").await.json()["status"],
        "confirmed"
    );

    // Partial delivery: 8 of 10 sacs of rice, all 4 bottles of oil.
    let op = op_id();
    let received = json!([{ "product_id": shop.rice, "quantity": 8 }, { "product_id": shop.oil, "quantity": 4 }]);
    let reply = deliver(&app, &shop.cookie, &op, id, received.clone()).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let delivered = reply.json();
    assert_eq!(delivered["status"], "delivered");
    assert_eq!(delivered["lines"][0]["received"], 8);
    assert_eq!(delivered["received_total"], 8 * 4500 + 4 * 1000);
    assert_eq!(quantity(&app, &shop.cookie, &shop.rice).await, 18);
    assert_eq!(quantity(&app, &shop.cookie, &shop.oil).await, 9);

    // The same request replayed, then a second delivery: nothing more enters the stock.
    assert_eq!(
        deliver(&app, &shop.cookie, &op, id, received.clone())
            .await
            .status,
        StatusCode::OK
    );
    let again = deliver(&app, &shop.cookie, &op_id(), id, received).await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST);
    assert_eq!(again.json()["code"], "error.order.transition");
    assert_eq!(quantity(&app, &shop.cookie, &shop.rice).await, 18);
    let movements = app
        .rows(&format!(
            "SELECT kind, quantity, reason FROM movement WHERE purchase = purchase_order:`{id}`"
        ))
        .await;
    assert_eq!(movements.len(), 2);
    assert!(
        movements
            .iter()
            .all(|m| m["reason"] == "delivery" && m["kind"] == "in")
    );
    let ledger = app
        .get(
            &format!("/api/stock/ledger?product_id={}&page=0", shop.rice),
            Some(&shop.cookie),
        )
        .await
        .json();
    assert_eq!(ledger[0]["reason"], "delivery");
    assert_eq!(ledger[0]["balance_after"], 18);

    // A delivered order cannot be cancelled any more.
    assert_eq!(
        set_status(&app, &shop.cookie, id, "cancelled").await.status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn bad_deliveries_are_refused_and_change_no_stock() {
    let app = app().await;
    let shop = shop(&app, "awa@example.sn").await;
    let order = order_of(&app, &shop).await;
    let id = order["id"].as_str().unwrap();
    for received in [
        json!([{ "product_id": shop.rice, "quantity": -1 }]),
        json!([{ "product_id": shop.rice, "quantity": 0 }]),
    ] {
        let reply = deliver(&app, &shop.cookie, &op_id(), id, received).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST);
        assert_eq!(reply.json()["field"], "received");
    }
    assert_eq!(
        set_status(&app, &shop.cookie, id, "cancelled").await.json()["status"],
        "cancelled"
    );
    let received = json!([{ "product_id": shop.rice, "quantity": 5 }]);
    assert_eq!(
        deliver(&app, &shop.cookie, &op_id(), id, received)
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(quantity(&app, &shop.cookie, &shop.rice).await, 10);
    assert_eq!(app.count("movement").await, 2, "only the opening stock");
}

#[tokio::test]
async fn reliability_counts_punctuality_and_fill_rate() {
    let app = app().await;
    let shop = shop(&app, "awa@example.sn").await;
    // On time (expected far ahead), 12 of 14 units.
    let first = order_of(&app, &shop).await;
    let received = json!([{ "product_id": shop.rice, "quantity": 8 }, { "product_id": shop.oil, "quantity": 4 }]);
    deliver(
        &app,
        &shop.cookie,
        &op_id(),
        first["id"].as_str().unwrap(),
        received,
    )
    .await;
    // Late (expected in the past), all 10 units.
    let input = json!({ "supplier_id": shop.supplier, "lines": [{ "product_id": shop.rice, "quantity": 10, "unit_price": 4500 }], "expected_on": "2020-01-01", "note": "" });
    let late = app
        .post(
            "/api/orders/create",
            json!({ "op": op_id(), "input": input }),
            Some(&shop.cookie),
        )
        .await
        .json();
    let received = json!([{ "product_id": shop.rice, "quantity": 10 }]);
    deliver(
        &app,
        &shop.cookie,
        &op_id(),
        late["id"].as_str().unwrap(),
        received,
    )
    .await;

    let detail = app
        .get(
            &format!("/api/suppliers/get?id={}", shop.supplier),
            Some(&shop.cookie),
        )
        .await
        .json();
    let reliability = &detail["reliability"];
    assert_eq!(reliability["delivered"], 2);
    assert_eq!(reliability["timed"], 2);
    assert_eq!(reliability["on_time"], 1);
    assert_eq!(reliability["ordered_units"], 24);
    assert_eq!(reliability["received_units"], 22);
    assert_eq!(detail["orders"].as_array().unwrap().len(), 2);
    assert_eq!(detail["supplier"]["order_count"], 2);
}

#[tokio::test]
async fn reorder_repeats_an_order_at_todays_prices() {
    let app = app().await;
    let shop = shop(&app, "awa@example.sn").await;
    let order = order_of(&app, &shop).await;
    let mut input = product("Riz 5kg", 0, 4800);
    input["sku"] = json!("");
    let update = app
        .post(
            "/api/products/update",
            json!({ "op": op_id(), "id": shop.rice, "input": input }),
            Some(&shop.cookie),
        )
        .await;
    assert_eq!(update.status, StatusCode::OK, "{}", update.body);
    let reply = app
        .post(
            "/api/orders/reorder",
            json!({ "op": op_id(), "id": order["id"] }),
            Some(&shop.cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let copy = reply.json();
    assert_eq!(copy["number"], 2);
    assert_eq!(copy["status"], "pending");
    assert_eq!(copy["source_number"], 1);
    assert_eq!(copy["lines"][0]["unit_price"], 4800);
    assert_eq!(copy["total"], 10 * 4800 + 4 * 1000);
}

#[tokio::test]
async fn a_recurring_order_is_created_once_per_due_day() {
    let app = app().await;
    let shop = shop(&app, "awa@example.sn").await;
    let order = order_of(&app, &shop).await;
    let id = order["id"].as_str().unwrap();
    let reply = app
        .post(
            "/api/orders/recurrence",
            json!({ "op": op_id(), "id": id, "recurrence": { "every": "days", "days": 7 } }),
            Some(&shop.cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let next_run = reply.json()["next_run"].as_str().unwrap().to_owned();
    let due = chrono::NaiveDate::parse_from_str(&next_run, "%Y-%m-%d").unwrap();
    let db = &app.state.db;
    use boutiq::server::store::orders::create_due_recurring;

    assert_eq!(
        create_due_recurring(db, due.pred_opt().unwrap())
            .await
            .unwrap(),
        0,
        "not yet due"
    );
    assert_eq!(create_due_recurring(db, due).await.unwrap(), 1);
    assert_eq!(
        create_due_recurring(db, due).await.unwrap(),
        0,
        "moved on to the next day"
    );
    // Another instance that read the old due day before this one moved it: still one copy.
    app.rows(&format!(
        "UPDATE purchase_order:`{id}` SET next_run = '{next_run}'"
    ))
    .await;
    create_due_recurring(db, due).await.unwrap();
    let copies = app
        .rows(&format!(
            "SELECT number, status FROM purchase_order WHERE source = purchase_order:`{id}`"
        ))
        .await;
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_eq!(copies[0]["status"], "pending");
    let template = app
        .get(&format!("/api/orders/get?id={id}"), Some(&shop.cookie))
        .await
        .json();
    assert_eq!(
        template["next_run"].as_str().unwrap(),
        (due + chrono::Days::new(7)).format("%Y-%m-%d").to_string()
    );

    let stop = app
        .post(
            "/api/orders/recurrence",
            json!({ "op": op_id(), "id": id, "recurrence": null }),
            Some(&shop.cookie),
        )
        .await;
    assert_eq!(stop.json()["next_run"], Value::Null);
    let bad = app
        .post(
            "/api/orders/recurrence",
            json!({ "op": op_id(), "id": id, "recurrence": { "every": "week", "weekday": 9 } }),
            Some(&shop.cookie),
        )
        .await;
    assert_eq!(bad.json()["field"], "recurrence");
}

#[tokio::test]
async fn the_order_list_filters_and_totals_the_spending() {
    let app = app().await;
    let shop = shop(&app, "awa@example.sn").await;
    let first = order_of(&app, &shop).await;
    order_of(&app, &shop).await;
    let received = json!([{ "product_id": shop.rice, "quantity": 10 }, { "product_id": shop.oil, "quantity": 4 }]);
    deliver(
        &app,
        &shop.cookie,
        &op_id(),
        first["id"].as_str().unwrap(),
        received,
    )
    .await;

    let all = app
        .get(
            "/api/orders/list?query[period]=this_month",
            Some(&shop.cookie),
        )
        .await;
    assert_eq!(all.status, StatusCode::OK, "{}", all.body);
    let all = all.json();
    assert_eq!(all["total"], 2);
    assert_eq!(all["spent_month"], 49_000);
    assert_eq!(all["spent_quarter"], 49_000);
    let pending = app
        .get("/api/orders/list?query[status]=pending", Some(&shop.cookie))
        .await
        .json();
    assert_eq!(pending["total"], 1);
    assert_eq!(pending["items"][0]["number"], 2);
    let by_supplier = app
        .get(
            &format!("/api/orders/list?query[supplier_id]={}", shop.supplier),
            Some(&shop.cookie),
        )
        .await
        .json();
    assert_eq!(by_supplier["total"], 2);
    let old = app
        .get(
            "/api/orders/list?query[period]=dates&query[from]=2020-01-01&query[to]=2020-01-31",
            Some(&shop.cookie),
        )
        .await
        .json();
    assert_eq!(old["total"], 0);
    let bad = app
        .get(
            "/api/orders/list?query[period]=dates&query[from]=2020-13-01",
            Some(&shop.cookie),
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_dashboard_counts_orders_and_suppliers() {
    let app = app().await;
    let shop = shop(&app, "awa@example.sn").await;
    let first = order_of(&app, &shop).await;
    order_of(&app, &shop).await;
    set_status(&app, &shop.cookie, first["id"].as_str().unwrap(), "shipped").await;
    let figures = app
        .get("/api/dashboard/stock", Some(&shop.cookie))
        .await
        .json();
    assert_eq!(figures["pending_orders"], 1);
    assert_eq!(figures["active_orders"], 2);
    assert_eq!(figures["next_delivery"], "2099-01-01");
    assert_eq!(figures["supplier_count"], 1);
}

async fn shop_of_other(app: &TestApp) -> Shop {
    shop(app, "binta@example.sn").await
}

#[tokio::test]
async fn another_shop_reaches_none_of_these_records() {
    let app = app().await;
    let awa = shop(&app, "awa@example.sn").await;
    let order = order_of(&app, &awa).await;
    let order_id = order["id"].as_str().unwrap();
    let binta = shop_of_other(&app).await;
    let c = Some(binta.cookie.as_str());
    for path in [
        format!("/api/suppliers/get?id={}", awa.supplier),
        format!("/api/orders/get?id={order_id}"),
    ] {
        assert_eq!(
            app.get(&path, c).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let writes = [
        (
            "/api/suppliers/update",
            json!({ "id": awa.supplier, "input": moussa(json!({ "name": "Pris" })) }),
        ),
        ("/api/suppliers/delete", json!({ "id": awa.supplier })),
        (
            "/api/suppliers/favorite",
            json!({ "id": awa.supplier, "favorite": true }),
        ),
        (
            "/api/suppliers/link",
            json!({ "supplier_id": awa.supplier, "product_id": binta.rice, "linked": true }),
        ),
        (
            "/api/suppliers/link",
            json!({ "supplier_id": binta.supplier, "product_id": awa.rice, "linked": true }),
        ),
        (
            "/api/orders/status",
            json!({ "id": order_id, "status": "cancelled" }),
        ),
        (
            "/api/orders/deliver",
            json!({ "id": order_id, "received": [{ "product_id": awa.rice, "quantity": 3 }] }),
        ),
        ("/api/orders/reorder", json!({ "id": order_id })),
        (
            "/api/orders/recurrence",
            json!({ "id": order_id, "recurrence": { "every": "days", "days": 3 } }),
        ),
    ];
    for (path, mut body) in writes {
        body["op"] = json!(op_id());
        let reply = app.post(path, body, c).await;
        assert_eq!(
            reply.status,
            StatusCode::NOT_FOUND,
            "{path}: {}",
            reply.body
        );
    }
    // Binta's own lists show none of Awa's records.
    let list = app.get("/api/suppliers/list?sort=name", c).await.json();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(
        app.get("/api/orders/list?query[page]=0", c).await.json()["total"],
        0
    );
    // Awa's records are untouched.
    let still = app
        .get(&format!("/api/orders/get?id={order_id}"), Some(&awa.cookie))
        .await
        .json();
    assert_eq!(still["status"], "pending");
    assert_eq!(quantity(&app, &awa.cookie, &awa.rice).await, 10);
    assert_eq!(app.count("supplies").await, 0);

    // A supplier account and an anonymous visitor get 403 and 401.
    let supplier = app.register("supplier", "fourni@example.sn").await;
    assert_eq!(
        app.get("/api/orders/list?query[page]=0", Some(&supplier))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get("/api/suppliers/list?sort=name", None).await.status,
        StatusCode::UNAUTHORIZED
    );
}
