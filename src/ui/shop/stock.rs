//! Stock in / out (B4) and a product's ledger with the balance after each movement (B5).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::api::stock::product_ledger;
use crate::domain::outbox::OfflineWrite;
use crate::domain::product::Product;
use crate::domain::stock::{LEDGER_PAGE, LedgerLine, MovementInput, RECENT_LINES};
use crate::domain::stock::{MovementKind, reason_label_key};
use crate::i18n::translate;
use crate::offline::{Replica, Submission};
use crate::ui::components::{
    FieldError, FormAlert, FormErrors, Loaded, Modal, NumberField, TextField,
};
use crate::ui::i18n::{t, t_with};
use crate::ui::prefs::Prefs;

const FIELDS: &[&str] = &["quantity", "reason", "note"];

#[component]
pub fn MoveStockForm(
    product: Product,
    kind: MovementKind,
    #[prop(into)] on_done: Callback<()>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let lang = expect_context::<Prefs>().lang;
    let quantity = RwSignal::new(String::new());
    let reason = RwSignal::new(
        if kind == MovementKind::In {
            "delivery"
        } else {
            "sale"
        }
        .to_owned(),
    );
    let note = RwSignal::new(String::new());
    let submission = Submission::new();
    let errors = FormErrors::of(submission);
    let title = match kind {
        MovementKind::In => "stock.in.title",
        MovementKind::Out => "stock.out.title",
    };
    let product_id = product.id.clone();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Ok(amount) = quantity.get_untracked().trim().parse::<i64>() else {
            return errors.set(Some(crate::domain::AppError::invalid(
                "quantity",
                "error.quantity.positive",
            )));
        };
        let input = MovementInput {
            product_id: product_id.clone(),
            kind,
            quantity: amount,
            reason: reason.get_untracked(),
            note: note.get_untracked(),
        };
        // Recorded on the phone first (I3): the stock changes at once, with or without network.
        submission.run(Replica::write(OfflineWrite::Movement(input)), move |_| {
            on_done.run(())
        });
    };
    let current = format!("{} {}", product.quantity, product.unit);
    view! {
        <Modal title on_close>
            <p class="muted">{product.name.clone()} " · " {t_with("stock.current", move || vec![("quantity", current.clone())])}</p>
            <form on:submit=submit novalidate>
                <NumberField id="move-quantity" label="stock.quantity" value=quantity error=errors.for_field("quantity")/>
                <div class="field">
                    <label for="move-reason">{t("stock.reason")}</label>
                    <select id="move-reason" prop:value=move || reason.get() on:change=move |ev| reason.set(event_target_value(&ev))>
                        {kind.reasons().iter().map(|&r| view! {
                            <option value=r>{move || translate(lang.get(), reason_label_key(r)).to_owned()}</option>
                        }).collect_view()}
                    </select>
                    <FieldError id="move-reason" error=errors.for_field("reason")/>
                </div>
                <TextField id="move-note" label="stock.note" value=note error=errors.for_field("note")/>
                <FormAlert message=errors.general(FIELDS)/>
                <button type="submit" class="button primary" disabled=submission.pending>{t("common.save")}</button>
            </form>
        </Modal>
    }
}

/// A product's ledger: the latest movements the phone keeps, at once and offline (I2); older
/// ones are the server's, a page at a time (B5).
#[component]
pub fn LedgerLines(product_id: String) -> impl IntoView {
    let id = StoredValue::new(product_id);
    // Read again when the replica changes: a sync brings who made each line.
    let recent = Resource::new(
        move || (id.get_value(), Replica::track()),
        |(id, _)| Replica::ledger(id),
    );
    // Once older lines are asked for, the server's pages replace the phone's lines.
    let from_server = RwSignal::new(None::<Vec<LedgerLine>>);
    let ended = RwSignal::new(false);
    let online = expect_context::<Replica>().online;
    let submission = Submission::new();
    let older = move |_| {
        let shown = from_server.with_untracked(|lines| lines.as_ref().map_or(0, Vec::len));
        let page = (shown / LEDGER_PAGE as usize) as u32;
        submission.run(product_ledger(id.get_value(), page), move |lines| {
            ended.set(lines.len() < LEDGER_PAGE as usize);
            from_server.update(|shown| shown.get_or_insert_default().extend(lines));
        });
    };
    view! {
            <Loaded resource=recent show=move |recent| {
                let lines = from_server.get().unwrap_or(recent);
                let may_have_more = lines.len() >= RECENT_LINES && !ended.get();
                if lines.is_empty() {
                    return view! { <p class="empty">{t("stock.ledger.empty")}</p> }.into_any();
                }
                let lines = lines.into_iter().map(|line| (None, line)).collect();
                view! {
                    <MovementTable lines/>
                    {may_have_more.then(|| view! {
                        <Show when=move || online.get()
                            fallback=|| view! { <p class="muted">{t("stock.ledger.older_offline")}</p> }>
                            <button type="button" class="button" on:click=older disabled=submission.pending>
                                {t("stock.ledger.older")}
                            </button>
                        </Show>
                    })}
                }.into_any()
            }/>
            <FormAlert message=FormErrors::of(submission).general(&[])/>
    }
}

/// Movements as a table; with a product name, the line says which product moved.
#[component]
pub fn MovementTable(lines: Vec<(Option<String>, LedgerLine)>) -> impl IntoView {
    let lang = expect_context::<Prefs>().lang;
    let with_products = lines.iter().any(|(product, _)| product.is_some());
    view! {
        <table class="ledger">
            <thead><tr>
                <th>{t("stock.ledger.date")}</th>
                {with_products.then(|| view! { <th>{t("product.name")}</th> })}
                <th>{t("stock.ledger.movement")}</th>
                <th>{t("stock.ledger.balance")}</th><th>{t("stock.ledger.by")}</th>
            </tr></thead>
            <tbody>
                {lines.into_iter().map(|(product, line)| {
                    let sign = if line.kind == MovementKind::In { "+" } else { "−" };
                    let reason_key = reason_label_key(&line.reason);
                    let note = line.note.clone();
                    view! {
                        <tr data-kind=line.kind.as_str()>
                            <td>{crate::ui::format::date_time(&line.at)}</td>
                            {product.map(|name| view! { <td class="product-name">{name}</td> })}
                            <td>
                                <strong>{format!("{sign}{}", line.quantity)}</strong> " "
                                {move || translate(lang.get(), reason_key).to_owned()}
                                {(!note.is_empty()).then(|| view! { <span class="muted">" · " {note.clone()}</span> })}
                            </td>
                            <td class="balance">{line.balance_after}</td>
                            <td>{line.by_name.unwrap_or_default()}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
