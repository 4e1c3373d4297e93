//! A product's detail (B1, B5), opened from its row in Produits: what the dense list leaves out
//! (reference, category, supplier, prices, thresholds, alerts of the month, photo), its actions,
//! and its ledger. It reads what the list read: the phone's replica, offline too.

use leptos::prelude::*;

use crate::domain::photo::PhotoUrls;
use crate::domain::product::Product;
use crate::domain::stock::MovementKind;
use crate::ui::components::{Modal, StatusBadge};
use crate::ui::format::amount;
use crate::ui::i18n::{t, t_with};
use crate::ui::shop::products::Dialog;
use crate::ui::shop::stock::LedgerLines;

#[component]
pub fn ProductDetail(
    product: Product,
    /// Where its actions open their own dialog (in place of this one).
    dialog: RwSignal<Option<Dialog>>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let stored = StoredValue::new(product.clone());
    let open =
        move |make: fn(Product) -> Dialog| move |_| dialog.set(Some(make(stored.get_value())));
    let none = || t("category.none").into_any();
    let limits = match product.max_stock {
        Some(max) => format!("{} – {max}", product.min_stock),
        None => product.min_stock.to_string(),
    };
    let alerts = product.alert_count;
    view! {
        <Modal title="product.detail.title" on_close>
            <div class="product-detail" data-status=product.status.as_str()>
                {product.photo.as_deref().map(|stored| view! {
                    <img class="product-photo" src=PhotoUrls::of(stored).full alt="" width="320" height="240"/>
                })}
                <h3>{product.name.clone()}</h3>
                <p class="product-line">
                    <span><strong class="quantity">{product.quantity}</strong> " " {product.unit.clone()}</span>
                    <StatusBadge status=product.status/>
                </p>
                <dl class="facts">
                    <dt>{t("product.sku")}</dt>
                    <dd class="sku">{product.sku.clone().map_or_else(|| "—".into_any(), IntoAny::into_any)}</dd>
                    <dt>{t("product.category")}</dt>
                    <dd>{product.category_name.clone().map_or_else(none, IntoAny::into_any)}</dd>
                    <dt>{t("product.supplier")}</dt>
                    <dd>{product.supplier_name.clone().map_or_else(|| t("product.supplier.none").into_any(), IntoAny::into_any)}</dd>
                    <dt>{t("product.detail.sale_price")}</dt>
                    <dd>{amount(product.sale_price)}</dd>
                    <dt>{t("product.detail.purchase_price")}</dt>
                    <dd>{amount(product.purchase_price)}</dd>
                    <dt>{t("product.detail.limits")}</dt>
                    <dd>{limits}</dd>
                </dl>
                {(alerts > 0).then(|| view! {
                    <p class="product-alerts"><a href="/shop/alerts">{t_with("products.alerts_month", move || vec![("count", alerts.to_string())])}</a></p>
                })}
                <div class="card-actions">
                    <button type="button" class="button" on:click=open(|p| Dialog::Move(p, MovementKind::In))>{t("stock.in")}</button>
                    <button type="button" class="button" on:click=open(|p| Dialog::Move(p, MovementKind::Out))>{t("stock.out")}</button>
                    <button type="button" class="button" on:click=open(Dialog::Edit)>{t("common.edit")}</button>
                    <button type="button" class="button" on:click=open(|p| Dialog::Create(p.to_input(true)))>{t("products.duplicate")}</button>
                    <button type="button" class="button danger-text" on:click=open(Dialog::Delete)>{t("common.delete")}</button>
                </div>
                <h4>{t("stock.ledger.title")}</h4>
                <LedgerLines product_id=product.id.clone()/>
            </div>
        </Modal>
    }
}
