//! A backup file is untrusted input (E7): a restore writes only records of the restoring shop
//! that point inside it, keeps only its own users and suppliers, never lets a photo name reach a
//! file outside the shop's folder, and refuses a product whose quantity is not its movements'.

use axum::http::StatusCode;
use serde_json::{Value, json};

use super::data::{busy_shop, restore};
use crate::common::{Reply, TestApp, app, op_id};

async fn backup_of(app: &TestApp, cookie: &str) -> Value {
    app.get("/export/backup.json", Some(cookie)).await.json()
}

async fn shop_id(app: &TestApp, cookie: &str) -> String {
    backup_of(app, cookie).await["shop"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn user_id(app: &TestApp, email: &str) -> String {
    let sql = format!("SELECT VALUE record::id(id) FROM user WHERE email = '{email}'");
    app.rows(&sql).await[0].as_str().unwrap().to_owned()
}

/// `backup` as a file of the shop `shop` with keys no record has yet: valid to restore there.
fn as_file_of(backup: &Value, shop: &str) -> Value {
    let mut file = boutiq::domain::backup::plan(backup.clone(), "crafted").unwrap();
    file["shop"]["id"] = json!(shop);
    file
}

/// A refusal of the file: 400 with the field and the message key.
fn refusal(reply: &Reply) -> (String, String) {
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
    let error = reply.json();
    (
        error["field"].as_str().unwrap_or_default().to_owned(),
        error["code"].as_str().unwrap_or_default().to_owned(),
    )
}

/// Every record of every shop.
async fn snapshot(app: &TestApp) -> Vec<Value> {
    app.rows("SELECT * FROM category, supplier, product, supplies, movement, purchase_order, order_line, alert, alert_rule ORDER BY id")
        .await
}

#[tokio::test]
async fn every_reference_of_a_restored_file_stays_in_the_restoring_shop() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let binta = app.register("shopkeeper", "binta@example.sn").await;
    busy_shop(&app, &awa).await;
    let awa_file = backup_of(&app, &awa).await;
    let binta_shop = shop_id(&app, &binta).await;
    let before = snapshot(&app).await;

    // One reference at a time points at Awa's record instead of one of the file.
    for (list, field, target) in [
        ("products", "category", "categories"),
        ("products", "supplier", "suppliers"),
        ("supplies", "supplier", "suppliers"),
        ("supplies", "product", "products"),
        ("movements", "product", "products"),
        ("movements", "purchase", "orders"),
        ("orders", "supplier", "suppliers"),
        ("orders", "source", "orders"),
        ("order_lines", "purchase", "orders"),
        ("order_lines", "product", "products"),
        ("alerts", "product", "products"),
        ("alerts", "purchase", "orders"),
    ] {
        let mut file = as_file_of(&awa_file, &binta_shop);
        file[list][0][field] = awa_file[target][0]["id"].clone();
        let reply = restore(&app, &binta, file.to_string().as_bytes(), true).await;
        assert_eq!(
            refusal(&reply),
            (format!("{list}.0.{field}"), "error.backup.reference".into())
        );
    }
    // Awa's keys as the file's own: the records would be Awa's.
    let mut file = awa_file.clone();
    file["shop"]["id"] = json!(binta_shop);
    let reply = restore(&app, &binta, file.to_string().as_bytes(), true).await;
    assert_eq!(
        refusal(&reply),
        ("categories.0.id".into(), "error.backup.taken".into())
    );
    assert_eq!(snapshot(&app).await, before);

    // The same file under keys of its own is restored, every reference inside Binta's shop.
    let file = as_file_of(&awa_file, &binta_shop);
    let reply = restore(&app, &binta, file.to_string().as_bytes(), true).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    for escaped in [
        "SELECT id FROM product WHERE (category AND category.shop != shop) OR (supplier AND supplier.shop != shop)",
        "SELECT id FROM supplies WHERE in.shop != out.shop",
        "SELECT id FROM movement WHERE product.shop != shop OR (purchase AND purchase.shop != shop)",
        "SELECT id FROM purchase_order WHERE (supplier AND supplier.shop != shop) OR (source AND source.shop != shop)",
        "SELECT id FROM order_line WHERE product AND product.shop != purchase.shop",
        "SELECT id FROM alert WHERE (product AND product.shop != shop) OR (purchase AND purchase.shop != shop)",
    ] {
        assert_eq!(app.rows(escaped).await, Vec::<Value>::new(), "{escaped}");
    }
    assert_eq!(
        app.rows(&format!(
            "SELECT VALUE count() FROM order_line WHERE purchase.shop = type::record('shop', '{binta_shop}') GROUP ALL"
        ))
        .await,
        [json!(1)]
    );
    assert_eq!(backup_of(&app, &awa).await, awa_file);
}

#[tokio::test]
async fn a_restored_file_keeps_only_the_shops_own_users_and_suppliers() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let binta = app.register("shopkeeper", "binta@example.sn").await;
    app.register("supplier", "moussa@example.sn").await;
    busy_shop(&app, &awa).await;
    app.state
        .db
        .query(
            "LET $moussa = (SELECT VALUE id FROM user WHERE email = 'moussa@example.sn')[0];
             LET $profile = (SELECT VALUE id FROM supplier_profile WHERE user = $moussa)[0]
                 ?? (CREATE ONLY supplier_profile SET user = $moussa, company_name = 'Grossiste Moussa').id;
             CREATE catalog_item:riz SET supplier = $profile, name = 'Riz', price = 1,
                 unit = 'sac', min_order_quantity = 1;",
            json!({}),
        )
        .await
        .unwrap();
    let (awa_user, moussa_user) = (
        user_id(&app, "awa@example.sn").await,
        user_id(&app, "moussa@example.sn").await,
    );
    let binta_shop = shop_id(&app, &binta).await;
    let mut file = as_file_of(&backup_of(&app, &awa).await, &binta_shop);
    for movement in file["movements"].as_array_mut().unwrap() {
        movement["by"] = json!(awa_user);
    }
    file["orders"][0]["created_by"] = json!(awa_user);
    file["orders"][0]["vendor"] = json!(moussa_user);
    file["orders"][0]["is_connected"] = json!(true);
    file["suppliers"][0]["linked_user"] = json!(moussa_user);
    file["order_lines"][0]["catalog_item"] = json!("riz");
    let reply = restore(&app, &binta, file.to_string().as_bytes(), true).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);

    let binta_user = user_id(&app, "binta@example.sn").await;
    let shop = format!("type::record('shop', '{binta_shop}')");
    let users = app
        .rows(&format!(
            "SELECT VALUE record::id(by) FROM movement WHERE shop = {shop}"
        ))
        .await;
    assert_eq!(users, [json!(binta_user), json!(binta_user)]);
    let orders = app
        .rows(&format!(
            "SELECT record::id(created_by) AS created_by, vendor, is_connected FROM purchase_order WHERE shop = {shop}"
        ))
        .await;
    assert_eq!(
        orders,
        [json!({ "created_by": binta_user, "vendor": null, "is_connected": false })]
    );
    let links = app
        .rows(&format!(
            "SELECT VALUE [linked_user, (SELECT VALUE catalog_item FROM order_line WHERE purchase.shop = {shop})] FROM supplier WHERE shop = {shop}"
        ))
        .await;
    assert_eq!(links, [json!([null, [null]])]);
    let inbox = app
        .rows(&format!(
            "SELECT VALUE id FROM purchase_order WHERE vendor = type::record('user', '{moussa_user}')"
        ))
        .await;
    assert_eq!(inbox, Vec::<Value>::new(), "Moussa's inbox");
}

#[tokio::test]
async fn a_restored_photo_name_never_reaches_a_file_outside_the_shops_folder() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let binta = app.register("shopkeeper", "binta@example.sn").await;
    busy_shop(&app, &binta).await;
    let data_dir = app.state.config.data_dir.clone();
    let (awa_shop, binta_shop) = (shop_id(&app, &awa).await, shop_id(&app, &binta).await);
    let name = "0123456789abcdef";
    let outside = data_dir.join("canary.jpg");
    let awas = data_dir
        .join("media")
        .join(&awa_shop)
        .join(format!("{name}.jpg"));
    std::fs::create_dir_all(awas.parent().unwrap()).unwrap();
    for canary in [&outside, &awas] {
        std::fs::write(canary, b"canary").unwrap();
    }
    let binta_file = backup_of(&app, &binta).await;
    let crafted = [
        "../canary.jpg".to_owned(),
        format!("{binta_shop}/../../canary.jpg"),
        outside.display().to_string(),
        format!("{awa_shop}/{name}.jpg"),
    ];
    for stored in &crafted {
        for (list, field) in [("products", "photo"), ("orders", "attachment")] {
            let mut file = binta_file.clone();
            file[list][0][field] = json!(stored);
            let reply = restore(&app, &binta, file.to_string().as_bytes(), true).await;
            assert_eq!(
                refusal(&reply),
                (format!("{list}.0.{field}"), "error.backup.photo".into()),
                "{stored}"
            );
        }
    }
    assert_eq!(backup_of(&app, &binta).await, binta_file);
    // Removing the photos of Binta's records, and a name out of the media folder given to the
    // removal itself, touches neither file.
    let product = binta_file["products"][0]["id"].clone();
    let order = binta_file["orders"][0]["id"].clone();
    let remove = json!({ "op": op_id(), "target": "order", "id": order });
    let reply = app.post("/api/photos/remove", remove, Some(&binta)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let delete = json!({ "op": op_id(), "id": product });
    let reply = app.post("/api/products/delete", delete, Some(&binta)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    for stored in &crafted[..3] {
        boutiq::server::media::remove(&data_dir, stored).await;
    }
    assert!(outside.exists() && awas.exists());

    // A name the server makes, in the shop's own folder, is restored.
    let mut file = binta_file.clone();
    file["products"][0]["photo"] = json!(format!("{binta_shop}/{name}.jpg"));
    let reply = restore(&app, &binta, file.to_string().as_bytes(), true).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
}

/// What a case is about, how it damages the file, and the field and code of the refusal.
type Case = (&'static str, fn(&mut Value), &'static str, &'static str);

#[tokio::test]
async fn a_quantity_that_is_not_the_sum_of_its_movements_or_a_malformed_record_is_refused() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    busy_shop(&app, &awa).await;
    let before = backup_of(&app, &awa).await;
    let cases: [Case; 6] = [
        (
            "a product with more than its movements",
            |f| f["products"][0]["quantity"] = json!(5),
            "products.0.quantity",
            "error.backup.quantity",
        ),
        (
            "a movement left out",
            |f| {
                f["movements"].as_array_mut().unwrap().pop();
            },
            "products.0.quantity",
            "error.backup.quantity",
        ),
        (
            "a key that is not text",
            |f| f["products"][0]["id"] = json!(5),
            "products.0.id",
            "error.backup.damaged",
        ),
        (
            "a key twice",
            |f| f["movements"][1]["id"] = f["movements"][0]["id"].clone(),
            "movements.1.id",
            "error.backup.damaged",
        ),
        (
            "a quantity that is not a number",
            |f| f["movements"][0]["quantity"] = json!("2"),
            "movements.0.quantity",
            "error.backup.damaged",
        ),
        (
            "a user key that is not a key",
            |f| f["movements"][0]["by"] = json!("user:⟨x⟩"),
            "movements.0.by",
            "error.backup.damaged",
        ),
    ];
    for (case, change, field, code) in cases {
        let mut file = before.clone();
        change(&mut file);
        let reply = restore(&app, &awa, file.to_string().as_bytes(), true).await;
        assert_eq!(refusal(&reply), (field.into(), code.into()), "{case}");
    }
    assert_eq!(backup_of(&app, &awa).await, before);
}
