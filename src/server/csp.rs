//! The Content-Security-Policy of every response: a strict one by default, and for pages one
//! that allows their own inline scripts by the nonce the page shell reports.

use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, Request, Response, header};

use super::AppState;

/// The policy of every response but pages (pages carry their own, with a script nonce).
pub const STRICT_CSP: &str =
    "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/// Where the page renderer leaves the nonce of its inline scripts for [`page_csp`].
#[derive(Clone, Default)]
struct NonceSlot(Arc<Mutex<Option<String>>>);

/// Called by the page shell: hands the render's script nonce to the CSP middleware.
pub fn report_page_nonce() {
    let nonce = leptos::nonce::use_nonce();
    let slot = leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<NonceSlot>().cloned());
    if let (Some(nonce), Some(slot)) = (nonce, slot)
        && let Ok(mut value) = slot.0.lock()
    {
        *value = Some(nonce.to_string());
    }
}

/// What a page may connect to besides its own origin: nothing in production; in development
/// (`config.development`) the reload socket of `cargo leptos watch` too.
#[derive(Clone)]
pub struct PageSockets(Arc<str>);

impl PageSockets {
    pub fn of(state: &AppState) -> Self {
        let sockets = if state.config.development {
            let port = state.leptos_options.reload_port;
            format!(" ws://127.0.0.1:{port} ws://localhost:{port}")
        } else {
            String::new()
        };
        Self(sockets.into())
    }
}

/// Gives a page the policy that allows its own inline scripts (by nonce) and nothing else.
pub async fn page_csp(
    State(sockets): State<PageSockets>,
    mut request: Request<Body>,
    next: axum::middleware::Next,
) -> Response<Body> {
    let slot = NonceSlot::default();
    request.extensions_mut().insert(slot.clone());
    let mut response = next.run(request).await;
    let nonce = slot.0.lock().ok().and_then(|mut n| n.take());
    if let Some(policy) =
        nonce.and_then(|n| HeaderValue::from_str(&page_policy(&n, &sockets.0)).ok())
    {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    response
}

/// The policy of a page whose inline scripts carry `nonce`; `sockets` are the extra sources
/// of `connect-src` (see [`PageSockets`]).
fn page_policy(nonce: &str, sockets: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data: blob:; connect-src 'self'{sockets}; \
         manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    )
}
