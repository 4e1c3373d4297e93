//! A registered supplier's catalog (F2): what a valid item is.

use serde::{Deserialize, Serialize};

use super::money::MAX_PRICE;
use super::stock::MAX_QUANTITY;
use super::{AppError, text};

/// What the catalog form sends. The price is in minor units, per unit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemInput {
    pub name: String,
    pub description: String,
    pub category: String,
    pub price: i64,
    pub unit: String,
    pub min_order_quantity: i64,
    /// `None`: the supplier does not count its stock.
    pub stock_available: Option<i64>,
    pub available: bool,
}

impl ItemInput {
    /// The item trimmed, or the first broken rule on its field.
    pub fn parse(&self) -> Result<Self, AppError> {
        let at_most = |field: &str, raw: &str, max: usize| -> Result<String, AppError> {
            let value = raw.trim();
            if value.chars().count() > max {
                return Err(AppError::invalid(field, "error.field.too_long"));
            }
            Ok(value.to_owned())
        };
        let amount = |field: &str, value: i64, min: i64, max: i64| -> Result<i64, AppError> {
            if value < min {
                let code = if min > 0 {
                    "error.catalog.min_quantity"
                } else {
                    "error.number.negative"
                };
                return Err(AppError::invalid(field, code));
            }
            if value > max {
                return Err(AppError::invalid(field, "error.quantity.too_large"));
            }
            Ok(value)
        };
        Ok(Self {
            name: text::required("name", &self.name, 120)?,
            description: at_most("description", &self.description, 1000)?,
            category: at_most("category", &self.category, 40)?,
            price: amount("price", self.price, 0, MAX_PRICE)?,
            unit: text::required("unit", &self.unit, 30)?,
            min_order_quantity: amount(
                "min_order_quantity",
                self.min_order_quantity,
                1,
                MAX_QUANTITY,
            )?,
            stock_available: self
                .stock_available
                .map(|stock| amount("stock_available", stock, 0, MAX_QUANTITY))
                .transpose()?,
            available: self.available,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogItem {
    pub id: String,
    #[serde(flatten)]
    pub details: ItemInput,
    /// The stored photo (see `domain::photo::PhotoUrls::of`), set by `/api/photos/upload`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<String>,
}

/// `search` looks in names and categories; `category` is one of the catalog's, or empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogQuery {
    #[serde(default)]
    pub search: String,
    #[serde(default)]
    pub category: String,
    #[serde(default, deserialize_with = "crate::domain::page::bounded")]
    pub page: u32,
}

impl CatalogQuery {
    pub const PAGE_SIZE: u32 = 25;
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogPage {
    pub items: Vec<CatalogItem>,
    pub total: u64,
    /// Every category of the catalog, for the filter.
    pub categories: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rice() -> ItemInput {
        ItemInput {
            name: " Riz brisé 25 kg ".into(),
            category: "Céréales".into(),
            price: 14_500,
            unit: "sac".into(),
            min_order_quantity: 5,
            stock_available: Some(300),
            available: true,
            ..ItemInput::default()
        }
    }

    #[test]
    fn an_item_is_trimmed() {
        assert_eq!(rice().parse().unwrap().name, "Riz brisé 25 kg");
    }

    #[test]
    fn each_rule_names_its_field() {
        type Breakage = fn(&mut ItemInput);
        let cases: [(Breakage, &str, &str); 6] = [
            (|i| i.name = "".into(), "name", "error.field.required"),
            (|i| i.unit = " ".into(), "unit", "error.field.required"),
            (|i| i.price = -1, "price", "error.number.negative"),
            (
                |i| i.min_order_quantity = 0,
                "min_order_quantity",
                "error.catalog.min_quantity",
            ),
            (
                |i| i.stock_available = Some(-3),
                "stock_available",
                "error.number.negative",
            ),
            (
                |i| i.category = "c".repeat(41),
                "category",
                "error.field.too_long",
            ),
        ];
        for (break_it, field, code) in cases {
            let mut input = rice();
            break_it(&mut input);
            assert_eq!(
                input.parse(),
                Err(AppError::invalid(field, code)),
                "{field}"
            );
        }
    }
}
