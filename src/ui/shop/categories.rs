//! "Gérer" the categories (B2): add, rename, delete; products of a deleted category become
//! "Sans catégorie".

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::AppError;
use crate::domain::category::Category;
use crate::domain::outbox::OfflineWrite;
use crate::offline::Replica;
use crate::offline::write::new_record_key;
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
    let errors = FormErrors::new();
    let after = move |result: Result<(), AppError>| match result {
        Ok(()) => {
            errors.set(None);
            on_change.run(());
        }
        Err(error) => errors.set(Some(error)),
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked();
        spawn_local(async move {
            let result = match new_record_key() {
                Ok(id) => {
                    Replica::write(OfflineWrite::CategoryCreate {
                        id: id.into(),
                        name,
                    })
                    .await
                }
                Err(error) => Err(error),
            };
            after(result.map(|()| new_name.set(String::new())));
        });
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
                    <CategoryRow category after/>
                </For>
            </ul>
        </Modal>
    }
}

#[component]
fn CategoryRow(
    category: Category,
    after: impl Fn(Result<(), AppError>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let name = RwSignal::new(category.name.clone());
    let confirming = RwSignal::new(false);
    let id = StoredValue::new(category.id.clone());
    let count = category.product_count;
    let rename = move |_| {
        let (id, name) = (id.get_value(), name.get_untracked());
        spawn_local(async move {
            after(Replica::write(OfflineWrite::CategoryRename { id, name }).await)
        });
    };
    let delete = move |_| {
        let id = id.get_value();
        spawn_local(
            async move { after(Replica::write(OfflineWrite::CategoryDelete { id }).await) },
        );
    };
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
