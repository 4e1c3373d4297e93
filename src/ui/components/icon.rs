//! Inline SVG icons (no icon font to download on a slow link).

use leptos::prelude::*;

#[component]
pub fn Icon(name: &'static str) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=path(name)></path>
        </svg>
    }
}

fn path(name: &str) -> &'static str {
    match name {
        "dashboard" => "M3 13h8V3H3zm0 8h8v-6H3zm10 0h8V11h-8zm0-18v6h8V3z",
        "products" => {
            "M20 7l-8-4-8 4v10l8 4 8-4zM12 5.2 17.6 8 12 10.8 6.4 8zM6 9.6l5 2.5v6.3l-5-2.5zm7 8.8v-6.3l5-2.5v6.3z"
        }
        "orders" => {
            "M7 4h10l1 3h3v2h-1.2l-1.6 10.2A2 2 0 0 1 16.2 21H7.8a2 2 0 0 1-2-1.8L4.2 9H3V7h3zm-.8 5 1.6 10h8.4l1.6-10z"
        }
        "suppliers" => {
            "M1 6h13v10H1zm14 3h4l3 3v4h-7zM5.5 20a2 2 0 1 1 0-4 2 2 0 0 1 0 4zm12 0a2 2 0 1 1 0-4 2 2 0 0 1 0 4z"
        }
        "alerts" => {
            "M12 22a2.5 2.5 0 0 0 2.5-2.5h-5A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.8V3a1.5 1.5 0 0 0-3 0v1.2A7 7 0 0 0 5 11v5l-2 2v1h18v-1z"
        }
        "catalog" => "M4 4h7v7H4zm9 0h7v7h-7zM4 13h7v7H4zm9 0h7v7h-7z",
        "settings" => {
            "M19.4 13a7.5 7.5 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7.4 7.4 0 0 0-1.7-1L15 3h-4l-.4 2.9a7.4 7.4 0 0 0-1.7 1l-2.5-1-2 3.5L6.6 11a7.5 7.5 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1a7.4 7.4 0 0 0 1.7 1L11 21h4l.4-2.9a7.4 7.4 0 0 0 1.7-1l2.5 1 2-3.5zM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z"
        }
        "shop" => {
            "M4 4h16l1 5a3 3 0 0 1-5 2.2A3 3 0 0 1 12 12a3 3 0 0 1-4-.8A3 3 0 0 1 3 9zm1 9.5V20h14v-6.5a4.9 4.9 0 0 1-3 .2V18H8v-4.3a4.9 4.9 0 0 1-3-.2z"
        }
        // Three dots.
        "more" => {
            "M5 10a2 2 0 1 1 0 4 2 2 0 0 1 0-4zm7 0a2 2 0 1 1 0 4 2 2 0 0 1 0-4zm7 0a2 2 0 1 1 0 4 2 2 0 0 1 0-4z"
        }
        // A clock.
        "history" => {
            "M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18zm0 2a7 7 0 1 0 0 14 7 7 0 0 0 0-14zm-1 2h2v5.6l3.7 2.2-1 1.7L11 13.7z"
        }
        // Bars.
        "stats" => "M4 20V10h3v10zm6.5 0V4h3v16zM17 20v-7h3v7z",
        // A barcode.
        "scan" => "M2 5h2v14H2zm4 0h1v14H6zm3 0h2v14H9zm4 0h1v14h-1zm3 0h2v14h-2zm4 0h2v14h-2z",
        // A funnel.
        "filter" => "M3 5h18l-7 8v6l-4 2v-8z",
        _ => "M12 12h0",
    }
}
