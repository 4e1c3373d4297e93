//! What a write to a server function must be before any of it is read, and what binds its
//! operation id to it.
//!
//! Every `POST /api/...` passes [`guard`]:
//! - it comes from the app's own pages: a foreign `Origin` or a cross-site `Sec-Fetch-Site` is
//!   refused (403), so another site cannot make a signed-in browser post (nor sign it in);
//! - it carries the content types the app sends: JSON, or a multipart form with its boundary
//!   (a form post or `text/plain` is 415; a multipart body without boundary is 400);
//! - a JSON body is at most [`MAX_JSON_BYTES`] (413).
//!
//! It also gives the request its fingerprint: a keyed hash (HMAC-SHA-256 with a key derived
//! from the session secret) of the endpoint and the JSON body. The store keeps it with each
//! operation (`store::ops`), so a replayed op id is answered with the stored result only when
//! it is the same request again; another body or another endpoint is a 409. The key keeps a
//! leaked database from revealing a sign-up's password by brute force over the hash.
//! A multipart endpoint adds the content it read with [`bind_content`].

use std::cell::RefCell;

use axum::body::Body;
use axum::extract::State;
use axum::http::{Method, Request, Response, StatusCode, header};
use axum::response::IntoResponse;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::AppState;
use crate::domain::AppError;

/// The largest JSON body a server function accepts (the longest lists stay far below).
pub const MAX_JSON_BYTES: usize = 1024 * 1024;

type Keyed = Hmac<Sha256>;

tokio::task_local! {
    static FINGERPRINT: RefCell<Keyed>;
}

/// What the guard needs: the state (address, keys) and which endpoints read a multipart form
/// (every other write reads JSON), as the server functions declare it.
#[derive(Clone)]
pub struct Writes {
    pub state: AppState,
    pub reads_multipart: fn(&str) -> bool,
}

/// The middleware of every request; only writes to server functions are checked.
pub async fn guard(
    State(Writes {
        state,
        reads_multipart,
    }): State<Writes>,
    request: Request<Body>,
    next: axum::middleware::Next,
) -> Response<Body> {
    if request.method() != Method::POST || !request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    let checked = check_origin(&request, &state.config.public_url)
        .and_then(|()| content_kind(&request))
        .and_then(|content| expected_by(reads_multipart(request.uri().path()), content));
    let content = match checked {
        Ok(content) => content,
        Err((status, detail)) => return refuse(status, detail),
    };
    let mut keyed = state.keys.request_hasher();
    keyed.update(request.uri().path().as_bytes());
    keyed.update(&[0]);
    let request = match content {
        Content::Json => {
            let (parts, body) = request.into_parts();
            let Ok(bytes) = axum::body::to_bytes(body, MAX_JSON_BYTES).await else {
                return refuse(StatusCode::PAYLOAD_TOO_LARGE, "body too large");
            };
            keyed.update(&bytes);
            Request::from_parts(parts, Body::from(bytes))
        }
        // Its fields and file join the fingerprint as `server::upload` reads them.
        Content::Multipart => request,
    };
    FINGERPRINT
        .scope(RefCell::new(keyed), next.run(request))
        .await
}

/// The fingerprint of the current request, or `None` outside one (background jobs, tests of
/// the store), where operation ids are made by the server itself.
pub fn fingerprint() -> Option<String> {
    FINGERPRINT
        .try_with(|keyed| hex(&keyed.borrow().clone().finalize().into_bytes()))
        .ok()
}

/// Adds what a multipart endpoint read (its fields and file) to the request's fingerprint.
pub fn bind_content(content: &[u8]) {
    let _ = FINGERPRINT.try_with(|keyed| {
        let mut keyed = keyed.borrow_mut();
        keyed.update(&(content.len() as u64).to_le_bytes());
        keyed.update(content);
    });
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

enum Content {
    Json,
    Multipart,
}

type Refusal = (StatusCode, &'static str);

/// The app's error (as server functions answer it), so the page shows its usual message.
fn refuse(status: StatusCode, detail: &str) -> Response<Body> {
    let error = if status == StatusCode::FORBIDDEN {
        AppError::Forbidden
    } else {
        AppError::BadRequest {
            detail: detail.to_owned(),
        }
    };
    let body = serde_json::to_string(&error).unwrap_or_default();
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// Same-origin or no browser at all (no `Origin`, no `Sec-Fetch-Site`: a script or a test).
/// The origin is the request's own host, or the configured public address (behind a proxy
/// that rewrites `Host`).
fn check_origin(request: &Request<Body>, public_url: &str) -> Result<(), Refusal> {
    let headers = request.headers();
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    if matches!(fetch_site, Some("cross-site" | "same-site")) {
        return Err((StatusCode::FORBIDDEN, "cross-site request"));
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return Ok(());
    };
    if !public_url.is_empty() && origin.as_bytes() == public_url.trim_end_matches('/').as_bytes() {
        return Ok(());
    }
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let origin_host = origin
        .to_str()
        .ok()
        .and_then(|o| o.split_once("://"))
        .map(|(_, rest)| rest);
    match (origin_host, host) {
        (Some(origin), Some(host)) if origin.eq_ignore_ascii_case(host) => Ok(()),
        _ => Err((StatusCode::FORBIDDEN, "cross-site request")),
    }
}

fn content_kind(request: &Request<Body>) -> Result<Content, Refusal> {
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    match essence {
        "application/json" => Ok(Content::Json),
        "multipart/form-data" if has_boundary(&content_type) => Ok(Content::Multipart),
        "multipart/form-data" => Err((StatusCode::BAD_REQUEST, "multipart form without boundary")),
        _ => Err((
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "send application/json or multipart/form-data",
        )),
    }
}

/// Read by the same parser as the multipart codec, which panics on a boundary it cannot read.
fn has_boundary(content_type: &str) -> bool {
    multer::parse_boundary(content_type).is_ok_and(|b| !b.is_empty())
}

/// The content is the one the endpoint reads (a JSON body to a form endpoint, or the reverse,
/// is refused before any codec sees it).
fn expected_by(reads_multipart: bool, content: Content) -> Result<Content, Refusal> {
    match (reads_multipart, &content) {
        (true, Content::Multipart) | (false, Content::Json) => Ok(content),
        (true, Content::Json) => Err((
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "send multipart/form-data",
        )),
        (false, Content::Multipart) => {
            Err((StatusCode::UNSUPPORTED_MEDIA_TYPE, "send application/json"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(headers: &[(&str, &str)]) -> Request<Body> {
        let mut builder = Request::post("/api/x");
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        builder.body(Body::empty()).unwrap()
    }

    #[test]
    fn foreign_origins_and_cross_site_fetches_are_refused() {
        let same = request(&[("host", "shop.example"), ("origin", "https://shop.example")]);
        assert!(check_origin(&same, "").is_ok());
        assert!(
            check_origin(&request(&[]), "").is_ok(),
            "no browser, no origin"
        );
        let evil = request(&[("host", "shop.example"), ("origin", "https://evil.example")]);
        assert!(check_origin(&evil, "").is_err());
        let proxied = request(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "https://shop.example"),
        ]);
        assert!(check_origin(&proxied, "https://shop.example/").is_ok());
        assert!(check_origin(&evil, "https://shop.example").is_err());
        let null = request(&[("host", "shop.example"), ("origin", "null")]);
        assert!(check_origin(&null, "").is_err());
        let cross = request(&[("sec-fetch-site", "cross-site")]);
        assert!(check_origin(&cross, "").is_err());
        let own = request(&[("sec-fetch-site", "same-origin")]);
        assert!(check_origin(&own, "").is_ok());
    }

    #[test]
    fn only_json_and_multipart_with_a_boundary_are_accepted() {
        let kind = |ct: &str| {
            content_kind(&request(&[("content-type", ct)]))
                .map(|_| ())
                .map_err(|r| r.0)
        };
        assert_eq!(kind("application/json"), Ok(()));
        assert_eq!(kind("application/json; charset=utf-8"), Ok(()));
        assert_eq!(kind("multipart/form-data; boundary=abc"), Ok(()));
        assert_eq!(kind("multipart/form-data"), Err(StatusCode::BAD_REQUEST));
        assert_eq!(
            kind("multipart/form-data; boundary="),
            Err(StatusCode::BAD_REQUEST)
        );
        assert_eq!(kind("text/plain"), Err(StatusCode::UNSUPPORTED_MEDIA_TYPE));
        assert_eq!(
            kind("application/x-www-form-urlencoded"),
            Err(StatusCode::UNSUPPORTED_MEDIA_TYPE)
        );
        assert_eq!(kind(""), Err(StatusCode::UNSUPPORTED_MEDIA_TYPE));
    }

    #[test]
    fn each_write_carries_the_content_its_endpoint_reads() {
        let refused = |form: bool, content| expected_by(form, content).err().map(|r| r.0);
        assert_eq!(refused(true, Content::Multipart), None);
        assert_eq!(refused(false, Content::Json), None);
        let unsupported = Some(StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(refused(true, Content::Json), unsupported);
        assert_eq!(refused(false, Content::Multipart), unsupported);
    }
}
