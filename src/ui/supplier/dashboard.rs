//! Tableau de bord of a supplier (F4): for now, what the profile still lacks before the
//! supplier can appear in the marketplace (F1).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::supplier_profile::my_profile;
use crate::ui::components::{Greeting, PageHeader};
use crate::ui::i18n::{t, translate};
use crate::ui::prefs::Prefs;

#[component]
pub fn SupplierDashboard() -> impl IntoView {
    let lang = expect_context::<Prefs>().lang;
    let profile = Resource::new(|| (), |_| my_profile());
    view! {
        <PageHeader title="nav.dashboard"/>
        <Greeting key="page.supplier.dashboard.intro"/>
        <Suspense fallback=|| view! { <p class="loading">{t("common.loading")}</p> }>
            {move || Suspend::new(async move {
                let missing = profile.await.map(|p| p.details.missing()).unwrap_or_default();
                if missing.is_empty() {
                    view! { <p class="success" data-figure="profile-state">{t("profile.complete")}</p> }.into_any()
                } else {
                    view! {
                        <section class="card profile-missing" data-figure="profile-state">
                            <p>{t("profile.incomplete")}</p>
                            <ul>
                                {missing.into_iter().map(|key| view! { <li>{move || translate(lang.get(), key).to_owned()}</li> }).collect_view()}
                            </ul>
                            <A href="/supplier/settings" attr:class="button primary">{t("profile.complete_it")}</A>
                        </section>
                    }.into_any()
                }
            })}
        </Suspense>
    }
}
