//! Alertes (D2–D4): active alerts grouped by type with severity chips, read / dismiss, "Tout
//! marquer comme lu", "Commander" with a suggested quantity, the history, and the rules modal.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::alert::AlertView;
use crate::domain::alert::{AlertKind, AlertRule, Severity};
use crate::domain::outbox::OfflineWrite;
use crate::offline::Replica;
use crate::ui::components::{FieldError, FormAlert, FormErrors, Loaded, Modal, PageHeader};
use crate::ui::i18n::{t, t_with};
use crate::ui::prefs::Prefs;

/// The groups of the list, in order (D3).
const GROUPS: [(&[AlertKind], &str); 5] = [
    (&[AlertKind::Rupture], "alerts.group.rupture"),
    (&[AlertKind::Low], "alerts.group.low"),
    (&[AlertKind::Over], "alerts.group.over"),
    (&[AlertKind::Dormant], "alerts.group.dormant"),
    (
        &[AlertKind::Late, AlertKind::Pending],
        "alerts.group.orders",
    ),
];

#[component]
pub fn AlertsPage() -> impl IntoView {
    let _lang = expect_context::<Prefs>().lang;
    let history = RwSignal::new(false);
    // D3: the severity chips narrow the list (`None`: every alert).
    let severity = RwSignal::new(None::<Severity>);
    let version = RwSignal::new(0u32);
    let configuring = RwSignal::new(false);
    // The phone's replica answers (offline too) and follows every change.
    let alerts = Resource::new(
        move || {
            (
                history.get(),
                severity.get(),
                version.get(),
                Replica::track(),
            )
        },
        |(h, only, _, _)| async move {
            let list = Replica::alerts(h).await?;
            Ok(list
                .into_iter()
                .filter(|a| only.is_none_or(|s| a.kind.severity() == s))
                .collect::<Vec<_>>())
        },
    );
    let changed = Callback::new(move |_| version.update(|v| *v += 1));
    let read_all = move |_| act(OfflineWrite::AlertsRead { id: None }, changed);
    view! {
        <PageHeader title="nav.alerts">
            <button type="button" class="button add-button" on:click=move |_| configuring.set(true)>{t("alerts.configure")}</button>
        </PageHeader>
        <div class="toolbar">
            <div class="segmented" role="group" aria-label=t("alerts.view")>
                <button type="button" aria-pressed=move || (!history.get()).to_string() on:click=move |_| history.set(false)>{t("alerts.current")}</button>
                <button type="button" aria-pressed=move || history.get().to_string() on:click=move |_| history.set(true)>{t("alerts.history")}</button>
            </div>
            <Show when=move || !history.get()>
                <button type="button" class="button" on:click=read_all>{t("alerts.read_all")}</button>
            </Show>
        </div>
        <div class="chips" role="group" aria-label=t("alerts.severity")>
            <button type="button" aria-pressed=move || severity.with(Option::is_none).to_string()
                on:click=move |_| severity.set(None)>{t("alerts.severity.all")}</button>
            {Severity::ALL.into_iter().map(|s| view! {
                <button type="button" aria-pressed=move || (severity.get() == Some(s)).to_string()
                    on:click=move |_| severity.set(Some(s))>{t(s.label_key())}</button>
            }).collect_view()}
        </div>
        <Loaded resource=alerts show=move |list| match list {
            list if list.is_empty() => view! { <p class="empty-state">{t("alerts.empty")}</p> }.into_any(),
            list => GROUPS.into_iter().filter_map(|(kinds, title)| {
                let group: Vec<AlertView> = list.iter().filter(|a| kinds.contains(&a.kind)).cloned().collect();
                (!group.is_empty()).then(|| view! {
                    <section class="alert-group" aria-label=t(title)>
                        <h2>{t(title)} " " <span class="muted">{group.len()}</span></h2>
                        <ul class="alerts">
                            {group.into_iter().map(|a| view! { <AlertCard alert=a on_change=changed/> }).collect_view()}
                        </ul>
                    </section>
                })
            }).collect_view().into_any(),
        }/>
        <Show when=move || !history.get()>
            <TopProducts version/>
        </Show>
        <Show when=move || configuring.get()>
            <RulesDialog on_close=Callback::new(move |_| { configuring.set(false); changed.run(()); })/>
        </Show>
    }
}

#[component]
fn AlertCard(alert: AlertView, on_change: Callback<()>) -> impl IntoView {
    let id = StoredValue::new(alert.id.clone());
    let respond = move |dismiss: bool| {
        let id = id.get_value();
        let write = if dismiss {
            OfflineWrite::AlertDismissed { id }
        } else {
            OfflineWrite::AlertsRead { id: Some(id) }
        };
        act(write, on_change);
    };
    let open = alert.state == "open";
    let active = open || alert.state == "read";
    let suggested = alert.suggested_quantity().filter(|_| active);
    let order_link = alert
        .product_id
        .clone()
        .zip(suggested)
        .map(|(product, quantity)| {
            let supplier = alert.supplier_id.clone().unwrap_or_default();
            format!("/shop/orders?new=1&supplier={supplier}&product={product}&quantity={quantity}")
        });
    let severity = alert.kind.severity();
    view! {
        <li class=if open { "alert-card unread" } else { "alert-card" } data-severity=severity.as_str()>
            <span class="severity-chip" data-severity=severity.as_str()>{t(severity.label_key())}</span>
            <p class="alert-text">{alert_text(&alert)}</p>
            <p class="muted">{crate::ui::format::date_time(&alert.created_at)}</p>
            <div class="card-actions">
                {order_link.map(|href| view! { <a class="button primary" href=href>{t("alerts.order")}</a> })}
                {open.then(|| view! { <button type="button" class="button" on:click=move |_| respond(false)>{t("alerts.read")}</button> })}
                {active.then(|| view! { <button type="button" class="button" on:click=move |_| respond(true)>{t("alerts.dismiss")}</button> })}
            </div>
        </li>
    }
}

/// Reads or dismisses on the phone first (I3): the list changes at once, with or without network.
fn act(write: OfflineWrite, on_change: Callback<()>) {
    spawn_local(async move {
        if Replica::write(write).await.is_ok() {
            on_change.run(());
        }
    });
}

/// "Riz 5kg en rupture depuis 3 jours. Fournisseur habituel : Moussa. Commander ?"
fn alert_text(alert: &AlertView) -> impl Fn() -> String + use<> {
    let days = alert.age_days;
    let key = match alert.kind {
        AlertKind::Rupture => "alerts.text.rupture",
        AlertKind::Low => "alerts.text.low",
        AlertKind::Over => "alerts.text.over",
        AlertKind::Dormant => "alerts.text.dormant",
        AlertKind::Late => "alerts.text.late",
        AlertKind::Pending => "alerts.text.pending",
    };
    let args = vec![
        ("product", alert.product_name.clone().unwrap_or_default()),
        ("quantity", alert.quantity.unwrap_or(0).to_string()),
        ("unit", alert.unit.clone().unwrap_or_default()),
        ("days", days.to_string()),
        ("number", alert.order_number.unwrap_or(0).to_string()),
        ("supplier", alert.order_supplier.clone().unwrap_or_default()),
        (
            "date",
            alert
                .expected_on
                .as_deref()
                .map(crate::ui::format::day)
                .unwrap_or_default(),
        ),
    ];
    let supplier = alert.supplier_name.clone();
    let text = t_with(key, move || args.clone());
    let usual = supplier.map(|name| {
        t_with("alerts.text.usual_supplier", move || {
            vec![("supplier", name.clone())]
        })
    });
    move || match &usual {
        Some(usual) => format!("{} {}", text(), usual()),
        None => text(),
    }
}

#[component]
fn RulesDialog(on_close: Callback<()>) -> impl IntoView {
    let rules = Resource::new(|| (), |_| Replica::alert_rules());
    view! {
        <Modal title="alerts.rules" on_close>
            <Suspense fallback=|| view! { <p class="loading">{t("common.loading")}</p> }>
                {move || Suspend::new(async move {
                    rules.await.ok().map(|rules| view! { <RulesForm rules on_done=on_close/> })
                })}
            </Suspense>
        </Modal>
    }
}

/// Per type: on/off, threshold where it has one, channels (D2).
#[component]
fn RulesForm(rules: Vec<AlertRule>, on_done: Callback<()>) -> impl IntoView {
    let rows: Vec<_> = rules
        .into_iter()
        .map(|rule| {
            let threshold =
                RwSignal::new(rule.threshold.map(|v| v.to_string()).unwrap_or_default());
            (
                rule.kind,
                RwSignal::new(rule.enabled),
                threshold,
                RwSignal::new(rule.in_app),
                RwSignal::new(rule.push),
                rule.threshold.is_some(),
            )
        })
        .collect();
    let errors = FormErrors::new();
    let fields = rows.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let rules: Vec<AlertRule> = fields
            .iter()
            .map(
                |(kind, enabled, threshold, in_app, push, has_threshold)| AlertRule {
                    kind: *kind,
                    enabled: enabled.get_untracked(),
                    threshold: has_threshold
                        .then(|| threshold.get_untracked().trim().parse().unwrap_or(0)),
                    in_app: in_app.get_untracked(),
                    push: push.get_untracked(),
                },
            )
            .collect();
        spawn_local(async move {
            match Replica::write(OfflineWrite::AlertRules { rules }).await {
                Ok(()) => on_done.run(()),
                Err(error) => errors.set(Some(error)),
            }
        });
    };
    view! {
        <form class="rules-form" on:submit=submit novalidate>
            {rows.into_iter().map(|(kind, enabled, threshold, in_app, push, has_threshold)| {
                let unit = if kind == AlertKind::Low { "alerts.rules.percent" } else { "alerts.rules.days" };
                let id = format!("rule-{}", kind.as_str());
                view! {
                    <fieldset class="rule">
                        <legend>{t(kind.label_key())}</legend>
                        <label class="check"><input type="checkbox" prop:checked=move || enabled.get()
                            on:change=move |ev| enabled.set(event_target_checked(&ev))/>{t("alerts.rules.enabled")}</label>
                        {has_threshold.then(|| view! {
                            <label class="field inline" for=id.clone()>
                                <span>{t(unit)}</span>
                                <input id=id.clone() type="number" inputmode="numeric" min="1" prop:value=move || threshold.get()
                                    on:input=move |ev| threshold.set(event_target_value(&ev))/>
                            </label>
                        })}
                        {(kind == AlertKind::Low).then(|| view! { <p class="hint">{t("alerts.rules.low_hint")}</p> })}
                        <label class="check"><input type="checkbox" prop:checked=move || in_app.get()
                            on:change=move |ev| in_app.set(event_target_checked(&ev))/>{t("alerts.rules.in_app")}</label>
                        <label class="check"><input type="checkbox" prop:checked=move || push.get()
                            on:change=move |ev| push.set(event_target_checked(&ev))/>{t("alerts.rules.push")}</label>
                    </fieldset>
                }
            }).collect_view()}
            <FieldError id="threshold" error=errors.for_field("threshold")/>
            <FormAlert message=errors.general(&["threshold"])/>
            <button type="submit" class="button primary">{t("common.save")}</button>
        </form>
    }
}

/// D5: the products that raised the most alerts this month.
#[component]
fn TopProducts(version: RwSignal<u32>) -> impl IntoView {
    let top = Resource::new(
        move || (version.get(), Replica::track()),
        |_| Replica::top_alert_products(),
    );
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let top = top.await.unwrap_or_default();
                (!top.is_empty()).then(|| view! {
                    <section class="card top-products" aria-labelledby="top-products-title">
                        <h2 id="top-products-title">{t("alerts.top_products")}</h2>
                        <ol>
                            {top.into_iter().map(|p| {
                                let count = p.count;
                                view! {
                                    <li>
                                        <span>{p.name}</span> " "
                                        <strong>{t_with("alerts.count", move || vec![("count", count.to_string())])}</strong>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    </section>
                })
            })}
        </Transition>
    }
}
