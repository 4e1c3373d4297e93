//! Every write goes through [`send`]: it makes the operation id and calls the server function;
//! a form runs it through a [`Submission`].
//! Because the call is a plain serialisable value, it can later be queued in an outbox and
//! replayed; the server applies each operation id once.

use std::future::Future;

use leptos::prelude::*;
use server_fn::ServerFn;

use crate::domain::{AppError, OpId};

/// Builds the call with a fresh operation id and sends it.
pub async fn send<S>(build: impl FnOnce(OpId) -> S) -> Result<S::Output, AppError>
where
    S: ServerFn<Error = AppError>,
{
    let answer = S::run_on_client(build(new_op_id()?)).await;
    if answer.is_ok() {
        super::Replica::sync_soon();
    }
    answer
}

/// A fresh random operation id (from the browser's crypto, which works on plain http too).
/// Without randomness there is no id: two writes must never share one.
pub fn new_op_id() -> Result<OpId, AppError> {
    random_bytes()
        .map(OpId::from_random)
        .ok_or_else(|| AppError::invalid("op", "error.crypto"))
}

/// A fresh key for a record made on the phone (a product created offline), from the same
/// randomness as operation ids.
pub fn new_record_key() -> Result<crate::domain::RecordKey, AppError> {
    random_bytes()
        .map(crate::domain::RecordKey::from_random)
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

/// A form's write: at most one under way (`pending`, to disable its button), and its refusal
/// kept (`error`, shown next to the field it names). The answer may come after the form is
/// gone (closed, or the page left): nothing is then touched.
#[derive(Clone, Copy)]
pub struct Submission {
    pub pending: RwSignal<bool>,
    pub error: RwSignal<Option<AppError>>,
}

impl Submission {
    pub fn new() -> Self {
        Self {
            pending: RwSignal::new(false),
            error: RwSignal::new(None),
        }
    }

    /// Runs `write` (usually a [`send`]) unless one is under way; `done` gets its answer.
    pub fn run<T: 'static>(
        self,
        write: impl Future<Output = Result<T, AppError>> + 'static,
        done: impl FnOnce(T) + 'static,
    ) {
        if self.pending.get_untracked() {
            return;
        }
        self.pending.set(true);
        self.error.set(None);
        leptos::task::spawn_local(async move {
            let answer = write.await;
            // The form may have been closed meanwhile: its signals are then gone.
            if self.pending.try_set(false).is_some() {
                return;
            }
            match answer {
                Ok(value) => done(value),
                Err(error) => {
                    self.error.try_set(Some(error));
                }
            }
        });
    }

    /// Shows a refusal found before sending (a field the browser could not read).
    pub fn refuse(self, error: AppError) {
        self.error.set(Some(error));
    }
}

impl Default for Submission {
    fn default() -> Self {
        Self::new()
    }
}
