//! Replays and cross-site requests: an operation id answers only the same caller's same
//! request again; writes come only from the app's own pages, with the content types it sends.

use crate::common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{TestApp, app, op_id, register_body};
use serde_json::{Value, json};

fn conflict_on_op(reply: &common::Reply) {
    assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.body);
    assert_eq!(reply.json()["field"], "op", "{}", reply.body);
    assert!(
        reply.headers.get("set-cookie").is_none(),
        "no session handed out"
    );
}

#[tokio::test]
async fn a_stolen_sign_up_op_id_with_other_data_signs_nobody_in() {
    let app = app().await;
    let first = register_body("shopkeeper", "awa@example.sn", "boutique2026");
    let reply = app.post("/api/auth/register", first.clone(), None).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    // The same request again (a lost response) is answered with the same account.
    let again = app.post("/api/auth/register", first.clone(), None).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    assert_eq!(again.json()["user_id"], reply.json()["user_id"]);

    let mut other = register_body("shopkeeper", "mallory@example.sn", "mallory2026");
    other["op"] = first["op"].clone();
    conflict_on_op(&app.post("/api/auth/register", other, None).await);
    let mallory = app
        .rows("SELECT id FROM user WHERE email = 'mallory@example.sn'")
        .await;
    assert!(mallory.is_empty());
    // Even the same data with another password is another request.
    let mut same_email = first.clone();
    same_email["input"]["password"] = json!("autrechose2026");
    conflict_on_op(&app.post("/api/auth/register", same_email, None).await);
}

#[tokio::test]
async fn an_op_id_replayed_with_another_body_or_on_another_endpoint_is_a_conflict() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let op = op_id();
    let category = json!({ "op": op, "name": "Céréales" });
    let reply = app
        .post("/api/categories/create", category.clone(), Some(&awa))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let again = app
        .post("/api/categories/create", category, Some(&awa))
        .await;
    assert_eq!((again.status, again.body), (StatusCode::OK, reply.body));

    let renamed = json!({ "op": op, "name": "Boissons" });
    conflict_on_op(
        &app.post("/api/categories/create", renamed, Some(&awa))
            .await,
    );
    let product = json!({ "op": op, "input": {
        "name": "Riz", "sku": "", "category_id": "", "unit": "sac", "quantity": 1,
        "min_stock": 0, "max_stock": null, "purchase_price": 100, "sale_price": 150, "notes": ""
    }});
    conflict_on_op(&app.post("/api/products/create", product, Some(&awa)).await);
    assert_eq!(app.count("category").await, 1);
    assert_eq!(app.count("product").await, 0);

    // Another user's replay of the same id is that user's own, new operation.
    let fatou = app.register("shopkeeper", "fatou@example.sn").await;
    let theirs = json!({ "op": op, "name": "Céréales" });
    let reply = app
        .post("/api/categories/create", theirs, Some(&fatou))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(app.count("category").await, 2);
}

fn png(shade: u8) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(40, 30, |_, _| image::Rgb([shade, 90, 90]));
    let mut out = std::io::Cursor::new(Vec::new());
    picture.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

#[tokio::test]
async fn a_replayed_photo_upload_writes_no_file() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let product = app
        .create_product(
            &awa,
            json!({ "name": "Riz", "sku": "", "category_id": "", "unit": "sac", "quantity": 1,
                    "min_stock": 0, "max_stock": null, "purchase_price": 100, "sale_price": 150, "notes": "" }),
        )
        .await;
    let id = product["id"].as_str().unwrap();
    let op = op_id();
    let fields = [("op", op.as_str()), ("target", "product"), ("id", id)];
    let first = app
        .upload("/api/photos/upload", &awa, &fields, "photo", &png(10))
        .await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    let url = first.json()["full"].as_str().unwrap().to_owned();
    let stored = app
        .state
        .config
        .data_dir
        .join("media")
        .join(url.trim_start_matches("/media/"));
    let written = std::fs::read(&stored).expect("the stored photo");
    let again = app
        .upload("/api/photos/upload", &awa, &fields, "photo", &png(10))
        .await;
    assert_eq!((again.status, again.body), (StatusCode::OK, first.body));
    // The same op id with another picture is refused, and the stored file is untouched.
    let other = app
        .upload("/api/photos/upload", &awa, &fields, "photo", &png(200))
        .await;
    conflict_on_op(&other);
    assert_eq!(std::fs::read(&stored).unwrap(), written);
}

async fn import_file(app: &TestApp, cookie: &str, rows: usize) -> Value {
    let mut csv = String::from("nom;quantité;prix de vente\n");
    for n in 0..rows {
        csv.push_str(&format!("Produit {n};{n};100\n"));
    }
    let reply = app
        .upload(
            "/api/imports/preview",
            cookie,
            &[],
            "produits.csv",
            csv.as_bytes(),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.json()
}

#[tokio::test]
async fn a_replayed_last_import_batch_answers_its_first_result_with_a_long_op_id() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let preview = import_file(&app, &awa, 3).await;
    // The longest op id there is: each row's derived id must still be valid.
    let op = "a".repeat(64);
    let body = json!({ "op": op, "import_id": preview["import_id"], "mapping": preview["mapping"], "start": 0 });
    let first = app.post("/api/imports/run", body.clone(), Some(&awa)).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    assert_eq!(first.json()["created"], 3);
    assert_eq!(first.json()["done"], first.json()["total"]);
    // The file is gone after the last batch; the replay still gets its answer.
    let again = app.post("/api/imports/run", body, Some(&awa)).await;
    assert_eq!((again.status, again.body), (StatusCode::OK, first.body));
    assert_eq!(app.count("product").await, 3);
}

async fn post_raw(
    app: &TestApp,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> common::Reply {
    let mut request = Request::post(path).header("accept", "application/json");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    app.send(request.body(Body::from(body.to_owned())).unwrap())
        .await
}

#[tokio::test]
async fn writes_from_another_site_or_in_other_content_types_are_refused() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let category = |name: &str| json!({ "op": op_id(), "name": name }).to_string();
    let json_from = |origin: &'static str| {
        [
            ("content-type", "application/json"),
            ("host", "boutiq.example"),
            ("origin", origin),
            ("cookie", awa.as_str()),
        ]
    };
    let evil = post_raw(
        &app,
        "/api/categories/create",
        &json_from("https://evil.example"),
        &category("A"),
    )
    .await;
    assert_eq!(evil.status, StatusCode::FORBIDDEN, "{}", evil.body);
    let cross = post_raw(
        &app,
        "/api/categories/create",
        &[
            ("content-type", "application/json"),
            ("sec-fetch-site", "cross-site"),
            ("cookie", awa.as_str()),
        ],
        &category("B"),
    )
    .await;
    assert_eq!(cross.status, StatusCode::FORBIDDEN, "{}", cross.body);
    let text = post_raw(
        &app,
        "/api/categories/create",
        &[("content-type", "text/plain"), ("cookie", awa.as_str())],
        &category("C"),
    )
    .await;
    assert_eq!(
        text.status,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "{}",
        text.body
    );
    let form = post_raw(
        &app,
        "/api/categories/create",
        &[
            ("content-type", "application/x-www-form-urlencoded"),
            ("cookie", awa.as_str()),
        ],
        "op=0123456789&name=D",
    )
    .await;
    assert_eq!(
        form.status,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "{}",
        form.body
    );
    assert_eq!(app.count("category").await, 0, "nothing written");

    // Login CSRF: another site cannot sign the browser in.
    let login = json!({ "op": op_id(), "input": { "email": "awa@example.sn", "password": "boutique2026" } });
    let forged = post_raw(
        &app,
        "/api/auth/login",
        &[
            ("content-type", "application/json"),
            ("host", "boutiq.example"),
            ("origin", "https://evil.example"),
        ],
        &login.to_string(),
    )
    .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN, "{}", forged.body);
    assert!(forged.headers.get("set-cookie").is_none());

    // The app's own page: same origin.
    let own = post_raw(
        &app,
        "/api/categories/create",
        &json_from("https://boutiq.example"),
        &category("E"),
    )
    .await;
    assert_eq!(own.status, StatusCode::OK, "{}", own.body);
}

#[tokio::test]
async fn a_multipart_body_without_boundary_or_a_huge_json_body_is_a_clear_refusal() {
    let app = app().await;
    for path in [
        "/api/photos/upload",
        "/api/imports/preview",
        "/api/backup/restore",
    ] {
        // Refused before any session check or reading.
        let reply = post_raw(
            &app,
            path,
            &[("content-type", "multipart/form-data")],
            "garbage",
        )
        .await;
        assert_eq!(
            reply.status,
            StatusCode::BAD_REQUEST,
            "{path}: {}",
            reply.body
        );
    }
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let huge = json!({ "op": op_id(), "name": "x".repeat(2 * 1024 * 1024) }).to_string();
    let reply = post_raw(
        &app,
        "/api/categories/create",
        &[
            ("content-type", "application/json"),
            ("cookie", awa.as_str()),
        ],
        &huge,
    )
    .await;
    assert_eq!(
        reply.status,
        StatusCode::PAYLOAD_TOO_LARGE,
        "{}",
        reply.body
    );
}
