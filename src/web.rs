//! The whole server as one HTTP stack: the pages (`app`), the server functions (`api`), the
//! downloads and health probes (`server`), and the layers every response goes through (request
//! id, one log line, compression, security headers, the checks of writes in `server::request`).
//! It stands above every layer, as their meeting point.

use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::handler::Handler;
use axum::http::{HeaderValue, Request, Response, StatusCode, header};
use axum::routing::get;
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower::ServiceBuilder;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;
use tracing::Span;

use crate::app::{App, shell};
use crate::server::AppState;
use crate::server::csp::{PageSockets, STRICT_CSP, page_csp};

/// The whole application as one axum router (used by `main` and by the tests).
pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let context = {
        let state = state.clone();
        move || provide_context(state.clone())
    };
    let shell_fn = {
        let options = state.leptos_options.clone();
        move || shell(options.clone())
    };
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(readyz))
        .route("/sw.js", get(crate::server::service_worker::script))
        .route(
            "/v/{version}/pkg/{*file}",
            get(crate::server::bundle::serve),
        )
        .route("/media/{shop}/{file}", get(crate::server::media::serve))
        .route(
            "/export/products.csv",
            get(crate::server::exports::products),
        )
        .route(
            "/export/movements.csv",
            get(crate::server::exports::movements),
        )
        .route("/export/backup.json", get(crate::server::backup::download))
        .leptos_routes_with_context(&state, routes, context.clone(), shell_fn)
        // The bundle, icons, service worker and other files of the site root; any other path
        // gets the app's "page not found". Files are served here rather than by leptos_axum's
        // file handler, which answers a found file inside a reactive owner that can inherit
        // another request's response options: a page's 400 once reached `/pkg/boutiq.wasm`, and
        // that page never hydrated.
        // Each file is answered whole (200): no 304 or range answers. Chromium failed to load
        // the debug bundle (44 MB) revalidated by a 304 ("ERR_CACHE_WRITE_FAILURE"); the service
        // worker keeps the bundle per version (`/sw.js`), so nothing is re-sent.
        .fallback_service(
            ServiceBuilder::new()
                .map_request(crate::server::bundle::whole_file)
                .service(
                    ServeDir::new(&*state.leptos_options.site_root)
                        .precompressed_gzip()
                        .precompressed_br()
                        .fallback(
                            leptos_axum::file_and_error_handler_with_context::<AppState, _>(
                                context, shell,
                            )
                            .with_state(state.clone()),
                        ),
                ),
        )
        .layer(
            ServiceBuilder::new()
                .layer(axum::middleware::from_fn_with_state(
                    PageSockets::of(&state),
                    page_csp,
                ))
                .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
                .layer(
                    TraceLayer::new_for_http()
                        .make_span_with(request_span)
                        .on_response(log_response),
                )
                .layer(PropagateRequestIdLayer::x_request_id())
                // Brotli's own default (quality 11) takes seconds on the wasm bundle; 5 compresses
                // it about as well as gzip's best, in a fraction of the time.
                .layer(CompressionLayer::new().quality(CompressionLevel::Precise(5)))
                .layer(header_if_missing(
                    header::CONTENT_SECURITY_POLICY,
                    STRICT_CSP,
                ))
                .layer(header_if_missing(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
                .layer(header_if_missing(header::REFERRER_POLICY, "same-origin"))
                .layer(header_if_missing(header::X_FRAME_OPTIONS, "DENY"))
                .layer(header_if_missing(header::CACHE_CONTROL, "no-cache"))
                .layer(axum::middleware::from_fn_with_state(
                    crate::server::request::Writes {
                        state: state.clone(),
                        reads_multipart: crate::api::reads_multipart,
                    },
                    crate::server::request::guard,
                )),
        )
        .with_state(state)
}

fn header_if_missing(
    name: header::HeaderName,
    value: &'static str,
) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
}

async fn readyz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    match tokio::time::timeout(Duration::from_secs(2), state.db.is_ready()).await {
        Ok(true) => (StatusCode::OK, "ready"),
        _ => (StatusCode::SERVICE_UNAVAILABLE, "database unavailable"),
    }
}

fn request_span(request: &Request<Body>) -> Span {
    let request_id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    tracing::info_span!("request", method = %request.method(), path = %request.uri().path(), request_id)
}

/// One line per request, with its status and latency.
fn log_response<B>(response: &Response<B>, latency: Duration, _span: &Span) {
    tracing::info!(
        status = response.status().as_u16(),
        latency_ms = latency.as_secs_f64() * 1000.0,
        "response"
    );
}

/// Serves until SIGTERM or Ctrl-C, then lets the requests in flight finish.
pub async fn serve(state: AppState) -> std::io::Result<()> {
    let address = state.config.listen;
    let listener = tokio::net::TcpListener::bind(address).await?;
    tracing::info!(%address, "listening");
    crate::server::jobs::start(state.clone());
    let app = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::warn!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
