//! A recurring order (C8): every week on a weekday, or every N days.

use leptos::prelude::*;

use crate::api::orders::SetRecurrence;
use crate::domain::order::{OrderSummary, Recurrence};
use crate::offline::{Submission, send};
use crate::ui::components::{FieldError, FormAlert, FormErrors};
use crate::ui::format;
use crate::ui::i18n::{t, t_with};

/// Every week on a weekday, or every N days; or not recurring.
#[component]
pub fn RecurrenceForm(order: OrderSummary, on_done: Callback<()>) -> impl IntoView {
    let (kind, weekday, days) = match order.recurrence {
        Some(Recurrence::Week { weekday }) => ("week", weekday, 7),
        Some(Recurrence::Days { days }) => ("days", 1, days),
        None => ("none", 1, 7),
    };
    let kind = RwSignal::new(kind.to_owned());
    let weekday = RwSignal::new(weekday.to_string());
    let days = RwSignal::new(days.to_string());
    let submission = Submission::new();
    let errors = FormErrors::of(submission);
    let id = StoredValue::new(order.id.clone());
    let next_run = order.next_run.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let recurrence = match kind.get_untracked().as_str() {
            "week" => Some(Recurrence::Week {
                weekday: weekday.get_untracked().parse().unwrap_or(0),
            }),
            "days" => Some(Recurrence::Days {
                days: days.get_untracked().trim().parse().unwrap_or(0),
            }),
            _ => None,
        };
        let id = id.get_value();
        submission.run(
            async move {
                // An order made on the phone reaches the server first.
                crate::offline::Replica::settled().await;
                send(move |op| SetRecurrence { op, id, recurrence }).await
            },
            move |_| on_done.run(()),
        );
    };
    view! {
        <form class="card recurrence-form" on:submit=submit novalidate>
            <h4>{t("orders.recurrence")}</h4>
            {next_run.map(|day| view! { <p class="muted" data-figure="next-run">{t_with("orders.recurrence.next", move || vec![("date", format::day(&day))])}</p> })}
            <div class="field">
                <label for="recurrence-kind">{t("orders.recurrence.every")}</label>
                <select id="recurrence-kind" prop:value=move || kind.get() on:change=move |ev| kind.set(event_target_value(&ev))>
                    <option value="none">{t("orders.recurrence.none")}</option>
                    <option value="week">{t("orders.recurrence.week")}</option>
                    <option value="days">{t("orders.recurrence.days")}</option>
                </select>
            </div>
            <Show when=move || kind.get() == "week">
                <div class="field">
                    <label for="recurrence-weekday">{t("orders.recurrence.weekday")}</label>
                    <select id="recurrence-weekday" prop:value=move || weekday.get() on:change=move |ev| weekday.set(event_target_value(&ev))>
                        {WEEKDAYS.into_iter().enumerate().map(|(i, key)| view! { <option value=(i + 1).to_string()>{t(key)}</option> }).collect_view()}
                    </select>
                </div>
            </Show>
            <Show when=move || kind.get() == "days">
                <div class="field">
                    <label for="recurrence-days">{t("orders.recurrence.day_count")}</label>
                    <input id="recurrence-days" type="number" inputmode="numeric" min="1" max="365"
                        prop:value=move || days.get() on:input=move |ev| days.set(event_target_value(&ev))/>
                </div>
            </Show>
            <FieldError id="recurrence" error=errors.for_field("recurrence")/>
            <FormAlert message=errors.general(&["recurrence"])/>
            <button type="submit" class="button" disabled=submission.pending>{t("common.save")}</button>
        </form>
    }
}

const WEEKDAYS: [&str; 7] = [
    "weekday.monday",
    "weekday.tuesday",
    "weekday.wednesday",
    "weekday.thursday",
    "weekday.friday",
    "weekday.saturday",
    "weekday.sunday",
];
