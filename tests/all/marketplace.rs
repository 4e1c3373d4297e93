//! The registered supplier's side (F1–F4) and the marketplace (G1–G7) through the real router.

use crate::common;

use axum::http::StatusCode;
use common::{app, op_id};
use serde_json::json;

fn profile() -> serde_json::Value {
    json!({
        "company_name": " Grossiste Moussa ", "description": "Riz, huile, sucre en gros.",
        "phone": "77 123 45 67", "address": "Marché Tilène", "city": "Dakar",
        "delivery_zones": ["Dakar", " Thiès ", "dakar"], "categories": ["Céréales", "Huiles"],
        "min_order_amount": 50000, "average_delivery_days": 2
    })
}

#[tokio::test]
async fn a_supplier_edits_its_own_profile_and_nobody_else_can() {
    let app = app().await;
    let moussa = app.register("supplier", "moussa@example.sn").await;
    let ibou = app.register("supplier", "ibou@example.sn").await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;

    let reply = app
        .post(
            "/api/supplier/save_profile",
            json!({ "op": op_id(), "input": profile() }),
            Some(&moussa),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let saved = reply.json();
    assert_eq!(saved["company_name"], "Grossiste Moussa");
    assert_eq!(saved["phone"], "771234567");
    assert_eq!(saved["delivery_zones"], json!(["Dakar", "Thiès"]));
    assert_eq!(
        (
            saved["rating_count"].as_i64(),
            saved["is_verified"].as_bool()
        ),
        (Some(0), Some(false))
    );
    assert_eq!(
        app.get("/api/supplier/profile", Some(&moussa)).await.json(),
        saved
    );

    // Ibou's profile is untouched; a shopkeeper and strangers cannot save a profile.
    let other = app.get("/api/supplier/profile", Some(&ibou)).await.json();
    assert_eq!(other["city"], "");
    assert_eq!(
        other["company_name"], "Boutique Awa",
        "the workspace name given at registration"
    );
    let body = json!({ "op": op_id(), "input": profile() });
    assert_eq!(
        app.post("/api/supplier/save_profile", body.clone(), Some(&awa))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post("/api/supplier/save_profile", body, None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );

    // Bad input is refused on its field and changes nothing.
    let mut bad = profile();
    bad["average_delivery_days"] = json!(120);
    let reply = app
        .post(
            "/api/supplier/save_profile",
            json!({ "op": op_id(), "input": bad }),
            Some(&moussa),
        )
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        (
            reply.json()["field"].as_str(),
            reply.json()["code"].as_str()
        ),
        (
            Some("average_delivery_days"),
            Some("error.profile.delivery_days")
        )
    );
    let mut bad = profile();
    bad["company_name"] = json!("  ");
    let reply = app
        .post(
            "/api/supplier/save_profile",
            json!({ "op": op_id(), "input": bad }),
            Some(&moussa),
        )
        .await;
    assert_eq!(reply.json()["field"], "company_name");
    assert_eq!(
        app.get("/api/supplier/profile", Some(&moussa)).await.json(),
        saved
    );
}

fn item(name: &str, category: &str, price: i64) -> serde_json::Value {
    json!({ "name": name, "description": "", "category": category, "price": price, "unit": "sac",
        "min_order_quantity": 5, "stock_available": 100, "available": true })
}

#[tokio::test]
async fn a_supplier_keeps_its_catalog_and_nobody_else_touches_it() {
    let app = app().await;
    let moussa = app.register("supplier", "moussa@example.sn").await;
    let ibou = app.register("supplier", "ibou@example.sn").await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let create = |cookie: String, input: serde_json::Value| {
        let app = &app;
        async move {
            app.post(
                "/api/catalog/create",
                json!({ "op": op_id(), "input": input }),
                Some(&cookie),
            )
            .await
        }
    };
    let mut ids = Vec::new();
    for i in 0..30 {
        let (name, category) = if i < 12 {
            (format!("Riz {i:02}"), "Céréales")
        } else {
            (format!("Huile {i:02}"), "Huiles")
        };
        let reply = create(moussa.clone(), item(&name, category, 1000 + i)).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        ids.push(reply.json().as_str().unwrap().to_owned());
    }
    let page = app
        .get("/api/catalog/list?query[page]=0", Some(&moussa))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let page = page.json();
    assert_eq!(
        (
            page["total"].as_u64(),
            page["items"].as_array().unwrap().len()
        ),
        (Some(30), 25)
    );
    assert_eq!(page["categories"], json!(["Céréales", "Huiles"]));
    assert_eq!(page["items"][0]["name"], "Huile 12", "by name");
    let second = app
        .get("/api/catalog/list?query[page]=1", Some(&moussa))
        .await
        .json();
    assert_eq!(second["items"].as_array().unwrap().len(), 5);
    let rice = app
        .get("/api/catalog/list?query[search]=RIZ", Some(&moussa))
        .await
        .json();
    assert_eq!(rice["total"], 12);
    let oils = app
        .get("/api/catalog/list?query[category]=huiles", Some(&moussa))
        .await
        .json();
    assert_eq!(oils["total"], 18);

    // Edit, toggle, refuse bad input on its field.
    let mut changed = item("Riz parfumé 25 kg", "Céréales", 14_500);
    changed["stock_available"] = json!(null);
    let reply = app
        .post(
            "/api/catalog/update",
            json!({ "op": op_id(), "id": ids[0], "input": changed }),
            Some(&moussa),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let reply = app
        .post(
            "/api/catalog/available",
            json!({ "op": op_id(), "id": ids[0], "available": false }),
            Some(&moussa),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let found = app
        .get("/api/catalog/list?query[search]=parfum", Some(&moussa))
        .await
        .json();
    assert_eq!(
        found["items"][0],
        json!({ "id": ids[0], "name": "Riz parfumé 25 kg", "description": "", "category": "Céréales", "price": 14500,
            "unit": "sac", "min_order_quantity": 5, "stock_available": null, "available": false })
    );
    let mut bad = item("Mil", "Céréales", 100);
    bad["min_order_quantity"] = json!(0);
    let reply = create(moussa.clone(), bad).await;
    assert_eq!(
        (reply.status, reply.json()["field"].clone()),
        (StatusCode::BAD_REQUEST, json!("min_order_quantity"))
    );
    assert_eq!(app.count("catalog_item").await, 30);

    // Another supplier can neither see nor change Moussa's items; a shopkeeper has no catalog.
    assert_eq!(
        app.get("/api/catalog/list?query[page]=0", Some(&ibou))
            .await
            .json()["total"],
        0
    );
    for (path, body) in [
        (
            "/api/catalog/update",
            json!({ "op": op_id(), "id": ids[1], "input": item("Volé", "", 1) }),
        ),
        (
            "/api/catalog/available",
            json!({ "op": op_id(), "id": ids[1], "available": false }),
        ),
        (
            "/api/catalog/delete",
            json!({ "op": op_id(), "id": ids[1] }),
        ),
    ] {
        assert_eq!(
            app.post(path, body, Some(&ibou)).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    assert_eq!(
        app.get("/api/catalog/list?query[page]=0", Some(&awa))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get("/api/catalog/list?query[page]=0", None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let untouched = app
        .get("/api/catalog/list?query[search]=riz%2001", Some(&moussa))
        .await
        .json();
    assert_eq!(
        (
            untouched["items"][0]["name"].as_str(),
            untouched["items"][0]["available"].as_bool()
        ),
        (Some("Riz 01"), Some(true))
    );

    let reply = app
        .post(
            "/api/catalog/delete",
            json!({ "op": op_id(), "id": ids[1] }),
            Some(&moussa),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(app.count("catalog_item").await, 29);
}
