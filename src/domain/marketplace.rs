//! The marketplace seen by a shopkeeper (G2–G4): which supplier profiles are listed, and in
//! which order a supplier search shows them.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use super::profile::ProfileInput;

/// Suppliers per page of the marketplace.
pub const SUPPLIERS_PAGE_SIZE: u32 = 20;
/// Items per page of a supplier's catalog and of the product search.
pub const ITEMS_PAGE_SIZE: u32 = 25;
/// The product search looks for words of at least this many letters.
pub const MIN_PRODUCT_SEARCH: usize = 2;

/// The one rule of "complete": a profile appears in the marketplace when nothing the
/// marketplace needs is missing (company, city, at least one category).
pub fn is_listed(profile: &ProfileInput) -> bool {
    profile.missing().is_empty()
}

/// Where the searched text was found in a supplier's profile; the better first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relevance {
    Company,
    Category,
    Description,
    /// No text searched, or found nowhere (such a profile is not shown when a text is searched).
    Unmatched,
}

impl Relevance {
    /// `search` is lower-case and trimmed; the other texts are compared case aside.
    pub fn of(search: &str, company: &str, categories: &[String], description: &str) -> Self {
        let found = |text: &str| !search.is_empty() && text.to_lowercase().contains(search);
        if found(company) {
            Self::Company
        } else if categories.iter().any(|c| found(c)) {
            Self::Category
        } else if found(description) {
            Self::Description
        } else {
            Self::Unmatched
        }
    }
}

/// A supplier as the search orders it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ranked {
    pub id: String,
    pub relevance: Relevance,
    pub company_name: String,
    pub rating_sum: i64,
    pub rating_count: i64,
}

/// The average of the ratings received, `None` when never rated.
pub fn rating_average(sum: i64, count: i64) -> Option<f64> {
    (count > 0).then(|| sum as f64 / count as f64)
}

/// Relevance first, then the better average rating (never rated last), then the name.
pub fn compare(a: &Ranked, b: &Ranked) -> Ordering {
    let rating = |r: &Ranked| rating_average(r.rating_sum, r.rating_count);
    a.relevance
        .cmp(&b.relevance)
        .then_with(|| match (rating(a), rating(b)) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        })
        .then_with(|| {
            a.company_name
                .to_lowercase()
                .cmp(&b.company_name.to_lowercase())
        })
        .then_with(|| a.id.cmp(&b.id))
}

/// Sorts `all` and keeps page `page` (from 0) of `size`.
pub fn page_of(mut all: Vec<Ranked>, page: u32, size: u32) -> Vec<Ranked> {
    all.sort_by(compare);
    all.into_iter()
        .skip(usize::try_from(super::page::start(page, size)).unwrap_or(usize::MAX))
        .take(size as usize)
        .collect()
}

/// What a product search looks for: its words of at least two letters (shorter ones match
/// nearly everything and the index does not keep them), lower-case; `None` when none is left.
pub fn product_words(raw: &str) -> Option<String> {
    let words: Vec<String> = raw
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphanumeric()).count() >= MIN_PRODUCT_SEARCH)
        .map(str::to_lowercase)
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Filters of the supplier search; every one optional. `city` matches the supplier's city or one
/// of its delivery zones, case aside; `category` is one of the declared categories.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierQuery {
    #[serde(default)]
    pub search: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub city: String,
    #[serde(default, deserialize_with = "crate::domain::page::bounded")]
    pub page: u32,
}

/// A supplier's card in the search results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupplierCard {
    pub id: String,
    pub company_name: String,
    pub city: String,
    pub categories: Vec<String>,
    pub rating_sum: i64,
    pub rating_count: i64,
    pub is_verified: bool,
    /// Catalog items the supplier offers now.
    pub available_items: i64,
    pub average_delivery_days: i64,
}

impl SupplierCard {
    pub fn rating(&self) -> Option<f64> {
        crate::domain::marketplace::rating_average(self.rating_sum, self.rating_count)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SupplierResults {
    pub suppliers: Vec<SupplierCard>,
    pub total: u64,
    /// Every category listed suppliers declare, for the filter.
    pub categories: Vec<String>,
}

/// A listed supplier's whole profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListedSupplier {
    #[serde(flatten)]
    pub card: SupplierCard,
    pub description: String,
    pub phone: String,
    pub address: String,
    pub delivery_zones: Vec<String>,
    /// Minor units.
    pub min_order_amount: i64,
}

/// A shop's rating of the supplier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub score: i64,
    pub comment: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    pub shop_name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupplierPage {
    pub supplier: ListedSupplier,
    /// Newest first.
    pub reviews: Vec<Review>,
}

/// An available item of a supplier's catalog, as a shop sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarketItem {
    pub id: String,
    pub name: String,
    pub description: String,
    pub category: String,
    /// Minor units, per unit.
    pub price: i64,
    pub unit: String,
    pub min_order_quantity: i64,
    /// `None`: the supplier does not count its stock.
    pub stock_available: Option<i64>,
    /// The item's photo (F2; see `domain::photo::PhotoUrls::of`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListedCatalog {
    pub items: Vec<MarketItem>,
    pub total: u64,
    /// The categories of the supplier's available items.
    pub categories: Vec<String>,
}

/// The product search: words of item names or categories (at least two letters).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductQuery {
    #[serde(default)]
    pub search: String,
    #[serde(default, deserialize_with = "crate::domain::page::bounded")]
    pub page: u32,
}

/// An item found by the product search, with who sells it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductHit {
    pub id: String,
    pub name: String,
    pub category: String,
    pub price: i64,
    pub unit: String,
    pub min_order_quantity: i64,
    pub supplier_id: String,
    pub company_name: String,
    pub city: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductResults {
    pub items: Vec<ProductHit>,
    pub total: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranked(id: &str, relevance: Relevance, name: &str, sum: i64, count: i64) -> Ranked {
        Ranked {
            id: id.into(),
            relevance,
            company_name: name.into(),
            rating_sum: sum,
            rating_count: count,
        }
    }

    #[test]
    fn complete_means_company_city_and_a_category() {
        let mut profile = ProfileInput {
            company_name: "Grossiste Moussa".into(),
            city: "Dakar".into(),
            categories: vec!["Céréales".into()],
            ..ProfileInput::default()
        };
        assert!(is_listed(&profile));
        profile.categories = vec![" ".into()];
        assert!(!is_listed(&profile));
        profile.categories = vec!["Huiles".into()];
        profile.city = " ".into();
        assert!(!is_listed(&profile));
    }

    #[test]
    fn a_name_ranks_before_a_category_before_a_description() {
        let categories = vec!["Riz et céréales".to_owned()];
        assert_eq!(
            Relevance::of("riz", "Riz Moussa", &categories, ""),
            Relevance::Company
        );
        assert_eq!(
            Relevance::of("riz", "Moussa", &categories, "riz"),
            Relevance::Category
        );
        assert_eq!(
            Relevance::of("riz", "Moussa", &[], "Du RIZ en gros"),
            Relevance::Description
        );
        assert_eq!(
            Relevance::of("riz", "Moussa", &[], "Huile"),
            Relevance::Unmatched
        );
        assert_eq!(Relevance::of("", "Moussa", &[], ""), Relevance::Unmatched);
    }

    #[test]
    fn relevance_then_rating_then_name() {
        let all = vec![
            ranked("1", Relevance::Category, "Awa", 25, 5),
            ranked("2", Relevance::Company, "Zénith", 0, 0),
            ranked("3", Relevance::Company, "Baba", 8, 2),
            ranked("4", Relevance::Company, "awa", 8, 2),
            ranked("5", Relevance::Company, "Céline", 9, 2),
        ];
        let order: Vec<_> = page_of(all, 0, 20).into_iter().map(|r| r.id).collect();
        // 4.5 ★ first; 4 ★ twice, by name (case aside); never rated last; category after.
        assert_eq!(order, ["5", "4", "3", "2", "1"]);
    }

    #[test]
    fn pages_cut_the_sorted_list() {
        let all: Vec<_> = (0..45)
            .map(|i| {
                ranked(
                    &format!("{i:02}"),
                    Relevance::Unmatched,
                    &format!("S{i:02}"),
                    0,
                    0,
                )
            })
            .collect();
        assert_eq!(page_of(all.clone(), 0, 20).len(), 20);
        assert_eq!(page_of(all.clone(), 2, 20).len(), 5);
        assert_eq!(page_of(all.clone(), 2, 20)[0].id, "40");
        assert!(page_of(all, 3, 20).is_empty());
    }

    #[test]
    fn averages_and_short_searches() {
        assert_eq!(rating_average(9, 2), Some(4.5));
        assert_eq!(rating_average(0, 0), None);
        assert_eq!(product_words(" Riz "), Some("riz".into()));
        assert_eq!(product_words("r"), None);
        assert_eq!(product_words(" - "), None);
        assert_eq!(
            product_words("Chocolat  bio 1 KG"),
            Some("chocolat bio kg".into())
        );
    }
}
