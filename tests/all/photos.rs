//! Photos of products (B8), delivery notes (C9) and catalogue items (F2): checks, thumbnails,
//! who may upload and who may see them.

use crate::common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{TestApp, app, op_id};
use serde_json::{Value, json};

fn png(width: u32, height: u32) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    picture.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

async fn upload(
    app: &TestApp,
    cookie: &str,
    op: &str,
    target: &str,
    id: &str,
    file: &[u8],
) -> common::Reply {
    let fields = [("op", op), ("target", target), ("id", id)];
    app.upload("/api/photos/upload", cookie, &fields, "photo", file)
        .await
}

async fn product(app: &TestApp, cookie: &str) -> String {
    let input = json!({
        "name": "Riz 5kg", "sku": "", "category_id": "", "unit": "sac", "quantity": 3,
        "min_stock": 1, "max_stock": null, "purchase_price": 4500, "sale_price": 5000, "notes": ""
    });
    app.create_product(cookie, input).await["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn media_files(app: &TestApp) -> Vec<String> {
    let media = app.state.config.data_dir.join("media");
    let mut files = Vec::new();
    for shop in std::fs::read_dir(&media).into_iter().flatten().flatten() {
        for file in std::fs::read_dir(shop.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            files.push(file.file_name().to_string_lossy().into_owned());
        }
    }
    files.sort();
    files
}

#[tokio::test]
async fn a_product_photo_is_stored_with_a_thumbnail_and_served_to_its_owner_only() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let id = product(&app, &awa).await;
    let op = op_id();
    let reply = upload(&app, &awa, &op, "product", &id, &png(1200, 900)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let urls = reply.json();
    let (full, thumb) = (
        urls["full"].as_str().unwrap().to_owned(),
        urls["thumb"].as_str().unwrap().to_owned(),
    );
    assert!(full.ends_with(&format!("{op}.png")), "{full}");

    let served = app.get(&thumb, Some(&awa)).await;
    assert_eq!(served.status, StatusCode::OK);
    assert_eq!(served.headers["content-type"], "image/jpeg");
    assert!(
        served.headers["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    let bytes = app_bytes(&app, &thumb, &awa).await;
    let small = image::load_from_memory(&bytes).unwrap();
    assert_eq!((small.width(), small.height()), (320, 240));
    assert_eq!(
        app.get(&full, Some(&awa)).await.headers["content-type"],
        "image/png"
    );

    let listed = app
        .get(&format!("/api/products/get?id={id}"), Some(&awa))
        .await
        .json();
    assert!(listed["photo"].as_str().unwrap().ends_with(".png"));

    // Another shopkeeper, a guessed path and an anonymous visitor get nothing.
    let binta = app.register("shopkeeper", "binta@example.sn").await;
    assert_eq!(
        app.get(&full, Some(&binta)).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.get(&thumb, None).await.status, StatusCode::UNAUTHORIZED);
    let shop = full.split('/').nth(2).unwrap();
    assert_eq!(
        app.get(&format!("/media/{shop}/..%2Fjwt_secret"), Some(&awa))
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // A replay changes nothing; a new photo replaces the old files; deleting the product removes them.
    assert_eq!(
        upload(&app, &awa, &op, "product", &id, &png(1200, 900))
            .await
            .json(),
        urls
    );
    assert_eq!(media_files(&app).len(), 2);
    let second = upload(&app, &awa, &op_id(), "product", &id, &png(200, 100)).await;
    assert_eq!(second.status, StatusCode::OK);
    assert_eq!(
        media_files(&app).len(),
        2,
        "the first photo's files are gone"
    );
    let delete = app
        .post(
            "/api/products/delete",
            json!({ "op": op_id(), "id": id }),
            Some(&awa),
        )
        .await;
    assert_eq!(delete.status, StatusCode::OK, "{}", delete.body);
    assert!(media_files(&app).is_empty());
}

async fn app_bytes(app: &TestApp, path: &str, cookie: &str) -> Vec<u8> {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let request = Request::get(path)
        .header("cookie", cookie)
        .body(Body::empty())
        .unwrap();
    let response = app.router.clone().oneshot(request).await.unwrap();
    response
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec()
}

#[tokio::test]
async fn wrong_files_are_refused_with_a_clear_message_and_leave_nothing() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let id = product(&app, &awa).await;
    let mut too_large = vec![0xFF, 0xD8, 0xFF];
    too_large.resize(5 * 1024 * 1024 + 1, 0);
    let broken_jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];
    for (file, code) in [
        (&b"GIF89a\x01\x00\x01\x00"[..], "error.photo.type"),
        (b"%PDF-1.7 invoice", "error.photo.type"),
        (&too_large[..], "error.photo.too_large"),
        (&broken_jpeg[..], "error.photo.unreadable"),
        (b"", "error.photo.missing"),
    ] {
        let reply = upload(&app, &awa, &op_id(), "product", &id, file).await;
        assert_eq!(
            reply.status,
            StatusCode::BAD_REQUEST,
            "{code}: {}",
            reply.body
        );
        assert_eq!(
            (reply.json()["field"].clone(), reply.json()["code"].clone()),
            (json!("photo"), json!(code))
        );
    }
    assert!(media_files(&app).is_empty());
    let listed = app
        .get(&format!("/api/products/get?id={id}"), Some(&awa))
        .await
        .json();
    assert_eq!(listed["photo"], Value::Null);
}

#[tokio::test]
async fn an_order_keeps_the_photo_of_its_delivery_note() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let product = product(&app, &awa).await;
    let supplier = app
        .post("/api/suppliers/create", json!({ "op": op_id(), "input": { "name": "Moussa", "phone": "", "whatsapp": "", "email": "", "address": "", "city": "", "notes": "" } }), Some(&awa))
        .await
        .json();
    let input = json!({ "supplier_id": supplier, "lines": [{ "product_id": product, "quantity": 2, "unit_price": 10 }], "expected_on": "", "note": "" });
    let order = app
        .post(
            "/api/orders/create",
            json!({ "op": op_id(), "input": input }),
            Some(&awa),
        )
        .await
        .json();
    let order_id = order["id"].as_str().unwrap();
    let reply = upload(&app, &awa, &op_id(), "order", order_id, &png(600, 800)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let detail = app
        .get(&format!("/api/orders/get?id={order_id}"), Some(&awa))
        .await
        .json();
    assert!(detail["attachment"].as_str().unwrap().ends_with(".png"));

    // Another shop cannot attach to it: refused, and its upload's files are cleaned up.
    let binta = app.register("shopkeeper", "binta@example.sn").await;
    let stolen = upload(&app, &binta, &op_id(), "order", order_id, &png(10, 10)).await;
    assert_eq!(stolen.status, StatusCode::NOT_FOUND);
    assert_eq!(media_files(&app).len(), 2);

    let remove = app
        .post(
            "/api/photos/remove",
            json!({ "op": op_id(), "target": "order", "id": order_id }),
            Some(&awa),
        )
        .await;
    assert_eq!(remove.status, StatusCode::OK, "{}", remove.body);
    assert!(media_files(&app).is_empty());
}

/// A supplier with a listed profile and one catalogue item; returns (cookie, item id).
async fn supplier_with_item(app: &TestApp, email: &str) -> (String, String) {
    let cookie = app.register("supplier", email).await;
    let profile = json!({
        "company_name": "Grossiste Moussa", "description": "", "phone": "771234567",
        "address": "", "city": "Dakar", "delivery_zones": [], "categories": ["Céréales"],
        "min_order_amount": 0, "average_delivery_days": 2
    });
    let saved = app
        .post(
            "/api/supplier/save_profile",
            json!({ "op": op_id(), "input": profile }),
            Some(&cookie),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let item = json!({ "name": "Riz brisé 50 kg", "description": "", "category": "Céréales",
        "price": 21000, "unit": "sac", "min_order_quantity": 2, "stock_available": null, "available": true });
    let created = app
        .post(
            "/api/catalog/create",
            json!({ "op": op_id(), "input": item }),
            Some(&cookie),
        )
        .await;
    assert_eq!(created.status, StatusCode::OK, "{}", created.body);
    let id = created.json().as_str().unwrap().to_owned();
    (cookie, id)
}

async fn own_catalog(app: &TestApp, cookie: &str) -> Value {
    app.get("/api/catalog/list?query[page]=0", Some(cookie))
        .await
        .json()["items"][0]
        .clone()
}

#[tokio::test]
async fn a_catalogue_item_photo_is_its_suppliers_and_shown_to_shops() {
    let app = app().await;
    let (moussa, item) = supplier_with_item(&app, "moussa@example.sn").await;
    let (ibou, _) = supplier_with_item(&app, "ibou@example.sn").await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    assert_eq!(own_catalog(&app, &moussa).await.get("photo"), None);

    // Only its supplier attaches a photo: the others are refused and leave no file behind.
    let png_file = png(800, 800);
    let stolen = upload(&app, &ibou, &op_id(), "catalog_item", &item, &png_file).await;
    assert_eq!(stolen.status, StatusCode::NOT_FOUND, "{}", stolen.body);
    let shop = upload(&app, &awa, &op_id(), "catalog_item", &item, &png_file).await;
    assert_eq!(shop.status, StatusCode::FORBIDDEN, "{}", shop.body);
    let anonymous = upload(&app, "", &op_id(), "catalog_item", &item, &png_file).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    let wrong_target = upload(&app, &moussa, &op_id(), "product", &item, &png_file).await;
    assert_eq!(wrong_target.status, StatusCode::FORBIDDEN);
    assert!(media_files(&app).is_empty());

    // Bad files: the same rules as product photos.
    let refused = upload(&app, &moussa, &op_id(), "catalog_item", &item, b"%PDF-1.7").await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert_eq!(refused.json()["code"], "error.photo.type");

    let reply = upload(&app, &moussa, &op_id(), "catalog_item", &item, &png_file).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let urls = reply.json();
    let (full, thumb) = (
        urls["full"].as_str().unwrap().to_owned(),
        urls["thumb"].as_str().unwrap().to_owned(),
    );
    // Stored in the supplier profile's folder, and listed with the item.
    let profile = app
        .rows("SELECT VALUE record::id(id) FROM supplier_profile WHERE user.email = 'moussa@example.sn'")
        .await;
    let folder = profile[0].as_str().unwrap();
    assert!(full.starts_with(&format!("/media/{folder}/")), "{full}");
    let listed = own_catalog(&app, &moussa).await;
    assert_eq!(
        format!("/media/{}", listed["photo"].as_str().unwrap()),
        full
    );
    let seen_by_shop = app
        .get(
            &format!("/api/marketplace/catalog?id={folder}&query[page]=0"),
            Some(&awa),
        )
        .await;
    assert_eq!(seen_by_shop.status, StatusCode::OK, "{}", seen_by_shop.body);
    assert_eq!(seen_by_shop.json()["items"][0]["photo"], listed["photo"]);

    // Reading: the supplier and any shopkeeper; not another supplier; not anonymous.
    for cookie in [&moussa, &awa] {
        let served = app.get(&thumb, Some(cookie)).await;
        assert_eq!(served.status, StatusCode::OK);
        assert_eq!(served.headers["content-type"], "image/jpeg");
        assert_eq!(app.get(&full, Some(cookie)).await.status, StatusCode::OK);
    }
    let small = image::load_from_memory(&app_bytes(&app, &thumb, &awa).await).unwrap();
    assert_eq!((small.width(), small.height()), (320, 320));
    assert_eq!(
        app.get(&thumb, Some(&ibou)).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.get(&thumb, None).await.status, StatusCode::UNAUTHORIZED);

    // A shop's product photos stay its own: a supplier cannot read them.
    let product = product(&app, &awa).await;
    let product_photo = upload(&app, &awa, &op_id(), "product", &product, &png(10, 10)).await;
    let product_full = product_photo.json()["full"].as_str().unwrap().to_owned();
    assert_eq!(
        app.get(&product_full, Some(&moussa)).await.status,
        StatusCode::NOT_FOUND
    );
    let binta = app.register("shopkeeper", "binta@example.sn").await;
    assert_eq!(
        app.get(&product_full, Some(&binta)).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(media_files(&app).len(), 4);

    // Replacing keeps one photo; removing is the supplier's only.
    let second = upload(&app, &moussa, &op_id(), "catalog_item", &item, &png(60, 30)).await;
    assert_eq!(second.status, StatusCode::OK);
    assert_eq!(
        media_files(&app).len(),
        4,
        "the first photo's files are gone"
    );
    let remove = |cookie: Option<String>| {
        let app = &app;
        let item = item.clone();
        async move {
            app.post(
                "/api/photos/remove",
                json!({ "op": op_id(), "target": "catalog_item", "id": item }),
                cookie.as_deref(),
            )
            .await
            .status
        }
    };
    assert_eq!(remove(Some(ibou.clone())).await, StatusCode::NOT_FOUND);
    assert_eq!(remove(Some(awa.clone())).await, StatusCode::FORBIDDEN);
    assert_eq!(remove(None).await, StatusCode::UNAUTHORIZED);
    assert_eq!(media_files(&app).len(), 4);
    assert_eq!(remove(Some(moussa.clone())).await, StatusCode::OK);
    assert_eq!(media_files(&app).len(), 2, "only the product photo is left");
    assert_eq!(own_catalog(&app, &moussa).await.get("photo"), None);

    // Deleting the item deletes its photo.
    let third = upload(&app, &moussa, &op_id(), "catalog_item", &item, &png(40, 40)).await;
    assert_eq!(third.status, StatusCode::OK);
    assert_eq!(media_files(&app).len(), 4);
    let delete = app
        .post(
            "/api/catalog/delete",
            json!({ "op": op_id(), "id": item }),
            Some(&moussa),
        )
        .await;
    assert_eq!(delete.status, StatusCode::OK, "{}", delete.body);
    assert_eq!(media_files(&app).len(), 2);
    assert_eq!(
        app.rows("SELECT id FROM catalog_item WHERE photo != NONE")
            .await,
        Vec::<Value>::new()
    );
}
