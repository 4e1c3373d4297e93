//! Dashboard figures (E1) against hand-computed values, and only for the caller's shop.

use crate::common;

use axum::http::StatusCode;
use common::app;
use serde_json::json;

#[tokio::test]
async fn stock_figures_match_hand_computed_values() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let fatou = app.register("shopkeeper", "fatou@example.sn").await;
    // (name, quantity, min, purchase price): value = 0 + 3×200 + 10×1000 = 10 600.
    for (name, quantity, min, price) in [
        ("Sucre", 0, 2, 100),
        ("Huile", 3, 5, 200),
        ("Riz", 10, 2, 1000),
    ] {
        let input = json!({ "name": name, "sku": "", "category_id": "", "unit": "pièce", "quantity": quantity,
            "min_stock": min, "max_stock": null, "purchase_price": price, "sale_price": price * 2, "notes": "" });
        app.create_product(&awa, input).await;
    }
    let figures = app.get("/api/dashboard/stock", Some(&awa)).await.json();
    assert_eq!(
        figures,
        json!({ "product_count": 3, "stock_value": 10600, "rupture_count": 1, "low_count": 1,
            "pending_orders": 0, "active_orders": 0, "next_delivery": null, "supplier_count": 0 })
    );
    let other = app.get("/api/dashboard/stock", Some(&fatou)).await.json();
    assert_eq!(
        other,
        json!({ "product_count": 0, "stock_value": 0, "rupture_count": 0, "low_count": 0,
            "pending_orders": 0, "active_orders": 0, "next_delivery": null, "supplier_count": 0 })
    );
    let supplier = app.register("supplier", "moussa@example.sn").await;
    assert_eq!(
        app.get("/api/dashboard/stock", Some(&supplier))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}
