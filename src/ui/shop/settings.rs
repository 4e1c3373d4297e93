//! Paramètres of a shopkeeper: the shop, then the account.

use leptos::prelude::*;

use crate::api::shops::my_shops;
use crate::domain::csv::{DateFormat, Separator};
use crate::domain::money;
use crate::domain::outbox::OfflineWrite;
use crate::offline::Replica;
use crate::ui::components::{AccountSettings, FormAlert, FormErrors, NeedsNetwork, PageHeader};
use crate::ui::format;
use crate::ui::i18n::{t, t_with};
use crate::ui::shop::backup::BackupCard;

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
                        let created = format::day(&shop.created_at);
                        view! {
                            <dl class="facts shop-facts">
                                <dt>{t("register.shop_name")}</dt><dd class="shop-name">{shop.name}</dd>
                                <dt>{t("settings.currency")}</dt><dd>{money::currency_name(&shop.currency).to_owned()}</dd>
                                <dd class="muted">{t_with("settings.created", move || vec![("date", created.clone())])}</dd>
                            </dl>
                        }
                    }).collect_view()
                })}
            </Suspense>
        </section>
        <FileSettings/>
        <NeedsNetwork><BackupCard/></NeedsNetwork>
        <AccountSettings/>
    }
}

/// How the shop's CSV files are written (E6): separator and day format.
#[component]
fn FileSettings() -> impl IntoView {
    let current = Resource::new(|| (), |_| Replica::settings());
    let separator = RwSignal::new(Separator::default());
    let date_format = RwSignal::new(DateFormat::default());
    let errors = FormErrors::new();
    let saved = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        leptos::task::spawn_local(async move {
            // Recorded on the phone first (I3), with or without network.
            let result = Replica::write(OfflineWrite::FileSettings {
                csv_separator: separator.get_untracked(),
                date_format: date_format.get_untracked(),
            })
            .await;
            saved.set(result.is_ok());
            errors.set(result.err());
        });
    };
    view! {
        <section class="card" aria-labelledby="files-title">
            <h2 id="files-title">{t("settings.files")}</h2>
            <Suspense fallback=|| view! { <p class="loading">{t("common.loading")}</p> }>
                {move || Suspend::new(async move {
                    if let Ok(settings) = current.await {
                        separator.set(settings.csv_separator);
                        date_format.set(settings.date_format);
                    }
                    view! {
                        <form on:submit=save>
                            <div class="field">
                                <label for="csv-separator">{t("settings.separator")}</label>
                                <select id="csv-separator" on:change=move |ev| {
                                    if let Ok(s) = Separator::parse(&event_target_value(&ev)) { separator.set(s) }
                                }>
                                    {Separator::ALL.into_iter().map(|s| view! {
                                        <option value=s.as_str() selected=move || separator.get() == s>{t(match s {
                                            Separator::Semicolon => "settings.separator.semicolon",
                                            Separator::Comma => "settings.separator.comma",
                                        })}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for="date-format">{t("settings.date_format")}</label>
                                <select id="date-format" on:change=move |ev| {
                                    if let Ok(f) = DateFormat::parse(&event_target_value(&ev)) { date_format.set(f) }
                                }>
                                    {DateFormat::ALL.into_iter().map(|f| view! {
                                        <option value=f.as_str() selected=move || date_format.get() == f>{match f {
                                            DateFormat::DayFirst => "24/11/2026",
                                            DateFormat::Iso => "2026-11-24",
                                        }}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <FormAlert message=errors.general(&[])/>
                            <button type="submit" class="button primary">{t("common.save")}</button>
                            <Show when=move || saved.get()>
                                <p class="success" role="status">{t("settings.saved")}</p>
                            </Show>
                        </form>
                    }
                })}
            </Suspense>
        </section>
    }
}
