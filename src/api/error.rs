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
        crate::server::respond::set_status(&error);
        error
    }
}
