//! What every request can reach: the database, the configuration and the session keys.
//! Provided to server functions through Leptos context, never as a global.

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;

use super::auth::SessionKeys;
use super::config::Config;
use super::db::Db;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub keys: Arc<SessionKeys>,
    pub leptos_options: LeptosOptions,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

impl AppState {
    /// Connects the database and loads (or creates) the session secret.
    pub async fn build(config: Config) -> Result<Self, String> {
        let db = Db::connect(&config)
            .await
            .map_err(|e| format!("database {}: {e}", config.database_url))?;
        if config.repair_figures {
            let shops = super::store::figures::repair(&db)
                .await
                .map_err(|e| format!("repairing the kept figures: {e}"))?;
            tracing::info!(shops, "kept figures counted again");
        }
        let secret =
            super::auth::load_or_create_secret(config.jwt_secret.as_deref(), &config.data_dir)
                .map_err(|e| format!("JWT secret under {}: {e}", config.data_dir.display()))?;
        let keys = SessionKeys::new(&secret, config.session_ttl_hours);
        let leptos_options = LeptosOptions::builder()
            .output_name("boutiq")
            .site_root(config.site_root.as_str())
            .site_pkg_dir("pkg")
            .site_addr(config.listen)
            .build();
        Ok(Self {
            db,
            config: Arc::new(config),
            keys: Arc::new(keys),
            leptos_options,
        })
    }

    /// The state of the current request (inside a server function or a page render).
    pub fn current() -> Result<Self, crate::domain::AppError> {
        leptos::prelude::use_context::<Self>()
            .ok_or_else(|| super::respond::internal("context", "AppState missing from context"))
    }
}
