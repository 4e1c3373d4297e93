//! The part of Paramètres common to both roles: who I am, display preferences, sign out.

use leptos::prelude::*;

use super::{LanguageSwitch, TextSizeSwitch, ThemeSwitch};
use crate::api::auth::Logout;
use crate::domain::{Role, Session};
use crate::offline::{Replica, Submission, send};
use crate::ui::i18n::{t, t_with};
use crate::ui::layout::go;

#[component]
pub fn AccountSettings() -> impl IntoView {
    let session = expect_context::<Session>();
    let role_key = match session.role {
        Role::Shopkeeper => "settings.role.shopkeeper",
        Role::Supplier => "settings.role.supplier",
    };
    let submission = Submission::new();
    // Writes still on the phone only (waiting or to review) go with the sign-out: say so first.
    let replica = use_context::<Replica>();
    let unsent = move || replica.map_or(0, |r| r.pending.get() + r.to_review.with(Vec::len));
    let warned = RwSignal::new(false);
    let sign_out = move |_| {
        if unsent() > 0 && !warned.get_untracked() {
            return warned.set(true);
        }
        // Even if the server cannot be reached, leave: the page will ask to sign in again. What
        // the phone kept of this user goes once the session is closed (nothing is kept after).
        let logout = async {
            let closed = send(|op| Logout { op }).await.is_ok();
            crate::offline::service_worker::forget_private_pages().await;
            Replica::forget_all().await;
            Ok(closed)
        };
        submission.run(logout, |_| go("/login"));
    };
    view! {
        <section class="card" aria-labelledby="account-title">
            <h2 id="account-title">{t("settings.account")}</h2>
            <dl class="facts">
                <dt>{t("register.name")}</dt><dd>{session.name.clone()}</dd>
                <dt>{t("login.email")}</dt><dd>{session.email.clone()}</dd>
                <dt>{t("settings.role")}</dt><dd>{t(role_key)}</dd>
            </dl>
        </section>
        <section class="card" aria-labelledby="display-title">
            <h2 id="display-title">{t("settings.display")}</h2>
            <div class="setting-row"><span>{t("settings.language")}</span><LanguageSwitch/></div>
            <div class="setting-row"><span>{t("settings.theme")}</span><ThemeSwitch/></div>
            <div class="setting-row"><span>{t("settings.text_size")}</span><TextSizeSwitch/></div>
        </section>
        <Show when=move || warned.get()>
            <p class="form-alert" role="alert">
                {t_with("settings.logout.unsent", move || vec![("count", unsent().to_string())])}
            </p>
        </Show>
        <button type="button" class="button danger" on:click=sign_out disabled=submission.pending>
            {move || if warned.get() { t("settings.logout.anyway")() } else { t("settings.logout")() }}
        </button>
    }
}
