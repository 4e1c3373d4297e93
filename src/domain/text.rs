//! Free-text fields: trimmed, required where the form says so, bounded in length.

use super::AppError;

/// The trimmed value of a required field of at most `max_chars` characters.
pub fn required(field: &str, raw: &str, max_chars: usize) -> Result<String, AppError> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(AppError::invalid(field, "error.field.required"));
    }
    if value.chars().count() > max_chars {
        return Err(AppError::invalid(field, "error.field.too_long"));
    }
    Ok(value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_bounds() {
        assert_eq!(required("name", "  Awa  ", 10).unwrap(), "Awa");
        assert_eq!(
            required("name", "   ", 10),
            Err(AppError::invalid("name", "error.field.required"))
        );
        assert_eq!(required("name", "ééééé", 5).unwrap(), "ééééé");
        assert_eq!(
            required("name", "éééééé", 5),
            Err(AppError::invalid("name", "error.field.too_long"))
        );
    }
}
