//! Product records (B1, B9): what a valid product is, whatever form it came from.

use serde::{Deserialize, Serialize};

use super::money::MAX_PRICE;
use super::search::ProductSearch;
use super::stock::{MAX_QUANTITY, StockStatus};
use super::{AppError, RecordKey, text};

/// Units offered before the shop's own (B9).
pub const DEFAULT_UNITS: [&str; 6] = ["pièce", "carton", "kg", "litre", "sac", "palette"];

/// What the product form sends. Money is in minor units (FCFA has none: 1 = 1 F).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProductInput {
    pub name: String,
    pub sku: String,
    /// A category id of the shop, or empty for "Sans catégorie".
    pub category_id: String,
    /// The usual supplier: a supplier id of the shop, or empty.
    #[serde(default)]
    pub supplier_id: String,
    pub unit: String,
    /// Only read at creation: the opening stock, recorded as the first movement.
    pub quantity: i64,
    pub min_stock: i64,
    pub max_stock: Option<i64>,
    pub purchase_price: i64,
    pub sale_price: i64,
    pub notes: String,
}

/// A product that passed every rule; strings are trimmed, empty optional ones are `None`.
#[derive(Debug, Clone, PartialEq)]
pub struct ProductDraft {
    pub name: String,
    pub sku: Option<String>,
    pub category_id: Option<RecordKey>,
    pub supplier_id: Option<RecordKey>,
    pub unit: String,
    pub quantity: i64,
    pub min_stock: i64,
    pub max_stock: Option<i64>,
    pub purchase_price: i64,
    pub sale_price: i64,
    pub notes: String,
}

impl ProductDraft {
    pub fn parse(input: &ProductInput) -> Result<Self, AppError> {
        let name = text::required("name", &input.name, 120)?;
        let sku = optional(&input.sku, "sku", 64)?;
        let unit = text::required("unit", &input.unit, 30)?;
        non_negative("quantity", input.quantity, MAX_QUANTITY)?;
        non_negative("min_stock", input.min_stock, MAX_QUANTITY)?;
        if let Some(max) = input.max_stock {
            non_negative("max_stock", max, MAX_QUANTITY)?;
            if max <= input.min_stock {
                return Err(AppError::invalid("max_stock", "error.stock.max_below_min"));
            }
        }
        non_negative("purchase_price", input.purchase_price, MAX_PRICE)?;
        non_negative("sale_price", input.sale_price, MAX_PRICE)?;
        if input.notes.chars().count() > 1000 {
            return Err(AppError::invalid("notes", "error.field.too_long"));
        }
        Ok(Self {
            name,
            sku,
            category_id: RecordKey::parse_optional("category_id", &input.category_id)?,
            supplier_id: RecordKey::parse_optional("supplier_id", &input.supplier_id)?,
            unit,
            quantity: input.quantity,
            min_stock: input.min_stock,
            max_stock: input.max_stock,
            purchase_price: input.purchase_price,
            sale_price: input.sale_price,
            notes: input.notes.trim().to_owned(),
        })
    }
}

/// The name of a copy ("Dupliquer").
pub fn copy_name(name: &str) -> String {
    format!("{name} (copie)")
}

fn optional(raw: &str, field: &str, max_chars: usize) -> Result<Option<String>, AppError> {
    let value = raw.trim();
    if value.is_empty() {
        return Ok(None);
    }
    text::required(field, value, max_chars).map(Some)
}

fn non_negative(field: &str, value: i64, max: i64) -> Result<(), AppError> {
    if value < 0 {
        Err(AppError::invalid(field, "error.number.negative"))
    } else if value > max {
        Err(AppError::invalid(field, "error.quantity.too_large"))
    } else {
        Ok(())
    }
}

// `Hash`: the list keeps the row of a product that did not change (see `ui::shop::products`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Product {
    pub id: String,
    pub name: String,
    pub sku: Option<String>,
    pub category_id: Option<String>,
    pub category_name: Option<String>,
    /// The usual supplier.
    pub supplier_id: Option<String>,
    pub supplier_name: Option<String>,
    pub unit: String,
    pub quantity: i64,
    pub min_stock: i64,
    pub max_stock: Option<i64>,
    pub purchase_price: i64,
    pub sale_price: i64,
    pub notes: String,
    pub status: StockStatus,
    pub created_at: String,
    /// The stored photo (see `domain::photo::PhotoUrls::of`).
    pub photo: Option<String>,
    /// Alerts it raised this month (D5).
    #[serde(default)]
    pub alert_count: u64,
}

impl Product {
    /// The product a draft describes, before the store gives it an id, a creation time, and
    /// the names of its category and supplier; its status follows its stock under the shop's
    /// "stock bas" share (`alert::Rules::low_percent`).
    pub fn from_draft(draft: ProductDraft, low_percent: i64) -> Self {
        Self {
            id: String::new(),
            status: StockStatus::of(
                draft.quantity,
                draft.min_stock,
                draft.max_stock,
                low_percent,
            ),
            name: draft.name,
            sku: draft.sku,
            category_id: draft.category_id.map(String::from),
            category_name: None,
            supplier_id: draft.supplier_id.map(String::from),
            supplier_name: None,
            unit: draft.unit,
            quantity: draft.quantity,
            min_stock: draft.min_stock,
            max_stock: draft.max_stock,
            purchase_price: draft.purchase_price,
            sale_price: draft.sale_price,
            notes: draft.notes,
            created_at: String::new(),
            photo: None,
            alert_count: 0,
        }
    }

    /// The form pre-filled from this product; `copy` for "Dupliquer" (new name, no SKU, no stock).
    pub fn to_input(&self, copy: bool) -> ProductInput {
        ProductInput {
            name: if copy {
                crate::domain::product::copy_name(&self.name)
            } else {
                self.name.clone()
            },
            sku: if copy {
                String::new()
            } else {
                self.sku.clone().unwrap_or_default()
            },
            category_id: self.category_id.clone().unwrap_or_default(),
            supplier_id: self.supplier_id.clone().unwrap_or_default(),
            unit: self.unit.clone(),
            quantity: if copy { 0 } else { self.quantity },
            min_stock: self.min_stock,
            max_stock: self.max_stock,
            purchase_price: self.purchase_price,
            sale_price: self.sale_price,
            notes: self.notes.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProductSort {
    #[default]
    Name,
    PriceAsc,
    PriceDesc,
    Quantity,
    Newest,
    Status,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "by", content = "id")]
pub enum CategoryFilter {
    #[default]
    All,
    Uncategorized,
    Id(#[serde(deserialize_with = "crate::domain::id::key_text")] String),
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ProductQuery {
    #[serde(default)]
    pub search: String,
    #[serde(default)]
    pub category: CategoryFilter,
    #[serde(default)]
    pub status: Option<StockStatus>,
    #[serde(default)]
    pub sort: ProductSort,
    /// Zero-based page number.
    #[serde(default, deserialize_with = "crate::domain::page::bounded")]
    pub page: u32,
}

impl ProductQuery {
    pub const PAGE_SIZE: u32 = 24;

    pub fn page_size(&self) -> u32 {
        Self::PAGE_SIZE
    }

    /// How many of the status filter and the sort differ from the plain list (the count on
    /// "Filtres" while they are folded away).
    pub fn narrowing_count(&self) -> usize {
        usize::from(self.status.is_some()) + usize::from(self.sort != ProductSort::default())
    }

    /// The page of `products` this query asks for, filtered and sorted as `store::products::list`
    /// does on the server (the phone's replica answers it without the network).
    pub fn select<'a>(&self, products: impl IntoIterator<Item = &'a Product>) -> ProductPage {
        let products: Vec<&Product> = products.into_iter().collect();
        let search = ProductSearch::parse(&self.search);
        let found_a_sku = search
            .as_ref()
            .is_some_and(|s| products.iter().any(|p| s.is_sku(p.sku.as_deref())));
        let mut found: Vec<(i64, &Product)> = products
            .into_iter()
            .filter(|p| self.keeps(p, search.as_ref(), found_a_sku))
            .map(|p| (self.rank(p), p))
            .collect();
        let total = found.len();
        let start =
            usize::try_from(super::page::start(self.page, self.page_size())).unwrap_or(usize::MAX);
        let end = start.saturating_add(self.page_size() as usize).min(total);
        // A search keystroke runs over the whole shop: only what the page needs is put in order,
        // and names are compared without making lower-cased copies.
        let order = |a: &(i64, &Product), b: &(i64, &Product)| {
            a.0.cmp(&b.0)
                .then_with(|| folded(&a.1.name).cmp(folded(&b.1.name)))
                .then_with(|| a.1.id.cmp(&b.1.id))
        };
        if start < end {
            if end < total {
                found.select_nth_unstable_by(end, order);
            }
            found[..end].sort_unstable_by(order);
        }
        ProductPage {
            total: total as u64,
            items: found
                .get(start..end)
                .unwrap_or_default()
                .iter()
                .map(|(_, p)| (*p).clone())
                .collect(),
            page: self.page,
            page_size: self.page_size(),
        }
    }

    fn keeps(&self, product: &Product, search: Option<&ProductSearch>, found_a_sku: bool) -> bool {
        let category = match &self.category {
            CategoryFilter::All => true,
            CategoryFilter::Uncategorized => product.category_id.is_none(),
            CategoryFilter::Id(id) => product.category_id.as_deref() == Some(id.as_str()),
        };
        let status = self.status.is_none_or(|s| product.status == s);
        let found = search
            .is_none_or(|search| search.finds(&product.name, product.sku.as_deref(), found_a_sku));
        category && status && found
    }

    /// Where the product stands in the chosen sort before its name (as `store::products::list`).
    fn rank(&self, product: &Product) -> i64 {
        match self.sort {
            ProductSort::Name => 0,
            ProductSort::PriceAsc => product.sale_price,
            ProductSort::PriceDesc => -product.sale_price,
            ProductSort::Quantity => product.quantity,
            // Newest first; text that does not read as a date last (the server never sends one).
            ProductSort::Newest => {
                let created = chrono::DateTime::parse_from_rfc3339(&product.created_at).ok();
                let nanos = created.and_then(|at| at.timestamp_nanos_opt());
                nanos.map_or(i64::MAX, |n| -n)
            }
            ProductSort::Status => product.status.rank() as i64,
        }
    }
}

/// The text as lower case, a character at a time (compares as `to_lowercase` would).
fn folded(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().flat_map(char::to_lowercase)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductPage {
    pub items: Vec<Product>,
    pub total: u64,
    pub page: u32,
    pub page_size: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::search::words;

    /// Only the asked page is put in order: every page of every sort and search must be the
    /// slice of the whole shop sorted by (rank, lower-cased name, id), as the server lists it.
    #[test]
    fn a_page_is_the_slice_of_the_whole_shop_in_order() {
        let names = [
            "Riz",
            "riz brisé",
            "Éponge",
            "Huile",
            "huile",
            "Sucre",
            "Thé",
            "ÉTÉ",
        ];
        let products: Vec<Product> = (0..200)
            .map(|i| {
                let draft = ProductDraft::parse(&ProductInput {
                    name: format!("{} {}", names[i % names.len()], i % 7),
                    sku: format!("SK-{}", i % 13),
                    unit: "pièce".into(),
                    quantity: (i * 7 % 11) as i64,
                    min_stock: 2,
                    sale_price: (i * 37 % 50) as i64,
                    ..ProductInput::default()
                })
                .unwrap();
                Product {
                    id: format!("p{i:03}"),
                    created_at: format!("2026-01-{:02}T08:00:00Z", i % 28 + 1),
                    ..Product::from_draft(draft, 20)
                }
            })
            .collect();
        let sorts = [
            ProductSort::Name,
            ProductSort::PriceAsc,
            ProductSort::PriceDesc,
            ProductSort::Quantity,
            ProductSort::Newest,
            ProductSort::Status,
        ];
        for sort in sorts {
            for search in ["", "riz", "É", "sk-1", "sk 1", "huile 3", "ete"] {
                let query = ProductQuery {
                    search: search.into(),
                    sort,
                    ..ProductQuery::default()
                };
                // The search rule written plainly: the products with the whole search as SKU,
                // else those where each word of it begins a word of the name or the SKU.
                let sku_is = |p: &Product| {
                    p.sku.as_ref().map(|s| s.to_lowercase()) == Some(search.to_lowercase())
                };
                let by_sku = products.iter().any(sku_is);
                let words_match = |p: &Product| {
                    let own = [words(&p.name), words(p.sku.as_deref().unwrap_or(""))].concat();
                    words(search)
                        .iter()
                        .all(|w| own.iter().any(|o| o.starts_with(w.as_str())))
                };
                let mut all: Vec<&Product> = products
                    .iter()
                    .filter(|p| {
                        search.is_empty() || if by_sku { sku_is(p) } else { words_match(p) }
                    })
                    .collect();
                all.sort_by_key(|p| (query.rank(p), p.name.to_lowercase(), p.id.clone()));
                for page in 0..4 {
                    let asked = ProductQuery {
                        page,
                        ..query.clone()
                    };
                    let got = asked.select(&products);
                    let start = page as usize * ProductQuery::PAGE_SIZE as usize;
                    let ids: Vec<&str> = got.items.iter().map(|p| p.id.as_str()).collect();
                    let expected: Vec<&str> = all
                        .iter()
                        .skip(start)
                        .take(ProductQuery::PAGE_SIZE as usize)
                        .map(|p| p.id.as_str())
                        .collect();
                    assert_eq!(ids, expected, "{sort:?} {search:?} page {page}");
                    assert_eq!(got.total, all.len() as u64);
                }
            }
        }
    }

    fn rice() -> ProductInput {
        ProductInput {
            name: " Riz 5kg ".into(),
            sku: "".into(),
            unit: "sac".into(),
            quantity: 10,
            min_stock: 5,
            max_stock: Some(50),
            purchase_price: 4500,
            sale_price: 5000,
            ..ProductInput::default()
        }
    }

    #[test]
    fn a_valid_product_is_trimmed_and_optional_fields_are_none() {
        let draft = ProductDraft::parse(&rice()).unwrap();
        assert_eq!(draft.name, "Riz 5kg");
        assert_eq!(draft.sku, None);
        assert_eq!(draft.category_id, None);
    }

    #[test]
    fn each_rule_names_its_field() {
        type Breakage = fn(&mut ProductInput);
        let cases: [(Breakage, &str, &str); 6] = [
            (|p| p.name = "  ".into(), "name", "error.field.required"),
            (|p| p.unit = "".into(), "unit", "error.field.required"),
            (|p| p.quantity = -1, "quantity", "error.number.negative"),
            (|p| p.sale_price = -5, "sale_price", "error.number.negative"),
            (
                |p| p.max_stock = Some(5),
                "max_stock",
                "error.stock.max_below_min",
            ),
            (|p| p.sku = "x".repeat(65), "sku", "error.field.too_long"),
        ];
        for (break_it, field, code) in cases {
            let mut input = rice();
            break_it(&mut input);
            assert_eq!(
                ProductDraft::parse(&input),
                Err(AppError::invalid(field, code))
            );
        }
    }

    #[test]
    fn copies_are_named_as_copies() {
        assert_eq!(copy_name("Riz 5kg"), "Riz 5kg (copie)");
    }
}
