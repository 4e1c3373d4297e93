//! How the app's error travels through server functions: a failure of the transport (an
//! unreadable argument, a lost connection) becomes an [`AppError`], and on the server every
//! error sets the HTTP status of its response.

use server_fn::codec::JsonEncoding;
use server_fn::error::{FromServerFnError, ServerFnErrorErr};

use crate::domain::AppError;

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        let error = match value {
            ServerFnErrorErr::Args(detail)
            | ServerFnErrorErr::MissingArg(detail)
            | ServerFnErrorErr::Deserialization(detail)
            | ServerFnErrorErr::UnsupportedRequestMethod(detail) => Self::BadRequest { detail },
            ServerFnErrorErr::Request(detail) | ServerFnErrorErr::Response(detail) => {
                Self::Network { detail }
            }
            other => Self::Internal {
                request_id: other.to_string(),
            },
        };
        #[cfg(feature = "ssr")]
        set_status(&error);
        error
    }
}

/// Sets the response status of the current server function from the error.
#[cfg(feature = "ssr")]
pub(super) fn set_status(error: &AppError) {
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
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
