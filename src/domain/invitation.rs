//! Invitations (G7): a shopkeeper invites one of its manual suppliers to register. The rules of
//! the token (its form, its life of seven days, single use) and of the address it is sent to.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::{AppError, Email};

/// How long an invitation can be used.
pub const VALID_DAYS: i64 = 7;

/// Random bytes in a token (shown as twice as many hexadecimal digits).
pub const TOKEN_BYTES: usize = 32;

/// The secret part of an invitation link: 64 lower-case hexadecimal digits. Only a hash of it is
/// stored; the link in the e-mail is the only copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitationToken(String);

impl InvitationToken {
    /// A token from fresh random bytes (the server draws them).
    pub fn from_random(bytes: [u8; TOKEN_BYTES]) -> Self {
        Self(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }

    /// Checks the form of a token taken from a link; anything else is "invalid link", before the
    /// database is asked.
    pub fn parse(raw: &str) -> Result<Self, AppError> {
        let token = raw.trim();
        let well_formed = token.len() == TOKEN_BYTES * 2
            && token
                .chars()
                .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c));
        if !well_formed {
            return Err(invalid());
        }
        Ok(Self(token.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The address an invitation is sent to: a valid e-mail, trimmed and lower-cased.
pub fn invitee_email(raw: &str) -> Result<Email, AppError> {
    Email::parse(raw)
}

/// When an invitation made at `now` stops working.
pub fn expires_at(now: DateTime<Utc>) -> DateTime<Utc> {
    now + Duration::days(VALID_DAYS)
}

/// What an invitation found in the database allows: registering, or a clear refusal.
pub fn check_usable(
    expires_at: DateTime<Utc>,
    used: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    if used {
        Err(AppError::invalid("token", "error.invitation.used"))
    } else if now >= expires_at {
        Err(AppError::invalid("token", "error.invitation.expired"))
    } else {
        Ok(())
    }
}

/// The refusal of a link that is malformed or matches no invitation (forged, mistyped).
pub fn invalid() -> AppError {
    AppError::invalid("token", "error.invitation.invalid")
}

/// The page that opens an invitation, under the site's public address.
pub fn link(site_url: &str, token: &InvitationToken) -> String {
    format!(
        "{}/invitation/{}",
        site_url.trim().trim_end_matches('/'),
        token.as_str()
    )
}

/// What the shopkeeper sees once the invitation is made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationSent {
    pub email: String,
    /// The link to share; `None` when a replayed request found the invitation already made
    /// (the token exists only in the first answer and the e-mail).
    pub link: Option<String>,
    /// RFC 3339, UTC.
    pub expires_at: String,
    /// The e-mail left through SMTP; `false` when it could not, or when no SMTP is set up (it
    /// then waits in the server's outbox folder): the link is to be shared another way.
    pub emailed: bool,
}

/// What the invitation page pre-fills, from the invitation and the shop's supplier record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationPreview {
    /// The shop that invites.
    pub shop_name: String,
    pub email: String,
    pub company_name: String,
    pub phone: String,
    pub city: String,
    pub address: String,
    /// RFC 3339, UTC.
    pub expires_at: String,
}

/// What the invitation page sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationSignup {
    pub name: String,
    pub email: String,
    pub password: String,
    pub company_name: String,
    pub phone: String,
    pub city: String,
    pub address: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().to_utc()
    }

    #[test]
    fn a_token_is_64_hexadecimal_digits_from_32_random_bytes() {
        let token = InvitationToken::from_random([0xab; TOKEN_BYTES]);
        assert_eq!(token.as_str().len(), 64);
        assert_eq!(&token.as_str()[..4], "abab");
        assert_eq!(InvitationToken::parse(token.as_str()).unwrap(), token);
        assert_eq!(
            InvitationToken::parse(&format!(" {} ", token.as_str())).unwrap(),
            token
        );
    }

    #[test]
    fn malformed_tokens_are_invalid_links() {
        let good = "0123456789abcdef".repeat(4);
        for bad in [
            String::new(),
            "abc".into(),
            good[..63].to_owned(),
            format!("{good}0"),
            good.to_uppercase(),
            good.replacen('0', "g", 1),
            good.replacen('0', "/", 1),
        ] {
            assert_eq!(
                InvitationToken::parse(&bad).unwrap_err(),
                AppError::invalid("token", "error.invitation.invalid"),
                "{bad}"
            );
        }
    }

    #[test]
    fn an_invitation_lasts_seven_days() {
        let now = at("2026-03-01T10:00:00Z");
        let end = expires_at(now);
        assert_eq!(end, at("2026-03-08T10:00:00Z"));
        assert!(check_usable(end, false, now).is_ok());
        assert!(check_usable(end, false, at("2026-03-08T09:59:59Z")).is_ok());
        assert_eq!(
            check_usable(end, false, end).unwrap_err().message_key(),
            "error.invitation.expired"
        );
    }

    #[test]
    fn an_invitation_is_used_once() {
        let now = at("2026-03-01T10:00:00Z");
        let error = check_usable(expires_at(now), true, now).unwrap_err();
        assert_eq!(error, AppError::invalid("token", "error.invitation.used"));
        // Used and expired: "already used" says more.
        let error = check_usable(now, true, expires_at(now)).unwrap_err();
        assert_eq!(error.message_key(), "error.invitation.used");
    }

    #[test]
    fn the_address_is_normalised_and_checked() {
        assert_eq!(
            invitee_email("  Moussa@Grossiste.SN ").unwrap().as_str(),
            "moussa@grossiste.sn"
        );
        assert_eq!(invitee_email("moussa").unwrap_err().field(), Some("email"));
        assert_eq!(
            invitee_email(" ").unwrap_err().message_key(),
            "error.email.required"
        );
    }

    #[test]
    fn the_link_sits_under_the_public_address() {
        let token = InvitationToken::from_random([1; TOKEN_BYTES]);
        let expected = format!("https://boutiq.example.sn/invitation/{}", token.as_str());
        assert_eq!(link("https://boutiq.example.sn/", &token), expected);
        assert_eq!(link("https://boutiq.example.sn", &token), expected);
    }
}
