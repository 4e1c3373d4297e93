//! "Gérer" the categories (B2): add, rename, delete; products of a deleted category become
//! "Sans catégorie".

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::category::Category;
use crate::domain::outbox::OfflineWrite;
use crate::offline::Replica;
use crate::offline::write::{Submission, new_record_key};
use crate::ui::components::{FormAlert, FormErrors, Modal, TextField};
use crate::ui::i18n::{t, t_with};

#[component]
pub fn ManageCategories(
    /// Followed while open: a sync updates the rows in place, never the one being edited.
    categories: Resource<Result<Vec<Category>, AppError>>,
    #[prop(into)] on_change: Callback<()>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let new_name = RwSignal::new(String::new());
    // One write at a time; an answer that comes after "Gérer" was closed touches nothing (the
    // list follows the replica, so the category shows wherever it is listed anyway).
    let submission = Submission::new();
    let errors = FormErrors::of(submission);
    let write = move |change: OfflineWrite, done: Box<dyn FnOnce()>| {
        submission.run(Replica::write(change), move |()| {
            done();
            on_change.run(());
        });
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match new_record_key() {
            Ok(id) => {
                let name = new_name.get_untracked();
                let create = OfflineWrite::CategoryCreate {
                    id: id.into(),
                    name,
                };
                write(create, Box::new(move || new_name.set(String::new())));
            }
            Err(error) => submission.refuse(error),
        }
    };
    view! {
        <Modal title="category.manage" on_close>
            <form class="inline-form" on:submit=add novalidate>
                <TextField id="category-name" label="category.new" value=new_name error=errors.for_field("name")/>
                <button type="submit" class="button">{t("category.add")}</button>
            </form>
            <FormAlert message=errors.general(&["name"])/>
            <ul class="category-list">
                <For each=move || categories.get().and_then(Result::ok).unwrap_or_default()
                    key=|c| (c.id.clone(), c.name.clone(), c.product_count) let:category>
                    <CategoryRow category write=move |change| write(change, Box::new(|| ()))/>
                </For>
            </ul>
        </Modal>
    }
}

#[component]
fn CategoryRow(
    category: Category,
    write: impl Fn(OfflineWrite) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let name = RwSignal::new(category.name.clone());
    let confirming = RwSignal::new(false);
    let id = StoredValue::new(category.id.clone());
    let count = category.product_count;
    let rename = move |_| {
        let (id, name) = (id.get_value(), name.get_untracked());
        write(OfflineWrite::CategoryRename { id, name });
    };
    let delete = move |_| write(OfflineWrite::CategoryDelete { id: id.get_value() });
    view! {
        <li class="category-row">
            <input aria-label=t("category.name") prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            <span class="muted">{t_with("category.count", move || vec![("count", count.to_string())])}</span>
            <button type="button" class="button" on:click=rename>{t("category.rename")}</button>
            <Show when=move || confirming.get() fallback=move || view! {
                <button type="button" class="button danger-text" on:click=move |_| confirming.set(true)>{t("common.delete")}</button>
            }>
                <p class="confirm">{t_with("category.delete.confirm", move || vec![("count", count.to_string())])}</p>
                <button type="button" class="button danger" on:click=delete>{t("common.confirm_delete")}</button>
            </Show>
        </li>
    }
}
