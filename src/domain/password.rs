//! The password rule (A3): at least 8 characters with letters and digits, and the strength meter.

use serde::{Deserialize, Serialize};

use super::AppError;

pub const MIN_LENGTH: usize = 8;
const MAX_LENGTH: usize = 128;

/// A password that satisfies the rule. Deliberately not `Serialize`: it never leaves the server.
pub struct Password(String);

impl Password {
    pub fn parse(raw: &str) -> Result<Self, AppError> {
        let code = match PasswordStrength::of(raw) {
            PasswordStrength::Empty => "error.password.required",
            PasswordStrength::TooShort => "error.password.too_short",
            PasswordStrength::TooLong => "error.password.too_long",
            PasswordStrength::Weak => "error.password.letters_and_digits",
            PasswordStrength::Fair | PasswordStrength::Strong => return Ok(Self(raw.to_owned())),
        };
        Err(AppError::invalid("password", code))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// What the live meter shows while the user types; the same rule decides on the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PasswordStrength {
    Empty,
    TooShort,
    TooLong,
    /// Long enough but missing letters or digits: refused.
    Weak,
    /// Accepted.
    Fair,
    /// Accepted: 12+ characters, or mixed case and a symbol.
    Strong,
}

impl PasswordStrength {
    pub fn of(password: &str) -> Self {
        let length = password.chars().count();
        let has_letter = password.chars().any(char::is_alphabetic);
        let has_digit = password.chars().any(|c| c.is_ascii_digit());
        let has_symbol = password.chars().any(|c| !c.is_alphanumeric());
        let mixed_case =
            password.chars().any(char::is_lowercase) && password.chars().any(char::is_uppercase);
        match length {
            0 => Self::Empty,
            l if l < MIN_LENGTH => Self::TooShort,
            l if l > MAX_LENGTH => Self::TooLong,
            _ if !(has_letter && has_digit) => Self::Weak,
            l if l >= 12 || (mixed_case && has_symbol) => Self::Strong,
            _ => Self::Fair,
        }
    }

    pub fn is_accepted(self) -> bool {
        matches!(self, Self::Fair | Self::Strong)
    }

    /// Filled segments of the four-segment meter.
    pub fn score(self) -> u8 {
        match self {
            Self::Empty => 0,
            Self::TooShort | Self::TooLong => 1,
            Self::Weak => 1,
            Self::Fair => 3,
            Self::Strong => 4,
        }
    }

    /// The i18n key of the meter's caption.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Empty => "password.meter.empty",
            Self::TooShort => "error.password.too_short",
            Self::TooLong => "error.password.too_long",
            Self::Weak => "error.password.letters_and_digits",
            Self::Fair => "password.meter.fair",
            Self::Strong => "password.meter.strong",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_boundaries() {
        assert_eq!(PasswordStrength::of(""), PasswordStrength::Empty);
        assert_eq!(PasswordStrength::of("abc1234"), PasswordStrength::TooShort);
        assert_eq!(PasswordStrength::of("abcd1234"), PasswordStrength::Fair);
        assert_eq!(PasswordStrength::of("abcdefgh"), PasswordStrength::Weak);
        assert_eq!(PasswordStrength::of("12345678"), PasswordStrength::Weak);
        assert_eq!(
            PasswordStrength::of("boutique2026"),
            PasswordStrength::Strong
        );
        assert_eq!(PasswordStrength::of("Abcd12!x"), PasswordStrength::Strong);
        assert_eq!(
            PasswordStrength::of(&"a1".repeat(65)),
            PasswordStrength::TooLong
        );
        // Accented letters are letters.
        assert_eq!(PasswordStrength::of("éléphant7"), PasswordStrength::Fair);
    }

    #[test]
    fn parse_follows_the_meter() {
        assert!(Password::parse("abcd1234").is_ok());
        for (raw, code) in [
            ("", "error.password.required"),
            ("abc123", "error.password.too_short"),
            ("abcdefghij", "error.password.letters_and_digits"),
        ] {
            let err = Password::parse(raw).err().unwrap();
            assert_eq!(err, AppError::invalid("password", code));
        }
    }
}
