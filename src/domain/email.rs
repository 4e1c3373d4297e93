//! E-mail addresses, parsed once at the boundary.

use serde::{Deserialize, Serialize};

use super::AppError;

/// A syntactically valid, lower-cased e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    /// Trims, lower-cases and checks the address; `field` names the form field for the error.
    pub fn parse(raw: &str) -> Result<Self, AppError> {
        let email = raw.trim().to_lowercase();
        if email.is_empty() {
            return Err(AppError::invalid("email", "error.email.required"));
        }
        if email.len() > 254 || !looks_like_email(&email) {
            return Err(AppError::invalid("email", "error.email.invalid"));
        }
        Ok(Self(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One `@`, a non-empty local part, a dotted domain, no spaces: what a person can type by mistake.
fn looks_like_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let domain_ok = domain.split('.').count() >= 2
        && domain.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c))
        && domain_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_and_normalises_real_addresses() {
        assert_eq!(
            Email::parse("  Awa.Diallo@Example.SN ").unwrap().as_str(),
            "awa.diallo@example.sn"
        );
        assert!(Email::parse("moussa+stock@boutique.co.ci").is_ok());
    }

    #[test]
    fn refuses_malformed_addresses() {
        for bad in [
            "",
            "awa",
            "awa@",
            "@example.sn",
            "awa@example",
            "awa diallo@example.sn",
            "a@b..sn",
            "a@@b.sn",
            ".a@b.sn",
        ] {
            let err = Email::parse(bad).unwrap_err();
            assert_eq!(err.field(), Some("email"), "{bad}");
        }
        assert_eq!(
            Email::parse(" ").unwrap_err(),
            AppError::invalid("email", "error.email.required")
        );
    }
}
