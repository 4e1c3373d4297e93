//! "Marquer livrée" (C6): what arrived of each line.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::order::{Order, ReceivedLine};
use crate::domain::outbox::OfflineWrite;
use crate::offline::Replica;
use crate::offline::Submission;
use crate::ui::components::{Drafts, FieldError, FormAlert, FormErrors};
use crate::ui::i18n::t;

/// "Marquer livrée": the received quantity of each line, pre-filled with what was ordered (or
/// with what was typed, by product, before the form was drawn again).
#[component]
pub fn DeliveryForm(order: Order, typed: Drafts<String>, on_done: Callback<()>) -> impl IntoView {
    let received: Vec<(String, String, RwSignal<String>)> = order
        .lines
        .iter()
        .filter_map(|line| {
            let product_id = line.product_id.clone()?;
            let quantity = typed.keep(product_id.clone(), || line.quantity.to_string());
            Some((product_id, line.name.clone(), quantity))
        })
        .collect();
    let rows = received.clone();
    let submission = Submission::new();
    let errors = FormErrors::of(submission);
    let id = StoredValue::new(order.summary.id.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lines: Result<Vec<ReceivedLine>, AppError> = received
            .iter()
            .map(|(product_id, _, quantity)| {
                let quantity = quantity.get_untracked().trim().parse::<i64>();
                Ok(ReceivedLine {
                    product_id: product_id.clone(),
                    quantity: quantity.map_err(|_| {
                        AppError::invalid("received", "error.order.received_quantity")
                    })?,
                })
            })
            .collect();
        let received = match lines {
            Ok(lines) => lines,
            Err(error) => return errors.set(Some(error)),
        };
        let id = id.get_value();
        // Recorded on the phone first (I4): the received units are in stock at once.
        submission.run(
            Replica::write(OfflineWrite::Delivery { id, received }),
            move |_| on_done.run(()),
        );
    };
    view! {
        <form class="card delivery-form" on:submit=submit novalidate>
            <h4>{t("orders.deliver.title")}</h4>
            <p class="muted">{t("orders.deliver.hint")}</p>
            {rows.into_iter().map(|(_, name, quantity)| {
                view! {
                    <label class="field inline">
                        <span>{name}</span>
                        <input type="number" inputmode="numeric" min="0" class="received-quantity"
                            prop:value=move || quantity.get() on:input=move |ev| quantity.set(event_target_value(&ev))/>
                    </label>
                }
            }).collect_view()}
            <FieldError id="received" error=errors.for_field("received")/>
            <FormAlert message=errors.general(&["received"])/>
            <button type="submit" class="button primary" disabled=submission.pending>{t("orders.deliver.confirm")}</button>
        </form>
    }
}
