//! Sessions: argon2id password hashes, the signed JWT in an HttpOnly cookie, and the caller
//! extractor with its role guards.

use std::path::Path;

use argon2::password_hash::{PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Argon2, PasswordHash};
use chrono::{Duration, Utc};
use http::HeaderMap;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use sha2::Digest;

use super::config::check_secret_length;
use crate::domain::{AppError, Password, Role};

pub const SESSION_COOKIE: &str = "boutiq_session";

/// Who is calling, as proven by the session cookie.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub user_id: String,
    pub role: Role,
    /// When the session ends (seconds since 1970).
    pub expires_at: i64,
}

impl Caller {
    /// Refuses callers of the other role (A6).
    pub fn require(self, role: Role) -> Result<Self, AppError> {
        if self.role == role {
            Ok(self)
        } else {
            Err(AppError::Forbidden)
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    sub: String,
    role: Role,
    iat: i64,
    exp: i64,
}

/// The keys that sign and check session tokens.
pub struct SessionKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    ttl: Duration,
    /// Keys the fingerprints of requests (`server::request`), derived from the same secret.
    request_key: [u8; 32],
}

impl SessionKeys {
    pub fn new(secret: &[u8], ttl_hours: i64) -> Self {
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            ttl: Duration::hours(ttl_hours),
            request_key: sha2::Sha256::new_with_prefix(b"boutiq request fingerprint\0")
                .chain_update(secret)
                .finalize()
                .into(),
        }
    }

    /// A keyed hash for the fingerprint of one request.
    pub fn request_hasher(&self) -> hmac::Hmac<sha2::Sha256> {
        <hmac::Hmac<sha2::Sha256> as hmac::Mac>::new_from_slice(&self.request_key)
            .expect("HMAC takes a key of any length")
    }

    pub fn ttl_secs(&self) -> i64 {
        self.ttl.num_seconds()
    }

    pub fn issue(&self, user_id: &str, role: Role) -> Result<String, AppError> {
        let now = Utc::now();
        let claims = Claims {
            sub: user_id.to_owned(),
            role,
            iat: now.timestamp(),
            exp: (now + self.ttl).timestamp(),
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| super::respond::internal("jwt encode", e))
    }

    /// The caller named by a valid, unexpired token.
    pub fn verify(&self, token: &str) -> Option<Caller> {
        let data = jsonwebtoken::decode::<Claims>(
            token,
            &self.decoding,
            &Validation::new(Algorithm::HS256),
        )
        .ok()?;
        Some(Caller {
            user_id: data.claims.sub,
            role: data.claims.role,
            expires_at: data.claims.exp,
        })
    }

    /// The caller of a request, from its session cookie.
    pub fn caller(&self, headers: &HeaderMap) -> Option<Caller> {
        self.verify(&cookie(headers, SESSION_COOKIE)?)
    }
}

/// The `Set-Cookie` value that stores (or, with `None`, clears) the session.
pub fn session_cookie(token: Option<&str>, max_age_secs: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    match token {
        Some(token) => format!(
            "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{secure}"
        ),
        None => format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}"),
    }
}

/// A cookie's value from the request headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

/// The JWT secret: BOUTIQ_JWT_SECRET, else `<data_dir>/jwt_secret`, created on first start with
/// 64 random bytes (128 hex digits) and mode 0600. There is never a built-in default, and a
/// secret shorter than [`MIN_SECRET_BYTES`](super::config::MIN_SECRET_BYTES) (a hand-edited
/// file) is refused.
pub fn load_or_create_secret(
    configured: Option<&str>,
    data_dir: &Path,
) -> std::io::Result<Vec<u8>> {
    let long_enough = |secret: Vec<u8>, source: &dyn std::fmt::Display| {
        check_secret_length(secret.len())
            .map(|()| secret)
            .map_err(|e| {
                std::io::Error::new(std::io::ErrorKind::InvalidData, format!("{source}: {e}"))
            })
    };
    if let Some(secret) = configured {
        return long_enough(secret.as_bytes().to_vec(), &"BOUTIQ_JWT_SECRET");
    }
    let path = data_dir.join("jwt_secret");
    if let Ok(existing) = std::fs::read_to_string(&path) {
        return long_enough(existing.trim().as_bytes().to_vec(), &path.display());
    }
    std::fs::create_dir_all(data_dir)?;
    let mut bytes = [0u8; 64];
    getrandom::fill(&mut bytes).map_err(std::io::Error::other)?;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    write_private(&path, &hex)?;
    tracing::info!(path = %path.display(), "generated a new JWT secret");
    Ok(hex.into_bytes())
}

fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(contents.as_bytes())
}

/// Hashes with argon2id on a blocking thread (it is deliberately slow).
pub async fn hash_password(password: Password) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
        Argon2::default()
            .hash_password(password.expose().as_bytes(), &salt)
            .map(|hash| hash.to_string())
    })
    .await
    .map_err(|e| super::respond::internal("hash task", e))?
    .map_err(|e| super::respond::internal("argon2 hash", e))
}

/// Checks a password against a stored hash; with no hash, spends the same time and fails, so
/// that unknown e-mails cannot be told apart by timing.
pub async fn verify_password(password: String, stored_hash: Option<String>) -> bool {
    static DUMMY: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
        Argon2::default()
            .hash_password(b"no-such-account-0", &salt)
            .map(|h| h.to_string())
            .unwrap_or_default()
    });
    tokio::task::spawn_blocking(move || {
        let known = stored_hash.is_some();
        let hash = stored_hash.unwrap_or_else(|| DUMMY.clone());
        let ok = PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false);
        ok && known
    })
    .await
    .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_forgeries_fail() {
        let keys = SessionKeys::new(b"a-test-secret-of-some-length-000000000000", 1);
        let token = keys.issue("u1", Role::Supplier).unwrap();
        let caller = keys.verify(&token).unwrap();
        assert_eq!(
            (caller.user_id.as_str(), caller.role),
            ("u1", Role::Supplier)
        );
        let hour = Utc::now().timestamp() + 3600;
        assert!((hour - 5..=hour + 5).contains(&caller.expires_at));
        let other = SessionKeys::new(b"another-secret-of-some-length-0000000000", 1);
        assert_eq!(other.verify(&token), None);
        assert_eq!(keys.verify("not.a.token"), None);
        let expired = SessionKeys::new(b"a-test-secret-of-some-length-000000000000", -2);
        assert_eq!(
            keys.verify(&expired.issue("u1", Role::Supplier).unwrap()),
            None
        );
    }

    #[test]
    fn roles_are_guarded() {
        let caller = Caller {
            user_id: "u".into(),
            role: Role::Shopkeeper,
            expires_at: 0,
        };
        assert!(caller.clone().require(Role::Shopkeeper).is_ok());
        assert_eq!(caller.require(Role::Supplier), Err(AppError::Forbidden));
    }

    #[test]
    fn reads_one_cookie_among_several() {
        let mut headers = HeaderMap::new();
        headers.append(
            http::header::COOKIE,
            "lang=en; boutiq_session=abc.def".parse().unwrap(),
        );
        assert_eq!(cookie(&headers, SESSION_COOKIE).as_deref(), Some("abc.def"));
        assert_eq!(cookie(&headers, "theme"), None);
    }

    #[test]
    fn session_cookie_is_http_only_and_lax() {
        let set = session_cookie(Some("t"), 60, true);
        assert!(set.contains("HttpOnly") && set.contains("SameSite=Lax") && set.contains("Secure"));
        assert!(session_cookie(None, 60, false).contains("Max-Age=0"));
    }

    #[test]
    fn generated_secret_is_private_and_stable() {
        let dir = std::env::temp_dir().join(format!("boutiq-secret-{}", std::process::id()));
        let first = load_or_create_secret(None, &dir).unwrap();
        assert_eq!(first.len(), 128);
        assert!(first.len() >= 2 * crate::server::config::MIN_SECRET_BYTES);
        assert_eq!(load_or_create_secret(None, &dir).unwrap(), first);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.join("jwt_secret"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_short_secret_is_refused_from_the_environment_or_the_file() {
        let dir = std::env::temp_dir().join(format!("boutiq-short-secret-{}", std::process::id()));
        let err = load_or_create_secret(Some("s3cret"), &dir).unwrap_err();
        assert!(err.to_string().contains("BOUTIQ_JWT_SECRET"), "{err}");
        assert!(!dir.exists(), "nothing generated in its place");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("jwt_secret"), "0123456789\n").unwrap();
        let err = load_or_create_secret(None, &dir).unwrap_err();
        assert!(err.to_string().contains("jwt_secret"), "{err}");
        assert!(err.to_string().contains("10 bytes"), "{err}");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn passwords_verify_only_against_their_hash() {
        let hash = hash_password(Password::parse("boutique2026").unwrap())
            .await
            .unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("boutique2026".into(), Some(hash.clone())).await);
        assert!(!verify_password("boutique2027".into(), Some(hash)).await);
        assert!(!verify_password("boutique2026".into(), None).await);
    }
}
