//! Products, categories and stock movements through the real router (B1–B6, B9).

use crate::common;

use axum::http::StatusCode;
use common::{TestApp, app, op_id};
use serde_json::{Value, json};

fn rice(overrides: Value) -> Value {
    let mut input = json!({
        "name": "Riz 5kg", "sku": "", "category_id": "", "unit": "sac", "quantity": 10,
        "min_stock": 5, "max_stock": 50, "purchase_price": 4500, "sale_price": 5000, "notes": ""
    });
    for (key, value) in overrides.as_object().unwrap() {
        input[key] = value.clone();
    }
    input
}

async fn move_stock(
    app: &TestApp,
    cookie: &str,
    product: &str,
    kind: &str,
    quantity: i64,
) -> common::Reply {
    let reason = if kind == "in" { "delivery" } else { "sale" };
    let input = json!({ "product_id": product, "kind": kind, "quantity": quantity, "reason": reason, "note": "" });
    app.post(
        "/api/stock/move",
        json!({ "op": op_id(), "input": input }),
        Some(cookie),
    )
    .await
}

async fn quantity_and_movement_sum(app: &TestApp, product: &str) -> (i64, i64) {
    let rows = app
        .rows(&format!(
            "SELECT quantity, math::sum((SELECT VALUE IF kind = 'in' {{ quantity }} ELSE {{ -quantity }} FROM movement WHERE product = $parent.id)) AS sum FROM product:`{product}`"
        ))
        .await;
    (
        rows[0]["quantity"].as_i64().unwrap(),
        rows[0]["sum"].as_i64().unwrap(),
    )
}

#[tokio::test]
async fn a_product_starts_with_its_opening_stock_as_a_movement() {
    let app = app().await;
    let cookie = app.register("shopkeeper", "awa@example.sn").await;
    let product = app.create_product(&cookie, rice(json!({}))).await;
    assert_eq!(product["quantity"], 10);
    assert_eq!(
        product["status"], "low",
        "10 of a max of 50 is the stock bas share"
    );
    let id = product["id"].as_str().unwrap();
    assert_eq!(quantity_and_movement_sum(&app, id).await, (10, 10));
    let ledger = app
        .get(
            &format!("/api/stock/ledger?product_id={id}&page=0"),
            Some(&cookie),
        )
        .await
        .json();
    assert_eq!(ledger[0]["reason"], "opening");
    assert_eq!(ledger[0]["balance_after"], 10);
    assert_eq!(ledger[0]["by_name"], "Awa Diallo");
}

#[tokio::test]
async fn the_stored_status_agrees_with_the_domain_rule_at_every_boundary() {
    use boutiq::domain::stock::StockStatus;
    let app = app().await;
    let cookie = app.register("shopkeeper", "awa@example.sn").await;
    let cases = [
        (0, 5, Some(50)),
        (1, 5, Some(50)),
        (5, 5, Some(50)),
        (6, 5, Some(50)),
        (10, 5, Some(50)),
        (11, 5, Some(50)),
        (49, 5, Some(50)),
        (50, 5, Some(50)),
        (900, 5, None),
    ];
    for (quantity, min, max) in cases {
        let product = app
            .create_product(
                &cookie,
                rice(json!({ "quantity": quantity, "min_stock": min, "max_stock": max })),
            )
            .await;
        let expected = StockStatus::of(quantity, min, max, 20);
        assert_eq!(
            product["status"],
            expected.as_str(),
            "{quantity} {min} {max:?}"
        );
    }
}

#[tokio::test]
async fn bad_products_are_refused_field_by_field_and_nothing_is_written() {
    let app = app().await;
    let cookie = app.register("shopkeeper", "awa@example.sn").await;
    let cases = [
        (json!({ "name": " " }), "name"),
        (json!({ "quantity": -1 }), "quantity"),
        (json!({ "min_stock": 60 }), "max_stock"),
        (json!({ "purchase_price": -1 }), "purchase_price"),
        (json!({ "category_id": "doesnotexist" }), "category_id"),
    ];
    for (overrides, field) in cases {
        let reply = app
            .post(
                "/api/products/create",
                json!({ "op": op_id(), "input": rice(overrides) }),
                Some(&cookie),
            )
            .await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
        assert_eq!(reply.json()["field"], field);
    }
    assert_eq!(app.count("product").await, 0);
    assert_eq!(app.count("movement").await, 0);
}

#[tokio::test]
async fn sku_is_unique_per_shop_only() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let fatou = app.register("shopkeeper", "fatou@example.sn").await;
    app.create_product(&awa, rice(json!({ "sku": "6001234567890" })))
        .await;
    app.create_product(&awa, rice(json!({ "name": "Sans code 1" })))
        .await;
    app.create_product(&awa, rice(json!({ "name": "Sans code 2" })))
        .await;
    let taken = app
        .post(
            "/api/products/create",
            json!({ "op": op_id(), "input": rice(json!({ "sku": "6001234567890" })) }),
            Some(&awa),
        )
        .await;
    assert_eq!(taken.status, StatusCode::CONFLICT);
    assert_eq!(
        taken.json(),
        json!({ "kind": "conflict", "field": "sku", "code": "error.sku.taken" })
    );
    app.create_product(&fatou, rice(json!({ "sku": "6001234567890" })))
        .await;
}

#[tokio::test]
async fn an_out_larger_than_the_stock_is_refused_and_writes_nothing() {
    let app = app().await;
    let cookie = app.register("shopkeeper", "awa@example.sn").await;
    let id = app.create_product(&cookie, rice(json!({}))).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let refused = move_stock(&app, &cookie, &id, "out", 11).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        refused.json(),
        json!({ "kind": "invalid", "field": "quantity", "code": "error.stock.insufficient" })
    );
    assert_eq!(quantity_and_movement_sum(&app, &id).await, (10, 10));
    let sold = move_stock(&app, &cookie, &id, "out", 10).await;
    assert_eq!(sold.json(), json!(0));
    let product = app
        .get(&format!("/api/products/get?id={id}"), Some(&cookie))
        .await
        .json();
    assert_eq!(product["status"], "rupture");
}

#[tokio::test]
async fn a_replayed_movement_is_applied_once() {
    let app = app().await;
    let cookie = app.register("shopkeeper", "awa@example.sn").await;
    let id = app.create_product(&cookie, rice(json!({}))).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let body = json!({ "op": op_id(), "input": { "product_id": id, "kind": "in", "quantity": 5, "reason": "delivery", "note": "" } });
    assert_eq!(
        app.post("/api/stock/move", body.clone(), Some(&cookie))
            .await
            .json(),
        json!(15)
    );
    assert_eq!(
        app.post("/api/stock/move", body, Some(&cookie))
            .await
            .json(),
        json!(15)
    );
    assert_eq!(quantity_and_movement_sum(&app, &id).await, (15, 15));
}

#[tokio::test]
async fn a_reason_of_the_other_direction_is_refused_and_moves_nothing() {
    let app = app().await;
    let cookie = app.register("shopkeeper", "awa@example.sn").await;
    let id = app.create_product(&cookie, rice(json!({}))).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for (kind, reason) in [("in", "sale"), ("in", "loss"), ("out", "delivery")] {
        let body = json!({ "op": op_id(), "input": { "product_id": id, "kind": kind, "quantity": 2, "reason": reason, "note": "" } });
        let reply = app.post("/api/stock/move", body, Some(&cookie)).await;
        assert_eq!(reply.status, 400, "{kind} {reason}: {}", reply.body);
        assert_eq!(reply.json()["field"], "reason", "{}", reply.body);
    }
    assert_eq!(quantity_and_movement_sum(&app, &id).await, (10, 10));
}

#[tokio::test]
async fn two_hundred_concurrent_movements_lose_nothing() {
    let app = app().await;
    let cookie = app.register("shopkeeper", "awa@example.sn").await;
    let id = app
        .create_product(&cookie, rice(json!({ "quantity": 100, "max_stock": null })))
        .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let tasks: Vec<_> = (0..200)
        .map(|i| {
            let (router, cookie, id) = (app.router.clone(), cookie.clone(), id.clone());
            let state = app.state.clone();
            tokio::spawn(async move {
                let app = TestApp { router, state };
                let (kind, quantity) = if i % 2 == 0 { ("in", 3) } else { ("out", 1) };
                move_stock(&app, &cookie, &id, kind, quantity).await.status
            })
        })
        .collect();
    for task in tasks {
        assert_eq!(task.await.unwrap(), StatusCode::OK);
    }
    let (quantity, sum) = quantity_and_movement_sum(&app, &id).await;
    assert_eq!(quantity, 100 + 100 * 3 - 100);
    assert_eq!(quantity, sum);
    assert_eq!(app.count("movement").await, 201);
}

#[tokio::test]
async fn another_shop_can_neither_read_nor_change_a_product() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let fatou = app.register("shopkeeper", "fatou@example.sn").await;
    let supplier = app.register("supplier", "moussa@example.sn").await;
    let id = app.create_product(&awa, rice(json!({}))).await["id"]
        .as_str()
        .unwrap()
        .to_owned();

    assert_eq!(
        app.get(&format!("/api/products/get?id={id}"), Some(&fatou))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let fatou_list = app
        .get("/api/products/list?query[search]=", Some(&fatou))
        .await;
    assert_eq!(fatou_list.json()["total"], 0, "{}", fatou_list.body);
    assert_eq!(
        app.get(
            &format!("/api/stock/ledger?product_id={id}&page=0"),
            Some(&fatou)
        )
        .await
        .json(),
        json!([])
    );
    let update = app
        .post(
            "/api/products/update",
            json!({ "op": op_id(), "id": id, "input": rice(json!({ "name": "Volé" })) }),
            Some(&fatou),
        )
        .await;
    assert_eq!(update.status, StatusCode::NOT_FOUND);
    assert_eq!(
        move_stock(&app, &fatou, &id, "out", 1).await.status,
        StatusCode::NOT_FOUND
    );
    let delete = app
        .post(
            "/api/products/delete",
            json!({ "op": op_id(), "id": id }),
            Some(&fatou),
        )
        .await;
    assert_eq!(delete.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.get(&format!("/api/products/get?id={id}"), Some(&supplier))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get(&format!("/api/products/get?id={id}"), None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );

    let still = app
        .get(&format!("/api/products/get?id={id}"), Some(&awa))
        .await
        .json();
    assert_eq!(
        (still["name"].as_str(), still["quantity"].as_i64()),
        (Some("Riz 5kg"), Some(10))
    );
}

#[tokio::test]
async fn products_are_searched_filtered_sorted_and_paged_on_the_server() {
    let app = app().await;
    let cookie = app.register("shopkeeper", "awa@example.sn").await;
    let drinks = app.create_category(&cookie, "Boissons").await.json();
    for i in 0..30 {
        let category = if i % 3 == 0 {
            drinks.as_str().unwrap()
        } else {
            ""
        };
        app.create_product(&cookie, rice(json!({ "name": format!("Article {i:02}"), "sku": format!("SKU{i:02}"), "quantity": i, "sale_price": 100 * i, "category_id": category }))).await;
    }
    let page = |query: &str| {
        let app = &app;
        let cookie = cookie.clone();
        let query = query.to_owned();
        async move {
            app.get(&format!("/api/products/list?{query}"), Some(&cookie))
                .await
                .json()
        }
    };
    let first = page("query[sort]=name&query[page]=0").await;
    assert_eq!(first["total"], 30);
    assert_eq!(first["items"].as_array().unwrap().len(), 24);
    assert_eq!(first["items"][0]["name"], "Article 00");
    let second = page("query[sort]=name&query[page]=1").await;
    assert_eq!(second["items"].as_array().unwrap().len(), 6);
    let expensive = page("query[sort]=price_desc").await;
    assert_eq!(expensive["items"][0]["name"], "Article 29");
    let found = page("query[search]=sku07").await;
    assert_eq!(found["total"], 1);
    assert_eq!(found["items"][0]["name"], "Article 07");
    let in_drinks = page(&format!(
        "query[category][by]=id&query[category][id]={}",
        drinks.as_str().unwrap()
    ))
    .await;
    assert_eq!(in_drinks["total"], 10);
    let uncategorized = page("query[category][by]=uncategorized").await;
    assert_eq!(uncategorized["total"], 20);
    let out = page("query[status]=rupture").await;
    assert_eq!(out["total"], 1);
    let low = page("query[status]=low").await;
    assert_eq!(
        low["total"], 10,
        "quantities 1 to 10: at or below the min (5) or 20 % of the max (50)"
    );
}

#[tokio::test]
async fn deleting_a_category_keeps_its_products_uncategorised() {
    let app = app().await;
    let cookie = app.register("shopkeeper", "awa@example.sn").await;
    let id = app.create_category(&cookie, "Riz").await.json();
    let id = id.as_str().unwrap();
    let dup = app.create_category(&cookie, " riz ").await;
    assert_eq!(dup.status, StatusCode::CONFLICT);
    let renamed = app
        .post(
            "/api/categories/rename",
            json!({ "op": op_id(), "id": id, "name": "Céréales" }),
            Some(&cookie),
        )
        .await;
    assert_eq!(renamed.status, StatusCode::OK, "{}", renamed.body);
    app.create_product(&cookie, rice(json!({ "category_id": id })))
        .await;
    let listed = app.get("/api/categories/list", Some(&cookie)).await.json();
    assert_eq!(
        listed,
        json!([{ "id": id, "name": "Céréales", "product_count": 1 }])
    );

    let other = app.register("shopkeeper", "fatou@example.sn").await;
    let stolen = app
        .post(
            "/api/categories/delete",
            json!({ "op": op_id(), "id": id }),
            Some(&other),
        )
        .await;
    assert_eq!(stolen.status, StatusCode::NOT_FOUND);

    let deleted = app
        .post(
            "/api/categories/delete",
            json!({ "op": op_id(), "id": id }),
            Some(&cookie),
        )
        .await;
    assert_eq!(deleted.status, StatusCode::OK, "{}", deleted.body);
    assert_eq!(app.count("category").await, 0);
    let products = app
        .get(
            "/api/products/list?query[category][by]=uncategorized",
            Some(&cookie),
        )
        .await
        .json();
    assert_eq!(products["total"], 1);
}

#[tokio::test]
async fn unit_suggestions_add_the_shops_own_units() {
    let app = app().await;
    let cookie = app.register("shopkeeper", "awa@example.sn").await;
    app.create_product(&cookie, rice(json!({ "unit": "botte" })))
        .await;
    let units = app.get("/api/products/units", Some(&cookie)).await.json();
    assert_eq!(
        units,
        json!(["pièce", "carton", "kg", "litre", "sac", "palette", "botte"])
    );
}

#[tokio::test]
async fn the_shop_history_filters_by_kind_and_days_and_stays_in_the_shop() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let fatou = app.register("shopkeeper", "fatou@example.sn").await;
    let id = app.create_product(&awa, rice(json!({}))).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    move_stock(&app, &awa, &id, "out", 3).await;
    move_stock(&app, &awa, &id, "in", 5).await;
    let all = app
        .get("/api/stock/history?query[page]=0", Some(&awa))
        .await
        .json();
    assert_eq!(all["total"], 3);
    assert_eq!(all["items"][0]["product_name"], "Riz 5kg");
    assert_eq!(all["items"][0]["balance_after"], 12);
    let outs = app
        .get("/api/stock/history?query[kind]=out", Some(&awa))
        .await
        .json();
    assert_eq!(outs["total"], 1);
    assert_eq!(outs["items"][0]["quantity"], 3);
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    let in_range = app
        .get(
            &format!("/api/stock/history?query[from]={today}&query[to]={today}"),
            Some(&awa),
        )
        .await
        .json();
    assert_eq!(in_range["total"], 3);
    let before = app
        .get("/api/stock/history?query[to]=2020-01-01", Some(&awa))
        .await
        .json();
    assert_eq!(before["total"], 0);
    let reversed = app
        .get(
            "/api/stock/history?query[from]=2026-12-01&query[to]=2026-11-01",
            Some(&awa),
        )
        .await;
    assert_eq!(reversed.status, StatusCode::BAD_REQUEST);
    assert_eq!(reversed.json()["field"], "to");
    assert_eq!(
        app.get("/api/stock/history?query[page]=0", Some(&fatou))
            .await
            .json()["total"],
        0
    );
}

#[tokio::test]
async fn a_scanned_code_finds_only_the_shops_own_product() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let binta = app.register("shopkeeper", "binta@example.sn").await;
    app.create_product(&awa, rice(json!({ "sku": "3017620422003" })))
        .await;
    let found = app
        .get("/api/products/by_sku?sku=3017620422003", Some(&awa))
        .await;
    assert_eq!(found.status, StatusCode::OK, "{}", found.body);
    assert_eq!(found.json()["name"], "Riz 5kg");
    let unknown = app.get("/api/products/by_sku?sku=123", Some(&awa)).await;
    assert_eq!(unknown.json(), Value::Null);
    let other_shop = app
        .get("/api/products/by_sku?sku=3017620422003", Some(&binta))
        .await;
    assert_eq!(
        other_shop.json(),
        Value::Null,
        "another shop's code is not found"
    );
}
