//! Sign-in and registration pages (A1, A2, A3).

pub mod invitation;
pub mod login;
pub mod register;

pub use invitation::InvitationPage;
pub use login::LoginPage;
pub use register::RegisterPage;

use leptos::prelude::*;

use crate::ui::components::{LanguageSwitch, PageHeader};
use crate::ui::i18n::t;

/// The frame of the pages seen before signing in.
#[component]
fn AuthFrame(title: &'static str, children: Children) -> impl IntoView {
    view! {
        <main class="auth">
            <div class="auth-top">
                <span class="brand">{t("app.name")}</span>
                <LanguageSwitch/>
            </div>
            <p class="tagline">{t("app.tagline")}</p>
            <section class="card auth-card">
                <PageHeader title=title/>
                {children()}
            </section>
        </main>
    }
}

const REMEMBERED_EMAIL: &str = "boutiq.remembered_email";

/// The e-mail saved by "se souvenir de moi", if any (browser only).
fn remembered_email() -> Option<String> {
    #[cfg(feature = "hydrate")]
    return window()
        .local_storage()
        .ok()
        .flatten()?
        .get_item(REMEMBERED_EMAIL)
        .ok()
        .flatten();
    #[cfg(not(feature = "hydrate"))]
    None
}

/// Saves (or, with `None`, forgets) the e-mail to pre-fill next time.
fn remember_email(email: Option<&str>) {
    #[cfg(feature = "hydrate")]
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = match email {
            Some(email) => storage.set_item(REMEMBERED_EMAIL, email),
            None => storage.remove_item(REMEMBERED_EMAIL),
        };
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (email, REMEMBERED_EMAIL);
}
