//! `/login`: e-mail, password, "se souvenir de moi".

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::{AuthFrame, remember_email, remembered_email};
use crate::api::auth::Login;
use crate::domain::session::LoginInput;
use crate::offline::{Submission, send};
use crate::ui::components::{FormAlert, FormErrors, TextField};
use crate::ui::i18n::t;
use crate::ui::layout::go;

const FIELDS: &[&str] = &["email", "password"];

#[component]
pub fn LoginPage() -> impl IntoView {
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let remember = RwSignal::new(false);
    let submission = Submission::new();
    let errors = FormErrors::of(submission);
    let query = use_query_map();
    // Opened offline (A7): signing in needs the server, say so before the user tries.
    let online = crate::offline::network::online();

    Effect::new(move |_| {
        if let Some(saved) = remembered_email() {
            email.set(saved);
            remember.set(true);
        }
    });

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = LoginInput {
            email: email.get_untracked(),
            password: password.get_untracked(),
        };
        let next = query.with_untracked(|q| q.get("next"));
        let keep = remember.get_untracked();
        submission.run(send(move |op| Login { op, input }), move |session| {
            remember_email(keep.then_some(session.email.as_str()));
            go(&session.role.landing(next.as_deref()));
        });
    };

    view! {
        <AuthFrame title="login.title">
            <form on:submit=submit novalidate>
                <TextField id="email" label="login.email" value=email error=errors.for_field("email")
                    input_type="email" autocomplete="email" input_mode="email"/>
                <TextField id="password" label="login.password" value=password error=errors.for_field("password")
                    input_type="password" autocomplete="current-password"/>
                <label class="check">
                    <input type="checkbox" name="remember" prop:checked=remember
                        on:change=move |ev| remember.set(event_target_checked(&ev))/>
                    {t("login.remember")}
                </label>
                <FormAlert message=errors.general(FIELDS)/>
                <Show when=move || !online.get()>
                    <p class="offline-banner" role="status">{t("login.needs_network")}</p>
                </Show>
                <button type="submit" class="button primary" disabled=submission.pending>{t("login.submit")}</button>
            </form>
            <p class="switch-auth">{t("login.no_account")} " " <A href="/register">{t("login.register")}</A></p>
        </AuthFrame>
    }
}
