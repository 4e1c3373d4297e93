//! A registered supplier's commercial profile (F1): what a valid one is, and what it still lacks
//! before the supplier can appear in the marketplace.

use serde::{Deserialize, Serialize};

use super::supplier::phone_number;
use super::{AppError, text};

/// Zones and categories a profile can list.
pub const MAX_LIST_ITEMS: usize = 20;

/// What the profile form sends. Lists are typed as comma-separated text on screen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileInput {
    pub company_name: String,
    pub description: String,
    pub phone: String,
    pub address: String,
    pub city: String,
    pub delivery_zones: Vec<String>,
    pub categories: Vec<String>,
    /// Minor units.
    pub min_order_amount: i64,
    pub average_delivery_days: i64,
}

impl ProfileInput {
    /// Trims every field, reduces the phone number, and cleans the lists (trimmed, without empty
    /// entries or repeats, case aside); refuses what breaks a rule, naming the field.
    pub fn parse(&self) -> Result<Self, AppError> {
        let optional = |field: &str, raw: &str, max: usize| -> Result<String, AppError> {
            let value = raw.trim();
            if value.chars().count() > max {
                return Err(AppError::invalid(field, "error.field.too_long"));
            }
            Ok(value.to_owned())
        };
        if !(0..=super::money::MAX_PRICE).contains(&self.min_order_amount) {
            return Err(AppError::invalid(
                "min_order_amount",
                "error.number.negative",
            ));
        }
        if !(0..=90).contains(&self.average_delivery_days) {
            return Err(AppError::invalid(
                "average_delivery_days",
                "error.profile.delivery_days",
            ));
        }
        let phone = match self.phone.trim() {
            "" => String::new(),
            raw => phone_number("phone", raw)?,
        };
        Ok(Self {
            company_name: text::required("company_name", &self.company_name, 100)?,
            description: optional("description", &self.description, 1000)?,
            phone,
            address: optional("address", &self.address, 200)?,
            city: optional("city", &self.city, 60)?,
            delivery_zones: clean_list("delivery_zones", &self.delivery_zones)?,
            categories: clean_list("categories", &self.categories)?,
            min_order_amount: self.min_order_amount,
            average_delivery_days: self.average_delivery_days,
        })
    }

    /// What the marketplace needs and the profile lacks (i18n keys): the company, the city and
    /// at least one category.
    pub fn missing(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        if self.company_name.trim().is_empty() {
            missing.push("profile.missing.company");
        }
        if self.city.trim().is_empty() {
            missing.push("profile.missing.city");
        }
        if self.categories.iter().all(|c| c.trim().is_empty()) {
            missing.push("profile.missing.category");
        }
        missing
    }
}

/// "Dakar, Thiès , dakar" → ["Dakar", "Thiès"].
pub fn split_list(raw: &str) -> Vec<String> {
    raw.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::to_owned)
        .collect()
}

fn clean_list(field: &str, items: &[String]) -> Result<Vec<String>, AppError> {
    let mut clean: Vec<String> = Vec::new();
    for item in items.iter().map(|i| i.trim()).filter(|i| !i.is_empty()) {
        if item.chars().count() > 40 {
            return Err(AppError::invalid(field, "error.field.too_long"));
        }
        if !clean
            .iter()
            .any(|c| c.to_lowercase() == item.to_lowercase())
        {
            clean.push(item.to_owned());
        }
    }
    if clean.len() > MAX_LIST_ITEMS {
        return Err(AppError::invalid(field, "error.profile.too_many"));
    }
    Ok(clean)
}

/// The profile as the supplier sees it: what it edits, and what the marketplace gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupplierProfile {
    #[serde(flatten)]
    pub details: ProfileInput,
    pub rating_sum: i64,
    pub rating_count: i64,
    pub is_verified: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grossiste() -> ProfileInput {
        ProfileInput {
            company_name: " Grossiste Moussa ".into(),
            phone: "77 123 45 67".into(),
            city: "Dakar".into(),
            delivery_zones: split_list("Dakar, Thiès , dakar,,"),
            categories: split_list("Céréales; Huiles"),
            min_order_amount: 50_000,
            average_delivery_days: 2,
            ..ProfileInput::default()
        }
    }

    #[test]
    fn a_profile_is_cleaned() {
        let clean = grossiste().parse().unwrap();
        assert_eq!(clean.company_name, "Grossiste Moussa");
        assert_eq!(clean.delivery_zones, ["Dakar", "Thiès"]);
        assert_eq!(clean.categories, ["Céréales", "Huiles"]);
        assert!(clean.missing().is_empty());
    }

    #[test]
    fn each_rule_names_its_field() {
        type Breakage = fn(&mut ProfileInput);
        let cases: [(Breakage, &str, &str); 6] = [
            (
                |p| p.company_name = " ".into(),
                "company_name",
                "error.field.required",
            ),
            (
                |p| p.min_order_amount = -1,
                "min_order_amount",
                "error.number.negative",
            ),
            (
                |p| p.average_delivery_days = 91,
                "average_delivery_days",
                "error.profile.delivery_days",
            ),
            (
                |p| p.categories = vec!["x".repeat(41)],
                "categories",
                "error.field.too_long",
            ),
            (
                |p| p.delivery_zones = (0..21).map(|i| format!("Zone {i}")).collect(),
                "delivery_zones",
                "error.profile.too_many",
            ),
            (|p| p.city = "c".repeat(61), "city", "error.field.too_long"),
        ];
        for (break_it, field, code) in cases {
            let mut input = grossiste();
            break_it(&mut input);
            assert_eq!(
                input.parse(),
                Err(AppError::invalid(field, code)),
                "{field}"
            );
        }
    }

    #[test]
    fn the_marketplace_needs_a_company_a_city_and_a_category() {
        let just_registered = ProfileInput {
            company_name: "Grossiste Moussa".into(),
            ..ProfileInput::default()
        };
        assert_eq!(
            just_registered.missing(),
            ["profile.missing.city", "profile.missing.category"]
        );
        assert_eq!(ProfileInput::default().missing().len(), 3);
    }
}
