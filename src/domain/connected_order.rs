//! Connected orders (G5) and their ratings (G6): a shopkeeper's cart from a registered
//! supplier's catalog, checked against the catalog's terms; the supplier's reason to refuse;
//! the stars given after delivery.

use serde::{Deserialize, Serialize};

use super::order::MAX_LINES;
use super::{AppError, RecordKey};

/// One catalog item in the cart.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartLine {
    pub item_id: String,
    pub quantity: i64,
    /// The shop's own product the item is received as. `None`: the product chosen on an
    /// earlier order of this item, else a new product named after it.
    #[serde(default)]
    pub product_id: Option<String>,
    /// The price the shopkeeper saw; the order is refused if the supplier changed it since.
    pub unit_price: i64,
}

/// What "Commander" sends: the supplier (its profile id), the cart, a note.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartInput {
    pub supplier_id: String,
    pub lines: Vec<CartLine>,
    #[serde(default)]
    pub note: String,
}

/// What the catalog says of an item the cart holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemTerms {
    pub id: String,
    pub price: i64,
    pub min_order_quantity: i64,
    pub available: bool,
    /// `None`: the supplier does not count its stock.
    pub stock_available: Option<i64>,
}

use super::money::MAX_PRICE as MAX_TOTAL;
use super::stock::MAX_QUANTITY;

/// The field of a line's error: the form shows it next to that line.
pub fn line_field(item_id: &str) -> String {
    format!("line.{item_id}")
}

/// Checks the cart against the catalog (`items`, each line's item) and the supplier's
/// minimum amount; returns the total at the catalog's prices. Used by the cart as the
/// shopkeeper types and by the server before the order is written.
pub fn check_cart(
    input: &CartInput,
    items: &[ItemTerms],
    min_order_amount: i64,
) -> Result<i64, AppError> {
    if input.supplier_id.trim().is_empty() {
        return Err(AppError::invalid("supplier_id", "error.order.supplier"));
    }
    if input.lines.is_empty() {
        return Err(AppError::invalid("lines", "error.order.empty"));
    }
    if input.lines.len() > MAX_LINES {
        return Err(AppError::invalid("lines", "error.order.too_many_lines"));
    }
    if input.note.chars().count() > 1000 {
        return Err(AppError::invalid("note", "error.field.too_long"));
    }
    let mut total: i64 = 0;
    for (i, line) in input.lines.iter().enumerate() {
        let field = line_field(&line.item_id);
        let invalid = |code: &str| Err(AppError::invalid(&field, code));
        if line
            .product_id
            .as_deref()
            .is_some_and(|p| !RecordKey::is_valid(p))
        {
            return invalid("error.id.invalid");
        }
        if input.lines[..i].iter().any(|l| l.item_id == line.item_id) {
            return invalid("error.order.duplicate_line");
        }
        let Some(item) = items.iter().find(|item| item.id == line.item_id) else {
            return invalid("error.market.unavailable");
        };
        if !item.available {
            return invalid("error.market.unavailable");
        }
        if item.price != line.unit_price {
            return invalid("error.market.price_changed");
        }
        if line.quantity <= 0 || line.quantity > MAX_QUANTITY {
            return invalid("error.order.line_quantity");
        }
        if line.quantity < item.min_order_quantity {
            return invalid("error.market.below_minimum");
        }
        if item
            .stock_available
            .is_some_and(|stock| line.quantity > stock)
        {
            return invalid("error.market.above_stock");
        }
        total = line
            .quantity
            .checked_mul(item.price)
            .and_then(|amount| total.checked_add(amount))
            .filter(|t| *t <= MAX_TOTAL)
            .ok_or_else(|| AppError::invalid(&field, "error.quantity.too_large"))?;
    }
    if total < min_order_amount {
        return Err(AppError::invalid("total", "error.market.below_min_amount"));
    }
    Ok(total)
}

/// "Refuser" needs a reason the shopkeeper will read.
pub fn check_refusal(reason: &str) -> Result<String, AppError> {
    super::text::required("reason", reason, 500)
}

/// The stars given to a delivered order, and an optional comment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingInput {
    pub score: i64,
    #[serde(default)]
    pub comment: String,
}

impl RatingInput {
    pub fn parse(&self) -> Result<Self, AppError> {
        if !(1..=5).contains(&self.score) {
            return Err(AppError::invalid("score", "error.rating.score"));
        }
        let comment = self.comment.trim();
        if comment.chars().count() > 500 {
            return Err(AppError::invalid("comment", "error.field.too_long"));
        }
        Ok(Self {
            score: self.score,
            comment: comment.to_owned(),
        })
    }
}

/// The shop's own product a catalog item is received as (chosen on an earlier order).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemMapping {
    pub item_id: String,
    pub product_id: String,
    pub product_name: String,
}

/// What a cart from one supplier is checked against.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartTerms {
    /// Minor units; 0 when the supplier sets none.
    pub min_order_amount: i64,
    /// The catalog's terms of the items asked about (missing: not in its catalog).
    pub items: Vec<ItemTerms>,
    pub mappings: Vec<ItemMapping>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: &str, price: i64, min: i64) -> ItemTerms {
        ItemTerms {
            id: id.into(),
            price,
            min_order_quantity: min,
            available: true,
            stock_available: None,
        }
    }

    fn cart(lines: &[(&str, i64, i64)]) -> CartInput {
        CartInput {
            supplier_id: "s1".into(),
            lines: lines
                .iter()
                .map(|(id, quantity, price)| CartLine {
                    item_id: (*id).into(),
                    quantity: *quantity,
                    product_id: None,
                    unit_price: *price,
                })
                .collect(),
            note: String::new(),
        }
    }

    #[test]
    fn a_cart_total_is_priced_from_the_catalog() {
        let items = [item("rice", 15_000, 2), item("oil", 1_200, 1)];
        let total = check_cart(&cart(&[("rice", 3, 15_000), ("oil", 5, 1_200)]), &items, 0);
        assert_eq!(total, Ok(51_000));
    }

    #[test]
    fn minimum_quantities_and_amount_are_enforced() {
        let items = [item("rice", 15_000, 2)];
        assert_eq!(
            check_cart(&cart(&[("rice", 1, 15_000)]), &items, 0),
            Err(AppError::invalid("line.rice", "error.market.below_minimum"))
        );
        assert_eq!(
            check_cart(&cart(&[("rice", 2, 15_000)]), &items, 30_001),
            Err(AppError::invalid("total", "error.market.below_min_amount"))
        );
        assert_eq!(
            check_cart(&cart(&[("rice", 2, 15_000)]), &items, 30_000),
            Ok(30_000)
        );
    }

    #[test]
    fn each_line_rule_names_its_line() {
        let mut off = item("off", 100, 1);
        off.available = false;
        let mut counted = item("counted", 100, 1);
        counted.stock_available = Some(4);
        let items = [item("rice", 100, 1), off, counted];
        type Lines<'a> = &'a [(&'a str, i64, i64)];
        let cases: [(Lines, &str, &str); 6] = [
            (
                &[("ghost", 1, 100)],
                "line.ghost",
                "error.market.unavailable",
            ),
            (&[("off", 1, 100)], "line.off", "error.market.unavailable"),
            (
                &[("rice", 1, 90)],
                "line.rice",
                "error.market.price_changed",
            ),
            (
                &[("rice", 0, 100)],
                "line.rice",
                "error.order.line_quantity",
            ),
            (
                &[("counted", 5, 100)],
                "line.counted",
                "error.market.above_stock",
            ),
            (
                &[("rice", 1, 100), ("rice", 2, 100)],
                "line.rice",
                "error.order.duplicate_line",
            ),
        ];
        for (lines, field, code) in cases {
            assert_eq!(
                check_cart(&cart(lines), &items, 0),
                Err(AppError::invalid(field, code)),
                "{lines:?}"
            );
        }
        assert_eq!(
            check_cart(&cart(&[]), &items, 0),
            Err(AppError::invalid("lines", "error.order.empty"))
        );
    }

    #[test]
    fn a_rating_is_one_to_five_stars() {
        let rating = |score| RatingInput {
            score,
            comment: "  bien  ".into(),
        };
        assert_eq!(rating(5).parse().unwrap().comment, "bien");
        for score in [0, 6, -1] {
            assert_eq!(
                rating(score).parse(),
                Err(AppError::invalid("score", "error.rating.score"))
            );
        }
    }

    #[test]
    fn a_refusal_needs_a_reason() {
        assert!(check_refusal("  ").is_err());
        assert_eq!(check_refusal(" rupture ").unwrap(), "rupture");
    }
}
