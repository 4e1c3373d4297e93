//! Connected orders (G5, G6) from the shop's side: the catalog terms a cart is checked
//! against, which of the shop's products each item is received as, the order itself, and the
//! rating after delivery.

use serde_json::{Value, json};

use super::alerts::QUEUE_PRODUCT;
use super::ops;
use super::orders::{CLOSE_ORDER, EMIT_EVENT, OPEN_ORDER, ORDER_OF_SHOP};
use super::shops::CURRENT_SHOP;
use super::suppliers::RELATE_SUPPLIES;
use crate::domain::OpId;
use crate::domain::RecordKey;
use crate::domain::connected_order::CartTerms;
use crate::domain::connected_order::{CartInput, RatingInput};
use crate::server::db::{Db, DbError};

/// SurrealQL that sets `$profile` to the listed supplier `$supplier_id` (a supplier profile) and
/// `$vendor` to its user, or answers "not found": a profile the marketplace does not show (see
/// `domain::marketplace::is_listed`) cannot be ordered from either, as if it did not exist.
const LISTED_SUPPLIER: &str = "
    LET $profile = (SELECT id, user, company_name, phone, address, city, min_order_amount
        FROM supplier_profile WHERE id = type::record('supplier_profile', $supplier_id) AND listed = true)[0];
    IF !$profile { THROW 'not_found' };
    LET $vendor = $profile.user;";

/// What the cart is checked against: the supplier's minimum amount and its items' terms, and
/// the shop's products those items were received as before.
pub async fn terms(
    db: &Db,
    user_id: &str,
    supplier_id: &RecordKey,
    item_ids: &[RecordKey],
) -> Result<Option<CartTerms>, DbError> {
    let sql = format!(
        "{CURRENT_SHOP}{LISTED_SUPPLIER}
         LET $items = $item_ids.map(|$id| type::record('catalog_item', $id));
         RETURN {{
             min_order_amount: $profile.min_order_amount,
             items: (SELECT record::id(id) AS id, price, min_order_quantity, available, stock_available
                 FROM catalog_item WHERE id IN $items AND supplier = $profile.id),
             mappings: (SELECT record::id(out) AS item_id, record::id(in) AS product_id, in.name AS product_name
                 FROM sourced_from WHERE shop = $shop AND out IN $items)
         }};"
    );
    let vars = json!({ "user_id": user_id, "supplier_id": supplier_id, "item_ids": item_ids });
    match db.query(&sql, vars).await?.first(6) {
        Err(DbError::Rule(rule)) if rule == "not_found" => Ok(None),
        other => other,
    }
}

/// SurrealQL that sets `$supplier` to the shop's own record of `$vendor`, created (with the
/// profile's contact details and the `trades_with` edge) on the first order.
const SHOP_RECORD_OF_VENDOR: &str = "
    LET $known = (SELECT VALUE id FROM supplier WHERE shop = $shop AND linked_user = $vendor LIMIT 1)[0];
    LET $supplier = IF $known { $known } ELSE {
        (CREATE ONLY supplier CONTENT {
            shop: $shop, name: $profile.company_name, phone: $profile.phone,
            address: $profile.address, city: $profile.city, linked_user: $vendor
        }).id
    };
    IF !(SELECT VALUE id FROM trades_with WHERE in = $shop AND out = $vendor)[0] {
        RELATE $shop->trades_with->$vendor;
    };";

/// SurrealQL that sets `$product` to the shop's product `$item` is received as: the one the
/// line names, else the one chosen before (the `sourced_from` edge remembers the choice), else
/// NONE: an item the shop never received becomes a product when it arrives
/// (`orders::receive_new_items`), so a pending or refused order leaves no empty product behind.
const PRODUCT_OF_ITEM: &str = "
    LET $before = (SELECT VALUE in FROM sourced_from WHERE shop = $shop AND out = $item.id)[0];
    LET $chosen = IF $line.product_id {
        (SELECT VALUE id FROM product WHERE id = type::record('product', $line.product_id) AND shop = $shop)[0]
    } ELSE { NONE };
    IF $line.product_id AND !$chosen { THROW 'line.' + $line.item_id + ':error.order.unknown_product' };
    LET $product = $chosen ?? $before;
    IF $chosen AND $chosen != $before {
        DELETE sourced_from WHERE shop = $shop AND out = $item.id;
        RELATE $chosen->sourced_from->$item SET shop = $shop;
    };
    ";

/// Creates the pending connected order at the catalog's prices (checked again here, so a price
/// changed since the cart was priced refuses the order), addressed to the supplier's inbox.
pub async fn create(
    db: &Db,
    op: &OpId,
    user_id: &str,
    input: &CartInput,
) -> Result<RecordKey, DbError> {
    let body = format!(
        "{CURRENT_SHOP}{LISTED_SUPPLIER}{SHOP_RECORD_OF_VENDOR}
         LET $by = type::record('user', $user_id);
         {OPEN_ORDER}
         FOR $line IN $input_lines {{
             LET $item = (SELECT * FROM catalog_item
                 WHERE id = type::record('catalog_item', $line.item_id) AND supplier = $profile.id)[0];
             IF !$item OR !$item.available {{ THROW 'line.' + $line.item_id + ':error.market.unavailable' }};
             IF $item.price != $line.unit_price {{ THROW 'line.' + $line.item_id + ':error.market.price_changed' }};
             {PRODUCT_OF_ITEM}
             IF $product {{ {RELATE_SUPPLIES}{QUEUE_PRODUCT} }};
             CREATE order_line CONTENT {{
                 purchase: $order.id, position: $line.position, product: $product ?? NONE, catalog_item: $item.id,
                 name: $item.name, unit: $item.unit, quantity: $line.quantity, unit_price: $item.price
             }};
         }};
         {CLOSE_ORDER}
         LET $recipient = $vendor;
         LET $to = 'pending';
         {EMIT_EVENT}"
    );
    let lines: Vec<Value> = input
        .lines
        .iter()
        .enumerate()
        .map(|(position, line)| {
            json!({
                "position": position,
                "item_id": line.item_id,
                "product_id": line.product_id,
                "quantity": line.quantity,
                "unit_price": line.unit_price,
            })
        })
        .collect();
    let vars = json!({
        "user_id": user_id,
        "order_key": super::new_key(),
        "supplier_id": input.supplier_id,
        "input_lines": lines,
        "note": input.note.trim(),
    });
    ops::run_once(db, user_id, op, &body, vars).await
}

/// Rates a delivered order once: its stars stay on the order (C3); a connected order's also go
/// to the supplier's reviews (`rated` edge) and its average, in the same transaction.
pub async fn rate(
    db: &Db,
    op: &OpId,
    user_id: &str,
    order_id: &RecordKey,
    rating: &RatingInput,
) -> Result<String, DbError> {
    let body = format!(
        "{CURRENT_SHOP}{ORDER_OF_SHOP}
         IF $order.status != 'delivered' {{ THROW 'score:error.rating.not_delivered' }};
         IF $order.rating {{ THROW 'score:error.rating.already' }};
         UPDATE $order.id SET rating = $score, rating_comment = $comment;
         IF $order.vendor {{
             LET $vendor = $order.vendor;
             RELATE $shop->rated->$vendor CONTENT {{ score: $score, comment: $comment, purchase: $order.id }};
             UPDATE supplier_profile SET rating_sum += $score, rating_count += 1 WHERE user = $vendor;
         }};
         LET $result = $order_id;"
    );
    let vars = json!({
        "user_id": user_id, "order_id": order_id, "score": rating.score, "comment": rating.comment,
    });
    ops::run_once(db, user_id, op, &body, vars).await
}
