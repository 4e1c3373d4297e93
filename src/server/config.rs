//! Runtime configuration: the defaults (the repository's `Leptos.toml`, built in), then the keys
//! of a `Leptos.toml` in the working directory when there is one, then `BOUTIQ_*` environment
//! variables on top.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
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
    /// The address people reach the site at (links in e-mails); see [`Config::site_url`].
    pub public_url: String,
    /// Sender of the app's e-mails (invitations).
    pub mail_from: String,
    /// Make the kept figures, words and catalogue counts again from the records at start-up
    /// (`store::figures::repair`).
    pub repair_figures: bool,
    /// A developer's machine: pages may open the reload socket of `cargo leptos watch`, and
    /// e-mailed links fall back to `http://<listen>` when `public_url` is empty.
    pub development: bool,
    /// From BOUTIQ_SMTP_URL only (it may hold a password); no SMTP: e-mails go to
    /// `<data_dir>/outbox/`.
    #[serde(skip)]
    pub smtp_url: Option<String>,
    /// From BOUTIQ_JWT_SECRET only (at least [`MIN_SECRET_BYTES`]); generated under `data_dir`
    /// when absent.
    #[serde(skip)]
    pub jwt_secret: Option<String>,
    #[serde(skip)]
    pub database_user: Option<String>,
    #[serde(skip)]
    pub database_password: Option<String>,
}

const ENV_PREFIX: &str = "BOUTIQ_";

/// Every key with its default value: the repository's `Leptos.toml`, built into the binary.
const DEFAULTS: &str = include_str!("../../Leptos.toml");

/// The shortest session secret accepted: 256 bits, the size of the HS256 key.
pub const MIN_SECRET_BYTES: usize = 32;

impl Config {
    /// The defaults, with the keys of `path` over them when the file exists, then the
    /// environment.
    pub fn load(path: &Path) -> Result<Self, String> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(error) => return Err(format!("{}: {error}", path.display())),
        };
        Self::from_sources(&text, |key| std::env::var(key).ok())
    }

    /// The configuration for tests: in-memory database, a fixed secret, a throw-away data folder.
    pub fn for_tests(data_dir: PathBuf) -> Self {
        let mut config = Self::from_sources("", |_| None).expect("the defaults are valid");
        config.database_url = "mem://".into();
        config.data_dir = data_dir;
        config.jwt_secret = Some("test-secret-that-is-long-enough-for-hs256-signing-000000".into());
        config
    }

    /// The site address of links sent out (e-mails): the configured `public_url`; on a
    /// developer's machine without one, the listen address. Never the `Host` of a request,
    /// which whoever sends the request chooses. `None`: no address to give.
    pub fn site_url(&self) -> Option<String> {
        let configured = self.public_url.trim().trim_end_matches('/');
        if !configured.is_empty() {
            Some(configured.to_owned())
        } else if self.development {
            Some(format!("http://{}", self.listen))
        } else {
            None
        }
    }

    fn from_sources(toml_text: &str, env: impl Fn(&str) -> Option<String>) -> Result<Self, String> {
        let mut table: toml::Table =
            toml::from_str(DEFAULTS).map_err(|e| format!("built-in defaults: {e}"))?;
        let file: toml::Table =
            toml::from_str(toml_text).map_err(|e| format!("Leptos.toml: {e}"))?;
        for (key, value) in file {
            match table.get_mut(&key) {
                Some(slot) => *slot = value,
                None => return Err(format!("Leptos.toml: unknown key `{key}`")),
            }
        }
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
        if let Some(secret) = &config.jwt_secret {
            check_secret_length(secret.len()).map_err(|e| format!("BOUTIQ_JWT_SECRET: {e}"))?;
        }
        config.database_user = env("BOUTIQ_DATABASE_USER");
        config.database_password = env("BOUTIQ_DATABASE_PASSWORD");
        config.smtp_url = env("BOUTIQ_SMTP_URL").filter(|s| !s.trim().is_empty());
        Ok(config)
    }
}

/// Refuses a session secret shorter than [`MIN_SECRET_BYTES`]: a short one can be guessed
/// offline from any session cookie, and whoever has it signs in as anyone.
pub fn check_secret_length(bytes: usize) -> Result<(), String> {
    if bytes >= MIN_SECRET_BYTES {
        Ok(())
    } else {
        Err(format!(
            "the session secret is {bytes} bytes long, at least {MIN_SECRET_BYTES} are required \
             (e.g. the output of `openssl rand -hex 32`)"
        ))
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

    const LONG_SECRET: &str = "0123456789abcdef0123456789abcdef";

    fn defaults() -> Config {
        Config::from_sources(DEFAULTS, |_| None).unwrap()
    }

    #[test]
    fn the_defaults_give_an_embedded_database_under_data() {
        let config = defaults();
        assert_eq!(config.database_url, "surrealkv://data/boutiq.db");
        assert_eq!(config.listen.port(), 3000);
        assert!(config.jwt_secret.is_none(), "no default secret");
        assert!(!config.development, "production unless told otherwise");
    }

    #[test]
    fn an_empty_file_gives_the_defaults() {
        assert_eq!(Config::from_sources("", |_| None).unwrap(), defaults());
        assert_eq!(
            Config::from_sources("# only a comment\n", |_| None).unwrap(),
            defaults()
        );
    }

    #[test]
    fn a_key_of_the_file_overrides_only_that_key() {
        let config = Config::from_sources("alert_sweep_minutes = 5\n", |_| None).unwrap();
        assert_eq!(config.alert_sweep_minutes, 5);
        assert_eq!(
            Config {
                alert_sweep_minutes: defaults().alert_sweep_minutes,
                ..config
            },
            defaults()
        );
    }

    #[test]
    fn unknown_or_mistyped_keys_of_the_file_are_refused() {
        let err = Config::from_sources("listne = \"0.0.0.0:80\"", |_| None).unwrap_err();
        assert!(err.contains("unknown key `listne`"), "{err}");
        let err = Config::from_sources("cookie_secure = \"yes\"", |_| None).unwrap_err();
        assert!(err.contains("Leptos.toml"), "{err}");
    }

    #[test]
    fn environment_overrides_every_kind_of_key() {
        let env = |key: &str| match key {
            "BOUTIQ_LISTEN" => Some("0.0.0.0:8080".to_owned()),
            "BOUTIQ_COOKIE_SECURE" => Some("true".to_owned()),
            "BOUTIQ_LOGIN_MAX_FAILURES_PER_ACCOUNT" => Some("3".to_owned()),
            "BOUTIQ_DATABASE_URL" => Some("ws://db:8000".to_owned()),
            "BOUTIQ_JWT_SECRET" => Some(LONG_SECRET.to_owned()),
            _ => None,
        };
        let config = Config::from_sources("listen = \"127.0.0.1:4000\"", env).unwrap();
        assert_eq!(
            config.listen.to_string(),
            "0.0.0.0:8080",
            "the environment wins"
        );
        assert!(config.cookie_secure);
        assert_eq!(config.login_max_failures_per_account, 3);
        assert_eq!(config.database_url, "ws://db:8000");
        assert_eq!(config.jwt_secret.as_deref(), Some(LONG_SECRET));
    }

    #[test]
    fn a_short_jwt_secret_is_refused_with_the_reason() {
        let short = |key: &str| (key == "BOUTIQ_JWT_SECRET").then(|| "s3cret".to_owned());
        let err = Config::from_sources("", short).unwrap_err();
        assert!(
            err.contains("BOUTIQ_JWT_SECRET") && err.contains("6 bytes") && err.contains("32"),
            "{err}"
        );
        let just_long_enough =
            |key: &str| (key == "BOUTIQ_JWT_SECRET").then(|| "x".repeat(MIN_SECRET_BYTES));
        assert!(Config::from_sources("", just_long_enough).is_ok());
        let empty = |key: &str| (key == "BOUTIQ_JWT_SECRET").then(String::new);
        assert_eq!(
            Config::from_sources("", empty).unwrap().jwt_secret,
            None,
            "empty: generated under data_dir"
        );
    }

    #[test]
    fn links_use_the_configured_address_or_in_development_the_listen_address() {
        let mut config = defaults();
        assert_eq!(config.site_url(), None, "production without public_url");
        config.development = true;
        assert_eq!(config.site_url().as_deref(), Some("http://127.0.0.1:3000"));
        config.public_url = " https://boutiq.example.sn/ ".into();
        assert_eq!(
            config.site_url().as_deref(),
            Some("https://boutiq.example.sn")
        );
        config.development = false;
        assert_eq!(
            config.site_url().as_deref(),
            Some("https://boutiq.example.sn")
        );
        let from_env = Config::from_sources("", |key| {
            (key == "BOUTIQ_DEVELOPMENT").then(|| "true".to_owned())
        })
        .unwrap();
        assert!(from_env.development);
    }

    #[test]
    fn mail_settings_come_from_the_file_and_the_environment() {
        let config = defaults();
        assert!(config.smtp_url.is_none(), "no SMTP: the outbox folder");
        assert!(config.public_url.is_empty());
        assert!(config.mail_from.contains('@'));
        let env = |key: &str| match key {
            "BOUTIQ_SMTP_URL" => Some("smtps://user:pass@smtp.example.sn".to_owned()),
            "BOUTIQ_MAIL_FROM" => Some("Boutiq <bonjour@example.sn>".to_owned()),
            "BOUTIQ_PUBLIC_URL" => Some("https://boutiq.example.sn".to_owned()),
            _ => None,
        };
        let config = Config::from_sources("", env).unwrap();
        assert_eq!(
            config.smtp_url.as_deref(),
            Some("smtps://user:pass@smtp.example.sn")
        );
        assert_eq!(config.mail_from, "Boutiq <bonjour@example.sn>");
        assert_eq!(config.public_url, "https://boutiq.example.sn");
    }

    #[test]
    fn a_bad_override_is_reported_with_its_variable() {
        let err = Config::from_sources("", |k| {
            (k == "BOUTIQ_COOKIE_SECURE").then(|| "yes".to_owned())
        })
        .unwrap_err();
        assert!(err.contains("BOUTIQ_COOKIE_SECURE"), "{err}");
    }
}
