//! The registered supplier's commercial profile (F1): read and edited by the supplier itself.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::{GetUrl, Json};

use crate::domain::profile::ProfileInput;
use crate::domain::{AppError, OpId};
#[cfg(feature = "ssr")]
use crate::server::{AppState, respond::reject};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupplierProfile {
    pub company_name: String,
    pub description: String,
    pub phone: String,
    pub address: String,
    pub city: String,
    pub delivery_zones: Vec<String>,
    pub categories: Vec<String>,
    pub min_order_amount: i64,
    pub average_delivery_days: i64,
    pub rating_sum: i64,
    pub rating_count: i64,
    pub is_verified: bool,
}

impl SupplierProfile {
    /// The editable part, as the form shows it.
    pub fn input(&self) -> ProfileInput {
        ProfileInput {
            company_name: self.company_name.clone(),
            description: self.description.clone(),
            phone: self.phone.clone(),
            address: self.address.clone(),
            city: self.city.clone(),
            delivery_zones: self.delivery_zones.clone(),
            categories: self.categories.clone(),
            min_order_amount: self.min_order_amount,
            average_delivery_days: self.average_delivery_days,
        }
    }
}

/// `GET /api/supplier/profile` — suppliers. The caller's own profile.
#[server(prefix = "/api", endpoint = "supplier/profile", input = GetUrl)]
pub async fn my_profile() -> Result<SupplierProfile, AppError> {
    async move {
        let caller = super::caller()?.require(crate::domain::Role::Supplier)?;
        let state = AppState::current()?;
        crate::server::store::supplier_profile::of_user(&state.db, &caller.user_id)
            .await?
            .ok_or(AppError::NotFound)
    }
    .await
    .map_err(reject)
}

/// `POST /api/supplier/save_profile` — suppliers. Replaces the editable part of the caller's
/// profile (company, description, phone, address, city, delivery zones, categories, minimum
/// order amount, average delivery days); returns the profile as saved.
#[server(prefix = "/api", endpoint = "supplier/save_profile", input = Json)]
pub async fn save_profile(op: OpId, input: ProfileInput) -> Result<SupplierProfile, AppError> {
    async move {
        let profile = input.parse()?;
        let caller = super::caller()?.require(crate::domain::Role::Supplier)?;
        let state = AppState::current()?;
        let store = &state.db;
        crate::server::store::supplier_profile::save(store, &op, &caller.user_id, &profile).await?;
        crate::server::store::supplier_profile::of_user(store, &caller.user_id)
            .await?
            .ok_or(AppError::NotFound)
    }
    .await
    .map_err(reject)
}
