//! Money: integer minor units, shown in the shop's currency. FCFA has no decimals.

/// Every shop is in FCFA until the currency setting (J3) exists.
pub const DEFAULT_CURRENCY: &str = "XOF";

/// "5 000 F CFA", "12,50 €", "$12.50".
pub fn format(amount: i64, currency: &str) -> String {
    match currency {
        "EUR" => format!("{} €", decimals(amount, ',', ' ')),
        "USD" => format!("${}", decimals(amount, '.', ',')),
        _ => format!("{} F CFA", group(amount.unsigned_abs(), ' ', amount < 0)),
    }
}

fn decimals(amount: i64, point: char, separator: char) -> String {
    let units = amount.unsigned_abs();
    format!(
        "{}{point}{:02}",
        group(units / 100, separator, amount < 0),
        units % 100
    )
}

fn group(value: u64, separator: char, negative: bool) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    if negative { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_as_people_write_them() {
        assert_eq!(format(5000, "XOF"), "5 000 F CFA");
        assert_eq!(format(0, "XOF"), "0 F CFA");
        assert_eq!(format(1_234_567, "XOF"), "1 234 567 F CFA");
        assert_eq!(format(-750, "XOF"), "-750 F CFA");
        assert_eq!(format(1250, "EUR"), "12,50 €");
        assert_eq!(format(123456, "USD"), "$1,234.56");
    }
}
