//! The cart of a connected order (G5), on a supplier's marketplace page: items added from its
//! catalog, quantities checked against its minimums as they are typed, the shop's product each
//! item is received as, and "Commander".

use leptos::prelude::*;

use crate::api::connected_orders::{PlaceConnectedOrder, get_cart_terms};
use crate::domain::connected_order::CartTerms;
use crate::domain::connected_order::{CartInput, CartLine, check_cart, line_field};
use crate::domain::marketplace::MarketItem;
use crate::domain::product::Product;
use crate::i18n::translate;
use crate::offline::{Submission, send};
use crate::ui::components::{FormAlert, FormErrors, Modal};
use crate::ui::format;
use crate::ui::i18n::{t, t_with};
use crate::ui::prefs::Prefs;
use crate::ui::shop::product_search::ProductSearch;

/// One item in the cart, its quantity as typed and the product chosen to receive it.
#[derive(Clone)]
pub struct CartEntry {
    pub item: MarketItem,
    pub quantity: RwSignal<String>,
    /// `(id, name)` of a product of the shop; `None` keeps the earlier choice or makes a new one.
    pub product: RwSignal<Option<(String, String)>>,
}

impl CartEntry {
    fn line(&self) -> CartLine {
        CartLine {
            item_id: self.item.id.clone(),
            quantity: self.quantity.with(|q| q.trim().parse().unwrap_or(0)),
            product_id: self.product.with(|p| p.as_ref().map(|(id, _)| id.clone())),
            unit_price: self.item.price,
        }
    }

    fn amount(&self) -> i64 {
        self.quantity
            .with(|q| q.trim().parse::<i64>().unwrap_or(0))
            .saturating_mul(self.item.price)
    }
}

/// The cart of the supplier page, shared by its catalog rows and the cart bar.
#[derive(Clone, Copy)]
pub struct Cart {
    pub entries: RwSignal<Vec<CartEntry>>,
}

impl Cart {
    pub fn new() -> Self {
        Self {
            entries: RwSignal::new(Vec::new()),
        }
    }

    pub fn contains(&self, item_id: &str) -> bool {
        self.entries
            .with(|e| e.iter().any(|x| x.item.id == item_id))
    }

    /// Adds the item at its minimum quantity (nothing if it is already in).
    pub fn add(&self, item: MarketItem) {
        if self.contains(&item.id) {
            return;
        }
        let entry = CartEntry {
            quantity: RwSignal::new(item.min_order_quantity.to_string()),
            product: RwSignal::new(None),
            item,
        };
        self.entries.update(|e| e.push(entry));
    }

    fn remove(&self, item_id: &str) {
        self.entries.update(|e| e.retain(|x| x.item.id != item_id));
    }

    /// The cart as the server takes it; a quantity that is not a number counts as 0.
    fn input(&self, supplier_id: &str, note: String) -> CartInput {
        let lines = self
            .entries
            .with(|entries| entries.iter().map(CartEntry::line).collect());
        CartInput {
            supplier_id: supplier_id.to_owned(),
            lines,
            note,
        }
    }
}

impl Default for Cart {
    fn default() -> Self {
        Self::new()
    }
}

/// "Ajouter au panier" on a catalog row; "Dans le panier" once added.
#[component]
pub fn AddToCart(item: MarketItem) -> impl IntoView {
    let cart = expect_context::<Cart>();
    let id = StoredValue::new(item.id.clone());
    let item = StoredValue::new(item);
    view! {
        <button type="button" class="button add-to-cart" disabled=move || cart.contains(&id.get_value())
            on:click=move |_| cart.add(item.get_value())>
            {move || if cart.contains(&id.get_value()) { t("cart.added")() } else { t("cart.add")() }}
        </button>
    }
}

/// The bar at the bottom of the supplier page: how many items, the total, "Voir le panier".
#[component]
pub fn CartBar(supplier_id: String, min_order_amount: i64) -> impl IntoView {
    let cart = expect_context::<Cart>();
    let open = RwSignal::new(false);
    let placed = RwSignal::new(None::<i64>);
    let supplier_id = StoredValue::new(supplier_id);
    let total = move || {
        cart.entries
            .with(|e| e.iter().map(CartEntry::amount).sum::<i64>())
    };
    let count = move || cart.entries.with(Vec::len);
    let on_placed = Callback::new(move |number: i64| {
        cart.entries.set(Vec::new());
        open.set(false);
        placed.set(Some(number));
    });
    view! {
        {move || placed.get().map(|number| view! {
            <p class="success" role="status" data-figure="order-placed">
                {t_with("cart.placed", move || vec![("number", number.to_string())])} " "
                <a href="/shop/orders">{t("cart.follow")}</a>
            </p>
        })}
        <Show when=move || { count() > 0 }>
            <div class="cart-bar" role="region" aria-label=t("cart.title")>
                <span>{move || t_with("cart.summary", move || vec![("count", count().to_string())])()}</span>
                <strong data-figure="cart-total">{move || format::amount(total())}</strong>
                <button type="button" class="button primary" on:click=move |_| open.set(true)>{t("cart.open")}</button>
            </div>
        </Show>
        <Show when=move || open.get()>
            <CartDialog supplier_id=supplier_id.get_value() min_order_amount
                on_placed on_close=Callback::new(move |_| open.set(false))/>
        </Show>
    }
}

#[component]
fn CartDialog(
    supplier_id: String,
    min_order_amount: i64,
    on_placed: Callback<i64>,
    on_close: Callback<()>,
) -> impl IntoView {
    let cart = expect_context::<Cart>();
    let supplier_id = StoredValue::new(supplier_id);
    let item_ids = cart
        .entries
        .with_untracked(|e| e.iter().map(|x| x.item.id.clone()).collect::<Vec<_>>());
    // The catalog's current terms and the products chosen on earlier orders.
    let terms = LocalResource::new(move || {
        let ids = item_ids.clone();
        async move {
            get_cart_terms(supplier_id.get_value(), ids)
                .await
                .unwrap_or_default()
        }
    });
    let note = RwSignal::new(String::new());
    let submission = Submission::new();
    let errors = FormErrors::of(submission);
    // What is wrong as typed (minimums, amount), before anything is sent.
    let problem = move || {
        let terms = terms.get().unwrap_or_default();
        if terms.items.is_empty() {
            return None;
        }
        let input = cart.input(&supplier_id.get_value(), String::new());
        check_cart(&input, &terms.items, terms.min_order_amount).err()
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = cart.input(&supplier_id.get_value(), note.get_untracked());
        submission.run(
            send(move |op| PlaceConnectedOrder { op, input }),
            move |order| on_placed.run(order.summary.number),
        );
    };
    let minimum = format::amount(min_order_amount);
    view! {
        <Modal title="cart.title" on_close>
            <form class="cart-form" on:submit=submit novalidate>
                {(min_order_amount > 0).then(|| view! {
                    <p class="muted">{t_with("cart.min_amount", move || vec![("amount", minimum.clone())])}</p>
                })}
                <ul class="cart-lines">
                    <For each=move || cart.entries.get() key=|e| e.item.id.clone() let:entry>
                        <CartLineRow entry terms/>
                    </For>
                </ul>
                <p class="cart-total">{t("orders.total")} " " <strong data-figure="cart-total">{move || format::amount(cart.entries.with(|e| e.iter().map(CartEntry::amount).sum::<i64>()))}</strong></p>
                <LineMessage error=Signal::derive(move || problem().filter(|e| e.field() == Some("total")).map(|e| e.message_key().to_owned()))/>
                <div class="field">
                    <label for="cart-note">{t("orders.note")}</label>
                    <textarea id="cart-note" rows="2" prop:value=move || note.get()
                        on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                </div>
                <FormAlert message=errors.general(&["total", "note", "lines"])/>
                <button type="submit" class="button primary" disabled=move || submission.pending.get() || cart.entries.with(Vec::is_empty)>{t("cart.order")}</button>
            </form>
        </Modal>
    }
}

/// A line: name, price, quantity (with its minimum), subtotal, the product it is received as.
#[component]
fn CartLineRow(entry: CartEntry, terms: LocalResource<CartTerms>) -> impl IntoView {
    let cart = expect_context::<Cart>();
    let item = entry.item.clone();
    let id = StoredValue::new(item.id.clone());
    let (quantity, product) = (entry.quantity, entry.product);
    let price = item.price;
    let minimum = item.min_order_quantity;
    let name = item.name.clone();
    let choosing = RwSignal::new(false);
    let quantity_label = t_with("orders.line.quantity", {
        let name = name.clone();
        move || vec![("name", name.clone())]
    });
    // What the shop received this item as before, until the shopkeeper picks another product.
    let received_as = move || {
        product.get().map(|(_, name)| name).or_else(|| {
            terms.get().and_then(|t| {
                t.mappings
                    .iter()
                    .find(|m| m.item_id == id.get_value())
                    .map(|m| m.product_name.clone())
            })
        })
    };
    let new_name = name.clone();
    let unit = item.unit.clone();
    // This line's own problem (minimum, stock, price), whatever the other lines hold.
    let line = entry.clone();
    let problem = move || {
        let terms = terms.get()?;
        let alone = CartInput {
            supplier_id: "-".into(),
            lines: vec![line.line()],
            note: String::new(),
        };
        let error = check_cart(&alone, &terms.items, 0).err()?;
        (error.field() == Some(line_field(&id.get_value()).as_str()))
            .then(|| error.message_key().to_owned())
    };
    view! {
        <li class="cart-line">
            <div class="line-head">
                <strong>{name.clone()}</strong>
                <button type="button" class="icon-button" aria-label=t("orders.line.remove")
                    on:click=move |_| cart.remove(&id.get_value())>"×"</button>
            </div>
            <p class="muted">{format!("{} / {}", format::amount(price), unit)} " · "
                {t_with("catalog.minimum", move || vec![("count", minimum.to_string())])}</p>
            <div class="line-quantity-row">
                <input type="number" inputmode="numeric" min=minimum.to_string() class="line-quantity" aria-label=quantity_label
                    prop:value=move || quantity.get() on:input=move |ev| quantity.set(event_target_value(&ev))/>
                <span>{unit.clone()}</span>
                <strong>{move || format::amount(entry.amount())}</strong>
            </div>
            <LineMessage error=Signal::derive(problem)/>
            <p class="received-as">
                {t("cart.received_as")} " "
                <strong>{move || received_as().unwrap_or_else(|| new_name.clone())}</strong>
                {move || received_as().is_none().then(|| view! { " " <span class="muted">{t("cart.new_product")}</span> })}
                " " <button type="button" class="link-button" on:click=move |_| choosing.update(|c| *c = !*c)>{t("cart.change_product")}</button>
            </p>
            <Show when=move || choosing.get()>
                <ProductSearch label="cart.pick_product" on_pick=Callback::new(move |p: Product| {
                    product.set(Some((p.id, p.name)));
                    choosing.set(false);
                })/>
            </Show>
        </li>
    }
}

/// A message under a line or the total, in the user's language.
#[component]
fn LineMessage(#[prop(into)] error: Signal<Option<String>>) -> impl IntoView {
    let lang = expect_context::<Prefs>().lang;
    view! {
        <p class="field-error" role="alert">{move || error.get().map(|key| translate(lang.get(), &key).to_owned())}</p>
    }
}
