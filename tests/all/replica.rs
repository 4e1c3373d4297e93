//! The phone's replica answers the shop's screens as the server does (I2): built from pulls with
//! the code the browser runs (`domain::replica`), it gives the same product pages for every
//! search, filter, sort and page, and the same dashboard figures.

use axum::http::StatusCode;
use boutiq::domain::AppError;
use boutiq::domain::alert::{AlertView, ProductAlertCount};
use boutiq::domain::category::Category;
use boutiq::domain::csv::{DateFormat, Separator};
use boutiq::domain::dashboard::StockFigures;
use boutiq::domain::order::{
    OrderInput, OrderLineInput, OrderPage, OrderQuery, OrderStatus, ReceivedLine,
};
use boutiq::domain::outbox::OfflineWrite;
use boutiq::domain::period::Period;
use boutiq::domain::product::{
    CategoryFilter, Product, ProductInput, ProductPage, ProductQuery, ProductSort,
};
use boutiq::domain::replica::ShopReplica;
use boutiq::domain::stock::{LedgerLine, MovementInput, MovementKind, RECENT_LINES, StockStatus};
use boutiq::domain::supplier::{Supplier, SupplierDetail, SupplierInput, SupplierSort};
use boutiq::domain::sync::PullPage;
use boutiq::server::alerts::process_queue;
use chrono::Utc;
use serde_json::{Value, json};

use crate::common::{TestApp, app, op_id};

/// When the phone made its writes (the server stamps its own time).
const AT: &str = "2026-12-06T10:00:00.000Z";

/// The replica a phone builds from nothing, a page of the pull at a time.
pub(super) async fn replica_of(app: &TestApp, cookie: &str) -> ShopReplica {
    let mut replica = ShopReplica::default();
    catch_up(app, cookie, &mut replica).await;
    replica
}

/// Pulls what changed since the replica's cursor, as the phone does after its first sync.
async fn catch_up(app: &TestApp, cookie: &str, replica: &mut ShopReplica) {
    loop {
        let reply = app
            .get(
                &format!("/api/sync/pull?cursor={}", replica.cursor),
                Some(cookie),
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let page: PullPage = serde_json::from_str(&reply.body).unwrap();
        replica.apply_page(&page);
        if !page.more {
            return;
        }
    }
}

fn product_named(replica: &ShopReplica, name: &str) -> Product {
    let found = replica.products.values().find(|p| p.name == name);
    found.expect("the product").clone()
}

fn supplier_named(replica: &ShopReplica, name: &str) -> String {
    let found = replica.suppliers.values().find(|s| s.details.name == name);
    found.expect("the supplier").id.clone()
}

async fn post(app: &TestApp, cookie: &str, path: &str, body: Value) -> Value {
    let reply = app.post(path, body, Some(cookie)).await;
    assert_eq!(reply.status, StatusCode::OK, "{path}: {}", reply.body);
    reply.json()
}

/// A shop with products in two categories and none, every status, SKUs, an order and a supplier.
async fn varied_shop(app: &TestApp) -> (String, String) {
    let cookie = app.register("shopkeeper", "awa@example.sn").await;
    let food = app.create_category(&cookie, "Alimentation").await.json();
    let food = food.as_str().expect("the new category's id").to_owned();
    app.create_category(&cookie, "Boissons").await;
    let items = [
        (
            "Riz parfumé",
            "RIZ-25",
            12,
            5,
            Some(40),
            1200,
            1500,
            food.as_str(),
        ),
        ("huile Dinor", "HD-1", 0, 3, None, 900, 1100, food.as_str()),
        ("Sucre", "", 2, 4, None, 500, 650, ""),
        ("Lait Vitalait", "LV-400", 50, 5, Some(50), 700, 800, ""),
        ("Savon Madar", "SAV-01", 7, 2, None, 250, 300, food.as_str()),
        ("Café Touba", "CT-250", 9, 2, Some(30), 1000, 1250, ""),
    ];
    for (name, sku, quantity, min, max, buy, sell, category) in items {
        app.create_product(
            &cookie,
            json!({
                "name": name, "sku": sku, "category_id": category, "unit": "pièce",
                "quantity": quantity, "min_stock": min, "max_stock": max,
                "purchase_price": buy, "sale_price": sell, "notes": ""
            }),
        )
        .await;
    }
    let supplier = |name: &str, phone: &str, city: &str| {
        let input = json!({
            "name": name, "phone": phone, "whatsapp": "", "email": "",
            "address": "", "city": city, "notes": ""
        });
        json!({ "op": op_id(), "input": input })
    };
    let create = "/api/suppliers/create";
    let moussa = post(
        app,
        &cookie,
        create,
        supplier("Moussa", "+221 77 123 45 67", "Dakar"),
    )
    .await;
    let diop = post(app, &cookie, create, supplier("awa Grossiste", "", "Thiès")).await;
    post(
        app,
        &cookie,
        "/api/suppliers/favorite",
        json!({ "op": op_id(), "id": diop, "favorite": true }),
    )
    .await;
    let rice = app
        .get("/api/products/list?query[search]=riz", Some(&cookie))
        .await
        .json()["items"][0]["id"]
        .clone();
    let lines = json!([{ "product_id": rice, "quantity": 5, "unit_price": 1000 }]);
    post(
        app,
        &cookie,
        "/api/orders/create",
        json!({ "op": op_id(), "input": { "supplier_id": moussa, "lines": lines, "expected_on": "2099-03-01", "note": "" } }),
    )
    .await;
    (cookie, food)
}

#[tokio::test]
async fn the_replica_lists_products_as_the_server_does() {
    let app = app().await;
    let (cookie, food) = varied_shop(&app).await;
    let mut replica = replica_of(&app, &cookie).await;
    // The alert engine raises alerts after the first sync: each product's "alertes ce mois"
    // reaches the phone with the next pull.
    process_queue(&app.state.db, Utc::now()).await.unwrap();
    catch_up(&app, &cookie, &mut replica).await;
    let alerted = replica.products.values().filter(|p| p.alert_count > 0);
    assert!(
        alerted.count() >= 2,
        "the empty and the low products raised alerts"
    );
    let unread = app.get("/api/alerts/unread", Some(&cookie)).await.json();
    assert_eq!(json!(replica.unread_alerts()), unread);
    assert!(replica.unread_alerts() >= 2);
    let queries = [
        ("query[page]=0", ProductQuery::default()),
        ("query[search]=RI", query(|q| q.search = "RI".into())),
        ("query[search]=lv-4", query(|q| q.search = "lv-4".into())),
        (
            "query[search]=%20sucre%20",
            query(|q| q.search = " sucre ".into()),
        ),
        (
            "query[status]=low",
            query(|q| q.status = Some(StockStatus::Low)),
        ),
        (
            "query[category][by]=uncategorized",
            query(|q| q.category = CategoryFilter::Uncategorized),
        ),
        (
            &format!("query[category][by]=id&query[category][id]={food}"),
            query(|q| q.category = CategoryFilter::Id(food.clone())),
        ),
        (
            "query[sort]=price_asc",
            query(|q| q.sort = ProductSort::PriceAsc),
        ),
        (
            "query[sort]=price_desc",
            query(|q| q.sort = ProductSort::PriceDesc),
        ),
        (
            "query[sort]=quantity",
            query(|q| q.sort = ProductSort::Quantity),
        ),
        (
            "query[sort]=newest",
            query(|q| q.sort = ProductSort::Newest),
        ),
        (
            "query[sort]=status",
            query(|q| q.sort = ProductSort::Status),
        ),
        ("query[page]=1", query(|q| q.page = 1)),
    ];
    for (url, query) in queries {
        let reply = app
            .get(&format!("/api/products/list?{url}"), Some(&cookie))
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{url}: {}", reply.body);
        let server: ProductPage = serde_json::from_str(&reply.body).unwrap();
        assert_eq!(query.select(replica.products.values()), server, "{url}");
    }
    let all = ProductQuery::default().select(replica.products.values());
    assert_eq!(all.total, 6, "the replica holds every product");
}

fn query(change: impl FnOnce(&mut ProductQuery)) -> ProductQuery {
    let mut query = ProductQuery::default();
    change(&mut query);
    query
}

#[tokio::test]
async fn the_replica_counts_the_dashboard_as_the_server_does() {
    let app = app().await;
    let (cookie, _) = varied_shop(&app).await;
    let replica = replica_of(&app, &cookie).await;
    let reply = app.get("/api/dashboard/stock", Some(&cookie)).await;
    let server: StockFigures = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(replica.stock_figures(), server);
    assert_eq!(server.product_count, 6);
    assert_eq!(server.rupture_count, 1);
    assert_eq!(server.active_orders, 1);
    assert_eq!(server.next_delivery.as_deref(), Some("2099-03-01"));
}

#[tokio::test]
async fn the_session_names_the_shop_the_replica_is_kept_for() {
    let app = app().await;
    let cookie = app.register("shopkeeper", "awa@example.sn").await;
    let session = app.get("/api/auth/session", Some(&cookie)).await.json();
    let shops = app.get("/api/shops/mine", Some(&cookie)).await.json();
    assert!(!session["shop_id"].as_str().unwrap().is_empty());
    assert_eq!(session["shop_id"], shops[0]["id"]);
    let supplier = app.register("supplier", "moussa@example.sn").await;
    let session = app.get("/api/auth/session", Some(&supplier)).await.json();
    assert_eq!(session["shop_id"], "");
}

#[tokio::test]
async fn the_replica_lists_categories_and_suppliers_as_the_server_does() {
    let app = app().await;
    let (cookie, _) = varied_shop(&app).await;
    let replica = replica_of(&app, &cookie).await;
    let categories = app.get("/api/categories/list", Some(&cookie)).await;
    let categories: Vec<Category> = serde_json::from_str(&categories.body).unwrap();
    assert_eq!(replica.categories(), categories);
    assert_eq!(categories.len(), 2);
    for sort in ["name", "orders", "last_order", "rating"] {
        let reply = app
            .get(&format!("/api/suppliers/list?sort={sort}"), Some(&cookie))
            .await;
        let server: Vec<Supplier> = serde_json::from_str(&reply.body).unwrap();
        let sort: SupplierSort = serde_json::from_value(json!(sort)).unwrap();
        assert_eq!(replica.suppliers(sort), server, "{sort:?}");
        assert_eq!(server.len(), 2);
    }
}

/// A supplier's detail (reliability, supplied products, latest orders) reads from the phone as
/// the server gives it, once an order was delivered and a product linked.
#[tokio::test]
async fn the_replica_details_a_supplier_as_the_server_does() {
    let app = app().await;
    let (cookie, _) = varied_shop(&app).await;
    let mut replica = replica_of(&app, &cookie).await;
    let moussa = supplier_named(&replica, "Moussa");
    let order = &app
        .get("/api/orders/list?query[page]=0", Some(&cookie))
        .await
        .json()["items"][0];
    let rice = product_named(&replica, "Riz parfumé").id;
    let received = json!([{ "product_id": rice, "quantity": 4 }]);
    let deliver = json!({ "op": op_id(), "id": order["id"], "received": received });
    post(&app, &cookie, "/api/orders/deliver", deliver).await;
    let link = json!({ "op": op_id(), "supplier_id": moussa, "product_id": rice, "linked": true });
    post(&app, &cookie, "/api/suppliers/link", link).await;
    catch_up(&app, &cookie, &mut replica).await;

    let reply = app
        .get(&format!("/api/suppliers/get?id={moussa}"), Some(&cookie))
        .await;
    let server: SupplierDetail = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(replica.supplier_detail(&moussa).unwrap(), server);
    assert_eq!(
        (
            server.reliability.deliveries.delivered,
            server.reliability.fill_rate_percent(),
            server.products.len(),
            server.orders.len()
        ),
        (1, Some(80), 1, 1)
    );
    assert_eq!(replica.supplier_detail("nobody"), Err(AppError::NotFound));
}

/// The phone pushes its outbox as `OfflineWrite` says (endpoint and body): a write pushed twice
/// (its answer lost) is applied once, a refused one answers the reason the phone shows, and the
/// replica with nothing left waiting equals the server.
#[tokio::test]
async fn an_outbox_write_pushed_twice_is_applied_once_and_a_refusal_reads_back() {
    let app = app().await;
    let (cookie, _) = varied_shop(&app).await;
    let mut replica = replica_of(&app, &cookie).await;
    let rice = product_named(&replica, "Riz parfumé");
    let sale = |quantity| {
        OfflineWrite::Movement(MovementInput {
            product_id: rice.id.clone(),
            kind: MovementKind::Out,
            quantity,
            reason: "sale".into(),
            note: String::new(),
        })
    };
    let op = op_id();
    let write = sale(5);
    let mut on_phone = replica.clone();
    write.apply(&mut on_phone, AT).unwrap();
    for _ in 0..2 {
        let reply = app
            .post(write.endpoint(), write.body(&op), Some(&cookie))
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    }
    catch_up(&app, &cookie, &mut replica).await;
    assert_eq!(replica.products[&rice.id].quantity, rice.quantity - 5);
    assert_eq!(replica.products[&rice.id], on_phone.products[&rice.id]);
    same_ledger(&app, &cookie, &replica, &on_phone, &rice.id).await;

    let too_many = sale(1000);
    let reply = app
        .post(too_many.endpoint(), too_many.body(&op_id()), Some(&cookie))
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    let refusal: AppError = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(
        refusal,
        AppError::invalid("quantity", "error.stock.insufficient")
    );
    assert_eq!(too_many.apply(&mut replica.clone(), AT), Err(refusal));
}

/// A product edited on the phone (category, supplier, SKU, prices, minimum) is the product the
/// server holds once the edit is pushed: the phone's rule and the server's agree, field by field.
#[tokio::test]
async fn a_product_edited_on_the_phone_is_the_one_the_server_keeps() {
    let app = app().await;
    let (cookie, food) = varied_shop(&app).await;
    let mut replica = replica_of(&app, &cookie).await;
    let sugar = product_named(&replica, "Sucre");
    let moussa = supplier_named(&replica, "Moussa");
    let mut input = sugar.to_input(false);
    input.name = "Sucre en poudre".into();
    input.sku = "SUC-1".into();
    input.category_id = food;
    input.supplier_id = moussa;
    input.min_stock = 1;
    // 2 of 8 is above the stock bas share (20 %) and above the min: normal.
    input.max_stock = Some(8);
    input.sale_price = 700;
    let edit = OfflineWrite::ProductEdit {
        id: sugar.id.clone(),
        input,
    };
    let mut on_phone = replica.clone();
    edit.apply(&mut on_phone, AT).unwrap();
    let reply = app
        .post(edit.endpoint(), edit.body(&op_id()), Some(&cookie))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    catch_up(&app, &cookie, &mut replica).await;
    assert_eq!(replica.products[&sugar.id], on_phone.products[&sugar.id]);
    assert_eq!(replica.products[&sugar.id].status, StockStatus::Normal);
}

#[tokio::test]
async fn the_replica_lists_orders_as_the_server_does() {
    let app = app().await;
    let (cookie, _) = varied_shop(&app).await;
    // A second order, delivered: the list is newest first, and the month's spending counts it.
    let oil = app
        .get("/api/products/list?query[search]=dinor", Some(&cookie))
        .await
        .json()["items"][0]["id"]
        .clone();
    let lines = json!([{ "product_id": oil, "quantity": 4, "unit_price": 900 }]);
    let order = json!({ "supplier_id": "", "lines": lines, "expected_on": "", "note": "" });
    let suppliers = app
        .get("/api/suppliers/list?sort=name", Some(&cookie))
        .await
        .json();
    let mut order = order;
    order["supplier_id"] = suppliers[0]["id"].clone();
    let second = post(
        &app,
        &cookie,
        "/api/orders/create",
        json!({ "op": op_id(), "input": order }),
    )
    .await;
    let received = json!([{ "product_id": oil, "quantity": 3 }]);
    post(
        &app,
        &cookie,
        "/api/orders/deliver",
        json!({ "op": op_id(), "id": second["id"], "received": received }),
    )
    .await;
    let replica = replica_of(&app, &cookie).await;
    let moussa = supplier_named(&replica, "Moussa");
    let today = Utc::now().date_naive();
    let queries = [
        ("query[page]=0", OrderQuery::default()),
        (
            "query[status]=pending",
            OrderQuery {
                status: Some(OrderStatus::Pending),
                ..OrderQuery::default()
            },
        ),
        (
            "query[status]=delivered",
            OrderQuery {
                status: Some(OrderStatus::Delivered),
                ..OrderQuery::default()
            },
        ),
        (
            &format!("query[supplier_id]={moussa}"),
            OrderQuery {
                supplier_id: moussa.clone(),
                ..OrderQuery::default()
            },
        ),
        (
            "query[period]=this_month",
            OrderQuery {
                period: Period::ThisMonth,
                ..OrderQuery::default()
            },
        ),
    ];
    for (url, query) in queries {
        let reply = app
            .get(&format!("/api/orders/list?{url}"), Some(&cookie))
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{url}: {}", reply.body);
        let server: OrderPage = serde_json::from_str(&reply.body).unwrap();
        assert_eq!(replica.orders(&query, today).unwrap(), server, "{url}");
    }
    let all = replica.orders(&OrderQuery::default(), today).unwrap();
    assert_eq!(all.total, 2);
    assert_eq!(all.items[0].status, OrderStatus::Delivered, "newest first");
    assert_eq!(all.spent_month, 3 * 900);
}

/// Pushes the writes as the phone does, each once, and says what the server answered.
/// A product's ledger as the phone wrote it is the one the pull brings back, and the newest
/// lines of the server's own ledger (who made each line and when aside: the server stamps them).
async fn same_ledger(
    app: &TestApp,
    cookie: &str,
    pulled: &ShopReplica,
    on_phone: &ShopReplica,
    product_id: &str,
) {
    let reply = app
        .get(
            &format!("/api/stock/ledger?product_id={product_id}&page=0"),
            Some(cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let mut server: Vec<LedgerLine> = serde_json::from_str(&reply.body).unwrap();
    server.truncate(RECENT_LINES);
    assert!(!server.is_empty());
    assert_eq!(pulled.ledger(product_id), server);
    let unstamped = |lines: Vec<LedgerLine>| -> Vec<LedgerLine> {
        lines
            .into_iter()
            .map(|line| LedgerLine {
                at: String::new(),
                by_name: None,
                ..line
            })
            .collect()
    };
    assert_eq!(
        unstamped(on_phone.ledger(product_id)),
        unstamped(server),
        "the phone's ledger"
    );
}

async fn push(app: &TestApp, cookie: &str, writes: &[OfflineWrite]) {
    for write in writes {
        let reply = app
            .post(write.endpoint(), write.body(&op_id()), Some(cookie))
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{write:?}: {}", reply.body);
    }
}

/// An order shipped and delivered on the phone (I4), then pushed: the server keeps the order and
/// the stock the phone showed at once (the server's own times aside).
#[tokio::test]
async fn an_order_delivered_on_the_phone_is_the_one_the_server_keeps() {
    let app = app().await;
    let (cookie, _) = varied_shop(&app).await;
    let mut replica = replica_of(&app, &cookie).await;
    let rice = product_named(&replica, "Riz parfumé");
    let order = replica.orders.values().next().expect("the order").clone();
    let id = order.summary.id.clone();
    let writes = [
        OfflineWrite::OrderStatus {
            id: id.clone(),
            status: OrderStatus::Shipped,
        },
        OfflineWrite::Delivery {
            id: id.clone(),
            received: vec![ReceivedLine {
                product_id: rice.id.clone(),
                quantity: 4,
            }],
        },
    ];
    let mut on_phone = replica.clone();
    for write in &writes {
        write.apply(&mut on_phone, AT).unwrap();
    }
    assert_eq!(on_phone.products[&rice.id].quantity, rice.quantity + 4);
    // And a new order, made on the phone under its own key.
    let new = OfflineWrite::OrderCreate {
        id: "phoneorder1".into(),
        input: OrderInput {
            supplier_id: order.summary.supplier_id.clone().unwrap(),
            lines: vec![OrderLineInput {
                product_id: rice.id.clone(),
                quantity: 3,
                unit_price: 1100,
            }],
            expected_on: "2099-02-01".into(),
            note: "Sacs de 25 kg".into(),
        },
    };
    new.apply(&mut on_phone, AT).unwrap();
    push(&app, &cookie, std::slice::from_ref(&new)).await;
    push(&app, &cookie, &writes).await;
    catch_up(&app, &cookie, &mut replica).await;
    assert_eq!(replica.products[&rice.id], on_phone.products[&rice.id]);
    // The supplier's reliability counted the delivery on the phone as the server did.
    let supplier = order.summary.supplier_id.clone().unwrap();
    assert_eq!(
        on_phone.suppliers[&supplier].deliveries,
        replica.suppliers[&supplier].deliveries
    );
    assert_eq!(replica.suppliers[&supplier].deliveries.received_units, 4);
    same_ledger(&app, &cookie, &replica, &on_phone, &rice.id).await;
    let (mut server, phone) = (replica.orders[&id].clone(), on_phone.orders[&id].clone());
    assert!(server.shipped_at.is_some() && server.summary.delivered_at.is_some());
    server.shipped_at = phone.shipped_at.clone();
    server.summary.delivered_at = phone.summary.delivered_at.clone();
    assert_eq!(server, phone);
    let (mut server, phone) = (
        replica.orders["phoneorder1"].clone(),
        on_phone.orders["phoneorder1"].clone(),
    );
    server.summary.created_at = AT.into();
    for (kept, made) in server.lines.iter_mut().zip(&phone.lines) {
        kept.id = made.id.clone();
    }
    assert_eq!(server, phone, "the server numbers it as the phone did");
    // The same delivery again is refused on the phone as on the server.
    let again = &writes[1];
    let reply = app
        .post(again.endpoint(), again.body(&op_id()), Some(&cookie))
        .await;
    let refusal: AppError = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(again.apply(&mut replica.clone(), AT), Err(refusal));
}

/// The Alertes list, its rules and its top products read on the phone as the server gives
/// them; alerts read and dismissed on the phone are the server's once pushed.
#[tokio::test]
async fn alerts_read_and_dismissed_on_the_phone_are_the_ones_the_server_keeps() {
    let app = app().await;
    let (cookie, _) = varied_shop(&app).await;
    process_queue(&app.state.db, Utc::now()).await.unwrap();
    let mut replica = replica_of(&app, &cookie).await;
    let server_list = |history: bool| {
        let app = &app;
        let cookie = &cookie;
        async move {
            let reply = app
                .get(&format!("/api/alerts/list?history={history}"), Some(cookie))
                .await;
            serde_json::from_str::<Vec<AlertView>>(&reply.body).unwrap()
        }
    };
    let active = server_list(false).await;
    assert!(active.len() >= 2, "{active:?}");
    assert_eq!(replica.alerts(false, Utc::now()), active);
    let rules = app.get("/api/alerts/rules", Some(&cookie)).await.json();
    assert_eq!(serde_json::to_value(replica.alert_rules()).unwrap(), rules);
    let reply = app.get("/api/alerts/top_products", Some(&cookie)).await;
    let mut top: Vec<ProductAlertCount> = serde_json::from_str(&reply.body).unwrap();
    let mut phone_top = replica.top_alert_products();
    assert!(!top.is_empty());
    // The same counts; products with as many alerts may come in another order.
    for list in [&mut top, &mut phone_top] {
        list.sort_by(|a, b| a.product_id.cmp(&b.product_id));
    }
    assert_eq!(phone_top, top);

    let writes = [
        OfflineWrite::AlertsRead {
            id: Some(active[0].id.clone()),
        },
        OfflineWrite::AlertDismissed {
            id: active[1].id.clone(),
        },
    ];
    let mut on_phone = replica.clone();
    for write in &writes {
        write.apply(&mut on_phone, AT).unwrap();
    }
    push(&app, &cookie, &writes).await;
    catch_up(&app, &cookie, &mut replica).await;
    let now = Utc::now();
    assert_eq!(replica.alerts(false, now), on_phone.alerts(false, now));
    assert_eq!(replica.alerts(false, now), server_list(false).await);
    assert_eq!(replica.alerts(true, now), server_list(true).await);
    assert_eq!(replica.unread_alerts(), on_phone.unread_alerts());
}

/// A product made on the phone under its own key (I3) is the one the server keeps, counted in
/// its category at once; the key cannot be taken again, by this shop or another.
#[tokio::test]
async fn a_product_created_on_the_phone_keeps_its_key_on_the_server() {
    let app = app().await;
    let (cookie, food) = varied_shop(&app).await;
    let mut replica = replica_of(&app, &cookie).await;
    let key = "0123456789abcdef0123456789abcdef";
    let create = OfflineWrite::ProductCreate {
        id: key.into(),
        input: ProductInput {
            name: "Thé Ataya".into(),
            sku: "TA-1".into(),
            category_id: food.clone(),
            unit: "paquet".into(),
            quantity: 6,
            min_stock: 2,
            purchase_price: 300,
            sale_price: 400,
            ..ProductInput::default()
        },
    };
    let mut on_phone = replica.clone();
    create.apply(&mut on_phone, AT).unwrap();
    let count = |replica: &ShopReplica| {
        let categories = replica.categories();
        categories
            .iter()
            .find(|c| c.id == food)
            .unwrap()
            .product_count
    };
    assert_eq!(count(&on_phone), count(&replica) + 1);
    push(&app, &cookie, std::slice::from_ref(&create)).await;
    catch_up(&app, &cookie, &mut replica).await;
    let mut kept = replica.products[key].clone();
    assert!(!kept.created_at.is_empty());
    kept.created_at = AT.into();
    assert_eq!(kept, on_phone.products[key]);
    assert_eq!(replica.categories(), on_phone.categories());
    let reply = app.get("/api/categories/list", Some(&cookie)).await;
    let server: Vec<Category> = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(replica.categories(), server);

    // The same key again (another write, or another shop) is refused, and changes nothing.
    let other = app.register("shopkeeper", "binta@example.sn").await;
    let mut theirs = create.clone();
    if let OfflineWrite::ProductCreate { input, .. } = &mut theirs {
        input.category_id.clear(); // a category of the first shop is unknown to theirs
    }
    for (cookie, write) in [(&cookie, &create), (&other, &theirs)] {
        let reply = app
            .post(write.endpoint(), write.body(&op_id()), Some(cookie))
            .await;
        assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.body);
        let refusal: AppError = serde_json::from_str(&reply.body).unwrap();
        assert_eq!(refusal, AppError::conflict("id", "error.id.taken"));
    }
    let theirs = app
        .get("/api/products/list?query[page]=0", Some(&other))
        .await
        .json();
    assert_eq!(theirs["total"], 0);
    assert_eq!(
        create.apply(&mut replica.clone(), AT),
        Err(AppError::conflict("id", "error.id.taken"))
    );
}

/// What a record shows of others follows them through the pull: a product shows its category's
/// and its supplier's names, a category counts its products, a supplier its orders and products.
#[tokio::test]
async fn what_a_record_shows_of_another_follows_it_through_the_pull() {
    let app = app().await;
    let (cookie, food) = varied_shop(&app).await;
    let mut replica = replica_of(&app, &cookie).await;
    let sugar = product_named(&replica, "Sucre");
    let moussa = supplier_named(&replica, "Moussa");
    let grossiste = supplier_named(&replica, "awa Grossiste");
    let mut input = sugar.to_input(false);
    input.supplier_id = moussa.clone();
    input.category_id = food.clone();
    post(
        &app,
        &cookie,
        "/api/products/update",
        json!({ "op": op_id(), "id": sugar.id, "input": input }),
    )
    .await;
    catch_up(&app, &cookie, &mut replica).await;

    post(
        &app,
        &cookie,
        "/api/categories/rename",
        json!({ "op": op_id(), "id": food, "name": "Épicerie" }),
    )
    .await;
    let renamed = json!({ "name": "Moussa & Fils", "phone": "", "whatsapp": "", "email": "", "address": "", "city": "Dakar", "notes": "" });
    post(
        &app,
        &cookie,
        "/api/suppliers/update",
        json!({ "op": op_id(), "id": moussa, "input": renamed }),
    )
    .await;
    let lines = json!([{ "product_id": sugar.id, "quantity": 2, "unit_price": 500 }]);
    let order = json!({ "supplier_id": grossiste, "lines": lines, "expected_on": "", "note": "" });
    post(
        &app,
        &cookie,
        "/api/orders/create",
        json!({ "op": op_id(), "input": order }),
    )
    .await;
    post(
        &app,
        &cookie,
        "/api/suppliers/link",
        json!({ "op": op_id(), "supplier_id": grossiste, "product_id": sugar.id, "linked": true }),
    )
    .await;
    catch_up(&app, &cookie, &mut replica).await;

    let sugar = &replica.products[&sugar.id];
    assert_eq!(sugar.category_name.as_deref(), Some("Épicerie"));
    assert_eq!(sugar.supplier_name.as_deref(), Some("Moussa & Fils"));
    assert_eq!(replica.suppliers[&grossiste].order_count, 1);
    assert_eq!(replica.suppliers[&grossiste].product_count, 1);
    let reply = app
        .get("/api/suppliers/list?sort=name", Some(&cookie))
        .await;
    let server: Vec<Supplier> = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(replica.suppliers(SupplierSort::Name), server);
    let pulled_counts: Vec<u64> = replica
        .categories
        .values()
        .map(|c| c.product_count)
        .collect();
    let counted: Vec<u64> = replica
        .categories()
        .iter()
        .map(|c| c.product_count)
        .collect();
    let reply = app.get("/api/categories/list", Some(&cookie)).await;
    let server: Vec<Category> = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(replica.categories(), server);
    assert_eq!(
        pulled_counts.iter().sum::<u64>(),
        counted.iter().sum::<u64>(),
        "the pulled counts are current too"
    );
}

/// Categories and suppliers made, renamed, pinned and deleted on the phone are the ones the
/// server keeps once pushed, with the products that show them.
#[tokio::test]
async fn categories_and_suppliers_changed_on_the_phone_are_the_ones_the_server_keeps() {
    let app = app().await;
    let (cookie, food) = varied_shop(&app).await;
    let mut replica = replica_of(&app, &cookie).await;
    let moussa = supplier_named(&replica, "Moussa");
    let details = |name: &str| SupplierInput {
        name: name.into(),
        phone: "77 000 11 22".into(),
        city: "Thiès".into(),
        ..SupplierInput::default()
    };
    let writes = [
        OfflineWrite::CategoryCreate {
            id: "phonecategory1".into(),
            name: "Hygiène".into(),
        },
        OfflineWrite::CategoryRename {
            id: food.clone(),
            name: "Épicerie".into(),
        },
        OfflineWrite::SupplierCreate {
            id: "phonesupplier1".into(),
            input: details("Fatou Gros"),
        },
        OfflineWrite::SupplierEdit {
            id: "phonesupplier1".into(),
            input: details("Fatou Grossiste"),
        },
        OfflineWrite::SupplierFavorite {
            id: "phonesupplier1".into(),
            favorite: true,
        },
        OfflineWrite::SupplierDelete { id: moussa },
        OfflineWrite::FileSettings {
            csv_separator: Separator::Comma,
            date_format: DateFormat::Iso,
        },
    ];
    let mut on_phone = replica.clone();
    for write in &writes {
        write.apply(&mut on_phone, AT).unwrap();
    }
    push(&app, &cookie, &writes).await;
    catch_up(&app, &cookie, &mut replica).await;
    assert_eq!(replica.categories(), on_phone.categories());
    assert_eq!(replica.settings, on_phone.settings);
    assert_eq!(
        replica.settings.as_ref().map(|s| s.csv_separator),
        Some(Separator::Comma)
    );
    for sort in [SupplierSort::Name, SupplierSort::Orders] {
        assert_eq!(
            replica.suppliers(sort),
            on_phone.suppliers(sort),
            "{sort:?}"
        );
    }
    assert_eq!(replica.products, on_phone.products);
    let mut orders = replica.orders.clone();
    for (id, order) in &on_phone.orders {
        assert_eq!(
            orders.remove(id).map(|o| o.summary.supplier_id),
            Some(order.summary.supplier_id.clone())
        );
    }
    let delete = OfflineWrite::CategoryDelete { id: food };
    push(&app, &cookie, std::slice::from_ref(&delete)).await;
    delete.apply(&mut on_phone, AT).unwrap();
    catch_up(&app, &cookie, &mut replica).await;
    assert_eq!(replica.categories(), on_phone.categories());
    assert_eq!(replica.products, on_phone.products);
}
