//! The product form (B1): create, edit (pre-filled), duplicate (pre-filled with "(copie)").
//! The unit field suggests the usual units and the shop's own (B9).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::category::Category;
use crate::domain::outbox::OfflineWrite;
use crate::domain::photo::PhotoTarget;
use crate::domain::product::ProductInput;
use crate::domain::supplier::Supplier;
use crate::offline::write::new_record_key;
use crate::offline::{Replica, Submission};
use crate::ui::components::{
    FieldError, FormAlert, FormErrors, Modal, NumberField, PhotoField, TextField, whole_number,
};
use crate::ui::i18n::t;

const FIELDS: &[&str] = &[
    "name",
    "sku",
    "category_id",
    "supplier_id",
    "unit",
    "quantity",
    "min_stock",
    "max_stock",
    "purchase_price",
    "sale_price",
    "notes",
];

/// `editing` is the id of the product being edited; `None` creates a new one.
#[component]
pub fn ProductForm(
    initial: ProductInput,
    editing: Option<String>,
    categories: Vec<Category>,
    suppliers: Vec<Supplier>,
    units: Vec<String>,
    /// The stored photo of the product being edited.
    photo: Option<String>,
    #[prop(into)] on_done: Callback<()>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let text = |value: &str| RwSignal::new(value.to_owned());
    let number = |value: i64| RwSignal::new(value.to_string());
    let name = text(&initial.name);
    let sku = text(&initial.sku);
    let category_id = text(&initial.category_id);
    let supplier_id = text(&initial.supplier_id);
    let unit = text(&initial.unit);
    let quantity = number(initial.quantity);
    let min_stock = number(initial.min_stock);
    let max_stock = RwSignal::new(initial.max_stock.map(|m| m.to_string()).unwrap_or_default());
    let purchase_price = number(initial.purchase_price);
    let sale_price = number(initial.sale_price);
    let notes = text(&initial.notes);
    let submission = Submission::new();
    let errors = FormErrors::of(submission);
    let is_new = editing.is_none();
    let photo_field = editing.clone().map(|id| {
        view! { <PhotoField target=PhotoTarget::Product id current=photo alt="photo.product" on_change=Callback::new(|_| ())/> }
    });
    let title = if is_new {
        "product.form.new"
    } else {
        "product.form.edit"
    };

    let read_input = move || -> Result<ProductInput, AppError> {
        Ok(ProductInput {
            name: name.get_untracked(),
            sku: sku.get_untracked(),
            category_id: category_id.get_untracked(),
            supplier_id: supplier_id.get_untracked(),
            unit: unit.get_untracked(),
            quantity: whole_number("quantity", &quantity.get_untracked())?,
            min_stock: whole_number("min_stock", &min_stock.get_untracked())?,
            max_stock: Some(max_stock.get_untracked())
                .filter(|m| !m.trim().is_empty())
                .map(|m| whole_number("max_stock", &m))
                .transpose()?,
            purchase_price: whole_number("purchase_price", &purchase_price.get_untracked())?,
            sale_price: whole_number("sale_price", &sale_price.get_untracked())?,
            notes: notes.get_untracked(),
        })
    };

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = match read_input() {
            Ok(input) => input,
            Err(error) => return errors.set(Some(error)),
        };
        let editing = editing.clone();
        let save = async move {
            match editing {
                // Recorded on the phone first (I3), with or without network; a new product gets
                // its key on the phone, so later writes can name it before it reaches the server.
                Some(id) => Replica::write(OfflineWrite::ProductEdit { id, input }).await,
                None => {
                    let id = new_record_key()?.into();
                    Replica::write(OfflineWrite::ProductCreate { id, input }).await
                }
            }
        };
        submission.run(save, move |_| on_done.run(()));
    };

    view! {
        <Modal title on_close>
            <form class="product-form" on:submit=submit novalidate>
                <TextField id="name" label="product.name" value=name error=errors.for_field("name")/>
                <TextField id="sku" label="product.sku" value=sku error=errors.for_field("sku") input_mode="numeric"/>
                <div class="field">
                    <label for="category_id">{t("product.category")}</label>
                    <select id="category_id" prop:value=move || category_id.get()
                        on:change=move |ev| category_id.set(event_target_value(&ev))>
                        <option value="">{t("category.none")}</option>
                        {categories.into_iter().map(|c| view! { <option value=c.id>{c.name}</option> }).collect_view()}
                    </select>
                    <FieldError id="category_id" error=errors.for_field("category_id")/>
                </div>
                <div class="field">
                    <label for="supplier_id">{t("product.supplier")}</label>
                    <select id="supplier_id" prop:value=move || supplier_id.get()
                        on:change=move |ev| supplier_id.set(event_target_value(&ev))>
                        <option value="">{t("product.supplier.none")}</option>
                        {suppliers.into_iter().map(|s| view! { <option value=s.id>{s.details.name}</option> }).collect_view()}
                    </select>
                    <FieldError id="supplier_id" error=errors.for_field("supplier_id")/>
                </div>
                <TextField id="unit" label="product.unit" value=unit error=errors.for_field("unit") list="unit-suggestions"/>
                <datalist id="unit-suggestions">
                    {units.into_iter().map(|u| view! { <option value=u></option> }).collect_view()}
                </datalist>
                <Show when=move || is_new>
                    <NumberField id="quantity" label="product.opening_quantity" value=quantity error=errors.for_field("quantity")/>
                </Show>
                <div class="field-row">
                    <NumberField id="min_stock" label="product.min_stock" value=min_stock error=errors.for_field("min_stock")/>
                    <NumberField id="max_stock" label="product.max_stock" value=max_stock error=errors.for_field("max_stock")/>
                </div>
                <div class="field-row">
                    <NumberField id="purchase_price" label="product.purchase_price" value=purchase_price error=errors.for_field("purchase_price")/>
                    <NumberField id="sale_price" label="product.sale_price" value=sale_price error=errors.for_field("sale_price")/>
                </div>
                <div class="field">
                    <label for="notes">{t("product.notes")}</label>
                    <textarea id="notes" rows="2" prop:value=move || notes.get()
                        on:input=move |ev| notes.set(event_target_value(&ev))></textarea>
                    <FieldError id="notes" error=errors.for_field("notes")/>
                </div>
                <FormAlert message=errors.general(FIELDS)/>
                <button type="submit" class="button primary" disabled=submission.pending>{t("common.save")}</button>
            </form>
            <section class="photo-section" aria-labelledby="product-photo-title">
                <h3 id="product-photo-title">{t("photo.title")}</h3>
                {match photo_field {
                    Some(field) => field.into_any(),
                    None => view! { <p class="muted">{t("photo.after_save")}</p> }.into_any(),
                }}
            </section>
        </Modal>
    }
}
