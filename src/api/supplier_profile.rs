//! The registered supplier's commercial profile (F1; editing comes with the marketplace issue).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::GetUrl;

use crate::domain::AppError;
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
