//! Paramètres of a supplier: the commercial profile (read here; edited with F1), then the account.

use leptos::prelude::*;

use crate::api::supplier_profile::my_profile;
use crate::ui::components::{AccountSettings, PageHeader};
use crate::ui::i18n::t;

#[component]
pub fn SupplierSettings() -> impl IntoView {
    let profile = Resource::new(|| (), |_| my_profile());
    view! {
        <PageHeader title="nav.settings"/>
        <section class="card" aria-labelledby="company-title">
            <h2 id="company-title">{t("settings.company")}</h2>
            <Suspense fallback=|| view! { <p class="loading">{t("common.loading")}</p> }>
                {move || Suspend::new(async move {
                    profile.await.ok().map(|p| {
                        let verified = if p.is_verified { "settings.verified" } else { "settings.not_verified" };
                        let rating = (p.rating_count > 0)
                            .then(|| format!("{:.1} / 5 ({})", p.rating_sum as f64 / p.rating_count as f64, p.rating_count));
                        view! {
                            <dl class="facts">
                                <dt>{t("register.company_name")}</dt><dd class="company-name">{p.company_name}</dd>
                                <dt>{t("settings.rating")}</dt>
                                <dd>{match rating { Some(r) => r.into_any(), None => t("settings.no_rating").into_any() }}</dd>
                                <dd class="badge">{t(verified)}</dd>
                            </dl>
                        }
                    })
                })}
            </Suspense>
        </section>
        <AccountSettings/>
    }
}
