//! Every write goes through [`send`]: it makes the operation id and calls the server function.
//! Because the call is a plain serialisable value, it can later be queued in an outbox and
//! replayed; the server applies each operation id once.

use server_fn::ServerFn;

use crate::domain::{AppError, OpId};

/// Builds the call with a fresh operation id and sends it.
pub async fn send<S>(build: impl FnOnce(OpId) -> S) -> Result<S::Output, AppError>
where
    S: ServerFn<Error = AppError>,
{
    S::run_on_client(build(new_op_id()?)).await
}

/// A fresh random operation id (from the browser's crypto, which works on plain http too).
/// Without randomness there is no id: two writes must never share one.
pub fn new_op_id() -> Result<OpId, AppError> {
    random_bytes()
        .map(OpId::from_random)
        .ok_or_else(|| AppError::invalid("op", "error.crypto"))
}

#[cfg(feature = "hydrate")]
fn random_bytes() -> Option<[u8; 16]> {
    let mut bytes = [0u8; 16];
    let crypto = web_sys::window()?.crypto().ok()?;
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(bytes)
}

#[cfg(all(feature = "ssr", not(feature = "hydrate")))]
fn random_bytes() -> Option<[u8; 16]> {
    Some(*uuid::Uuid::new_v4().as_bytes())
}

/// Neither side (a plain `cargo check`): no source of randomness, so no id.
#[cfg(not(any(feature = "ssr", feature = "hydrate")))]
fn random_bytes() -> Option<[u8; 16]> {
    None
}
