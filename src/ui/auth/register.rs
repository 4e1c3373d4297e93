//! `/register`: step 1 chooses the kind of account with two large cards, step 2
//! (`/register?role=…`) is the form.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::AuthFrame;
use crate::api::auth::Register;
use crate::domain::Role;
use crate::domain::session::RegisterInput;
use crate::offline::{Submission, send};
use crate::ui::components::{FormAlert, FormErrors, Icon, PasswordMeter, TextField};
use crate::ui::i18n::t;
use crate::ui::layout::go;

const FIELDS: &[&str] = &["name", "email", "password", "workspace_name"];

#[component]
pub fn RegisterPage() -> impl IntoView {
    let query = use_query_map();
    let role = Memo::new(move |_| query.with(|q| q.get("role").and_then(|r| Role::parse(&r))));
    view! {
        <AuthFrame title="register.title">
            {move || match role.get() {
                None => view! { <RoleChoice/> }.into_any(),
                Some(role) => view! { <RegisterForm role/> }.into_any(),
            }}
            <p class="switch-auth">{t("register.have_account")} " " <A href="/login">{t("register.login")}</A></p>
        </AuthFrame>
    }
}

#[component]
fn RoleChoice() -> impl IntoView {
    view! {
        <h2 class="step-title">{t("register.choose")}</h2>
        <div class="role-cards">
            <A href="/register?role=shopkeeper" attr:class="role-card">
                <Icon name="shop"/>
                <strong>{t("register.shopkeeper")}</strong>
                <span>{t("register.shopkeeper.text")}</span>
            </A>
            <A href="/register?role=supplier" attr:class="role-card">
                <Icon name="suppliers"/>
                <strong>{t("register.supplier")}</strong>
                <span>{t("register.supplier.text")}</span>
            </A>
        </div>
    }
}

#[component]
fn RegisterForm(role: Role) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let workspace_name = RwSignal::new(String::new());
    let submission = Submission::new();
    let errors = FormErrors::of(submission);
    let (heading, workspace_label) = match role {
        Role::Shopkeeper => ("register.as_shopkeeper", "register.shop_name"),
        Role::Supplier => ("register.as_supplier", "register.company_name"),
    };

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = RegisterInput {
            role: Some(role),
            name: name.get_untracked(),
            email: email.get_untracked(),
            password: password.get_untracked(),
            workspace_name: workspace_name.get_untracked(),
        };
        submission.run(send(move |op| Register { op, input }), |session| {
            go(session.role.home())
        });
    };

    view! {
        <h2 class="step-title">{t(heading)}</h2>
        <form on:submit=submit novalidate>
            <TextField id="name" label="register.name" value=name error=errors.for_field("name") autocomplete="name"/>
            <TextField id="workspace_name" label=workspace_label value=workspace_name
                error=errors.for_field("workspace_name") autocomplete="organization"/>
            <TextField id="email" label="login.email" value=email error=errors.for_field("email")
                input_type="email" autocomplete="email" input_mode="email"/>
            <TextField id="password" label="login.password" value=password error=errors.for_field("password")
                input_type="password" autocomplete="new-password"/>
            <PasswordMeter password refused=errors.for_field("password")/>
            <FormAlert message=errors.general(FIELDS)/>
            <button type="submit" class="button primary" disabled=submission.pending>{t("register.submit")}</button>
        </form>
        <A href="/register" attr:class="link-back">{t("register.change_role")}</A>
    }
}
