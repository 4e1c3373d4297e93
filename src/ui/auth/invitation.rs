//! `/invitation/:token` (G7): the supplier registration a shop's invitation opens, pre-filled
//! from the shop's supplier record. An unknown, used or expired link says so plainly.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::AuthFrame;
use crate::api::invitations::{AcceptInvitation, get_invitation};
use crate::domain::invitation::{InvitationPreview, InvitationSignup};
use crate::i18n::translate;
use crate::offline::{Submission, send};
use crate::ui::components::{FormAlert, FormErrors, PasswordMeter, TextField};
use crate::ui::i18n::{t, t_with};
use crate::ui::layout::go;
use crate::ui::prefs::Prefs;

const FIELDS: &[&str] = &[
    "name",
    "email",
    "password",
    "company_name",
    "phone",
    "city",
    "address",
];

#[component]
pub fn InvitationPage() -> impl IntoView {
    let lang = expect_context::<Prefs>().lang;
    let params = use_params_map();
    let token = Memo::new(move |_| params.with(|p| p.get("token").unwrap_or_default()));
    let preview = Resource::new(move || token.get(), get_invitation);
    view! {
        <AuthFrame title="invite.page.title">
            <Suspense fallback=|| view! { <p class="loading">{t("common.loading")}</p> }>
                {move || Suspend::new(async move {
                    match preview.await {
                        Ok(preview) => view! { <InvitationForm token=token.get_untracked() preview/> }.into_any(),
                        Err(error) => view! {
                            <p class="form-alert" role="alert" data-invitation="refused">
                                {move || translate(lang.get(), error.message_key()).to_owned()}
                            </p>
                            <p class="switch-auth"><A href="/login">{t("register.login")}</A></p>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </AuthFrame>
    }
}

#[component]
fn InvitationForm(token: String, preview: InvitationPreview) -> impl IntoView {
    let text = |value: &str| RwSignal::new(value.to_owned());
    let name = text("");
    let email = text(&preview.email);
    let password = text("");
    let company_name = text(&preview.company_name);
    let phone = text(&preview.phone);
    let city = text(&preview.city);
    let address = text(&preview.address);
    let submission = Submission::new();
    let errors = FormErrors::of(submission);
    let token = StoredValue::new(token);
    let shop = preview.shop_name.clone();

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = InvitationSignup {
            name: name.get_untracked(),
            email: email.get_untracked(),
            password: password.get_untracked(),
            company_name: company_name.get_untracked(),
            phone: phone.get_untracked(),
            city: city.get_untracked(),
            address: address.get_untracked(),
        };
        let token = token.get_value();
        submission.run(
            send(move |op| AcceptInvitation { op, token, input }),
            |session| go(session.role.home()),
        );
    };

    view! {
        <p class="step-title">{t_with("invite.page.intro", move || vec![("shop", shop.clone())])}</p>
        <form on:submit=submit novalidate>
            <TextField id="company_name" label="register.company_name" value=company_name
                error=errors.for_field("company_name") autocomplete="organization"/>
            <TextField id="name" label="register.name" value=name error=errors.for_field("name") autocomplete="name"/>
            <TextField id="email" label="login.email" value=email error=errors.for_field("email")
                input_type="email" autocomplete="email" input_mode="email"/>
            <TextField id="phone" label="suppliers.phone" value=phone error=errors.for_field("phone")
                input_type="tel" autocomplete="tel"/>
            <TextField id="city" label="suppliers.city" value=city error=errors.for_field("city")/>
            <TextField id="address" label="suppliers.address" value=address error=errors.for_field("address")
                autocomplete="street-address"/>
            <TextField id="password" label="login.password" value=password error=errors.for_field("password")
                input_type="password" autocomplete="new-password"/>
            <PasswordMeter password refused=errors.for_field("password")/>
            <FormAlert message=errors.general(FIELDS)/>
            <button type="submit" class="button primary" disabled=submission.pending>{t("invite.page.submit")}</button>
        </form>
        <p class="switch-auth">{t("register.have_account")} " " <A href="/login">{t("register.login")}</A></p>
    }
}
