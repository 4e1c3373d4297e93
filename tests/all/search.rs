//! The product search box (B7, issue 15): the server finds through its index of words exactly
//! the products the phone's replica finds with domain::search, never another shop's, and reads
//! the index instead of the shop's products.

use axum::http::StatusCode;
use serde_json::{Value, json};

use boutiq::domain::product::{CategoryFilter, Product, ProductPage, ProductQuery, ProductSort};
use boutiq::domain::stock::StockStatus;

use crate::common::{TestApp, app, op_id};

const NAMES: [&str; 12] = [
    "Riz parfumé 5kg",
    "Riz brisé",
    "Crème fraîche 20cl",
    "CRÈME dessert vanille",
    "Œufs frais x30",
    "Huile d'arachide 1L",
    "Huile de palme",
    "Thé vert Élite",
    "Lait 1/2 écrémé",
    "Savon über-doux",
    "Sucre en morceaux",
    "Café moulu 250g",
];

fn product(name: &str, sku: &str, quantity: i64, category: &str) -> Value {
    json!({ "name": name, "sku": sku, "category_id": category, "unit": "pièce",
        "quantity": quantity, "min_stock": 3, "max_stock": 40, "purchase_price": 100,
        "sale_price": 150, "notes": "" })
}

/// Every product of the shop as the list sends them.
async fn all_products(app: &TestApp, cookie: &str) -> Vec<Product> {
    let mut products = Vec::new();
    for page in 0.. {
        let reply = app
            .get(
                &format!("/api/products/list?query[page]={page}"),
                Some(cookie),
            )
            .await;
        let page: ProductPage = serde_json::from_str(&reply.body).unwrap();
        if page.items.is_empty() {
            return products;
        }
        products.extend(page.items);
    }
    unreachable!()
}

fn url_of(query: &ProductQuery) -> String {
    let mut url = format!(
        "/api/products/list?query[search]={}&query[sort]={}&query[page]={}",
        urlencoding(&query.search),
        serde_json::to_value(query.sort).unwrap().as_str().unwrap(),
        query.page
    );
    if let Some(status) = query.status {
        url.push_str(&format!("&query[status]={}", status.as_str()));
    }
    if let CategoryFilter::Id(id) = &query.category {
        url.push_str(&format!("&query[category][by]=id&query[category][id]={id}"));
    }
    url
}

fn urlencoding(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn the_server_finds_what_the_phone_finds() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let food = app.create_category(&awa, "Épicerie").await.json();
    let food = food.as_str().unwrap().to_owned();
    for i in 0..60 {
        let name = format!("{} {}", NAMES[i % NAMES.len()], i / NAMES.len());
        let sku = match i % 4 {
            0 => String::new(),
            1 => format!("SKU-{i:04}"),
            2 => format!("61{i:011}"),
            _ => format!("RZ{i}"),
        };
        let category = if i % 3 == 0 { food.as_str() } else { "" };
        app.create_product(&awa, product(&name, &sku, (i % 9) as i64 * 5, category))
            .await;
    }
    // A name that is another product's whole SKU: the SKU wins.
    app.create_product(&awa, product("Riz RZ7", "", 4, ""))
        .await;
    let products = all_products(&app, &awa).await;
    assert_eq!(products.len(), 61);

    let searches = [
        "riz",
        "RIZ p",
        "riz 5kg",
        "creme",
        "Crème",
        "crè",
        "oeuf",
        "œufs",
        "huile d",
        "d'ara",
        "1/2",
        "lait 1",
        "x3",
        "sku",
        "sku-00",
        "SKU-0005",
        "sku 5",
        "rz7",
        "RZ7",
        "rz",
        "61",
        "6100000000010",
        "fume",
        "vert élite",
        "uber",
        "über-doux",
        "café 25",
        "--",
        "  riz  ",
        "z",
        "pomme",
    ];
    let mut found_any = 0;
    for search in searches {
        let queries = [
            ProductQuery::default(),
            ProductQuery {
                sort: ProductSort::PriceDesc,
                page: 1,
                ..ProductQuery::default()
            },
            ProductQuery {
                status: Some(StockStatus::Rupture),
                ..ProductQuery::default()
            },
            ProductQuery {
                category: CategoryFilter::Id(food.clone()),
                sort: ProductSort::Quantity,
                ..ProductQuery::default()
            },
        ];
        for query in queries {
            let query = ProductQuery {
                search: search.into(),
                ..query
            };
            let url = url_of(&query);
            let reply = app.get(&url, Some(&awa)).await;
            assert_eq!(reply.status, StatusCode::OK, "{url}: {}", reply.body);
            let server: ProductPage = serde_json::from_str(&reply.body).unwrap();
            assert_eq!(server, query.select(&products), "{url}");
            found_any += usize::from(server.total > 0);
        }
    }
    assert!(found_any > 40, "most searches find something: {found_any}");

    let names = |page: &ProductPage| -> Vec<String> {
        let mut names: Vec<String> = page.items.iter().map(|p| p.name.clone()).collect();
        names.sort();
        names
    };
    let search = |text: &str| {
        let query = ProductQuery {
            search: text.into(),
            ..ProductQuery::default()
        };
        query.select(&products)
    };
    assert_eq!(names(&search("rz7")), ["Thé vert Élite 0"], "its SKU alone");
    assert_eq!(
        names(&search("creme 1")),
        ["CRÈME dessert vanille 1", "Crème fraîche 20cl 1"]
    );
    assert_eq!(search("fume").total, 0, "only word beginnings");
    assert_eq!(search("riz").total, 11);
}

#[tokio::test]
async fn a_search_never_finds_another_shops_products() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let fatou = app.register("shopkeeper", "fatou@example.sn").await;
    app.create_product(&awa, product("Riz parfumé", "AWA-1", 5, ""))
        .await;
    app.create_product(&fatou, product("Riz brisé", "FAT-1", 5, ""))
        .await;
    for (search, expected) in [
        ("riz", vec!["Riz brisé"]),
        ("awa-1", vec![]),
        ("awa", vec![]),
    ] {
        let reply = app
            .get(
                &format!("/api/products/list?query[search]={search}"),
                Some(&fatou),
            )
            .await;
        let page: ProductPage = serde_json::from_str(&reply.body).unwrap();
        let names: Vec<&str> = page.items.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, expected, "{search}");
        assert_eq!(page.total, expected.len() as u64);
    }
}

#[tokio::test]
async fn a_rename_moves_the_product_in_the_search() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    let id = app
        .create_product(&awa, product("Riz parfumé", "", 5, ""))
        .await["id"]
        .clone();
    let found = |text: &'static str| {
        let app = &app;
        let awa = awa.clone();
        async move {
            let reply = app
                .get(
                    &format!("/api/products/list?query[search]={text}"),
                    Some(&awa),
                )
                .await;
            reply.json()["total"].as_u64().unwrap()
        }
    };
    assert_eq!((found("parf").await, found("basmati").await), (1, 0));
    let body = json!({ "op": op_id(), "id": id, "input": product("Riz basmati", "", 5, "") });
    let reply = app.post("/api/products/update", body, Some(&awa)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!((found("parf").await, found("basmati").await), (0, 1));
    let body = json!({ "op": op_id(), "id": id });
    let reply = app.post("/api/products/delete", body, Some(&awa)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(found("riz").await, 0);
    assert_eq!(
        app.count("search_word").await,
        0,
        "no word outlives its product"
    );
}

#[tokio::test]
async fn a_search_reads_the_index_of_words_not_the_shops_products() {
    let app = app().await;
    let plan = app
        .rows("SELECT of FROM search_word:[shop:one, 'riz']..[shop:one, 'riz\u{10FFFF}'] EXPLAIN;")
        .await;
    let plan = json!(plan).to_string();
    // One range of ids: from the word to the end of the words beginning with it, no further.
    assert!(plan.contains("RecordIdScan"), "{plan}");
    assert!(
        plan.contains("[shop:one, 'riz']..[shop:one, 'riz"),
        "{plan}"
    );
}

#[tokio::test]
async fn a_supplier_finds_its_items_by_the_beginnings_of_their_words() {
    let app = app().await;
    let moussa = app.register("supplier", "moussa@example.sn").await;
    let ibou = app.register("supplier", "ibou@example.sn").await;
    for (cookie, name, category) in [
        (&moussa, "Riz parfumé 5kg", "Céréales"),
        (&moussa, "Huile d'arachide 1L", "Huiles"),
        (&moussa, "Sucre en morceaux", ""),
        (&ibou, "Riz brisé", "Céréales"),
    ] {
        let input = json!({ "name": name, "description": "", "category": category, "price": 1000,
            "unit": "sac", "min_order_quantity": 1, "stock_available": null, "available": true });
        let body = json!({ "op": op_id(), "input": input });
        let reply = app.post("/api/catalog/create", body, Some(cookie)).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    }
    for (search, expected) in [
        ("riz", vec!["Riz parfumé 5kg"]),
        ("CEREALES", vec!["Riz parfumé 5kg"]),
        ("parf 5", vec!["Riz parfumé 5kg"]),
        ("huile ara", vec!["Huile d'arachide 1L"]),
        ("fume", vec![]),
        ("brisé", vec![]),
        ("--", vec![]),
    ] {
        let url = format!("/api/catalog/list?query[search]={}", urlencoding(search));
        let page = app.get(&url, Some(&moussa)).await.json();
        let names: Vec<&str> = page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, expected, "{search}");
        assert_eq!(page["total"], json!(expected.len()), "{search}");
    }
}

/// Version 19 keeps the words with the text they were cut from (`search`), so that a stock
/// movement no longer cuts them again: a database of version 18 (words in `words`) moves over
/// with its index as it was, and finds what it found.
#[tokio::test]
async fn words_kept_before_version_19_move_under_search_with_their_index() {
    let app = app().await;
    let awa = app.register("shopkeeper", "awa@example.sn").await;
    for (name, sku) in [("Riz parfumé 5kg", "RZ-5"), ("Crème fraîche", "")] {
        app.create_product(&awa, product(name, sku, 4, "")).await;
    }
    let version_16 = include_str!("../../src/server/schema/016_search.surql");
    app.rows(&format!(
        "DELETE search_word;
         DEFINE FIELD OVERWRITE search ON product TYPE any; UPDATE product UNSET search;
         REMOVE FIELD search ON product; REMOVE FIELD search ON catalog_item;
         {version_16}"
    ))
    .await;
    let before = app
        .rows("SELECT word, record::id(of) AS of FROM search_word ORDER BY word")
        .await;
    assert_eq!(before.len(), 7, "{before:?}");
    app.rows(include_str!("../../src/server/schema/019_kept_words.surql"))
        .await;
    assert_eq!(
        app.rows("SELECT word, record::id(of) AS of FROM search_word ORDER BY word")
            .await,
        before
    );
    assert_eq!(
        app.rows("SELECT search, words FROM product ORDER BY name")
            .await,
        [
            json!({ "search": { "text": "Crème fraîche ", "words": ["creme", "fraiche"] }, "words": null }),
            json!({ "search": { "text": "Riz parfumé 5kg RZ-5", "words": ["riz", "parfume", "5kg", "rz", "5"] }, "words": null }),
        ]
    );
    let found = app
        .get("/api/products/list?query[search]=creme%20fr", Some(&awa))
        .await
        .json();
    assert_eq!(found["total"], 1, "{found}");
}
