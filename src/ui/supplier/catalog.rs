//! Catalogue of a registered supplier (F2): search, category filter, pages; add, edit, delete;
//! a quick "Disponible" toggle on each row; an optional photo per item (added once it is saved).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::catalog::{CreateItem, DeleteItem, SetItemAvailable, UpdateItem, list_catalog};
use crate::domain::catalog::ItemInput;
use crate::domain::catalog::{CatalogItem, CatalogQuery};
use crate::domain::photo::PhotoTarget;
use crate::i18n::translate;
use crate::offline::{Submission, send};
use crate::ui::components::photo::ListThumb;
use crate::ui::components::{
    CategorySelect, ConfirmDialog, FieldError, FormAlert, FormErrors, ListPage, Loaded, Modal,
    NumberField, PageHeader, PhotoField, TextField, whole_number,
};
use crate::ui::format::amount;
use crate::ui::i18n::{t, t_with};
use crate::ui::prefs::Prefs;

/// What is open over the list.
#[derive(Clone)]
enum Dialog {
    Create,
    Edit(CatalogItem),
    Delete(CatalogItem),
}

#[component]
pub fn CatalogPage() -> impl IntoView {
    let lang = expect_context::<Prefs>().lang;
    let query = RwSignal::new(CatalogQuery::default());
    let version = RwSignal::new(0u32);
    let page = Resource::new(
        move || (query.get(), version.get()),
        |(query, _)| list_catalog(query),
    );
    let dialog = RwSignal::new(None::<Dialog>);
    let typed = RwSignal::new(String::new());
    let refresh = Callback::new(move |()| {
        dialog.set(None);
        version.update(|v| *v += 1);
    });
    let close = Callback::new(move |()| dialog.set(None));
    // A new or removed photo shows in its row at once; the form stays open.
    let reload = Callback::new(move |()| version.update(|v| *v += 1));
    view! {
        <PageHeader title="nav.catalog">
            <button type="button" class="button primary add-button" on:click=move |_| dialog.set(Some(Dialog::Create))>
                {t("catalog.add")}
            </button>
        </PageHeader>
        <form class="search" role="search" on:submit=move |ev| {
            ev.prevent_default();
            let search = typed.get_untracked();
            query.update(|q| { q.search = search; q.page = 0; });
        }>
            <input type="search" aria-label=t("catalog.search") placeholder=t("catalog.search")
                prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
            <button type="submit" class="button">{t("products.search.go")}</button>
        </form>
        <Loaded resource=page show=move |page| view! {
            <CategorySelect categories=page.categories chosen=query.with_untracked(|q| q.category.clone())
                on_change=Callback::new(move |category: String| query.update(|q| { q.category = category; q.page = 0; }))/>
            <ListPage total=page.total page=query.with_untracked(|q| q.page) page_size=CatalogQuery::PAGE_SIZE
                empty="catalog.empty" count="catalog.count" on_page=move |p| query.update(|q| q.page = p)>
                <ul class="catalog-list">
                    {page.items.into_iter().map(|item| view! { <ItemRow item dialog/> }).collect_view()}
                </ul>
            </ListPage>
        }/>
        {move || dialog.get().map(|open| match open {
            Dialog::Create => view! { <ItemForm item=None on_done=refresh on_close=close on_photo=reload/> }.into_any(),
            Dialog::Edit(item) => view! { <ItemForm item=Some(item) on_done=refresh on_close=close on_photo=reload/> }.into_any(),
            Dialog::Delete(item) => {
                let id = StoredValue::new(item.id.clone());
                let message = move || translate(lang.get(), "catalog.delete.confirm").replace("{name}", &item.details.name);
                view! {
                    <ConfirmDialog title="catalog.delete.title" message=Signal::derive(message) button="common.confirm_delete"
                        action=move || { let id = id.get_value(); async move { send(|op| DeleteItem { op, id }).await } }
                        on_done=refresh on_close=close/>
                }.into_any()
            }
        })}
    }
}

/// One item: what a shop sees of it, the availability toggle, Modifier, Supprimer.
#[component]
fn ItemRow(item: CatalogItem, dialog: RwSignal<Option<Dialog>>) -> impl IntoView {
    let available = RwSignal::new(item.details.available);
    let failed = RwSignal::new(false);
    let id = StoredValue::new(item.id.clone());
    let toggle = move |_| {
        let wanted = !available.get_untracked();
        available.set(wanted);
        spawn_local(async move {
            let id = id.get_value();
            let result = send(|op| SetItemAvailable {
                op,
                id,
                available: wanted,
            })
            .await;
            failed.set(result.is_err());
            if result.is_err() {
                available.set(!wanted);
            }
        });
    };
    let (edit, delete) = (item.clone(), item.clone());
    let stock = item.details.stock_available;
    let unit = item.details.unit.clone();
    view! {
        <li class="catalog-row" class:unavailable=move || !available.get()>
            <div class="catalog-main">
                <ListThumb photo=item.photo.clone() alt="photo.catalog_item"/>
                <strong class="catalog-name">{item.details.name.clone()}</strong>
                <span class="muted">{item.details.category.clone()}</span>
                <span class="catalog-price">{format!("{} / {}", amount(item.details.price), item.details.unit)}</span>
                <span class="muted">{t_with("catalog.minimum", move || vec![("count", item.details.min_order_quantity.to_string())])}</span>
                {stock.map(|s| view! { <span class="muted">{t_with("catalog.stock", move || vec![("count", s.to_string()), ("unit", unit.clone())])}</span> })}
            </div>
            <label class="check">
                <input type="checkbox" prop:checked=move || available.get() on:change=toggle/>
                {t("catalog.available")}
            </label>
            <Show when=move || failed.get()>
                <p class="field-error" role="alert">{t("catalog.toggle_failed")}</p>
            </Show>
            <div class="row-actions">
                <button type="button" class="button" on:click=move |_| dialog.set(Some(Dialog::Edit(edit.clone())))>{t("common.edit")}</button>
                <button type="button" class="button danger-text" on:click=move |_| dialog.set(Some(Dialog::Delete(delete.clone())))>{t("common.delete")}</button>
            </div>
        </li>
    }
}

/// Add or edit an item.
#[component]
fn ItemForm(
    item: Option<CatalogItem>,
    on_done: Callback<()>,
    on_close: Callback<()>,
    /// After a photo was added, replaced or removed.
    on_photo: Callback<()>,
) -> impl IntoView {
    let id = item.as_ref().map(|i| i.id.clone());
    let photo_field = item.as_ref().map(|i| {
        let (id, current) = (i.id.clone(), i.photo.clone());
        view! { <PhotoField target=PhotoTarget::CatalogItem id current alt="photo.catalog_item" on_change=on_photo/> }
    });
    let input = item.map(|i| i.details).unwrap_or(ItemInput {
        min_order_quantity: 1,
        available: true,
        ..ItemInput::default()
    });
    let title = if id.is_some() {
        "catalog.edit"
    } else {
        "catalog.add"
    };
    let name = RwSignal::new(input.name);
    let description = RwSignal::new(input.description);
    let category = RwSignal::new(input.category);
    let price = RwSignal::new(input.price.to_string());
    let unit = RwSignal::new(input.unit);
    let minimum = RwSignal::new(input.min_order_quantity.to_string());
    let stock = RwSignal::new(
        input
            .stock_available
            .map(|s| s.to_string())
            .unwrap_or_default(),
    );
    let available = RwSignal::new(input.available);
    let submission = Submission::new();
    let errors = FormErrors::of(submission);
    let id = StoredValue::new(id);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let number = |field: &'static str, raw: String| whole_number(field, &raw);
        let stock = match stock.get_untracked().trim() {
            "" => Ok(None),
            raw => number("stock_available", raw.to_owned()).map(Some),
        };
        let input = match (
            number("price", price.get_untracked()),
            number("min_order_quantity", minimum.get_untracked()),
            stock,
        ) {
            (Ok(price), Ok(min_order_quantity), Ok(stock_available)) => ItemInput {
                name: name.get_untracked(),
                description: description.get_untracked(),
                category: category.get_untracked(),
                price,
                unit: unit.get_untracked(),
                min_order_quantity,
                stock_available,
                available: available.get_untracked(),
            },
            (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return errors.set(Some(e)),
        };
        let id = id.get_value();
        let save = async move {
            match id {
                Some(id) => send(|op| UpdateItem { op, id, input }).await,
                None => send(|op| CreateItem { op, input }).await.map(|_| ()),
            }
        };
        submission.run(save, move |()| on_done.run(()));
    };
    view! {
        <Modal title on_close>
            <form on:submit=submit novalidate>
                <TextField id="item-name" label="catalog.name" value=name error=errors.for_field("name")/>
                <div class="field">
                    <label for="item-description">{t("profile.description")}</label>
                    <textarea id="item-description" rows="2" prop:value=move || description.get()
                        on:input=move |ev| description.set(event_target_value(&ev))></textarea>
                    <FieldError id="item-description" error=errors.for_field("description")/>
                </div>
                <TextField id="item-category" label="import.column.category" value=category error=errors.for_field("category")/>
                <NumberField id="item-price" label="catalog.price" value=price error=errors.for_field("price")/>
                <TextField id="item-unit" label="import.column.unit" value=unit error=errors.for_field("unit")/>
                <NumberField id="item-minimum" label="catalog.min_order_quantity" value=minimum error=errors.for_field("min_order_quantity")/>
                <NumberField id="item-stock" label="catalog.stock_available" value=stock error=errors.for_field("stock_available")/>
                <label class="check">
                    <input type="checkbox" prop:checked=move || available.get() on:change=move |ev| available.set(event_target_checked(&ev))/>
                    {t("catalog.available")}
                </label>
                <FormAlert message=errors.general(&["name", "description", "category", "price", "unit", "min_order_quantity", "stock_available"])/>
                <button type="submit" class="button primary" disabled=submission.pending>{t("common.save")}</button>
            </form>
            <section class="photo-section" aria-labelledby="item-photo-title">
                <h3 id="item-photo-title">{t("photo.title")}</h3>
                {match photo_field {
                    Some(field) => field.into_any(),
                    None => view! { <p class="muted">{t("photo.after_save_item")}</p> }.into_any(),
                }}
            </section>
        </Modal>
    }
}
