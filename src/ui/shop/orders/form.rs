//! The order form (C4): a supplier, product lines with quantity and price, the expected day.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::AppError;
use crate::domain::order::{OrderInput, OrderLineInput};
use crate::domain::outbox::OfflineWrite;
use crate::domain::product::Product;
use crate::domain::supplier::SupplierSort;
use crate::offline::write::new_record_key;
use crate::offline::{Replica, Submission};
use crate::ui::components::{FieldError, FormAlert, FormErrors, Modal};
use crate::ui::format;
use crate::ui::i18n::{t, t_with};
use crate::ui::shop::product_search::ProductSearch;

/// A line of the order being written: quantity and price as typed.
#[derive(Clone)]
struct LineDraft {
    product_id: String,
    name: String,
    unit: String,
    quantity: RwSignal<String>,
    unit_price: RwSignal<String>,
}

impl LineDraft {
    fn amount(&self) -> i64 {
        let number = |s: RwSignal<String>| s.with(|v| v.trim().parse::<i64>().unwrap_or(0));
        number(self.quantity).saturating_mul(number(self.unit_price))
    }
}

const FORM_FIELDS: &[&str] = &["supplier_id", "lines", "expected_on", "note"];

#[component]
pub fn OrderForm(
    supplier_id: String,
    /// A product to start with, and how many.
    product: Option<(String, i64)>,
    on_created: Callback<String>,
    on_close: Callback<()>,
) -> impl IntoView {
    let suppliers = Resource::new(Replica::track, |_| Replica::suppliers(SupplierSort::Name));
    let supplier = RwSignal::new(supplier_id);
    let lines = RwSignal::new(Vec::<LineDraft>::new());
    let expected_on = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let submission = Submission::new();
    let errors = FormErrors::of(submission);
    let total = move || lines.with(|l| l.iter().map(LineDraft::amount).sum::<i64>());
    // The typed values live as long as the form, not as the search results they came from.
    let owner = Owner::current().expect("the order form has an owner");
    let add_line = Callback::new(move |picked: Product| {
        if lines.with_untracked(|l| l.iter().any(|x| x.product_id == picked.id)) {
            return;
        }
        let line = owner.with(|| LineDraft {
            quantity: RwSignal::new("1".into()),
            unit_price: RwSignal::new(picked.purchase_price.to_string()),
            product_id: picked.id,
            name: picked.name,
            unit: picked.unit,
        });
        lines.update(|l| l.push(line));
    });
    if let Some((product_id, quantity)) = product {
        spawn_local(async move {
            if let Ok(p) = crate::api::products::get_product(product_id).await {
                add_line.run(p);
                if let Some(line) = lines.with_untracked(|l| l.first().cloned()) {
                    line.quantity.set(quantity.to_string());
                }
            }
        });
    }

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let parsed: Result<Vec<OrderLineInput>, AppError> = lines.with_untracked(|l| {
            l.iter()
                .map(|line| {
                    let number = |s: RwSignal<String>| {
                        s.get_untracked()
                            .trim()
                            .parse::<i64>()
                            .map_err(|_| AppError::invalid("lines", "error.order.line_quantity"))
                    };
                    Ok(OrderLineInput {
                        product_id: line.product_id.clone(),
                        quantity: number(line.quantity)?,
                        unit_price: number(line.unit_price)
                            .map_err(|_| AppError::invalid("lines", "error.order.line_price"))?,
                    })
                })
                .collect()
        });
        let lines = match parsed {
            Ok(lines) => lines,
            Err(error) => return errors.set(Some(error)),
        };
        let input = OrderInput {
            supplier_id: supplier.get_untracked(),
            lines,
            expected_on: expected_on.get_untracked(),
            note: note.get_untracked(),
        };
        // Recorded on the phone first (I3), under a key made here: its detail opens at once.
        let id: String = match new_record_key() {
            Ok(key) => key.into(),
            Err(error) => return errors.set(Some(error)),
        };
        let opened = id.clone();
        submission.run(
            Replica::write(OfflineWrite::OrderCreate { id, input }),
            move |()| on_created.run(opened),
        );
    };

    view! {
        <Modal title="orders.form.new" on_close>
            <form class="order-form" on:submit=submit novalidate>
                <div class="field">
                    <label for="order-supplier">{t("orders.supplier")}</label>
                    <Suspense fallback=|| ()>
                        {move || Suspend::new(async move {
                            let list = suppliers.await.unwrap_or_default();
                            let none = list.is_empty();
                            view! {
                                <select id="order-supplier" prop:value=move || supplier.get() on:change=move |ev| supplier.set(event_target_value(&ev))>
                                    <option value="">{t("orders.choose_supplier")}</option>
                                    {list.into_iter().map(|s| view! { <option value=s.id.clone() selected=supplier.get_untracked() == s.id>{s.details.name}</option> }).collect_view()}
                                </select>
                                {none.then(|| view! { <p class="muted hint"><a href="/shop/suppliers">{t("orders.no_supplier_yet")}</a></p> })}
                            }
                        })}
                    </Suspense>
                    <FieldError id="order-supplier" error=errors.for_field("supplier_id")/>
                </div>
                <ProductSearch label="orders.add_product" on_pick=add_line/>
                <ul class="order-lines">
                    <For each=move || lines.get() key=|line| line.product_id.clone() let:line>
                        <OrderLineRow line lines/>
                    </For>
                </ul>
                <FieldError id="order-lines" error=errors.for_field("lines")/>
                <p class="order-total">{t("orders.total")} " " <strong data-figure="order-total">{move || format::amount(total())}</strong></p>
                <div class="field">
                    <label for="order-expected">{t("orders.expected")}</label>
                    <input id="order-expected" type="date" prop:value=move || expected_on.get() on:change=move |ev| expected_on.set(event_target_value(&ev))/>
                    <FieldError id="order-expected" error=errors.for_field("expected_on")/>
                </div>
                <div class="field">
                    <label for="order-note">{t("orders.note")}</label>
                    <textarea id="order-note" rows="2" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                    <FieldError id="order-note" error=errors.for_field("note")/>
                </div>
                <FormAlert message=errors.general(FORM_FIELDS)/>
                <button type="submit" class="button primary" disabled=submission.pending>{t("orders.create")}</button>
            </form>
        </Modal>
    }
}

#[component]
fn OrderLineRow(line: LineDraft, lines: RwSignal<Vec<LineDraft>>) -> impl IntoView {
    let id = line.product_id.clone();
    let name = line.name.clone();
    let remove = move |_| lines.update(|l| l.retain(|x| x.product_id != id));
    let (quantity, price) = (line.quantity, line.unit_price);
    let quantity_label = t_with("orders.line.quantity", {
        let name = name.clone();
        move || vec![("name", name.clone())]
    });
    let price_label = t_with("orders.line.price", {
        let name = name.clone();
        move || vec![("name", name.clone())]
    });
    view! {
        <li class="order-line">
            <span class="line-name">{line.name.clone()} " " <span class="muted">{line.unit.clone()}</span></span>
            <input type="number" inputmode="numeric" min="1" aria-label=quantity_label class="line-quantity"
                prop:value=move || quantity.get() on:input=move |ev| quantity.set(event_target_value(&ev))/>
            <input type="number" inputmode="numeric" min="0" aria-label=price_label class="line-price"
                prop:value=move || price.get() on:input=move |ev| price.set(event_target_value(&ev))/>
            <button type="button" class="icon-button" aria-label=t("orders.line.remove") on:click=remove>"×"</button>
        </li>
    }
}
