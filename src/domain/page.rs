//! Pages of a list: a page number is bounded where it is read, so a huge one is a clear `400`
//! and the row it starts at never overflows. A page past the last one is simply empty.

use serde::{Deserialize, Deserializer, de::Error};

use super::AppError;

/// Far more pages than any list has (24 items a page: 2.4 million rows).
pub const MAX_PAGE: u32 = 100_000;

/// For `#[serde(deserialize_with)]` on a query's `page`.
pub fn bounded<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    let page = u32::deserialize(deserializer)?;
    check(page).map_err(|_| D::Error::custom("page out of range"))
}

/// The page number, or `error.page.invalid` when it is past [`MAX_PAGE`].
pub fn check(page: u32) -> Result<u32, AppError> {
    if page <= MAX_PAGE {
        Ok(page)
    } else {
        Err(AppError::invalid("page", "error.page.invalid"))
    }
}

/// The first row of `page`, in a type wide enough for any page of any size.
pub fn start(page: u32, size: u32) -> u64 {
    u64::from(page) * u64::from(size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Query {
        #[serde(default, deserialize_with = "bounded")]
        page: u32,
    }

    #[test]
    fn pages_are_bounded_and_their_start_never_overflows() {
        let read = |json: &str| serde_json::from_str::<Query>(json).map(|q| q.page).ok();
        assert_eq!(read("{}"), Some(0));
        assert_eq!(read(r#"{"page": 3}"#), Some(3));
        assert_eq!(read(&format!(r#"{{"page": {MAX_PAGE}}}"#)), Some(MAX_PAGE));
        assert_eq!(read(&format!(r#"{{"page": {}}}"#, MAX_PAGE + 1)), None);
        assert_eq!(read(r#"{"page": 4294967295}"#), None);
        assert_eq!(read(r#"{"page": -1}"#), None);
        assert_eq!(start(u32::MAX, u32::MAX), 18_446_744_065_119_617_025);
        assert_eq!(
            check(MAX_PAGE + 1),
            Err(AppError::invalid("page", "error.page.invalid"))
        );
    }
}
