//! Fournisseurs › Mes fournisseurs (C1–C3): the list (favourites on top, four sorts), contact
//! buttons, the form, and the detail with reliability, supplied products and orders.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::suppliers::LinkProduct;
use crate::domain::order::OrderSummary;
use crate::domain::outbox::OfflineWrite;
use crate::domain::product::Product;
use crate::domain::supplier::{self as rules, SupplierInput};
use crate::domain::supplier::{Supplier, SupplierDetail, SupplierSort};
use crate::i18n::translate;
use crate::offline::write::new_record_key;
use crate::offline::{Replica, Submission, send};
use crate::ui::components::{
    ConfirmDialog, FieldError, FormAlert, FormErrors, Loaded, Modal, NeedsNetwork, OrderBadge,
    PageHeader, Stars, TextField,
};
use crate::ui::format;
use crate::ui::i18n::{t, t_with};
use crate::ui::prefs::Prefs;
use crate::ui::shop::invite::InviteSupplier;
use crate::ui::shop::marketplace::SupplierTabs;
use crate::ui::shop::product_search::ProductSearch;

#[derive(Clone)]
enum Dialog {
    Create,
    Edit(Supplier),
    Detail(String),
    Delete(Supplier),
}

const SORTS: [(SupplierSort, &str); 4] = [
    (SupplierSort::Name, "suppliers.sort.name"),
    (SupplierSort::Orders, "suppliers.sort.orders"),
    (SupplierSort::LastOrder, "suppliers.sort.last_order"),
    (SupplierSort::Rating, "suppliers.sort.rating"),
];

#[component]
pub fn SuppliersPage() -> impl IntoView {
    let lang = expect_context::<Prefs>().lang;
    let sort = RwSignal::new(SupplierSort::Name);
    let version = RwSignal::new(0u32);
    let dialog = RwSignal::new(None::<Dialog>);
    let suppliers = Resource::new(
        move || (sort.get(), version.get(), Replica::track()),
        |(s, _, _)| Replica::suppliers(s),
    );
    let refresh = Callback::new(move |_| {
        dialog.set(None);
        version.update(|v| *v += 1);
    });
    let reload = Callback::new(move |_| version.update(|v| *v += 1));
    let close = Callback::new(move |_| dialog.set(None));

    view! {
        <PageHeader title="nav.suppliers">
            <button type="button" class="button primary add-button" on:click=move |_| dialog.set(Some(Dialog::Create))>
                {t("suppliers.add")}
            </button>
        </PageHeader>
        <SupplierTabs active="/shop/suppliers"/>
        <div class="toolbar">
            <select aria-label=t("suppliers.sort") on:change=move |ev| {
                let value = event_target_value(&ev);
                sort.set(SORTS.iter().find(|(_, key)| *key == value).map(|(s, _)| *s).unwrap_or_default());
            }>
                {SORTS.into_iter().map(|(_, key)| view! {
                    <option value=key>{move || translate(lang.get(), key).to_owned()}</option>
                }).collect_view()}
            </select>
        </div>
        <Loaded resource=suppliers show=move |list| match list {
            list if list.is_empty() => view! { <p class="empty-state">{t("suppliers.empty")}</p> }.into_any(),
            list => view! {
                <ul class="suppliers">
                    {list.into_iter().map(|s| view! { <SupplierCard supplier=s dialog on_change=reload/> }).collect_view()}
                </ul>
            }.into_any(),
        }/>
        {move || dialog.get().map(|open| match open {
            Dialog::Create => view! { <SupplierForm initial=SupplierInput::default() editing=None on_done=refresh on_close=close/> }.into_any(),
            Dialog::Edit(s) => view! { <SupplierForm initial=s.details.clone() editing=Some(s.id) on_done=refresh on_close=close/> }.into_any(),
            Dialog::Detail(id) => view! { <SupplierDetailDialog id on_change=reload on_close=close/> }.into_any(),
            Dialog::Delete(s) => {
                let (id, name) = (StoredValue::new(s.id), s.details.name);
                let message = t_with("suppliers.delete.confirm", move || vec![("name", name.clone())]);
                view! {
                    <ConfirmDialog title="suppliers.delete.title" message=Signal::derive(message) button="common.confirm_delete"
                        action=move || Replica::write(OfflineWrite::SupplierDelete { id: id.get_value() })
                        on_done=refresh on_close=close/>
                }.into_any()
            }
        })}
    }
}

#[component]
fn SupplierCard(
    supplier: Supplier,
    dialog: RwSignal<Option<Dialog>>,
    on_change: Callback<()>,
) -> impl IntoView {
    let stored = StoredValue::new(supplier.clone());
    let favorite = supplier.favorite;
    let toggle_favorite = move |_| {
        let id = stored.with_value(|s| s.id.clone());
        let write = OfflineWrite::SupplierFavorite {
            id,
            favorite: !favorite,
        };
        spawn_local(async move {
            if Replica::write(write).await.is_ok() {
                on_change.run(());
            }
        });
    };
    let orders = supplier.order_count;
    let last = supplier.last_order_at.clone().map(|at| format::day(&at));
    let rating = supplier.rating();
    view! {
        <li class="supplier-card" class:favorite=favorite>
            <div class="product-head">
                <h3>{supplier.details.name.clone()}</h3>
                {supplier.verified.then(|| view! { <span class="status-badge" data-verified="true">{t("suppliers.verified")}</span> })}
                <button type="button" class="icon-button star" aria-pressed=favorite.to_string()
                    aria-label=t(if favorite { "suppliers.unpin" } else { "suppliers.pin" }) on:click=toggle_favorite>
                    {if favorite { "★" } else { "☆" }}
                </button>
            </div>
            <p class="product-meta">
                {(!supplier.details.city.is_empty()).then(|| view! { <span>{supplier.details.city.clone()}</span> })}
                <span>{t_with("suppliers.order_count", move || vec![("count", orders.to_string())])}</span>
                {last.map(|day| view! { <span>{t_with("suppliers.last_order", move || vec![("date", day.clone())])}</span> })}
                {rating.map(|r| view! { <Stars rating=r/> })}
            </p>
            <ContactLinks supplier=supplier.clone()/>
            <div class="card-actions">
                <button type="button" class="button" on:click=move |_| dialog.set(Some(Dialog::Detail(stored.with_value(|s| s.id.clone()))))>{t("suppliers.details")}</button>
                <button type="button" class="button" on:click=move |_| dialog.set(Some(Dialog::Edit(stored.get_value())))>{t("common.edit")}</button>
                <button type="button" class="button danger-text" on:click=move |_| dialog.set(Some(Dialog::Delete(stored.get_value())))>{t("common.delete")}</button>
            </div>
        </li>
    }
}

/// Appeler, WhatsApp (with a greeting already typed), SMS, Itinéraire: those the supplier's
/// details allow.
#[component]
pub fn ContactLinks(supplier: Supplier) -> impl IntoView {
    let session = expect_context::<crate::domain::Session>();
    let shop = session.workspace_name.clone();
    let whatsapp_number = if supplier.details.whatsapp.is_empty() {
        supplier.details.phone.clone()
    } else {
        supplier.details.whatsapp.clone()
    };
    let greeting_name = supplier.details.name.clone();
    let greeting = t_with("suppliers.whatsapp.greeting", move || {
        vec![("name", greeting_name.clone()), ("shop", shop.clone())]
    });
    let has_place = !supplier.details.address.is_empty() || !supplier.details.city.is_empty();
    let place = rules::directions_link(&supplier.details.address, &supplier.details.city);
    let phone = supplier.details.phone.clone();
    view! {
        <div class="contact-links">
            {(!phone.is_empty()).then(|| view! {
                <a class="button" href=rules::call_link(&phone)>{t("suppliers.call")}</a>
                <a class="button" href=rules::sms_link(&phone)>{t("suppliers.sms")}</a>
            })}
            {(!whatsapp_number.is_empty()).then(|| view! {
                <a class="button whatsapp" target="_blank" rel="noopener"
                    href=move || rules::whatsapp_link(&whatsapp_number, &greeting())>{t("suppliers.whatsapp")}</a>
            })}
            {has_place.then(|| view! {
                <a class="button" target="_blank" rel="noopener" href=place>{t("suppliers.directions")}</a>
            })}
        </div>
    }
}

const FIELDS: &[&str] = &[
    "name", "phone", "whatsapp", "email", "address", "city", "notes",
];

#[component]
fn SupplierForm(
    initial: SupplierInput,
    editing: Option<String>,
    on_done: Callback<()>,
    on_close: Callback<()>,
) -> impl IntoView {
    let text = |value: &str| RwSignal::new(value.to_owned());
    let name = text(&initial.name);
    let phone = text(&initial.phone);
    let whatsapp = text(&initial.whatsapp);
    let email = text(&initial.email);
    let address = text(&initial.address);
    let city = text(&initial.city);
    let notes = text(&initial.notes);
    let submission = Submission::new();
    let errors = FormErrors::of(submission);
    let title = if editing.is_some() {
        "suppliers.form.edit"
    } else {
        "suppliers.form.new"
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = SupplierInput {
            name: name.get_untracked(),
            phone: phone.get_untracked(),
            whatsapp: whatsapp.get_untracked(),
            email: email.get_untracked(),
            address: address.get_untracked(),
            city: city.get_untracked(),
            notes: notes.get_untracked(),
        };
        let editing = editing.clone();
        // Recorded on the phone first (I3); a new supplier gets its key on the phone.
        let save = async move {
            let write = match editing {
                Some(id) => OfflineWrite::SupplierEdit { id, input },
                None => OfflineWrite::SupplierCreate {
                    id: new_record_key()?.into(),
                    input,
                },
            };
            Replica::write(write).await
        };
        submission.run(save, move |_| on_done.run(()));
    };
    view! {
        <Modal title on_close>
            <form class="supplier-form" on:submit=submit novalidate>
                <TextField id="supplier-name" label="suppliers.name" value=name error=errors.for_field("name")/>
                <TextField id="supplier-phone" label="suppliers.phone" value=phone error=errors.for_field("phone") input_type="tel"/>
                <TextField id="supplier-whatsapp" label="suppliers.whatsapp_number" value=whatsapp error=errors.for_field("whatsapp") input_type="tel"/>
                <p class="muted hint">{t("suppliers.phone.hint")}</p>
                <TextField id="supplier-email" label="login.email" value=email error=errors.for_field("email") input_type="email"/>
                <TextField id="supplier-address" label="suppliers.address" value=address error=errors.for_field("address")/>
                <TextField id="supplier-city" label="suppliers.city" value=city error=errors.for_field("city")/>
                <div class="field">
                    <label for="supplier-notes">{t("product.notes")}</label>
                    <textarea id="supplier-notes" rows="2" prop:value=move || notes.get()
                        on:input=move |ev| notes.set(event_target_value(&ev))></textarea>
                    <FieldError id="supplier-notes" error=errors.for_field("notes")/>
                </div>
                <FormAlert message=errors.general(FIELDS)/>
                <button type="submit" class="button primary" disabled=submission.pending>{t("common.save")}</button>
            </form>
        </Modal>
    }
}

#[component]
fn SupplierDetailDialog(
    id: String,
    on_change: Callback<()>,
    on_close: Callback<()>,
) -> impl IntoView {
    let version = RwSignal::new(0u32);
    let id = StoredValue::new(id);
    // Read when it opens and after a change made in it (a product linked), not at every sync,
    // so an invitation being typed stays.
    let online = use_context::<Replica>().map(|replica| replica.online);
    let detail = LocalResource::new(move || {
        version.track();
        let online = online.is_none_or(|online| online.get_untracked());
        Replica::supplier(id.get_value(), online)
    });
    let changed = Callback::new(move |_| {
        version.update(|v| *v += 1);
        on_change.run(());
    });
    view! {
        <Modal title="suppliers.detail" on_close>
            <Transition fallback=|| view! { <p class="loading">{t("common.loading")}</p> }>
                {move || Suspend::new(async move {
                    detail.await.ok().map(|d| view! { <SupplierDetailBody detail=d on_change=changed/> })
                })}
            </Transition>
        </Modal>
    }
}

#[component]
fn SupplierDetailBody(detail: SupplierDetail, on_change: Callback<()>) -> impl IntoView {
    let supplier = detail.supplier.clone();
    let reliability = detail.reliability.clone();
    let percent = |value: Option<u32>| {
        value
            .map(|v| format!("{v} %"))
            .unwrap_or_else(|| "—".into())
    };
    let on_time = percent(reliability.on_time_percent());
    let fill_rate = percent(reliability.fill_rate_percent());
    let delivered = reliability.deliveries.delivered;
    // Linking a product is the server's: offline the links are read, not changed.
    let online = use_context::<Replica>().map(|replica| replica.online);
    let online = move || online.is_none_or(|online| online.get());
    let supplier_id = StoredValue::new(supplier.id.clone());
    let order_link = format!("/shop/orders?new=1&supplier={}", supplier.id);
    view! {
        <div class="product-head">
            <h3>{supplier.details.name.clone()}</h3>
            {supplier.verified.then(|| view! { <span class="status-badge" data-verified="true">{t("suppliers.verified")}</span> })}
        </div>
        <dl class="facts">
            {(!supplier.details.phone.is_empty()).then(|| view! { <dt>{t("suppliers.phone")}</dt><dd>{supplier.details.phone.clone()}</dd> })}
            {(!supplier.details.email.is_empty()).then(|| view! { <dt>{t("login.email")}</dt><dd>{supplier.details.email.clone()}</dd> })}
            {(!supplier.details.address.is_empty() || !supplier.details.city.is_empty()).then(|| view! {
                <dt>{t("suppliers.address")}</dt><dd>{format!("{} {}", supplier.details.address, supplier.details.city).trim().to_owned()}</dd>
            })}
            {(!supplier.details.notes.is_empty()).then(|| view! { <dt>{t("product.notes")}</dt><dd>{supplier.details.notes.clone()}</dd> })}
        </dl>
        <ContactLinks supplier=supplier.clone()/>
        <a class="button primary" href=order_link>{t("suppliers.order")}</a>
        {(!supplier.verified).then(|| view! { <InviteSupplier supplier=supplier.clone()/> })}
        <h4>{t("suppliers.reliability")}</h4>
        <dl class="kpis reliability">
            <div class="kpi"><dt>{t("suppliers.delivered")}</dt><dd>{delivered}</dd></div>
            <div class="kpi"><dt>{t("suppliers.on_time")}</dt><dd data-figure="on-time">{on_time}</dd></div>
            <div class="kpi"><dt>{t("suppliers.fill_rate")}</dt><dd data-figure="fill-rate">{fill_rate}</dd></div>
            <div class="kpi"><dt>{t("suppliers.rating.title")}</dt><dd>{match reliability.rating() {
                Some(r) => view! { <Stars rating=r/> }.into_any(),
                None => view! { <span class="muted">{t("suppliers.rating.none")}</span> }.into_any(),
            }}</dd></div>
        </dl>
        <h4>{t("suppliers.products")}</h4>
        <ul class="linked-products">
            {detail.products.into_iter().map(|p| {
                let product_id = p.id.clone();
                let unlink_name = p.name.clone();
                let unlink = move |_| {
                    let (supplier_id, product_id) = (supplier_id.get_value(), product_id.clone());
                    spawn_local(async move {
                        if send(|op| LinkProduct { op, supplier_id, product_id, linked: false }).await.is_ok() {
                            on_change.run(());
                        }
                    });
                };
                view! {
                    <li>
                        <span>{p.name.clone()}</span>
                        <span class="muted">{format::amount(p.purchase_price)} " / " {p.unit.clone()}</span>
                        {move || online().then(|| {
                            let name = unlink_name.clone();
                            view! { <button type="button" class="icon-button" aria-label=t_with("suppliers.unlink", move || vec![("name", name.clone())]) on:click=unlink.clone()>"×"</button> }
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
        <NeedsNetwork><LinkProductSearch supplier_id=supplier_id.get_value() on_change/></NeedsNetwork>
        <h4>{t("suppliers.orders")}</h4>
        <OrderList orders=detail.orders/>
    }
}

/// Finds a product of the shop and records that the supplier supplies it.
#[component]
fn LinkProductSearch(supplier_id: String, on_change: Callback<()>) -> impl IntoView {
    let supplier_id = StoredValue::new(supplier_id);
    let link = Callback::new(move |product: Product| {
        let (supplier_id, product_id) = (supplier_id.get_value(), product.id);
        spawn_local(async move {
            // A product made on the phone reaches the server first.
            Replica::settled().await;
            if send(|op| LinkProduct {
                op,
                supplier_id,
                product_id,
                linked: true,
            })
            .await
            .is_ok()
            {
                on_change.run(());
            }
        });
    });
    view! { <ProductSearch label="suppliers.link.search" on_pick=link/> }
}

/// Orders as compact rows: number, date, status, total.
#[component]
pub fn OrderList(orders: Vec<OrderSummary>) -> impl IntoView {
    if orders.is_empty() {
        return view! { <p class="muted">{t("orders.empty")}</p> }.into_any();
    }
    view! {
        <ul class="order-rows">
            {orders.into_iter().map(|o| {
                let number = o.number;
                view! {
                    <li>
                        <span>{t_with("orders.number", move || vec![("number", number.to_string())])}</span>
                        <span class="muted">{format::day(&o.created_at)}</span>
                        <OrderBadge status=o.status/>
                        <strong>{format::amount(o.received_total.unwrap_or(o.total))}</strong>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
