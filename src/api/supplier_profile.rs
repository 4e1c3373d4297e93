//! The registered supplier's commercial profile (F1): read and edited by the supplier itself.

use leptos::prelude::*;
use server_fn::codec::{GetUrl, Json};

#[cfg(feature = "ssr")]
use super::guard;
use crate::domain::profile::ProfileInput;
use crate::domain::profile::SupplierProfile;
use crate::domain::{AppError, OpId};

/// `GET /api/supplier/profile` — suppliers. The caller's own profile.
#[server(prefix = "/api", endpoint = "supplier/profile", input = GetUrl)]
pub async fn my_profile() -> Result<SupplierProfile, AppError> {
    guard::supplier(|state, caller| async move {
        crate::server::store::supplier_profile::of_user(&state.db, &caller)
            .await?
            .ok_or(AppError::NotFound)
    })
    .await
}

/// `POST /api/supplier/save_profile` — suppliers. Replaces the editable part of the caller's
/// profile (company, description, phone, address, city, delivery zones, categories, minimum
/// order amount, average delivery days); returns the profile as saved.
#[server(prefix = "/api", endpoint = "supplier/save_profile", input = Json)]
pub async fn save_profile(op: OpId, input: ProfileInput) -> Result<SupplierProfile, AppError> {
    guard::supplier(|state, caller| async move {
        let profile = input.parse()?;
        let store = &state.db;
        crate::server::store::supplier_profile::save(store, &op, &caller, &profile).await?;
        crate::server::store::supplier_profile::of_user(store, &caller)
            .await?
            .ok_or(AppError::NotFound)
    })
    .await
}
