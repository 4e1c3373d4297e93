//! Connected orders (G5), the supplier's inbox (F3) and dashboard (F4), ratings (G6), through
//! the real router: minimums, every transition, stock received once, rating once, isolation.

use crate::common;

use axum::http::StatusCode;
use common::{Reply, TestApp, app, op_id};
use serde_json::{Value, json};

/// A registered supplier with a complete profile (minimum 30 000) and two items:
/// rice at 15 000 (minimum 2 sacs) and oil at 1 200 (stock 50).
pub(super) struct Vendor {
    pub(super) cookie: String,
    pub(super) profile_id: String,
    pub(super) rice: String,
    pub(super) oil: String,
}

pub(super) async fn vendor(app: &TestApp, email: &str) -> Vendor {
    let vendor = unlisted_vendor(app, email).await;
    complete_profile(app, &vendor.cookie).await;
    vendor
}

/// Gives the supplier's profile what the marketplace needs (a city, a category) and a minimum
/// of 30 000.
async fn complete_profile(app: &TestApp, cookie: &str) {
    let profile = json!({
        "company_name": "Grossiste Moussa", "description": "", "phone": "771234567",
        "address": "Tilène", "city": "Dakar", "delivery_zones": ["Thiès"], "categories": ["Céréales"],
        "min_order_amount": 30000, "average_delivery_days": 2
    });
    let reply = app
        .post(
            "/api/supplier/save_profile",
            json!({ "op": op_id(), "input": profile }),
            Some(cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
}

/// A supplier just registered (its profile has no city nor category, so it is not listed),
/// with the two items of [`vendor`] in its catalog.
async fn unlisted_vendor(app: &TestApp, email: &str) -> Vendor {
    let cookie = app.register("supplier", email).await;
    let mut ids = Vec::new();
    for (name, price, min, stock) in [
        ("Riz 25 kg", 15_000, 2, Value::Null),
        ("Huile 5 L", 1_200, 1, json!(50)),
    ] {
        let item = json!({ "name": name, "description": "", "category": "Céréales", "price": price,
            "unit": "sac", "min_order_quantity": min, "stock_available": stock, "available": true });
        let reply = app
            .post(
                "/api/catalog/create",
                json!({ "op": op_id(), "input": item }),
                Some(&cookie),
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        ids.push(reply.json().as_str().unwrap().to_owned());
    }
    let profile_id = app
        .rows(&format!(
            "SELECT VALUE record::id(id) FROM supplier_profile WHERE user.email = '{email}'"
        ))
        .await[0]
        .as_str()
        .unwrap()
        .to_owned();
    Vendor {
        cookie,
        profile_id,
        rice: ids[0].clone(),
        oil: ids[1].clone(),
    }
}

pub(super) fn cart(vendor: &Vendor, lines: &[(&str, i64, i64)]) -> Value {
    let lines: Vec<Value> = lines
        .iter()
        .map(|(item, quantity, price)| {
            json!({ "item_id": item, "quantity": quantity, "unit_price": price, "product_id": null })
        })
        .collect();
    json!({ "supplier_id": vendor.profile_id, "lines": lines, "note": "Avant samedi" })
}

pub(super) async fn order(app: &TestApp, cookie: &str, input: Value) -> Reply {
    app.post(
        "/api/market/order",
        json!({ "op": op_id(), "input": input }),
        Some(cookie),
    )
    .await
}

pub(super) async fn step(
    app: &TestApp,
    cookie: &str,
    id: &str,
    status: &str,
    reason: &str,
) -> Reply {
    app.post(
        "/api/inbox/status",
        json!({ "op": op_id(), "id": id, "status": status, "reason": reason }),
        Some(cookie),
    )
    .await
}

fn field_error(reply: &Reply) -> (String, String) {
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
    let body = reply.json();
    (
        body["field"].as_str().unwrap_or_default().to_owned(),
        body["code"].as_str().unwrap_or_default().to_owned(),
    )
}

/// The shop's product the vendor's rice is received as, by the cart's terms.
async fn received_as(app: &TestApp, cookie: &str, vendor: &Vendor) -> Value {
    let terms = app
        .post(
            "/api/market/cart_terms",
            json!({ "supplier_id": vendor.profile_id, "item_ids": [vendor.rice] }),
            Some(cookie),
        )
        .await
        .json();
    terms["mappings"][0]["product_name"].clone()
}

async fn quantity_of(app: &TestApp, name: &str) -> Vec<i64> {
    app.rows(&format!(
        "SELECT VALUE quantity FROM product WHERE name = '{name}'"
    ))
    .await
    .into_iter()
    .map(|v| v.as_i64().unwrap())
    .collect()
}

#[tokio::test]
async fn a_cart_respects_the_catalog_minimums_and_prices() {
    let app = app().await;
    let moussa = vendor(&app, "moussa@example.sn").await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;

    let terms = app
        .post(
            "/api/market/cart_terms",
            json!({ "supplier_id": moussa.profile_id, "item_ids": [moussa.rice, moussa.oil] }),
            Some(&awa),
        )
        .await;
    assert_eq!(terms.status, StatusCode::OK, "{}", terms.body);
    assert_eq!(terms.json()["min_order_amount"], 30_000);
    assert_eq!(terms.json()["items"].as_array().unwrap().len(), 2);

    let below_quantity = order(&app, &awa, cart(&moussa, &[(&moussa.rice, 1, 15_000)])).await;
    assert_eq!(
        field_error(&below_quantity),
        (
            format!("line.{}", moussa.rice),
            "error.market.below_minimum".into()
        )
    );
    let below_amount = order(&app, &awa, cart(&moussa, &[(&moussa.oil, 10, 1_200)])).await;
    assert_eq!(
        field_error(&below_amount),
        ("total".into(), "error.market.below_min_amount".into())
    );
    let above_stock = order(
        &app,
        &awa,
        cart(
            &moussa,
            &[(&moussa.rice, 2, 15_000), (&moussa.oil, 51, 1_200)],
        ),
    )
    .await;
    assert_eq!(field_error(&above_stock).1, "error.market.above_stock");
    let stale_price = order(&app, &awa, cart(&moussa, &[(&moussa.rice, 2, 14_000)])).await;
    assert_eq!(field_error(&stale_price).1, "error.market.price_changed");
    assert_eq!(app.count("purchase_order").await, 0, "nothing half-written");
    assert_eq!(app.count("product").await, 0);

    let placed = order(
        &app,
        &awa,
        cart(
            &moussa,
            &[(&moussa.rice, 2, 15_000), (&moussa.oil, 3, 1_200)],
        ),
    )
    .await;
    assert_eq!(placed.status, StatusCode::OK, "{}", placed.body);
    let placed = placed.json();
    assert_eq!(
        (
            &placed["status"],
            &placed["is_connected"],
            &placed["total"],
            &placed["supplier_name"]
        ),
        (
            &json!("pending"),
            &json!(true),
            &json!(33_600),
            &json!("Grossiste Moussa")
        )
    );
    assert_eq!(placed["vendor_profile_id"], json!(moussa.profile_id));
    // The items become products of the shop when they arrive (G5), not before: a pending order
    // leaves no empty product in the stock and its alerts.
    assert_eq!(app.count("product").await, 0);
    let linked = app
        .rows("SELECT VALUE linked_user.email FROM supplier")
        .await;
    assert_eq!(linked, [json!("moussa@example.sn")]);
    assert_eq!(app.count("trades_with").await, 1);

    // A second order finds the same products and supplier record; choosing another product
    // of the shop moves the item onto it.
    let own = app
        .create_product(
            &awa,
            json!({ "name": "Riz parfumé", "sku": "", "category_id": "", "unit": "sac", "quantity": 4,
                "min_stock": 1, "max_stock": null, "purchase_price": 14000, "sale_price": 16000, "notes": "" }),
        )
        .await;
    let mut again = cart(&moussa, &[(&moussa.rice, 2, 15_000)]);
    assert_eq!(
        order(&app, &awa, again.clone()).await.status,
        StatusCode::OK
    );
    assert_eq!(app.count("product").await, 1, "the shop's own only");
    assert_eq!(app.count("supplier").await, 1);
    again["lines"][0]["product_id"] = own["id"].clone();
    assert_eq!(order(&app, &awa, again).await.status, StatusCode::OK);
    assert_eq!(received_as(&app, &awa, &moussa).await, "Riz parfumé");

    // The supplier sees three pending orders from Boutique Awa; nobody else does.
    let inbox = app
        .get(
            "/api/inbox/list?query[status]=pending",
            Some(&moussa.cookie),
        )
        .await
        .json();
    assert_eq!(inbox["total"], 3, "{inbox}");
    assert_eq!(inbox["items"][2]["shop_name"], "Boutique Awa");
    assert_eq!(inbox["items"][2]["lines"][0]["name"], "Riz 25 kg");
    let ibou = vendor(&app, "ibou@example.sn").await;
    let other_inbox = app
        .get("/api/inbox/list?query[page]=0", Some(&ibou.cookie))
        .await
        .json();
    assert_eq!(other_inbox["total"], 0);
    assert_eq!(
        app.get("/api/inbox/list?query[page]=0", Some(&awa))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get("/api/inbox/list?query[page]=0", None).await.status,
        StatusCode::UNAUTHORIZED
    );
    // A supplier cannot order, nor read cart terms; an unknown supplier is not found.
    assert_eq!(
        order(
            &app,
            &ibou.cookie,
            cart(&moussa, &[(&moussa.rice, 2, 15_000)])
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    let mut ghost = cart(&moussa, &[(&moussa.rice, 2, 15_000)]);
    ghost["supplier_id"] = json!("nobody");
    assert_eq!(order(&app, &awa, ghost).await.status, StatusCode::NOT_FOUND);
    // Another supplier's item cannot be slipped into Moussa's cart.
    let foreign = order(&app, &awa, cart(&moussa, &[(&ibou.rice, 2, 15_000)])).await;
    assert_eq!(field_error(&foreign).1, "error.market.unavailable");
}

#[tokio::test]
async fn an_unlisted_supplier_cannot_be_ordered_from_until_its_profile_is_complete() {
    let app = app().await;
    let ibou = unlisted_vendor(&app, "ibou@example.sn").await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let terms = |vendor: &Vendor| {
        app.post(
            "/api/market/cart_terms",
            json!({ "supplier_id": vendor.profile_id, "item_ids": [vendor.rice] }),
            Some(&awa),
        )
    };
    let basket = cart(&ibou, &[(&ibou.rice, 2, 15_000)]);

    // The marketplace does not show it; its terms and an order are "not found" alike.
    let page = app
        .get(
            &format!("/api/marketplace/supplier?id={}", ibou.profile_id),
            Some(&awa),
        )
        .await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert_eq!(terms(&ibou).await.status, StatusCode::NOT_FOUND);
    let refused = order(&app, &awa, basket.clone()).await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND, "{}", refused.body);
    assert_eq!(app.count("purchase_order").await, 0, "no order written");
    assert_eq!(app.count("order_line").await, 0);
    assert_eq!(app.count("product").await, 0);
    assert_eq!(app.count("supplier").await, 0);
    assert_eq!(app.count("trades_with").await, 0);

    // Once the profile has its city and category, the same cart goes through.
    complete_profile(&app, &ibou.cookie).await;
    let listed = terms(&ibou).await;
    assert_eq!(listed.status, StatusCode::OK, "{}", listed.body);
    assert_eq!(listed.json()["items"].as_array().unwrap().len(), 1);
    let placed = order(&app, &awa, basket).await;
    assert_eq!(placed.status, StatusCode::OK, "{}", placed.body);
    assert_eq!(placed.json()["vendor_profile_id"], json!(ibou.profile_id));
    assert_eq!(app.count("purchase_order").await, 1);
}

#[tokio::test]
async fn the_supplier_takes_the_order_step_by_step_and_the_stock_receives_it_once() {
    let app = app().await;
    let moussa = vendor(&app, "moussa@example.sn").await;
    let ibou = vendor(&app, "ibou@example.sn").await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let binta = app.register("shopkeeper", "binta@example.sn").await;
    let placed = order(
        &app,
        &awa,
        cart(
            &moussa,
            &[(&moussa.rice, 2, 15_000), (&moussa.oil, 3, 1_200)],
        ),
    )
    .await
    .json();
    let id = placed["id"].as_str().unwrap();

    // Every step out of order is refused, for both sides.
    for status in ["shipped", "delivered", "pending"] {
        let reply = step(&app, &moussa.cookie, id, status, "").await;
        assert_eq!(
            field_error(&reply),
            ("status".into(), "error.order.transition".into()),
            "{status}"
        );
    }
    let refuse_without_reason = step(&app, &moussa.cookie, id, "refused", " ").await;
    assert_eq!(field_error(&refuse_without_reason).0, "reason");
    // Another supplier and another shop do not reach it.
    assert_eq!(
        step(&app, &ibou.cookie, id, "confirmed", "").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get(&format!("/api/orders/get?id={id}"), Some(&binta))
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    let accepted = step(&app, &moussa.cookie, id, "confirmed", "").await;
    assert_eq!(accepted.status, StatusCode::OK, "{}", accepted.body);
    assert_eq!(accepted.json()["status"], "confirmed");
    // The shopkeeper sees it at once, and can no longer withdraw it or record its steps.
    let seen = app
        .get(&format!("/api/orders/get?id={id}"), Some(&awa))
        .await
        .json();
    assert_eq!(seen["status"], "confirmed");
    let withdraw = app
        .post(
            "/api/orders/status",
            json!({ "op": op_id(), "id": id, "status": "cancelled" }),
            Some(&awa),
        )
        .await;
    assert_eq!(field_error(&withdraw).1, "error.order.transition");
    let counted = app
        .post(
            "/api/orders/deliver",
            json!({ "op": op_id(), "id": id, "received": [] }),
            Some(&awa),
        )
        .await;
    assert_eq!(counted.status, StatusCode::BAD_REQUEST);
    for status in ["confirmed", "delivered", "pending"] {
        let reply = step(&app, &moussa.cookie, id, status, "").await;
        assert_eq!(field_error(&reply).1, "error.order.transition", "{status}");
    }
    assert_eq!(
        step(&app, &moussa.cookie, id, "shipped", "").await.status,
        StatusCode::OK
    );

    // "Livrer" puts every line into the shop's stock once, even when the request is replayed.
    let delivery = json!({ "op": op_id(), "id": id, "status": "delivered", "reason": "" });
    for _ in 0..2 {
        let reply = app
            .post("/api/inbox/status", delivery.clone(), Some(&moussa.cookie))
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(reply.json()["status"], "delivered");
    }
    let again = step(&app, &moussa.cookie, id, "delivered", "").await;
    assert_eq!(field_error(&again).1, "error.order.transition");
    // The items arrived as new products of the shop, supplied by its record of Moussa.
    assert_eq!(quantity_of(&app, "Riz 25 kg").await, [2]);
    assert_eq!(quantity_of(&app, "Huile 5 L").await, [3]);
    let supplied = app
        .rows("SELECT VALUE [name, supplier.linked_user.email, count(<-supplies)] FROM product ORDER BY name")
        .await;
    assert_eq!(
        supplied,
        [
            json!(["Huile 5 L", "moussa@example.sn", 1]),
            json!(["Riz 25 kg", "moussa@example.sn", 1])
        ]
    );
    // Ordered again, the item is received as the same product.
    assert_eq!(received_as(&app, &awa, &moussa).await, "Riz 25 kg");
    let movements = app
        .rows("SELECT kind, quantity, reason, record::id(purchase) AS purchase FROM movement ORDER BY quantity")
        .await;
    assert_eq!(
        movements,
        [
            json!({ "kind": "in", "quantity": 2, "reason": "delivery", "purchase": id }),
            json!({ "kind": "in", "quantity": 3, "reason": "delivery", "purchase": id }),
        ]
    );
    let seen = app
        .get(&format!("/api/orders/get?id={id}"), Some(&awa))
        .await
        .json();
    assert_eq!(
        (&seen["status"], &seen["received_total"]),
        (&json!("delivered"), &json!(33_600))
    );

    // Each change was told to the other side.
    let events = app
        .rows("SELECT VALUE [recipient.email, status] FROM order_event ORDER BY at")
        .await;
    assert_eq!(
        events,
        [
            json!(["moussa@example.sn", "pending"]),
            json!(["awa@example.sn", "confirmed"]),
            json!(["awa@example.sn", "shipped"]),
            json!(["awa@example.sn", "delivered"]),
        ]
    );

    // The supplier's dashboard counts it.
    let stats = app
        .get("/api/inbox/dashboard", Some(&moussa.cookie))
        .await
        .json();
    assert_eq!(
        (
            &stats["item_count"],
            &stats["pending"],
            &stats["active"],
            &stats["delivered"]
        ),
        (&json!(2), &json!(0), &json!(0), &json!(1))
    );
    assert_eq!(
        stats["revenue"],
        json!([{ "currency": "XOF", "amount": 33_600 }])
    );
    assert_eq!(stats["recent"][0]["id"], json!(id));
    assert_eq!(
        app.get("/api/inbox/dashboard", Some(&awa)).await.status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn a_refused_order_tells_the_shop_why() {
    let app = app().await;
    let moussa = vendor(&app, "moussa@example.sn").await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let placed = order(&app, &awa, cart(&moussa, &[(&moussa.rice, 2, 15_000)]))
        .await
        .json();
    let id = placed["id"].as_str().unwrap();
    let refused = step(&app, &moussa.cookie, id, "refused", " Rupture de riz ").await;
    assert_eq!(refused.status, StatusCode::OK, "{}", refused.body);
    let seen = app
        .get(&format!("/api/orders/get?id={id}"), Some(&awa))
        .await
        .json();
    assert_eq!(
        (&seen["status"], &seen["refusal_reason"]),
        (&json!("refused"), &json!("Rupture de riz"))
    );
    assert_eq!(app.count("product").await, 0, "nothing arrived, no product");
    assert_eq!(
        field_error(&step(&app, &moussa.cookie, id, "confirmed", "").await).1,
        "error.order.transition"
    );
    // A connected order is not copied with old prices.
    let copy = app
        .post(
            "/api/orders/reorder",
            json!({ "op": op_id(), "id": id }),
            Some(&awa),
        )
        .await;
    assert_eq!(field_error(&copy).1, "error.order.connected_copy");
}

#[tokio::test]
async fn a_delivered_order_is_rated_once_and_counts_in_the_supplier_average() {
    let app = app().await;
    let moussa = vendor(&app, "moussa@example.sn").await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let binta = app.register("shopkeeper", "binta@example.sn").await;
    let placed = order(&app, &awa, cart(&moussa, &[(&moussa.rice, 2, 15_000)]))
        .await
        .json();
    let id = placed["id"].as_str().unwrap();
    let rate = |cookie: String, score: i64| {
        let app = &app;
        let body = json!({ "op": op_id(), "id": id, "rating": { "score": score, "comment": " Livré à l'heure " } });
        async move { app.post("/api/orders/rate", body, Some(&cookie)).await }
    };
    assert_eq!(
        field_error(&rate(awa.clone(), 4).await).1,
        "error.rating.not_delivered"
    );
    for status in ["confirmed", "shipped", "delivered"] {
        assert_eq!(
            step(&app, &moussa.cookie, id, status, "").await.status,
            StatusCode::OK
        );
    }
    assert_eq!(
        field_error(&rate(awa.clone(), 6).await).1,
        "error.rating.score"
    );
    assert_eq!(rate(binta.clone(), 1).await.status, StatusCode::NOT_FOUND);
    let rated = rate(awa.clone(), 4).await;
    assert_eq!(rated.status, StatusCode::OK, "{}", rated.body);
    assert_eq!(rated.json()["rating"], 4);
    assert_eq!(rated.json()["rating_comment"], "Livré à l'heure");
    assert_eq!(
        field_error(&rate(awa.clone(), 5).await).1,
        "error.rating.already"
    );
    let profile = app
        .get("/api/supplier/profile", Some(&moussa.cookie))
        .await
        .json();
    assert_eq!(
        (&profile["rating_sum"], &profile["rating_count"]),
        (&json!(4), &json!(1))
    );
    let reviews = app
        .rows("SELECT score, comment, in.name AS shop FROM rated")
        .await;
    assert_eq!(
        reviews,
        [json!({ "score": 4, "comment": "Livré à l'heure", "shop": "Boutique Awa" })]
    );
    let stats = app
        .get("/api/inbox/dashboard", Some(&moussa.cookie))
        .await
        .json();
    assert_eq!(
        (&stats["rating_sum"], &stats["rating_count"]),
        (&json!(4), &json!(1))
    );

    // Restoring the shop's backup keeps the order in the supplier's inbox, rated.
    let backup = app.get("/export/backup.json", Some(&awa)).await;
    let fields = [("op", op_id()), ("confirm", "true".to_owned())];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let restored = app
        .upload(
            "/api/backup/restore",
            &awa,
            &fields,
            "b.json",
            backup.body.as_bytes(),
        )
        .await;
    assert_eq!(restored.status, StatusCode::OK, "{}", restored.body);
    let inbox = app
        .get(
            "/api/inbox/list?query[status]=delivered",
            Some(&moussa.cookie),
        )
        .await
        .json();
    assert_eq!(inbox["items"][0]["id"], json!(id));
    let seen = app
        .get(&format!("/api/orders/get?id={id}"), Some(&awa))
        .await
        .json();
    assert_eq!(
        (&seen["is_connected"], &seen["rating_comment"]),
        (&json!(true), &json!("Livré à l'heure"))
    );
}

#[tokio::test]
async fn the_suppliers_steps_reach_the_shops_pull() {
    let app = app().await;
    let moussa = vendor(&app, "moussa@example.sn").await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let placed = order(&app, &awa, cart(&moussa, &[(&moussa.rice, 2, 15_000)]))
        .await
        .json();
    let id = placed["id"].as_str().unwrap();
    let (_, mut cursor) = crate::sync::pull_all(&app, &awa, 0).await;
    for status in ["confirmed", "shipped", "delivered"] {
        let reply = step(&app, &moussa.cookie, id, status, "").await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let (changes, next) = crate::sync::pull_all(&app, &awa, cursor).await;
        cursor = next;
        let moved = changes
            .iter()
            .find(|c| c["kind"] == "purchase_order" && c["record"]["id"] == id)
            .unwrap_or_else(|| panic!("{status}: {changes:#?}"));
        assert_eq!(moved["record"]["status"], status);
        if status == "delivered" {
            assert!(
                changes.iter().any(|c| c["kind"] == "product"),
                "the stock received: {changes:#?}"
            );
        }
    }
}
