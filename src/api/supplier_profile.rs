//! The registered supplier's commercial profile (F1): read and edited by the supplier itself.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::{GetUrl, Json};

use crate::domain::profile::ProfileInput;
use crate::domain::{AppError, OpId};
#[cfg(feature = "ssr")]
use crate::server::{AppState, respond::reject};

/// The profile as the supplier sees it: what it edits, and what the marketplace gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupplierProfile {
    #[serde(flatten)]
    pub details: ProfileInput,
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
