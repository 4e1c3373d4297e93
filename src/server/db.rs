//! The database: connection (embedded SurrealKV, in-memory, or a remote server through one code
//! path), the versioned schema, and a small query wrapper that speaks serde.

use std::time::Duration;

use serde::de::DeserializeOwned;
use surrealdb::Surreal;
use surrealdb::engine::any::{self, Any};
use surrealdb::opt::auth::Root;

use super::config::Config;

/// Schema files in order; each is applied once, and its version recorded in `schema_meta:current`.
const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("schema/001_accounts.surql")),
    (2, include_str!("schema/002_stock.surql")),
    (3, include_str!("schema/003_purchasing.surql")),
    (4, include_str!("schema/004_alerts.surql")),
    (5, include_str!("schema/005_data.surql")),
    (6, include_str!("schema/006_catalog.surql")),
    (7, include_str!("schema/007_marketplace.surql")),
    (8, include_str!("schema/008_hardening.surql")),
    (9, include_str!("schema/009_sync.surql")),
    (10, include_str!("schema/010_sync_alert_counts.surql")),
    (11, include_str!("schema/011_sync_shown_figures.surql")),
    (12, include_str!("schema/012_sync_ledger.surql")),
    (13, include_str!("schema/013_low_share.surql")),
    (14, include_str!("schema/014_refused.surql")),
    (15, include_str!("schema/015_figures.surql")),
    (16, include_str!("schema/016_search.surql")),
    (17, include_str!("schema/017_catalog_figures.surql")),
    (18, include_str!("schema/018_sales_windows.surql")),
    (19, include_str!("schema/019_kept_words.surql")),
    (20, include_str!("schema/020_ranks_forward.surql")),
    (21, include_str!("schema/021_movements_newest_first.surql")),
    (22, include_str!("schema/022_category_statuses.surql")),
];

/// The version of the newest schema file.
pub const SCHEMA_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].0;

/// A transaction that lost a write race is retried this many times before giving up.
const CONFLICT_RETRIES: u32 = 20;

/// Stripes of the in-process write locks (see [`Db::lock`]).
const LOCK_STRIPES: usize = 64;

#[derive(Clone)]
pub struct Db {
    inner: Surreal<Any>,
    locks: std::sync::Arc<[tokio::sync::Mutex<()>; LOCK_STRIPES]>,
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// `CREATE` of an id that exists (used to detect replayed operations).
    #[error("record already exists: {0}")]
    AlreadyExists(String),
    /// A UNIQUE index refused the write; holds the index name.
    #[error("unique index {0} refused the write")]
    Unique(String),
    /// A `THROW` in a transaction, carrying a rule's i18n key.
    #[error("rule refused: {0}")]
    Rule(String),
    #[error("transaction conflict")]
    Conflict,
    /// An operation id replayed with another request (another body, endpoint or caller).
    #[error("operation id used by another request")]
    OpReused,
    #[error("database: {0}")]
    Other(String),
}

impl Db {
    pub async fn connect(config: &Config) -> Result<Self, DbError> {
        let url = config.database_url.as_str();
        if let Some(path) = url.strip_prefix("surrealkv://")
            && let Some(parent) = std::path::Path::new(path).parent()
        {
            std::fs::create_dir_all(parent)
                .map_err(|e| DbError::Other(format!("{}: {e}", parent.display())))?;
        }
        let inner = any::connect(url).await.map_err(other)?;
        if let (Some(username), Some(password)) = (&config.database_user, &config.database_password)
        {
            inner
                .signin(Root {
                    username: username.clone(),
                    password: password.clone(),
                })
                .await
                .map_err(other)?;
        }
        inner
            .use_ns(config.database_namespace.as_str())
            .use_db(config.database_name.as_str())
            .await
            .map_err(other)?;
        let db = Self {
            inner,
            locks: std::sync::Arc::new(std::array::from_fn(|_| tokio::sync::Mutex::new(()))),
        };
        db.migrate().await?;
        Ok(db)
    }

    /// Applies the schema files newer than the recorded version.
    async fn migrate(&self) -> Result<(), DbError> {
        let current = self.schema_version().await?;
        for (version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > current) {
            let sql = format!(
                "BEGIN TRANSACTION;\n{sql}\nUPSERT schema_meta:current SET version = {version}, applied_at = time::now();\nCOMMIT TRANSACTION;"
            );
            self.query(&sql, serde_json::json!({})).await?;
            tracing::info!(version, "schema applied");
        }
        Ok(())
    }

    pub async fn schema_version(&self) -> Result<i64, DbError> {
        // Before the first migration there is no record (and SurrealDB refuses to read a table
        // that was never defined): that is version 0.
        let sql = "DEFINE TABLE IF NOT EXISTS schema_meta SCHEMAFULL; SELECT VALUE version FROM schema_meta:current;";
        let mut rows = self.query(sql, serde_json::json!({})).await?;
        Ok(rows.first::<i64>(1)?.unwrap_or(0))
    }

    /// Runs SurrealQL with variables (a JSON object), retrying transactions that lost a race.
    pub async fn query(&self, sql: &str, vars: serde_json::Value) -> Result<Rows, DbError> {
        let mut attempt = 0;
        loop {
            match self.query_once(sql, vars.clone()).await {
                Err(DbError::Conflict) if attempt < CONFLICT_RETRIES => {
                    attempt += 1;
                    tokio::time::sleep(Duration::from_millis(
                        2 + jitter() % (5 * u64::from(attempt)),
                    ))
                    .await;
                }
                result => return result,
            }
        }
    }

    async fn query_once(&self, sql: &str, vars: serde_json::Value) -> Result<Rows, DbError> {
        let mut response = self.inner.query(sql).bind(vars).await.map_err(other)?;
        let mut errors: Vec<(usize, String)> = response
            .take_errors()
            .into_iter()
            .map(|(i, e)| (i, e.to_string()))
            .collect();
        if errors.is_empty() {
            return Ok(Rows(response));
        }
        errors.sort();
        Err(classify(errors.into_iter().map(|(_, e)| e)))
    }

    /// Serialises, within this process, the writes that touch the record `key`. SurrealDB's
    /// optimistic transactions make simultaneous writers of one record conflict and retry; with
    /// hundreds of them (a busy product) retries alone would starve. Across several server
    /// instances the conflict retry remains the safety net. Never take a second one while holding
    /// one: keys share stripes, and two of them on one stripe wait for each other for ever.
    pub async fn lock(&self, key: &str) -> tokio::sync::MutexGuard<'_, ()> {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        key.hash(&mut hasher);
        self.locks[(hasher.finish() % LOCK_STRIPES as u64) as usize]
            .lock()
            .await
    }

    /// Serialises, within this process, the alert engine's writes for a shop with the writes
    /// that delete the shop's records (a product, a restore): an alert is never raised for a
    /// record deleted while the engine looked at it.
    pub async fn lock_alerts(&self, shop_id: &str) -> tokio::sync::MutexGuard<'_, ()> {
        self.lock(&format!("alerts:{shop_id}")).await
    }

    /// True when the database answers a trivial query.
    pub async fn is_ready(&self) -> bool {
        self.query("RETURN 1", serde_json::json!({})).await.is_ok()
    }
}

/// Rows of each statement of a query, read through serde.
pub struct Rows(surrealdb::IndexedResults);

impl Rows {
    pub fn all<T: DeserializeOwned>(&mut self, statement: usize) -> Result<Vec<T>, DbError> {
        let values: Vec<serde_json::Value> = self.0.take(statement).map_err(other)?;
        values
            .into_iter()
            .map(|v| serde_json::from_value(v).map_err(other))
            .collect()
    }

    pub fn first<T: DeserializeOwned>(&mut self, statement: usize) -> Result<Option<T>, DbError> {
        Ok(self.all(statement)?.into_iter().next())
    }

    /// The rows of the last statement.
    pub fn last_all<T: DeserializeOwned>(&mut self) -> Result<Vec<T>, DbError> {
        let last = self.0.num_statements().saturating_sub(1);
        self.all(last)
    }

    /// The value of the last statement (a `RETURN`).
    pub fn last<T: DeserializeOwned>(&mut self) -> Result<Option<T>, DbError> {
        let last = self.0.num_statements().saturating_sub(1);
        let value: Option<serde_json::Value> = self.0.take(last).map_err(other)?;
        value
            .filter(|v| !v.is_null())
            .map(|v| serde_json::from_value(v).map_err(other))
            .transpose()
    }
}

/// Picks the real cause among a failed transaction's statement errors.
fn classify(errors: impl Iterator<Item = String>) -> DbError {
    let messages: Vec<String> = errors.collect();
    let cause = messages
        .iter()
        .find(|m| {
            !m.contains("not executed due to a failed transaction")
                && !m.contains("cancelled transaction")
        })
        .or(messages.first())
        .cloned()
        .unwrap_or_default();
    if cause.contains("already exists") && cause.contains("record") {
        DbError::AlreadyExists(cause)
    } else if let Some(index) = unique_index_name(&cause) {
        DbError::Unique(index)
    } else if let Some(code) = thrown_code(&cause) {
        DbError::Rule(code)
    } else if cause.contains("conflict")
        || cause.contains("Resource busy")
        || cause.contains("can be retried")
    {
        DbError::Conflict
    } else {
        DbError::Other(cause)
    }
}

/// "Database index `user_email` already contains …" → `user_email`.
fn unique_index_name(message: &str) -> Option<String> {
    let rest = message.split("index `").nth(1)?;
    rest.contains("already contains")
        .then(|| rest.split('`').next().unwrap_or_default().to_owned())
}

/// "An error occurred: error.stock.insufficient" → the thrown i18n key.
fn thrown_code(message: &str) -> Option<String> {
    let code = message
        .rsplit("An error occurred: ")
        .next()
        .filter(|_| message.contains("An error occurred: "))?;
    Some(code.trim().trim_matches('\'').trim_matches('"').to_owned())
}

fn other(error: impl std::fmt::Display) -> DbError {
    DbError::Other(error.to_string())
}

/// Cheap jitter for retry back-off (no need for a random generator here).
fn jitter() -> u64 {
    u64::from(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .subsec_nanos(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_transaction_errors_by_their_cause() {
        let failed = "The query was not executed due to a failed transaction".to_owned();
        let unique = "Database index `user_email` already contains 'a@b.sn', with record `user:x`"
            .to_owned();
        assert!(
            matches!(classify([failed.clone(), unique].into_iter()), DbError::Unique(i) if i == "user_email")
        );
        let thrown = "An error occurred: error.stock.insufficient".to_owned();
        assert!(
            matches!(classify([failed, thrown].into_iter()), DbError::Rule(c) if c == "error.stock.insufficient")
        );
        let exists = "Database record `operation:['u', 'x']` already exists".to_owned();
        assert!(matches!(
            classify([exists].into_iter()),
            DbError::AlreadyExists(_)
        ));
    }
}
