//! "Inviter à s'inscrire" (G7), in a manual supplier's detail: asks for the e-mail (the
//! supplier's own, if known), sends the invitation, then offers the link to share by WhatsApp or
//! to copy.

use leptos::prelude::*;

use crate::api::invitations::SendInvitation;
use crate::domain::invitation::InvitationSent;
use crate::domain::supplier::Supplier;
use crate::domain::supplier::whatsapp_link;
use crate::offline::{Submission, send};
use crate::ui::components::{FormAlert, FormErrors, TextField};
use crate::ui::format;
use crate::ui::i18n::{t, t_with};

const FIELDS: &[&str] = &["email"];

#[component]
pub fn InviteSupplier(supplier: Supplier) -> impl IntoView {
    let open = RwSignal::new(false);
    let email = RwSignal::new(supplier.details.email.clone());
    let submission = Submission::new();
    let errors = FormErrors::of(submission);
    let sent = RwSignal::new(None::<InvitationSent>);
    let supplier_id = StoredValue::new(supplier.id);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (supplier_id, email) = (supplier_id.get_value(), email.get_untracked());
        submission.run(
            send(move |op| SendInvitation {
                op,
                supplier_id,
                email,
            }),
            move |invitation| sent.set(Some(invitation)),
        );
    };

    view! {
        <section class="invite">
            {move || match (open.get(), sent.get()) {
                (false, _) => view! {
                    <button type="button" class="button" on:click=move |_| open.set(true)>{t("invite.button")}</button>
                }.into_any(),
                (true, None) => view! {
                    <form class="invite-form" on:submit=submit novalidate>
                        <p class="muted hint">{t("invite.intro")}</p>
                        <TextField id="invite-email" label="login.email" value=email error=errors.for_field("email")
                            input_type="email" input_mode="email"/>
                        <FormAlert message=errors.general(FIELDS)/>
                        <div class="card-actions">
                            <button type="submit" class="button primary" disabled=submission.pending>{t("invite.send")}</button>
                            <button type="button" class="button" on:click=move |_| open.set(false)>{t("common.close")}</button>
                        </div>
                    </form>
                }.into_any(),
                (true, Some(invitation)) => view! { <InvitationLink invitation/> }.into_any(),
            }}
        </section>
    }
}

/// The invitation made: where it went, and the link with its WhatsApp and copy buttons.
#[component]
fn InvitationLink(invitation: InvitationSent) -> impl IntoView {
    let shop = expect_context::<crate::domain::Session>().workspace_name;
    let address = invitation.email.clone();
    let until = format::day(&invitation.expires_at);
    let copied = RwSignal::new(false);
    let link = invitation.link.clone();
    view! {
        <div class="invite-sent" role="status">
            {if invitation.emailed {
                view! { <p>{t_with("invite.sent", move || vec![("email", address.clone())])}</p> }.into_any()
            } else {
                view! {
                    <p>{t_with("invite.created", move || vec![("email", address.clone())])}</p>
                    <p class="form-alert">{t("invite.not_emailed")}</p>
                }.into_any()
            }}
            <p class="muted">{t_with("invite.valid_until", move || vec![("date", until.clone())])}</p>
            {link.map(|link| {
                let stored = StoredValue::new(link.clone());
                let message = t_with("invite.whatsapp.message", move || {
                    vec![("shop", shop.clone()), ("link", stored.get_value())]
                });
                let copy = move |_| {
                    copy_to_clipboard(&stored.get_value());
                    copied.set(true);
                };
                view! {
                    <div class="field">
                        <label for="invite-link">{t("invite.link")}</label>
                        <input id="invite-link" type="url" readonly prop:value=link
                            on:focus=move |ev| select_all(&ev)/>
                    </div>
                    <div class="card-actions">
                        <a class="button whatsapp" target="_blank" rel="noopener"
                            href=move || whatsapp_link("", &message())>{t("invite.whatsapp")}</a>
                        <button type="button" class="button" on:click=copy>
                            {move || if copied.get() { t("invite.copied")() } else { t("invite.copy")() }}
                        </button>
                    </div>
                }
            })}
        </div>
    }
}

/// Puts `text` on the clipboard (the browser's asynchronous clipboard, where it is allowed).
fn copy_to_clipboard(text: &str) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::{JsCast, JsValue};
        let navigator = window().navigator();
        let write = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
            .ok()
            .filter(|c| !c.is_undefined())
            .and_then(|clipboard| {
                let write =
                    js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText")).ok()?;
                Some((clipboard, write.dyn_into::<js_sys::Function>().ok()?))
            });
        if let Some((clipboard, write)) = write {
            let _ = write.call1(&clipboard, &JsValue::from_str(text));
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = text;
}

/// Selects the whole link when the field gets focus, ready to copy by hand.
fn select_all(ev: &leptos::ev::FocusEvent) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        if let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.select();
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = ev;
}
