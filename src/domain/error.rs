//! The one error type of the app: what went wrong, the HTTP status it maps to, and the i18n key
//! of the message the user reads. Internal details stay in the server log. How server functions
//! carry it lives in `api/error.rs`.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AppError {
    /// Bad input in one field; `code` is the i18n key of the message shown next to it.
    #[error("invalid {field}: {code}")]
    Invalid { field: String, code: String },
    /// The input is valid but clashes with what exists (duplicate e-mail …).
    #[error("conflict on {field}: {code}")]
    Conflict { field: String, code: String },
    /// Wrong e-mail or password (one message for both, so accounts cannot be probed).
    #[error("wrong credentials")]
    WrongCredentials,
    #[error("not signed in")]
    Unauthorized,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("too many attempts, retry in {retry_after_secs}s")]
    RateLimited { retry_after_secs: u64 },
    /// The request itself could not be read (malformed body or query).
    #[error("bad request: {detail}")]
    BadRequest { detail: String },
    /// The server could not be reached (raised in the browser).
    #[error("network: {detail}")]
    Network { detail: String },
    /// A fault of ours; the request id links the user's report to the log line.
    #[error("internal error (request {request_id})")]
    Internal { request_id: String },
}

impl AppError {
    pub fn invalid(field: &str, code: &str) -> Self {
        Self::Invalid {
            field: field.into(),
            code: code.into(),
        }
    }

    pub fn conflict(field: &str, code: &str) -> Self {
        Self::Conflict {
            field: field.into(),
            code: code.into(),
        }
    }

    pub fn status(&self) -> u16 {
        match self {
            Self::Invalid { .. } | Self::BadRequest { .. } => 400,
            Self::WrongCredentials | Self::Unauthorized => 401,
            Self::Forbidden => 403,
            Self::NotFound => 404,
            Self::Conflict { .. } => 409,
            Self::RateLimited { .. } => 429,
            Self::Network { .. } => 503,
            Self::Internal { .. } => 500,
        }
    }

    /// The form field this error belongs next to, if any.
    pub fn field(&self) -> Option<&str> {
        match self {
            Self::Invalid { field, .. } | Self::Conflict { field, .. } => Some(field),
            _ => None,
        }
    }

    /// The i18n key of the message shown to the user.
    pub fn message_key(&self) -> &str {
        match self {
            Self::Invalid { code, .. } | Self::Conflict { code, .. } => code,
            Self::WrongCredentials => "error.auth.wrong_credentials",
            Self::Unauthorized => "error.auth.required",
            Self::Forbidden => "error.forbidden",
            Self::NotFound => "error.not_found",
            Self::RateLimited { .. } => "error.auth.rate_limited",
            Self::BadRequest { .. } => "error.bad_request",
            Self::Network { .. } => "error.network",
            Self::Internal { .. } => "error.internal",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_a_status_and_a_message() {
        let cases = [
            (
                AppError::invalid("email", "error.email.invalid"),
                400,
                "error.email.invalid",
            ),
            (
                AppError::conflict("email", "error.email.taken"),
                409,
                "error.email.taken",
            ),
            (
                AppError::WrongCredentials,
                401,
                "error.auth.wrong_credentials",
            ),
            (AppError::Forbidden, 403, "error.forbidden"),
            (
                AppError::RateLimited {
                    retry_after_secs: 60,
                },
                429,
                "error.auth.rate_limited",
            ),
        ];
        for (error, status, key) in cases {
            assert_eq!(error.status(), status);
            assert_eq!(error.message_key(), key);
        }
    }

    #[test]
    fn errors_travel_as_tagged_json() {
        let json =
            serde_json::to_string(&AppError::invalid("email", "error.email.invalid")).unwrap();
        assert_eq!(
            json,
            r#"{"kind":"invalid","field":"email","code":"error.email.invalid"}"#
        );
        assert_eq!(
            serde_json::from_str::<AppError>(&json).unwrap().field(),
            Some("email")
        );
    }
}
