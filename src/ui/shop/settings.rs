//! Paramètres of a shopkeeper: the shop, then the account.

use leptos::prelude::*;

use crate::api::shops::my_shops;
use crate::ui::components::{AccountSettings, PageHeader};
use crate::ui::i18n::{t, t_with};

#[component]
pub fn ShopSettings() -> impl IntoView {
    let shops = Resource::new(|| (), |_| my_shops());
    view! {
        <PageHeader title="nav.settings"/>
        <section class="card" aria-labelledby="shop-title">
            <h2 id="shop-title">{t("settings.shop")}</h2>
            <Suspense fallback=|| view! { <p class="loading">{t("common.loading")}</p> }>
                {move || Suspend::new(async move {
                    shops.await.unwrap_or_default().into_iter().map(|shop| {
                        let created = shop.created_at.get(..10).unwrap_or_default().to_owned();
                        view! {
                            <dl class="facts shop-facts">
                                <dt>{t("register.shop_name")}</dt><dd class="shop-name">{shop.name}</dd>
                                <dt>{t("settings.currency")}</dt><dd>{shop.currency}</dd>
                                <dd class="muted">{t_with("settings.created", move || vec![("date", created.clone())])}</dd>
                            </dl>
                        }
                    }).collect_view()
                })}
            </Suspense>
        </section>
        <AccountSettings/>
    }
}
