//! Turning errors into responses: the HTTP status of an `AppError`, and internal faults logged
//! with the request id that the user sees.

use leptos::prelude::use_context;

use crate::domain::AppError;
use crate::server::db::DbError;

/// Sets the response status of the current server function from the error.
pub fn set_status(error: &AppError) {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>()
        && let Ok(status) = http::StatusCode::from_u16(error.status())
    {
        response.set_status(status);
        if let AppError::RateLimited { retry_after_secs } = error
            && let Ok(value) = http::HeaderValue::from_str(&retry_after_secs.to_string())
        {
            response.insert_header(http::header::RETRY_AFTER, value);
        }
    }
}

/// Sets the status and passes the error on: `.map_err(reject)` ends every server function.
pub fn reject(error: AppError) -> AppError {
    set_status(&error);
    error
}

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
            DbError::Rule(rule) => match rule.split_once(':') {
                Some((field, code)) => AppError::invalid(field, code),
                None => AppError::invalid("form", &rule),
            },
            other => internal("database", other),
        }
    }
}
