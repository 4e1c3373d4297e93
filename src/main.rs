//! The Boutiq server: configuration, database, HTTP, graceful shutdown.

/// The stack of each runtime thread, as SurrealDB's own server gives its threads: the embedded
/// database runs a write's events inside the write (and their writes' events inside those),
/// deeper than the default 2 MiB holds in a debug build.
#[cfg(feature = "ssr")]
pub const THREAD_STACK_BYTES: usize = 10 * 1024 * 1024;

#[cfg(feature = "ssr")]
fn main() -> std::process::ExitCode {
    match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_stack_size(THREAD_STACK_BYTES)
        .build()
    {
        Ok(runtime) => runtime.block_on(serve()),
        Err(error) => {
            eprintln!("runtime: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(feature = "ssr")]
async fn serve() -> std::process::ExitCode {
    use boutiq::server::{AppState, config::Config};
    use boutiq::web;

    let config = match Config::load(std::path::Path::new("Leptos.toml")) {
        Ok(config) => config,
        Err(error) => {
            eprintln!("configuration: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    init_logs(&config.log_format);
    let state = match AppState::build(config).await {
        Ok(state) => state,
        Err(error) => {
            tracing::error!(%error, "cannot start");
            return std::process::ExitCode::FAILURE;
        }
    };
    match web::serve(state).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(%error, "server stopped");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(feature = "ssr")]
fn init_logs(format: &str) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,surrealdb=warn,surrealkv=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    if format == "pretty" {
        builder.init();
    } else {
        builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .init();
    }
}

#[cfg(not(feature = "ssr"))]
fn main() {
    // The browser side starts from `lib.rs` (`hydrate`); this binary is built with `ssr`.
}
