//! Who may call a server function, and how its outcome leaves. Every server function runs its
//! body through one of these guards: the guard reads the caller from the session and checks its
//! role, traces the call (path, caller, status) and sets the HTTP status of a failure. The
//! caller's shop is found here too.

use std::future::Future;

use crate::domain::{AppError, Role};
use crate::server::AppState;
use crate::server::auth::Caller;

/// Runs the body of a server function open to anyone (sign-up, sign-in, an invitation link).
pub async fn anyone<T, F>(body: impl FnOnce(AppState) -> F) -> Result<T, AppError>
where
    F: Future<Output = Result<T, AppError>>,
{
    run(|| Ok(()), |state, ()| body(state)).await
}

/// Runs the body of a server function for a signed-in caller of either role.
pub async fn signed_in<T, F>(body: impl FnOnce(AppState, Caller) -> F) -> Result<T, AppError>
where
    F: Future<Output = Result<T, AppError>>,
{
    run(caller, body).await
}

/// Runs the body of a shopkeeper's server function; it gets the caller's user id.
pub async fn shopkeeper<T, F>(body: impl FnOnce(AppState, String) -> F) -> Result<T, AppError>
where
    F: Future<Output = Result<T, AppError>>,
{
    run(|| user_of_role(Role::Shopkeeper), body).await
}

/// Runs the body of a registered supplier's server function; it gets the caller's user id.
pub async fn supplier<T, F>(body: impl FnOnce(AppState, String) -> F) -> Result<T, AppError>
where
    F: Future<Output = Result<T, AppError>>,
{
    run(|| user_of_role(Role::Supplier), body).await
}

/// Who is calling: the session of the current request, or `Unauthorized`.
pub fn caller() -> Result<Caller, AppError> {
    let parts =
        leptos::prelude::use_context::<http::request::Parts>().ok_or(AppError::Unauthorized)?;
    let state = AppState::current()?;
    let caller = state
        .keys
        .caller(&parts.headers)
        .ok_or(AppError::Unauthorized)?;
    tracing::Span::current().record("user", caller.user_id.as_str());
    Ok(caller)
}

/// The id of the shop the caller (a shopkeeper's user id) works in.
pub async fn shop_of(state: &AppState, caller: &str) -> Result<String, AppError> {
    Ok(crate::server::store::shops::owned_by(&state.db, caller)
        .await?
        .into_iter()
        .next()
        .ok_or(AppError::NotFound)?
        .id)
}

fn user_of_role(role: Role) -> Result<String, AppError> {
    Ok(caller()?.require(role)?.user_id)
}

/// The one way out of a server function: who, then the body, then the status of a failure.
#[tracing::instrument(
    name = "server_fn",
    skip_all,
    fields(path = %request_path(), user = tracing::field::Empty, status = tracing::field::Empty)
)]
async fn run<W, T, F>(
    who: impl FnOnce() -> Result<W, AppError>,
    body: impl FnOnce(AppState, W) -> F,
) -> Result<T, AppError>
where
    F: Future<Output = Result<T, AppError>>,
{
    let outcome = async {
        let who = who()?;
        body(AppState::current()?, who).await
    };
    outcome.await.inspect_err(|error| {
        tracing::Span::current().record("status", error.status());
        super::error::set_status(error);
    })
}

fn request_path() -> String {
    leptos::prelude::use_context::<http::request::Parts>()
        .map(|parts| parts.uri.path().to_owned())
        .unwrap_or_default()
}
