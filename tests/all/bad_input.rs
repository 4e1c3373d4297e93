//! Every server function and download route, fed malformed input through the real router by a
//! signed-in caller of the right role: empty and wrong-typed bodies, missing fields, empty and
//! garbage ids, huge numbers, strings, lists and pages, non-multipart bodies to multipart
//! endpoints. Each must answer a 4xx — never a 5xx, never a panic.

use crate::common;

use std::collections::BTreeSet;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{TestApp, app, op_id};
use serde_json::{Value, json};
use tower::ServiceExt;

#[derive(Clone, Copy, PartialEq)]
enum Who {
    Shopkeeper,
    Supplier,
    Anyone,
}

enum Form {
    /// `POST`, a JSON body.
    Json(Value),
    /// `GET`, the arguments in the query string (serde_qs's brackets).
    Query(Value),
    /// `POST`, a multipart form with these text fields and a small file.
    Multipart(Vec<(&'static str, String)>),
}

struct Sample {
    path: &'static str,
    who: Who,
    form: Form,
}

/// Records of both roles, so that the valid parts of a malformed request reach deep.
struct Shop {
    awa: String,
    moussa: String,
    product: String,
    category: String,
    supplier: String,
    order: String,
    item: String,
    vendor: String,
    import: String,
}

async fn shop(app: &TestApp) -> Shop {
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let moussa = app.register("supplier", "moussa@example.sn").await;
    let ok = |reply: common::Reply| {
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        reply.json()
    };
    let category = ok(app.create_category(&awa, "Céréales").await);
    let supplier = ok(app
        .post(
            "/api/suppliers/create",
            json!({ "op": op_id(), "input": supplier_input() }),
            Some(&awa),
        )
        .await);
    let product = app
        .create_product(&awa, product_input(&category, &supplier))
        .await["id"]
        .clone();
    let order = ok(app
        .post(
            "/api/orders/create",
            json!({ "op": op_id(), "input": order_input(&supplier, &product) }),
            Some(&awa),
        )
        .await)["id"]
        .clone();
    ok(app
        .post(
            "/api/supplier/save_profile",
            json!({ "op": op_id(), "input": profile_input() }),
            Some(&moussa),
        )
        .await);
    let item = ok(app
        .post(
            "/api/catalog/create",
            json!({ "op": op_id(), "input": item_input() }),
            Some(&moussa),
        )
        .await);
    let vendor = ok(app.get("/api/auth/session", Some(&moussa)).await)["user_id"].clone();
    let preview = app
        .upload(
            "/api/imports/preview",
            &awa,
            &[],
            "p.csv",
            b"Nom;Quantite\nRiz;3\n",
        )
        .await;
    let import = ok(preview)["import_id"].clone();
    let text = |v: Value| v.as_str().expect("an id").to_owned();
    Shop {
        awa,
        moussa,
        product: text(product),
        category: text(category),
        supplier: text(supplier),
        order: text(order),
        item: text(item),
        vendor: text(vendor),
        import: text(import),
    }
}

fn supplier_input() -> Value {
    json!({ "name": "Moussa", "phone": "+221770000000", "whatsapp": "", "email": "",
            "address": "Dakar", "city": "Dakar", "notes": "" })
}

fn product_input(category: &Value, supplier: &Value) -> Value {
    json!({ "name": "Riz 5kg", "sku": "RIZ5", "category_id": category, "supplier_id": supplier,
            "unit": "sac", "quantity": 10, "min_stock": 2, "max_stock": 50,
            "purchase_price": 3000, "sale_price": 3500, "notes": "" })
}

fn order_input(supplier: &Value, product: &Value) -> Value {
    json!({ "supplier_id": supplier, "expected_on": "2030-01-10", "note": "",
            "lines": [{ "product_id": product, "quantity": 5, "unit_price": 3000 }] })
}

fn profile_input() -> Value {
    json!({ "company_name": "Moussa Distribution", "description": "Grossiste", "phone": "+221770000001",
            "address": "Marché", "city": "Dakar", "delivery_zones": ["Dakar"],
            "categories": ["Céréales"], "min_order_amount": 0, "average_delivery_days": 2 })
}

fn item_input() -> Value {
    json!({ "name": "Riz parfumé", "description": "", "category": "Céréales", "price": 2800,
            "unit": "sac", "min_order_quantity": 1, "stock_available": 100, "available": true })
}

/// One valid request of each endpoint.
fn samples(s: &Shop) -> Vec<Sample> {
    use Form::{Json, Multipart, Query};
    use Who::{Anyone, Shopkeeper as Shk, Supplier as Sup};
    let op = || json!(op_id());
    let rule =
        json!({ "kind": "low", "enabled": true, "threshold": 20, "in_app": true, "push": false });
    let sample = |path, who, form| Sample { path, who, form };
    vec![
        sample("/api/alerts/top_products", Shk, Query(json!({}))),
        sample("/api/alerts/list", Shk, Query(json!({ "history": false }))),
        sample("/api/alerts/unread", Shk, Query(json!({}))),
        sample(
            "/api/alerts/read",
            Shk,
            Json(json!({ "op": op(), "id": "abc" })),
        ),
        sample(
            "/api/alerts/dismiss",
            Shk,
            Json(json!({ "op": op(), "id": "abc" })),
        ),
        sample("/api/alerts/rules", Shk, Query(json!({}))),
        sample(
            "/api/alerts/save_rules",
            Shk,
            Json(json!({ "op": op(), "rules": [rule] })),
        ),
        sample(
            "/api/auth/register",
            Anyone,
            Json(common::register_body(
                "shopkeeper",
                "new@example.sn",
                "boutique2026",
            )),
        ),
        sample(
            "/api/auth/login",
            Anyone,
            Json(
                json!({ "op": op(), "input": { "email": "awa@example.sn", "password": "faux2026x" } }),
            ),
        ),
        sample("/api/auth/session", Anyone, Query(json!({}))),
        sample("/api/auth/logout", Anyone, Json(json!({ "op": op() }))),
        sample("/api/backup/restore", Shk, Multipart(vec![("op", op_id())])),
        sample(
            "/api/catalog/list",
            Sup,
            Query(json!({ "query": { "search": "riz", "category": "", "page": 0 } })),
        ),
        sample(
            "/api/catalog/create",
            Sup,
            Json(json!({ "op": op(), "input": item_input() })),
        ),
        sample(
            "/api/catalog/update",
            Sup,
            Json(json!({ "op": op(), "id": s.item, "input": item_input() })),
        ),
        sample(
            "/api/catalog/available",
            Sup,
            Json(json!({ "op": op(), "id": s.item, "available": true })),
        ),
        sample(
            "/api/catalog/delete",
            Sup,
            Json(json!({ "op": op(), "id": "abc" })),
        ),
        sample("/api/categories/list", Shk, Query(json!({}))),
        sample(
            "/api/categories/create",
            Shk,
            Json(json!({ "op": op(), "name": "Boissons" })),
        ),
        sample(
            "/api/categories/rename",
            Shk,
            Json(json!({ "op": op(), "id": s.category, "name": "Grains" })),
        ),
        sample(
            "/api/categories/delete",
            Shk,
            Json(json!({ "op": op(), "id": "abc" })),
        ),
        sample(
            "/api/market/cart_terms",
            Shk,
            Json(json!({ "supplier_id": s.vendor, "item_ids": [s.item] })),
        ),
        sample(
            "/api/market/order",
            Shk,
            Json(
                json!({ "op": op(), "input": { "supplier_id": s.vendor, "note": "",
            "lines": [{ "item_id": s.item, "quantity": 2, "product_id": s.product, "unit_price": 2800 }] } }),
            ),
        ),
        sample(
            "/api/orders/rate",
            Shk,
            Json(json!({ "op": op(), "id": s.order, "rating": { "score": 4, "comment": "" } })),
        ),
        sample("/api/dashboard/stock", Shk, Query(json!({}))),
        sample("/api/imports/preview", Shk, Multipart(vec![])),
        sample(
            "/api/imports/check",
            Shk,
            Json(json!({ "import_id": s.import, "mapping": ["name", "quantity"] })),
        ),
        sample(
            "/api/imports/run",
            Shk,
            Json(
                json!({ "op": op(), "import_id": s.import, "mapping": ["name", "quantity"], "start": 0 }),
            ),
        ),
        sample(
            "/api/inbox/list",
            Sup,
            Query(json!({ "query": { "status": "pending", "page": 0 } })),
        ),
        sample(
            "/api/inbox/status",
            Sup,
            Json(json!({ "op": op(), "id": "abc", "status": "confirmed", "reason": "" })),
        ),
        sample("/api/inbox/dashboard", Sup, Query(json!({}))),
        sample(
            "/api/invitations/send",
            Shk,
            Json(json!({ "op": op(), "supplier_id": s.supplier, "email": "moussa2@example.sn" })),
        ),
        sample(
            "/api/invitations/get",
            Anyone,
            Query(json!({ "token": "abcdefabcdefabcdefabcdef" })),
        ),
        sample(
            "/api/invitations/accept",
            Anyone,
            Json(
                json!({ "op": op(), "token": "abcdefabcdefabcdefabcdef", "input": {
            "name": "Moussa", "email": "m3@example.sn", "password": "boutique2026", "company_name": "M",
            "phone": "", "city": "", "address": "" } }),
            ),
        ),
        sample(
            "/api/marketplace/suppliers",
            Shk,
            Query(
                json!({ "query": { "search": "riz", "category": "", "city": "Dakar", "page": 0 } }),
            ),
        ),
        sample(
            "/api/marketplace/supplier",
            Shk,
            Query(json!({ "id": s.vendor })),
        ),
        sample(
            "/api/marketplace/catalog",
            Shk,
            Query(json!({ "id": s.vendor, "query": { "search": "", "category": "", "page": 0 } })),
        ),
        sample(
            "/api/marketplace/products",
            Shk,
            Query(json!({ "query": { "search": "riz", "page": 0 } })),
        ),
        sample(
            "/api/orders/list",
            Shk,
            Query(
                json!({ "query": { "status": "pending", "supplier_id": s.supplier,
            "period": "dates", "from": "2026-01-01", "to": "2026-12-31", "page": 0 } }),
            ),
        ),
        sample("/api/orders/get", Shk, Query(json!({ "id": s.order }))),
        sample(
            "/api/orders/create",
            Shk,
            Json(
                json!({ "op": op(), "input": order_input(&json!(s.supplier), &json!(s.product)) }),
            ),
        ),
        sample(
            "/api/orders/status",
            Shk,
            Json(json!({ "op": op(), "id": s.order, "status": "confirmed" })),
        ),
        sample(
            "/api/orders/deliver",
            Shk,
            Json(
                json!({ "op": op(), "id": "abc", "received": [{ "product_id": s.product, "quantity": 5 }] }),
            ),
        ),
        sample(
            "/api/orders/reorder",
            Shk,
            Json(json!({ "op": op(), "id": s.order })),
        ),
        sample(
            "/api/orders/recurrence",
            Shk,
            Json(
                json!({ "op": op(), "id": s.order, "recurrence": { "every": "days", "days": 7 } }),
            ),
        ),
        sample(
            "/api/photos/upload",
            Shk,
            Multipart(vec![
                ("op", op_id()),
                ("target", "product".into()),
                ("id", s.product.clone()),
            ]),
        ),
        sample(
            "/api/photos/remove",
            Shk,
            Json(json!({ "op": op(), "target": "product", "id": "abc" })),
        ),
        sample(
            "/api/products/list",
            Shk,
            Query(
                json!({ "query": { "search": "riz", "category": { "by": "id", "id": s.category },
            "status": "low", "sort": "price_desc", "page": 0 } }),
            ),
        ),
        sample("/api/products/get", Shk, Query(json!({ "id": s.product }))),
        sample("/api/products/by_sku", Shk, Query(json!({ "sku": "RIZ5" }))),
        sample("/api/products/units", Shk, Query(json!({}))),
        sample(
            "/api/products/create",
            Shk,
            Json(
                json!({ "op": op(), "input": product_input(&json!(s.category), &json!(s.supplier)) }),
            ),
        ),
        sample(
            "/api/products/update",
            Shk,
            Json(
                json!({ "op": op(), "id": s.product, "input": product_input(&json!(s.category), &json!(s.supplier)) }),
            ),
        ),
        sample(
            "/api/products/delete",
            Shk,
            Json(json!({ "op": op(), "id": "abc" })),
        ),
        sample("/api/shops/mine", Shk, Query(json!({}))),
        sample("/api/shops/settings", Shk, Query(json!({}))),
        sample("/api/sync/pull", Shk, Query(json!({ "cursor": 0 }))),
        sample(
            "/api/shops/save_settings",
            Shk,
            Json(json!({ "op": op(), "csv_separator": ";", "date_format": "yyyy-mm-dd" })),
        ),
        sample("/api/stats/get", Shk, Query(json!({ "period": "30" }))),
        sample(
            "/api/stock/history",
            Shk,
            Query(
                json!({ "query": { "kind": "in", "from": "2026-01-01", "to": "2026-12-31", "page": 0 } }),
            ),
        ),
        sample(
            "/api/stock/move",
            Shk,
            Json(
                json!({ "op": op(), "input": { "product_id": s.product, "kind": "in", "quantity": 1, "reason": "delivery", "note": "" } }),
            ),
        ),
        sample(
            "/api/stock/ledger",
            Shk,
            Query(json!({ "product_id": s.product, "page": 0 })),
        ),
        sample("/api/supplier/profile", Sup, Query(json!({}))),
        sample(
            "/api/supplier/save_profile",
            Sup,
            Json(json!({ "op": op(), "input": profile_input() })),
        ),
        sample(
            "/api/suppliers/list",
            Shk,
            Query(json!({ "sort": "rating" })),
        ),
        sample(
            "/api/suppliers/get",
            Shk,
            Query(json!({ "id": s.supplier })),
        ),
        sample(
            "/api/suppliers/create",
            Shk,
            Json(json!({ "op": op(), "input": supplier_input() })),
        ),
        sample(
            "/api/suppliers/update",
            Shk,
            Json(json!({ "op": op(), "id": s.supplier, "input": supplier_input() })),
        ),
        sample(
            "/api/suppliers/delete",
            Shk,
            Json(json!({ "op": op(), "id": "abc" })),
        ),
        sample(
            "/api/suppliers/favorite",
            Shk,
            Json(json!({ "op": op(), "id": s.supplier, "favorite": true })),
        ),
        sample(
            "/api/suppliers/link",
            Shk,
            Json(
                json!({ "op": op(), "supplier_id": s.supplier, "product_id": s.product, "linked": true }),
            ),
        ),
        sample("/export/products.csv", Shk, Query(json!({}))),
        sample(
            "/export/movements.csv",
            Shk,
            Query(json!({ "kind": "in", "from": "2026-01-01", "to": "2026-12-31" })),
        ),
        sample("/export/backup.json", Shk, Query(json!({}))),
    ]
}

/// What replaces one value of a valid request.
fn bad_values() -> Vec<Value> {
    vec![
        json!(""),
        json!("   "),
        json!("pas un id ⚠ '\"; DELETE product; --/../../etc"),
        json!("é".repeat(9_000)),
        json!(-1),
        json!(i64::MIN),
        json!(i64::MAX),
        json!(u32::MAX),
        json!(100_001),
        json!(u64::MAX),
        json!(1e300),
        json!(0.5),
        json!(true),
        json!([]),
        json!({}),
        Value::Null,
    ]
}

/// Every (path to a value, value) of `value`; lists also get 5,000 copies of their first item.
fn mutations(value: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    mutate(value, &mut |edit| out.push(edit(value.clone())));
    out
}

type Edit<'a> = &'a dyn Fn(Value) -> Value;

fn mutate(value: &Value, emit: &mut dyn FnMut(Edit)) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                emit(&|mut whole| {
                    whole.as_object_mut().unwrap().remove(key);
                    whole
                });
                for bad in bad_values() {
                    emit(&|mut whole| {
                        whole[key] = bad.clone();
                        whole
                    });
                }
                mutate(inner, &mut |edit| {
                    emit(&|mut whole| {
                        whole[key] = edit(whole[key].take());
                        whole
                    })
                });
            }
        }
        Value::Array(items) => {
            if let Some(first) = items.first() {
                emit(&|_| Value::Array(vec![first.clone(); 5_000]));
                mutate(first, &mut |edit| {
                    emit(&|mut whole| {
                        whole[0] = edit(whole[0].take());
                        whole
                    })
                });
            }
        }
        _ => {}
    }
}

/// `{"query": {"page": 0}}` as serde_qs writes it: `query[page]=0`.
fn query_string(value: &Value) -> String {
    fn pairs(prefix: &str, value: &Value, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => map.iter().for_each(|(k, v)| {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}[{k}]")
                };
                pairs(&key, v, out)
            }),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .for_each(|(i, v)| pairs(&format!("{prefix}[{i}]"), v, out)),
            Value::Null => {}
            Value::String(s) => out.push(format!("{prefix}={}", encode(s))),
            other => out.push(format!("{prefix}={other}")),
        }
    }
    let mut out = Vec::new();
    pairs("", value, &mut out);
    out.join("&")
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Every request a sample gives: the malformed bodies, then each value replaced.
fn requests(sample: &Sample, cookie: Option<&str>) -> Vec<Request<Body>> {
    let post = |content_type: &str, body: Vec<u8>| {
        let mut request = Request::post(sample.path)
            .header("content-type", content_type)
            .header("accept", "application/json");
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        request.body(Body::from(body)).unwrap()
    };
    let get = |query: String| {
        let mut request =
            Request::get(format!("{}?{query}", sample.path)).header("accept", "application/json");
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        request.body(Body::empty()).unwrap()
    };
    match &sample.form {
        Form::Json(valid) => {
            let raw = ["", "null", "[]", "{}", "{", "\"op\"", "{\"op\":", "1e99999"];
            let mut all: Vec<_> = raw
                .iter()
                .map(|b| post("application/json", b.as_bytes().to_vec()))
                .collect();
            all.push(post("multipart/form-data; boundary=x", b"garbage".to_vec()));
            all.push(post("multipart/form-data", valid.to_string().into_bytes()));
            all.extend(
                mutations(valid)
                    .into_iter()
                    .map(|body| with_fresh_op(body, valid))
                    .map(|body| post("application/json", body.to_string().into_bytes())),
            );
            all
        }
        Form::Query(valid) => {
            let raw = [
                "",
                "garbage",
                "query",
                "query[",
                "query[page]=",
                "%FF%FE=%00",
                "id",
                "id[]=1",
            ];
            let mut all: Vec<_> = raw.iter().map(|q| get(q.to_string())).collect();
            all.extend(mutations(valid).iter().map(query_string).map(get));
            all
        }
        Form::Multipart(fields) => {
            let mut all = vec![
                post("application/json", b"{}".to_vec()),
                post("multipart/form-data", b"no boundary".to_vec()),
                post(
                    "multipart/form-data; boundary=x",
                    b"--x\r\ngarbage".to_vec(),
                ),
                post("multipart/form-data; boundary=x", b"--x--\r\n".to_vec()),
            ];
            let (kind, body) = common::multipart(fields, "f.csv", b"Nom\nRiz\n");
            all.push(post(&kind, body));
            for (i, _) in fields.iter().enumerate() {
                for bad in [
                    "",
                    "pas un id ⚠ /../..",
                    &"x".repeat(200_000),
                    "-1",
                    "18446744073709551616",
                ] {
                    let mut changed = fields.clone();
                    changed[i].1 = bad.to_owned();
                    if let Some(op) = changed.iter_mut().find(|(name, _)| *name == "op" && i > 0) {
                        op.1 = op_id();
                    }
                    let (kind, body) = common::multipart(&changed, "f.csv", b"Nom\nRiz\n");
                    all.push(post(&kind, body));
                }
            }
            let mut many = fields.clone();
            many.extend((0..200).map(|_| ("extra", "x".to_owned())));
            let (kind, body) = common::multipart(&many, "f.json", b"{}");
            all.push(post(&kind, body));
            all
        }
    }
}

/// A request that kept the sample's op id gets a new one, so that each reaches the store
/// instead of being answered as a replay of the first.
fn with_fresh_op(mut body: Value, valid: &Value) -> Value {
    if body.get("op").is_some() && body["op"] == valid["op"] {
        body["op"] = json!(op_id());
    }
    body
}

/// The request's answer, or what went wrong: a 5xx or a panic in the handler.
async fn fault(app: &TestApp, request: Request<Body>) -> Option<String> {
    let what = format!("{} {}", request.method(), request.uri());
    let what: String = what.chars().take(300).collect();
    let answer = tokio::spawn(app.router.clone().oneshot(request)).await;
    match answer {
        Err(panic) => Some(format!("{what}: panicked ({panic})")),
        Ok(Ok(response)) if response.status().is_server_error() => {
            let status = response.status();
            let body = axum::body::to_bytes(response.into_body(), 10_000)
                .await
                .unwrap_or_default();
            Some(format!(
                "{what}: {status} {}",
                String::from_utf8_lossy(&body)
            ))
        }
        Ok(_) => None,
    }
}

#[tokio::test]
async fn no_server_function_answers_malformed_input_with_a_5xx_or_a_panic() {
    let app = app().await;
    let shop = shop(&app).await;
    let samples = samples(&shop);

    let sampled: BTreeSet<&str> = samples.iter().map(|s| s.path).collect();
    let missing: Vec<_> = server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        .filter(|path| !sampled.contains(path))
        .collect();
    assert!(missing.is_empty(), "add a sample for {missing:?}");

    let mut faults = Vec::new();
    let mut sent = 0;
    for sample in &samples {
        let cookie = match sample.who {
            Who::Shopkeeper => Some(shop.awa.as_str()),
            Who::Supplier => Some(shop.moussa.as_str()),
            Who::Anyone => None,
        };
        let mut all = requests(sample, cookie);
        // The same requests from the other role and from nobody are refused as cleanly.
        if sample.who != Who::Anyone {
            let other = if sample.who == Who::Shopkeeper {
                &shop.moussa
            } else {
                &shop.awa
            };
            all.extend(requests(sample, Some(other)).into_iter().take(12));
            all.extend(requests(sample, None).into_iter().take(12));
        }
        for request in all {
            sent += 1;
            faults.extend(fault(&app, request).await);
        }
    }
    assert!(
        faults.is_empty(),
        "{} of {sent} requests failed:\n{}",
        faults.len(),
        faults.join("\n")
    );
    // The valid records are still there, whole.
    let product = app
        .get(
            &format!("/api/products/get?id={}", shop.product),
            Some(&shop.awa),
        )
        .await;
    assert_eq!(product.status, StatusCode::OK, "{}", product.body);
}

#[tokio::test]
async fn the_largest_amounts_a_shop_can_enter_add_up_without_overflow() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let product = |name: &str, quantity: i64, price: i64| {
        json!({ "name": name, "sku": "", "category_id": "", "supplier_id": "", "unit": "pièce",
                "quantity": quantity, "min_stock": 0, "max_stock": null,
                "purchase_price": price, "sale_price": price, "notes": "" })
    };
    let stock_value = || async {
        let reply = app.get("/api/dashboard/stock", Some(&awa)).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        reply.json()["stock_value"].as_i64().unwrap()
    };
    // Past the bounds: a clear refusal next to the field.
    for (field, quantity, price) in [
        ("quantity", 1_000_000_001, 1),
        ("purchase_price", 1, 1_000_000_000_001),
    ] {
        let reply = app
            .post(
                "/api/products/create",
                json!({ "op": op_id(), "input": product("Trop", quantity, price) }),
                Some(&awa),
            )
            .await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
        assert_eq!(reply.json()["field"], field);
    }
    // Within the bounds: sums are exact past what one product's value holds …
    app.create_product(&awa, product("Or", 1_000_000_000, 4_000_000_000))
        .await;
    app.create_product(&awa, product("Argent", 1_000_000_000, 4_000_000_000))
        .await;
    assert_eq!(stock_value().await, 8_000_000_000_000_000_000);
    // … and saturate rather than overflow past the largest amount.
    let diamond = app
        .create_product(&awa, product("Diamant", 1_000_000_000, 1_000_000_000_000))
        .await;
    assert_eq!(stock_value().await, i64::MAX);
    let moved = app
        .post(
            "/api/stock/move",
            json!({ "op": op_id(), "input": { "product_id": diamond["id"], "kind": "in",
            "quantity": 1_000_000_000, "reason": "correction", "note": "" } }),
            Some(&awa),
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.body);
    let stats = app.get("/api/stats/get?period=90", Some(&awa)).await;
    assert_eq!(stats.status, StatusCode::OK, "{}", stats.body);
    assert_eq!(
        stats.json()["by_category"][0]["value"],
        json!(i64::MAX),
        "{}",
        stats.body
    );
    let export = app.get("/export/products.csv", Some(&awa)).await;
    assert_eq!(export.status, StatusCode::OK);
    assert!(
        export.body.contains("Diamant") && export.body.contains("Argent"),
        "{}",
        export.body
    );

    // "Recommander" at today's price would pass the largest order total: refused, not a 500.
    let supplier = app
        .post(
            "/api/suppliers/create",
            json!({ "op": op_id(), "input": supplier_input() }),
            Some(&awa),
        )
        .await
        .json();
    let lines =
        json!([{ "product_id": diamond["id"], "quantity": 1_000_000_000, "unit_price": 1000 }]);
    let order = app
        .post(
            "/api/orders/create",
            json!({ "op": op_id(), "input": { "supplier_id": supplier,
            "expected_on": "", "note": "", "lines": lines } }),
            Some(&awa),
        )
        .await;
    assert_eq!(order.status, StatusCode::OK, "{}", order.body);
    let orders_before = app.count("purchase_order").await;
    let again = app
        .post(
            "/api/orders/reorder",
            json!({ "op": op_id(), "id": order.json()["id"] }),
            Some(&awa),
        )
        .await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST, "{}", again.body);
    assert_eq!(again.json()["code"], "error.quantity.too_large");
    assert_eq!(app.count("purchase_order").await, orders_before);
}
