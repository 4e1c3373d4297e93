#![cfg(feature = "ssr")]
//! The registered supplier's side (F1–F4) and the marketplace (G1–G7) through the real router.

mod common;

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
