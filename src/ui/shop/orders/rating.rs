//! The stars given to a registered supplier after a delivery (G6).

use leptos::prelude::*;

use crate::api::connected_orders::RateOrder;
use crate::domain::connected_order::RatingInput;
use crate::domain::order::Order;
use crate::offline::{Submission, send};
use crate::ui::components::{FieldError, FormAlert, FormErrors, Stars};
use crate::ui::i18n::{t, t_with};

/// After delivery (G6): the stars given, or 1–5 stars and a comment to give them, once.
#[component]
pub fn RatingSection(order: Order, on_done: Callback<()>) -> impl IntoView {
    if let Some(score) = order.summary.rating {
        return view! {
            <section class="card rating-given" data-figure="rating">
                <h4>{t("rating.title")}</h4>
                <Stars rating=score as f64/>
                {order.rating_comment.clone().filter(|c| !c.is_empty()).map(|c| view! { <p>{c}</p> })}
            </section>
        }
        .into_any();
    }
    let score = RwSignal::new(0i64);
    let comment = RwSignal::new(String::new());
    let submission = Submission::new();
    let errors = FormErrors::of(submission);
    let id = StoredValue::new(order.summary.id.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let rating = RatingInput {
            score: score.get_untracked(),
            comment: comment.get_untracked(),
        };
        let id = id.get_value();
        let rate = async move {
            crate::offline::Replica::settled().await;
            send(move |op| RateOrder { op, id, rating }).await
        };
        submission.run(rate, move |_| on_done.run(()));
    };
    view! {
        <form class="card rating-form" on:submit=submit novalidate>
            <h4>{t("rating.prompt")}</h4>
            <fieldset class="star-picker">
                <legend>{t("rating.score")}</legend>
                {(1..=5).map(|n| {
                    let label = t_with("rating.stars", move || vec![("count", n.to_string())]);
                    view! {
                        <label class=move || { if score.get() >= n { "star lit" } else { "star" } }>
                            <input type="radio" name="rating-score" value=n.to_string() aria-label=label
                                on:change=move |_| score.set(n)/>
                            <span aria-hidden="true">"★"</span>
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <FieldError id="rating-score" error=errors.for_field("score")/>
            <div class="field">
                <label for="rating-comment">{t("rating.comment")}</label>
                <textarea id="rating-comment" rows="2" prop:value=move || comment.get()
                    on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                <FieldError id="rating-comment" error=errors.for_field("comment")/>
            </div>
            <FormAlert message=errors.general(&["score", "comment"])/>
            <button type="submit" class="button primary" disabled=submission.pending>{t("rating.submit")}</button>
        </form>
    }
    .into_any()
}
