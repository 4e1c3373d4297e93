//! Statistics (E3, E4, E8) against hand-computed values, and only for the caller's shop.

use crate::common;

use axum::http::StatusCode;
use common::{TestApp, app, op_id};
use serde_json::{Value, json};

async fn product(
    app: &TestApp,
    cookie: &str,
    name: &str,
    category: &str,
    quantity: i64,
    min: i64,
    price: i64,
) -> String {
    let input = json!({ "name": name, "sku": "", "category_id": category, "unit": "sac", "quantity": quantity,
        "min_stock": min, "max_stock": if name == "Sel" { json!(5) } else { json!(null) },
        "purchase_price": price, "sale_price": price + 100, "notes": "" });
    app.create_product(cookie, input).await["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn sell(app: &TestApp, cookie: &str, product_id: &str, quantity: i64, reason: &str) {
    let input = json!({ "product_id": product_id, "kind": "out", "quantity": quantity, "reason": reason, "note": "" });
    let reply = app
        .post(
            "/api/stock/move",
            json!({ "op": op_id(), "input": input }),
            Some(cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
}

/// Moves a product's movements (all made now) `days` back in time.
pub(super) async fn age_movements(app: &TestApp, product_id: &str, days: i64) {
    app.state
        .db
        .query(
            // `at` is read-only: the movements are written again, older.
            "FOR $m IN (SELECT * FROM movement WHERE product = type::record('product', $id)) {
                 DELETE $m.id;
                 CREATE movement CONTENT {
                     shop: $m.shop, product: $m.product, kind: $m.kind, quantity: $m.quantity,
                     reason: $m.reason, note: $m.note, balance_after: $m.balance_after, by: $m.by,
                     at: $m.at - <duration> $age,
                 };
             }",
            json!({ "id": product_id, "age": format!("{days}d") }),
        )
        .await
        .unwrap();
}

fn stats_of(reply: &common::Reply) -> Value {
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.json()
}

#[tokio::test]
async fn figures_match_hand_computed_values_for_each_period() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let fatou = app.register("shopkeeper", "fatou@example.sn").await;
    let grains = app
        .create_category(&awa, "Céréales")
        .await
        .json()
        .as_str()
        .unwrap()
        .to_owned();
    // Riz 20 × 1000 in Céréales, Mil 4 × 500 in Céréales (low: min 5), Sel 6 × 100 (over: max 5),
    // Sucre 0 (rupture).
    let riz = product(&app, &awa, "Riz", &grains, 20, 2, 1000).await;
    let mil = product(&app, &awa, "Mil", &grains, 4, 5, 500).await;
    let sel = product(&app, &awa, "Sel", "", 6, 1, 100).await;
    product(&app, &awa, "Sucre", "", 0, 1, 300).await;
    // Sales: Riz 5 today and 3 twenty days ago (its opening stock ages too); Sel 2 today; a
    // loss of Mil does not count as a sale.
    sell(&app, &awa, &riz, 3, "sale").await;
    age_movements(&app, &riz, 20).await;
    sell(&app, &awa, &riz, 5, "sale").await;
    sell(&app, &awa, &sel, 2, "sale").await;
    sell(&app, &awa, &mil, 1, "loss").await;
    // Stock now: Riz 12 (12 000), Mil 3 (1 500), Sel 4 (400), Sucre 0.

    let week = stats_of(&app.get("/api/stats/get?period=7", Some(&awa)).await);
    assert_eq!(
        week["by_category"],
        json!([
            { "name": "Céréales", "products": 2, "value": 13500 },
            { "name": null, "products": 2, "value": 400 },
        ])
    );
    assert_eq!(
        week["by_status"],
        json!([
            { "status": "rupture", "count": 1 }, { "status": "low", "count": 1 },
            { "status": "normal", "count": 2 }, { "status": "over", "count": 0 },
        ])
    );
    let names = |list: &Value| -> Vec<(String, i64)> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["name"].as_str().unwrap().to_owned(),
                    p["figure"].as_i64().unwrap(),
                )
            })
            .collect()
    };
    assert_eq!(
        names(&week["top_by_value"]),
        vec![
            ("Riz".into(), 12000),
            ("Mil".into(), 1500),
            ("Sel".into(), 400)
        ]
    );
    assert_eq!(
        names(&week["top_sellers"]),
        vec![("Riz".into(), 5), ("Sel".into(), 2)]
    );
    let flows = week["flows"].as_array().unwrap();
    assert_eq!(flows.len(), 7);
    let today = flows.last().unwrap();
    // In today: the openings of Mil 4 and Sel 6 (Riz's was aged); out: 5 + 2 + 1.
    assert_eq!(
        (today["units_in"].as_i64(), today["units_out"].as_i64()),
        (Some(10), Some(8))
    );
    assert_eq!(
        week["usage"],
        json!({ "products": 4, "orders_this_month": 0, "alerts_handled": 0 })
    );

    let month = stats_of(&app.get("/api/stats/get?period=30", Some(&awa)).await);
    assert_eq!(
        names(&month["top_sellers"]),
        vec![("Riz".into(), 8), ("Sel".into(), 2)]
    );
    let flows = month["flows"].as_array().unwrap();
    assert_eq!(flows.len(), 30);
    let total = |key: &str| flows.iter().map(|f| f[key].as_i64().unwrap()).sum::<i64>();
    assert_eq!((total("units_in"), total("units_out")), (30, 11));
    assert_eq!(
        flows[9]["units_in"], 20,
        "Riz's opening, twenty days ago: {flows:?}"
    );
    let quarter = stats_of(&app.get("/api/stats/get?period=90", Some(&awa)).await);
    assert_eq!(quarter["flows"].as_array().unwrap().len(), 13);

    // Another shop sees only its own (empty) figures; a supplier and strangers see nothing.
    let other = stats_of(&app.get("/api/stats/get?period=30", Some(&fatou)).await);
    assert_eq!(other["by_category"], json!([]));
    assert_eq!(other["top_sellers"], json!([]));
    assert_eq!(
        other["usage"],
        json!({ "products": 0, "orders_this_month": 0, "alerts_handled": 0 })
    );
    let supplier = app.register("supplier", "moussa@example.sn").await;
    assert_eq!(
        app.get("/api/stats/get?period=7", Some(&supplier))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get("/api/stats/get?period=7", None).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_ne!(
        app.get("/api/stats/get?period=12", Some(&awa)).await.status,
        StatusCode::OK
    );
}
