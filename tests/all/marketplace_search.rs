//! The shopkeeper's marketplace (G2–G4) through the real router: which suppliers are listed,
//! the filters, the order, the pages, a supplier's detail with catalog and reviews, the product
//! search, and who may call it.

use crate::common;

use axum::http::StatusCode;
use common::{TestApp, app, op_id};
use serde_json::{Value, json};

/// Percent-encodes a query value.
fn enc(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn profile(company: &str, city: &str, zones: &[&str], categories: &[&str], about: &str) -> Value {
    json!({
        "company_name": company, "description": about, "phone": "77 123 45 67",
        "address": "Marché Tilène", "city": city, "delivery_zones": zones,
        "categories": categories, "min_order_amount": 50000, "average_delivery_days": 2
    })
}

/// Registers a supplier, saves its profile; returns its session cookie.
async fn supplier(app: &TestApp, email: &str, profile: Value) -> String {
    let cookie = app.register("supplier", email).await;
    let reply = app
        .post(
            "/api/supplier/save_profile",
            json!({ "op": op_id(), "input": profile }),
            Some(&cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    cookie
}

fn item(name: &str, category: &str, price: i64, available: bool) -> Value {
    json!({ "name": name, "description": "Qualité export", "category": category, "price": price,
        "unit": "sac", "min_order_quantity": 5, "stock_available": 40, "available": available })
}

async fn add_item(app: &TestApp, cookie: &str, input: Value) -> String {
    let reply = app
        .post(
            "/api/catalog/create",
            json!({ "op": op_id(), "input": input }),
            Some(cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.json().as_str().expect("an id").to_owned()
}

async fn search(app: &TestApp, cookie: &str, params: &[(&str, &str)]) -> Value {
    let query: Vec<String> = params
        .iter()
        .map(|(k, v)| format!("query[{k}]={}", enc(v)))
        .chain(
            std::iter::once("query[page]=0".to_owned())
                .filter(|_| !params.iter().any(|(k, _)| *k == "page")),
        )
        .collect();
    let reply = app
        .get(
            &format!("/api/marketplace/suppliers?{}", query.join("&")),
            Some(cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.json()
}

fn names(results: &Value) -> Vec<String> {
    results["suppliers"]
        .as_array()
        .expect("suppliers")
        .iter()
        .map(|s| s["company_name"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// The supplier profile id of the supplier whose company is `company`.
async fn profile_id(app: &TestApp, company: &str) -> String {
    app.state
        .db
        .query(
            "SELECT VALUE record::id(id) FROM supplier_profile WHERE company_name = $c",
            json!({ "c": company }),
        )
        .await
        .expect("query")
        .first(0)
        .expect("row")
        .expect("a profile")
}

/// Three listed suppliers and one that never finished its profile.
async fn market(app: &TestApp) -> [String; 4] {
    let moussa = supplier(
        app,
        "moussa@example.sn",
        profile(
            "Grossiste Moussa",
            "Dakar",
            &["Thiès", "Rufisque"],
            &["Huiles", "Sucre"],
            "Riz, huile et sucre en gros.",
        ),
    )
    .await;
    let ibou = supplier(
        app,
        "ibou@example.sn",
        profile(
            "Ibou Distribution",
            "Saint-Louis",
            &[],
            &["Riz et céréales"],
            "",
        ),
    )
    .await;
    let fleuve = supplier(
        app,
        "fleuve@example.sn",
        profile(
            "Riz du Fleuve",
            "Richard-Toll",
            &["Dakar"],
            &["Céréales"],
            "",
        ),
    )
    .await;
    let fatou = supplier(
        app,
        "fatou@example.sn",
        profile("Fatou Import Riz", "", &["Dakar"], &["Riz"], ""),
    )
    .await;
    [moussa, ibou, fleuve, fatou]
}

#[tokio::test]
async fn only_complete_profiles_are_listed_and_each_filter_narrows_them() {
    let app = app().await;
    market(&app).await;
    // Registered but never edited: the workspace name only.
    app.register("supplier", "nouveau@example.sn").await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;

    let all = search(&app, &awa, &[]).await;
    assert_eq!(all["total"], 3, "{all}");
    let mut listed = names(&all);
    listed.sort();
    assert_eq!(
        listed,
        ["Grossiste Moussa", "Ibou Distribution", "Riz du Fleuve"]
    );
    assert_eq!(
        all["categories"],
        json!(["Céréales", "Huiles", "Riz et céréales", "Sucre"]),
        "the categories listed suppliers declare, not Fatou's"
    );
    let moussa = &all["suppliers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["company_name"] == "Grossiste Moussa")
        .unwrap()
        .clone();
    assert_eq!(
        (
            &moussa["city"],
            &moussa["average_delivery_days"],
            &moussa["is_verified"],
            &moussa["available_items"]
        ),
        (&json!("Dakar"), &json!(2), &json!(false), &json!(0))
    );

    // Category, case aside.
    assert_eq!(
        names(&search(&app, &awa, &[("category", "huiles")]).await),
        ["Grossiste Moussa"]
    );
    // A city matches the supplier's city or one of its delivery zones, case aside.
    assert_eq!(
        names(&search(&app, &awa, &[("city", "THIÈS")]).await),
        ["Grossiste Moussa"]
    );
    let mut in_dakar = names(&search(&app, &awa, &[("city", " dakar ")]).await);
    in_dakar.sort();
    assert_eq!(in_dakar, ["Grossiste Moussa", "Riz du Fleuve"]);
    assert_eq!(search(&app, &awa, &[("city", "Kaolack")]).await["total"], 0);
    // Filters combine.
    assert_eq!(
        names(&search(&app, &awa, &[("city", "Dakar"), ("category", "Céréales")]).await),
        ["Riz du Fleuve"]
    );
    // Fatou appears once her profile is complete.
    let fatou = app
        .login("fatou@example.sn", "boutique2026")
        .await
        .session_cookie();
    let reply = app
        .post(
            "/api/supplier/save_profile",
            json!({ "op": op_id(), "input": profile("Fatou Import Riz", "Mbour", &[], &["Riz"], "") }),
            Some(&fatou),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(search(&app, &awa, &[]).await["total"], 4);
    assert_eq!(
        names(&search(&app, &awa, &[("city", "mbour")]).await),
        ["Fatou Import Riz"]
    );
}

#[tokio::test]
async fn a_name_match_comes_before_a_category_match_then_the_better_rated() {
    let app = app().await;
    market(&app).await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;

    // "riz": in Riz du Fleuve's name, in Ibou's category, in Moussa's description.
    assert_eq!(
        names(&search(&app, &awa, &[("search", "RIZ")]).await),
        ["Riz du Fleuve", "Ibou Distribution", "Grossiste Moussa"]
    );
    assert_eq!(
        search(&app, &awa, &[("search", "parfum")]).await["total"],
        0
    );

    // Without a text: the better average first, never rated last, then by name.
    app.state
        .db
        .query(
            "UPDATE supplier_profile SET rating_sum = 9, rating_count = 2 WHERE company_name = 'Ibou Distribution';
             UPDATE supplier_profile SET rating_sum = 4, rating_count = 1 WHERE company_name = 'Riz du Fleuve';",
            json!({}),
        )
        .await
        .expect("ratings");
    assert_eq!(
        names(&search(&app, &awa, &[]).await),
        ["Ibou Distribution", "Riz du Fleuve", "Grossiste Moussa"]
    );
    // Relevance still comes first: the name match beats the better-rated category match.
    assert_eq!(
        names(&search(&app, &awa, &[("search", "riz")]).await),
        ["Riz du Fleuve", "Ibou Distribution", "Grossiste Moussa"]
    );
}

#[tokio::test]
async fn results_come_twenty_a_page() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    // 45 listed profiles and 5 incomplete ones, written directly.
    app.state
        .db
        .query(
            "FOR $i IN 0..50 {
                 CREATE supplier_profile CONTENT {
                     user: type::record('user', 'u' + <string> $i),
                     company_name: 'Grossiste ' + <string> (100 + $i),
                     city: 'Dakar', categories: ['Huiles'], listed: $i < 45,
                 };
             };",
            json!({}),
        )
        .await
        .expect("profiles");
    let first = search(&app, &awa, &[("page", "0")]).await;
    let third = search(&app, &awa, &[("page", "2")]).await;
    let beyond = search(&app, &awa, &[("page", "3")]).await;
    assert_eq!(first["total"], 45);
    assert_eq!(names(&first).len(), 20);
    assert_eq!(names(&first)[0], "Grossiste 100");
    assert_eq!(
        names(&third),
        [
            "Grossiste 140",
            "Grossiste 141",
            "Grossiste 142",
            "Grossiste 143",
            "Grossiste 144"
        ]
    );
    assert_eq!(names(&beyond).len(), 0);
    assert_eq!(beyond["total"], 45);
}

#[tokio::test]
async fn a_supplier_page_shows_its_profile_available_items_and_reviews() {
    let app = app().await;
    let [moussa, ..] = market(&app).await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let riz = add_item(
        &app,
        &moussa,
        item("Riz brisé 25 kg", "Céréales", 14_500, true),
    )
    .await;
    add_item(&app, &moussa, item("Huile 20 L", "Huiles", 21_000, true)).await;
    let sucre = add_item(&app, &moussa, item("Sucre 50 kg", "Sucre", 30_000, false)).await;
    for i in 0..27 {
        add_item(
            &app,
            &moussa,
            item(&format!("Savon {i:02}"), "Hygiène", 500, true),
        )
        .await;
    }
    let id = profile_id(&app, "Grossiste Moussa").await;

    // The card counts available items only, and follows availability changes and deletions.
    let card = |results: Value| results["suppliers"][0]["available_items"].clone();
    let only_moussa = [("search", "grossiste moussa")];
    assert_eq!(card(search(&app, &awa, &only_moussa).await), 29);
    let reply = app
        .post(
            "/api/catalog/available",
            json!({ "op": op_id(), "id": riz, "available": false }),
            Some(&moussa),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(card(search(&app, &awa, &only_moussa).await), 28);
    let reply = app
        .post(
            "/api/catalog/delete",
            json!({ "op": op_id(), "id": sucre }),
            Some(&moussa),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    app.post(
        "/api/catalog/available",
        json!({ "op": op_id(), "id": riz, "available": true }),
        Some(&moussa),
    )
    .await;
    assert_eq!(card(search(&app, &awa, &only_moussa).await), 29);

    // The profile.
    let reply = app
        .get(&format!("/api/marketplace/supplier?id={id}"), Some(&awa))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let page = reply.json();
    let s = &page["supplier"];
    assert_eq!(s["company_name"], "Grossiste Moussa");
    assert_eq!(s["description"], "Riz, huile et sucre en gros.");
    assert_eq!(s["phone"], "771234567");
    assert_eq!(s["address"], "Marché Tilène");
    assert_eq!(s["delivery_zones"], json!(["Thiès", "Rufisque"]));
    assert_eq!(s["categories"], json!(["Huiles", "Sucre"]));
    assert_eq!(
        (&s["min_order_amount"], &s["available_items"]),
        (&json!(50000), &json!(29))
    );
    assert_eq!(page["reviews"], json!([]));

    // Its catalog: available items by name, 25 a page, searchable, filtered by category.
    let catalog = |params: &str| {
        let app = &app;
        let url = format!("/api/marketplace/catalog?id={id}&{params}");
        let awa = awa.clone();
        async move {
            let reply = app.get(&url, Some(&awa)).await;
            assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
            reply.json()
        }
    };
    let first = catalog("query[page]=0").await;
    assert_eq!(first["total"], 29);
    assert_eq!(first["items"].as_array().unwrap().len(), 25);
    assert_eq!(first["items"][0]["name"], "Huile 20 L");
    assert_eq!(
        first["categories"],
        json!(["Céréales", "Huiles", "Hygiène"])
    );
    let second = catalog("query[page]=1").await;
    assert_eq!(second["items"].as_array().unwrap().len(), 4);
    let rice = catalog("query[search]=RIZ").await;
    assert_eq!(rice["total"], 1);
    assert_eq!(
        rice["items"][0],
        json!({ "id": riz, "name": "Riz brisé 25 kg", "description": "Qualité export",
            "category": "Céréales", "price": 14500, "unit": "sac", "min_order_quantity": 5,
            "stock_available": 40 })
    );
    assert_eq!(catalog("query[category]=huiles").await["total"], 1);
    assert_eq!(catalog("query[search]=sucre").await["total"], 0, "deleted");

    // Reviews, newest first, with the shop's name.
    let shop = app.get("/api/shops/mine", Some(&awa)).await.json()[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.state
        .db
        .query(
            "LET $supplier = (SELECT VALUE user FROM type::record('supplier_profile', $id))[0];
             LET $shop = type::record('shop', $shop);
             RELATE $shop->rated->$supplier CONTENT { score: 3, comment: 'Livré en retard',
                 purchase: purchase_order:old, created_at: d'2026-01-05T10:00:00Z' };
             RELATE $shop->rated->$supplier CONTENT { score: 5, comment: 'Parfait',
                 purchase: purchase_order:new, created_at: d'2026-03-01T10:00:00Z' };",
            json!({ "id": id, "shop": shop }),
        )
        .await
        .expect("ratings");
    let reviews = app
        .get(&format!("/api/marketplace/supplier?id={id}"), Some(&awa))
        .await
        .json()["reviews"]
        .clone();
    assert_eq!(reviews.as_array().unwrap().len(), 2, "{reviews}");
    assert_eq!(
        (
            &reviews[0]["score"],
            &reviews[0]["comment"],
            &reviews[0]["shop_name"]
        ),
        (&json!(5), &json!("Parfait"), &json!("Boutique Awa"))
    );
    assert!(
        reviews[0]["created_at"]
            .as_str()
            .unwrap()
            .starts_with("2026-03-01")
    );
    assert_eq!(reviews[1]["comment"], "Livré en retard");
}

#[tokio::test]
async fn unknown_and_incomplete_suppliers_are_not_found() {
    let app = app().await;
    let [.., fatou] = market(&app).await;
    add_item(&app, &fatou, item("Riz parfumé", "Riz", 15_000, true)).await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let incomplete = profile_id(&app, "Fatou Import Riz").await;
    // A well-formed id of nobody is not found; a malformed one is refused as such.
    let cases = [
        (incomplete.as_str(), StatusCode::NOT_FOUND),
        ("nobody", StatusCode::NOT_FOUND),
        ("", StatusCode::BAD_REQUEST),
        ("a b", StatusCode::BAD_REQUEST),
    ];
    for (id, status) in cases {
        for path in ["supplier", "catalog"] {
            let reply = app
                .get(
                    &format!("/api/marketplace/{path}?id={}&query[page]=0", enc(id)),
                    Some(&awa),
                )
                .await;
            assert_eq!(reply.status, status, "{path} {id}: {}", reply.body);
        }
    }
    // Nor do its items appear in the product search.
    let reply = app
        .get("/api/marketplace/products?query[search]=riz", Some(&awa))
        .await;
    assert_eq!(reply.json()["total"], 0, "{}", reply.body);
}

#[tokio::test]
async fn the_product_search_looks_through_every_listed_catalog() {
    let app = app().await;
    let [moussa, ibou, ..] = market(&app).await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    add_item(
        &app,
        &moussa,
        item("Riz parfumé 25 kg", "Céréales", 16_000, true),
    )
    .await;
    add_item(
        &app,
        &moussa,
        item("Riz brisé 50 kg", "Céréales", 25_000, false),
    )
    .await;
    add_item(
        &app,
        &moussa,
        item("Huile d'arachide 20 L", "Huiles", 21_000, true),
    )
    .await;
    add_item(&app, &ibou, item("Riz local", "Céréales", 12_000, true)).await;
    add_item(
        &app,
        &ibou,
        item("Sucre en poudre", "Épicerie", 30_000, true),
    )
    .await;
    add_item(
        &app,
        &ibou,
        item("Poivre noir 927986", "Épices 927986", 2_500, true),
    )
    .await;

    let products = |search: &str, page: u32| {
        let app = &app;
        let url = format!(
            "/api/marketplace/products?query[search]={}&query[page]={page}",
            enc(search)
        );
        let awa = awa.clone();
        async move {
            let reply = app.get(&url, Some(&awa)).await;
            assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
            reply.json()
        }
    };
    let rice = products("riz", 0).await;
    assert_eq!(rice["total"], 2, "{rice}");
    assert_eq!(
        rice["items"][0],
        json!({ "id": rice["items"][0]["id"], "name": "Riz local", "category": "Céréales",
            "price": 12000, "unit": "sac", "min_order_quantity": 5,
            "supplier_id": profile_id(&app, "Ibou Distribution").await,
            "company_name": "Ibou Distribution", "city": "Saint-Louis" })
    );
    assert_eq!(rice["items"][1]["company_name"], "Grossiste Moussa");
    // Beginnings of words, case and accents aside; several words must all be found.
    assert_eq!(products("PARFU", 0).await["total"], 1);
    assert_eq!(products("riz parfume", 0).await["total"], 1);
    // Digits are words too (the journey's tags).
    assert_eq!(products("poivre 927986", 0).await["total"], 1);
    // By category.
    assert_eq!(
        products("épicerie", 0).await["items"][0]["name"],
        "Sucre en poudre"
    );
    assert_eq!(products("cereales", 0).await["total"], 2);
    // Too short, or nothing found.
    assert_eq!(products("r", 0).await, json!({ "items": [], "total": 0 }));
    assert_eq!(products("chocolat", 0).await["total"], 0);
    assert_eq!(products("riz", 1).await["items"], json!([]));
}

#[tokio::test]
async fn only_shopkeepers_reach_the_marketplace() {
    let app = app().await;
    let [moussa, ..] = market(&app).await;
    let id = profile_id(&app, "Grossiste Moussa").await;
    let paths = [
        "/api/marketplace/suppliers?query[page]=0".to_owned(),
        format!("/api/marketplace/supplier?id={id}"),
        format!("/api/marketplace/catalog?id={id}&query[page]=0"),
        "/api/marketplace/products?query[search]=riz".to_owned(),
    ];
    for path in &paths {
        assert_eq!(
            app.get(path, Some(&moussa)).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
        assert_eq!(
            app.get(path, None).await.status,
            StatusCode::UNAUTHORIZED,
            "{path}"
        );
    }
}

#[tokio::test]
async fn profiles_saved_before_the_marketplace_are_listed_by_the_migration() {
    let app = app().await;
    let moussa = supplier(
        &app,
        "moussa@example.sn",
        profile("Grossiste Moussa", "Dakar", &[], &["Huiles"], ""),
    )
    .await;
    add_item(&app, &moussa, item("Huile 20 L", "Huiles", 21_000, true)).await;
    add_item(&app, &moussa, item("Huile 5 L", "Huiles", 6_000, false)).await;
    app.register("supplier", "ibou@example.sn").await;
    // As a version-6 database left them: nothing listed, nothing counted.
    app.state
        .db
        .query(
            "UPDATE supplier_profile SET listed = false, available_items = 0",
            json!({}),
        )
        .await
        .expect("reset");
    let schema = include_str!("../../src/server/schema/007_marketplace.surql");
    let backfill = schema
        .split("-- Profiles saved before version 7")
        .nth(1)
        .and_then(|rest| rest.split_once('\n'))
        .and_then(|(_, rest)| rest.split("\n\n").next())
        .expect("the backfill statements");
    app.state
        .db
        .query(backfill, json!({}))
        .await
        .expect("backfill");
    let rows = app
        .rows("SELECT company_name, listed, available_items FROM supplier_profile ORDER BY company_name")
        .await;
    assert_eq!(
        rows,
        [
            json!({ "company_name": "Boutique Awa", "listed": false, "available_items": 0 }),
            json!({ "company_name": "Grossiste Moussa", "listed": true, "available_items": 1 }),
        ]
    );
}
