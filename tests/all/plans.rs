//! Reads that must stay cheap on a big shop go through an index, forward (issue 15): the on-disk
//! engine reads an index backward at the cost of the whole range, so what the screens show
//! highest or newest first is kept negated (schemas 020, 021) and read lowest first.

use serde_json::{Value, json};

use crate::common::{TestApp, app};

/// The plan of `select` (with `$shop` and `$product` set), as text.
async fn plan(app: &TestApp, select: &str) -> String {
    let sql = format!("LET $shop = shop:one; LET $product = product:one; {select} EXPLAIN;");
    let plan: Vec<Value> = app
        .state
        .db
        .query(&sql, json!({}))
        .await
        .expect("a plan")
        .last_all()
        .expect("a plan");
    json!(plan).to_string()
}

/// The statistics' rankings read the lowest negated figures first (schema 020).
#[tokio::test]
async fn the_rankings_read_their_indexes_forward() {
    let app = app().await;
    for (table, field, index) in [
        ("product", "minus_stock_value", "product_shop_minus_value"),
        ("product_sales", "minus_in_7", "product_sales_minus_7"),
        ("product_sales", "minus_in_30", "product_sales_minus_30"),
        ("product_sales", "minus_in_90", "product_sales_minus_90"),
    ] {
        let select = format!(
            "SELECT VALUE {field} FROM {table} WHERE shop = $shop ORDER BY {field} LIMIT 5"
        );
        let plan = plan(&app, &select).await;
        assert!(plan.contains(&format!("\"index\":\"{index}\"")), "{plan}");
        assert!(plan.contains("\"direction\":\"Forward\""), "{plan}");
        assert!(plan.contains("\"limit\":\"5\""), "{plan}");
    }
}

/// A product's ledger, the shop's history and its export, the alert engine's last sale: newest
/// first through (product | shop, minus_at), forward, a day range as a range of the index.
#[tokio::test]
async fn movements_are_read_newest_first_forward() {
    let app = app().await;
    for (select, index) in [
        (
            "SELECT at FROM movement WHERE product = $product ORDER BY minus_at LIMIT 10",
            "movement_product_newest",
        ),
        (
            "SELECT at FROM movement WHERE shop = $shop AND minus_at <= -1 AND minus_at > -9 ORDER BY minus_at LIMIT 50",
            "movement_shop_newest",
        ),
    ] {
        let plan = plan(&app, select).await;
        assert!(plan.contains(&format!("\"index\":\"{index}\"")), "{plan}");
        assert!(plan.contains("\"direction\":\"Forward\""), "{plan}");
    }
}
