//! The Boutiq server: configuration, database, HTTP, graceful shutdown.

#[cfg(feature = "ssr")]
#[tokio::main]
async fn main() -> std::process::ExitCode {
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
