//! Faults the user should not see the detail of: logged with the request id that the user sees,
//! and the database's errors turned into the app's.

use leptos::prelude::use_context;

use crate::domain::AppError;
use crate::server::db::DbError;

/// Logs an unexpected fault and returns the error the user sees, carrying the request id.
pub fn internal(context: &str, error: impl std::fmt::Display) -> AppError {
    let request_id = use_context::<http::request::Parts>()
        .and_then(|parts| {
            parts
                .headers
                .get("x-request-id")
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        })
        .unwrap_or_default();
    tracing::error!(%request_id, context, error = %error, "internal error");
    AppError::Internal { request_id }
}

impl From<DbError> for AppError {
    fn from(error: DbError) -> Self {
        match error {
            // Transactions THROW "not_found" or "<field>:<i18n key>".
            DbError::Rule(rule) if rule == "not_found" => AppError::NotFound,
            DbError::OpReused => AppError::conflict("op", "error.op.reused"),
            // A record created under a key some record has (a key made on the phone, I3): replays
            // of an operation never get here (`store::ops`), so it is the key that is taken.
            DbError::AlreadyExists(_) => AppError::conflict("id", "error.id.taken"),
            DbError::Rule(rule) => match rule.split_once(':') {
                Some((field, code)) => AppError::invalid(field, code),
                None => AppError::invalid("form", &rule),
            },
            other => internal("database", other),
        }
    }
}
