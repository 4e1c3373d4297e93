//! Runtime configuration: `Leptos.toml`, then `BOUTIQ_*` environment variables on top.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub listen: SocketAddr,
    pub site_root: String,
    pub data_dir: PathBuf,
    pub database_url: String,
    pub database_namespace: String,
    pub database_name: String,
    pub session_ttl_hours: i64,
    pub cookie_secure: bool,
    pub login_max_failures_per_account: u32,
    pub login_max_failures_per_ip: u32,
    pub login_failure_window_secs: u64,
    pub trust_forwarded_for: bool,
    pub log_format: String,
    pub alert_sweep_minutes: u64,
    /// The address people reach the site at (links in e-mails); empty: the request's host.
    pub public_url: String,
    /// Sender of the app's e-mails (invitations).
    pub mail_from: String,
    /// From BOUTIQ_SMTP_URL only (it may hold a password); no SMTP: e-mails go to
    /// `<data_dir>/outbox/`.
    #[serde(skip)]
    pub smtp_url: Option<String>,
    /// From BOUTIQ_JWT_SECRET only; generated under `data_dir` when absent.
    #[serde(skip)]
    pub jwt_secret: Option<String>,
    #[serde(skip)]
    pub database_user: Option<String>,
    #[serde(skip)]
    pub database_password: Option<String>,
}

const ENV_PREFIX: &str = "BOUTIQ_";

impl Config {
    /// Reads `path` (when it exists) and applies the environment.
    pub fn load(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        Self::from_sources(&text, |key| std::env::var(key).ok())
    }

    /// The configuration for tests: in-memory database, a fixed secret, a throw-away data folder.
    pub fn for_tests(data_dir: PathBuf) -> Self {
        let mut config = Self::from_sources(include_str!("../../Leptos.toml"), |_| None)
            .expect("Leptos.toml is valid");
        config.database_url = "mem://".into();
        config.data_dir = data_dir;
        config.jwt_secret = Some("test-secret-that-is-long-enough-for-hs256-signing-000000".into());
        config
    }

    fn from_sources(toml_text: &str, env: impl Fn(&str) -> Option<String>) -> Result<Self, String> {
        let mut table: toml::Table =
            toml::from_str(toml_text).map_err(|e| format!("Leptos.toml: {e}"))?;
        for (key, value) in table.iter_mut() {
            if let Some(raw) = env(&format!("{ENV_PREFIX}{}", key.to_uppercase())) {
                *value = override_value(value, &raw)
                    .map_err(|e| format!("{ENV_PREFIX}{}: {e}", key.to_uppercase()))?;
            }
        }
        let mut config: Self = table.try_into().map_err(|e| format!("Leptos.toml: {e}"))?;
        if config.database_url.is_empty() {
            config.database_url = format!(
                "surrealkv://{}",
                config.data_dir.join("boutiq.db").display()
            );
        }
        config.jwt_secret = env("BOUTIQ_JWT_SECRET").filter(|s| !s.is_empty());
        config.database_user = env("BOUTIQ_DATABASE_USER");
        config.database_password = env("BOUTIQ_DATABASE_PASSWORD");
        config.smtp_url = env("BOUTIQ_SMTP_URL").filter(|s| !s.trim().is_empty());
        Ok(config)
    }
}

/// Parses an environment string as the same TOML type as the file's value.
fn override_value(current: &toml::Value, raw: &str) -> Result<toml::Value, String> {
    Ok(match current {
        toml::Value::String(_) => toml::Value::String(raw.to_owned()),
        toml::Value::Integer(_) => {
            toml::Value::Integer(raw.parse().map_err(|_| "expected a whole number")?)
        }
        toml::Value::Boolean(_) => {
            toml::Value::Boolean(raw.parse().map_err(|_| "expected true or false")?)
        }
        other => return Err(format!("cannot override a {}", other.type_str())),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = include_str!("../../Leptos.toml");

    #[test]
    fn the_file_alone_gives_an_embedded_database_under_data() {
        let config = Config::from_sources(FILE, |_| None).unwrap();
        assert_eq!(config.database_url, "surrealkv://data/boutiq.db");
        assert_eq!(config.listen.port(), 3000);
        assert!(config.jwt_secret.is_none(), "no default secret");
    }

    #[test]
    fn environment_overrides_every_kind_of_key() {
        let env = |key: &str| match key {
            "BOUTIQ_LISTEN" => Some("0.0.0.0:8080".to_owned()),
            "BOUTIQ_COOKIE_SECURE" => Some("true".to_owned()),
            "BOUTIQ_LOGIN_MAX_FAILURES_PER_ACCOUNT" => Some("3".to_owned()),
            "BOUTIQ_DATABASE_URL" => Some("ws://db:8000".to_owned()),
            "BOUTIQ_JWT_SECRET" => Some("s3cret".to_owned()),
            _ => None,
        };
        let config = Config::from_sources(FILE, env).unwrap();
        assert_eq!(config.listen.to_string(), "0.0.0.0:8080");
        assert!(config.cookie_secure);
        assert_eq!(config.login_max_failures_per_account, 3);
        assert_eq!(config.database_url, "ws://db:8000");
        assert_eq!(config.jwt_secret.as_deref(), Some("s3cret"));
    }

    #[test]
    fn mail_settings_come_from_the_file_and_the_environment() {
        let config = Config::from_sources(FILE, |_| None).unwrap();
        assert!(config.smtp_url.is_none(), "no SMTP: the outbox folder");
        assert!(config.public_url.is_empty());
        assert!(config.mail_from.contains('@'));
        let env = |key: &str| match key {
            "BOUTIQ_SMTP_URL" => Some("smtps://user:pass@smtp.example.sn".to_owned()),
            "BOUTIQ_MAIL_FROM" => Some("Boutiq <bonjour@example.sn>".to_owned()),
            "BOUTIQ_PUBLIC_URL" => Some("https://boutiq.example.sn".to_owned()),
            _ => None,
        };
        let config = Config::from_sources(FILE, env).unwrap();
        assert_eq!(
            config.smtp_url.as_deref(),
            Some("smtps://user:pass@smtp.example.sn")
        );
        assert_eq!(config.mail_from, "Boutiq <bonjour@example.sn>");
        assert_eq!(config.public_url, "https://boutiq.example.sn");
    }

    #[test]
    fn a_bad_override_is_reported_with_its_variable() {
        let err = Config::from_sources(FILE, |k| {
            (k == "BOUTIQ_COOKIE_SECURE").then(|| "yes".to_owned())
        })
        .unwrap_err();
        assert!(err.contains("BOUTIQ_COOKIE_SECURE"), "{err}");
    }
}
