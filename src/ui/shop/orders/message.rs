//! The order as a WhatsApp message to the supplier (C7).

use crate::domain::order::Order;
use crate::i18n::{Lang, translate};
use crate::ui::format;

/// The order as a WhatsApp message to the supplier, in the user's language.
pub fn order_message(lang: Lang, order: &Order, shop: &str) -> String {
    let header = translate(lang, "orders.message.header")
        .replace("{number}", &order.summary.number.to_string())
        .replace("{shop}", shop);
    let lines: Vec<String> = order
        .lines
        .iter()
        .map(|l| format!("- {} × {} {}", l.name, l.quantity, l.unit))
        .collect();
    let mut text = format!("{header}\n{}", lines.join("\n"));
    if let Some(day) = &order.summary.expected_on {
        text.push_str(&format!(
            "\n{}",
            translate(lang, "orders.message.expected").replace("{date}", &format::day(day))
        ));
    }
    text
}
