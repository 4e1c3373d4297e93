#![cfg(feature = "ssr")]
//! Photos of products (B8) and delivery notes (C9): checks, thumbnails, owner-only serving.

mod common;

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
