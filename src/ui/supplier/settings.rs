//! Paramètres of a supplier: the commercial profile (F1), then the account.

use leptos::prelude::*;

use crate::api::supplier_profile::{SaveProfile, my_profile};
use crate::domain::profile::SupplierProfile;
use crate::domain::profile::{ProfileInput, split_list};
use crate::offline::{Submission, send};
use crate::ui::components::{
    AccountSettings, FieldError, FormAlert, FormErrors, NumberField, PageHeader, TextField,
    whole_number,
};
use crate::ui::format;
use crate::ui::i18n::t;
use crate::ui::prefs::Prefs;

#[component]
pub fn SupplierSettings() -> impl IntoView {
    let profile = Resource::new(|| (), |_| my_profile());
    view! {
        <PageHeader title="nav.settings"/>
        <section class="card" aria-labelledby="company-title">
            <h2 id="company-title">{t("settings.company")}</h2>
            <Suspense fallback=|| view! { <p class="loading">{t("common.loading")}</p> }>
                {move || Suspend::new(async move {
                    profile.await.ok().map(|p| view! { <ProfileForm profile=p/> })
                })}
            </Suspense>
        </section>
        <AccountSettings/>
    }
}

/// The profile's fields, its rating and "Vérifié" state (read-only), and "Enregistrer".
#[component]
fn ProfileForm(profile: SupplierProfile) -> impl IntoView {
    let verified = if profile.is_verified {
        "settings.verified"
    } else {
        "settings.not_verified"
    };
    let lang = expect_context::<Prefs>().lang;
    let rating = (profile.rating_count > 0).then(|| {
        let average = profile.rating_sum as f64 / profile.rating_count as f64;
        let count = profile.rating_count;
        move || format!("{} / 5 ({count})", format::rating(lang.get(), average))
    });
    let input = profile.details;
    let company = RwSignal::new(input.company_name);
    let description = RwSignal::new(input.description);
    let phone = RwSignal::new(input.phone);
    let address = RwSignal::new(input.address);
    let city = RwSignal::new(input.city);
    let zones = RwSignal::new(input.delivery_zones.join(", "));
    let categories = RwSignal::new(input.categories.join(", "));
    let min_amount = RwSignal::new(input.min_order_amount.to_string());
    let delivery_days = RwSignal::new(input.average_delivery_days.to_string());
    let submission = Submission::new();
    let errors = FormErrors::of(submission);
    let saved = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let number = |field: &'static str, raw: String| whole_number(field, &raw);
        let input = match (
            number("min_order_amount", min_amount.get_untracked()),
            number("average_delivery_days", delivery_days.get_untracked()),
        ) {
            (Ok(min_order_amount), Ok(average_delivery_days)) => ProfileInput {
                company_name: company.get_untracked(),
                description: description.get_untracked(),
                phone: phone.get_untracked(),
                address: address.get_untracked(),
                city: city.get_untracked(),
                delivery_zones: split_list(&zones.get_untracked()),
                categories: split_list(&categories.get_untracked()),
                min_order_amount,
                average_delivery_days,
            },
            (Err(error), _) | (_, Err(error)) => return errors.set(Some(error)),
        };
        saved.set(false);
        submission.run(send(move |op| SaveProfile { op, input }), move |_| {
            saved.set(true)
        });
    };
    view! {
        <dl class="facts">
            <dt>{t("settings.rating")}</dt>
            <dd>{match rating { Some(r) => r.into_any(), None => t("settings.no_rating").into_any() }}</dd>
            <dd class="badge">{t(verified)}</dd>
        </dl>
        <form on:submit=submit novalidate>
            <TextField id="company_name" label="register.company_name" value=company error=errors.for_field("company_name") autocomplete="organization"/>
            <div class="field">
                <label for="description">{t("profile.description")}</label>
                <textarea id="description" rows="3" prop:value=move || description.get()
                    on:input=move |ev| description.set(event_target_value(&ev)) aria-describedby="description-error"></textarea>
                <FieldError id="description" error=errors.for_field("description")/>
            </div>
            <TextField id="phone" label="suppliers.phone" value=phone error=errors.for_field("phone") input_type="tel" autocomplete="tel"/>
            <TextField id="address" label="suppliers.address" value=address error=errors.for_field("address") autocomplete="street-address"/>
            <TextField id="city" label="suppliers.city" value=city error=errors.for_field("city") autocomplete="address-level2"/>
            <TextField id="delivery_zones" label="profile.delivery_zones" value=zones error=errors.for_field("delivery_zones")/>
            <TextField id="categories" label="profile.categories" value=categories error=errors.for_field("categories")/>
            <p class="muted">{t("profile.lists_hint")}</p>
            <NumberField id="min_order_amount" label="profile.min_order_amount" value=min_amount error=errors.for_field("min_order_amount")/>
            <NumberField id="average_delivery_days" label="profile.delivery_days" value=delivery_days error=errors.for_field("average_delivery_days")/>
            <FormAlert message=errors.general(&["company_name", "description", "phone", "address", "city",
                "delivery_zones", "categories", "min_order_amount", "average_delivery_days"])/>
            <button type="submit" class="button primary" disabled=submission.pending>{t("common.save")}</button>
            <Show when=move || saved.get()>
                <p class="success" role="status">{t("settings.saved")}</p>
            </Show>
        </form>
    }
}
