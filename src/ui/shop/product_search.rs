//! Finds a product of the shop by name or code; each result is an "Ajouter …" button. Used to
//! add a line to an order and to link a product to a supplier. Not a `<form>`, so that it can sit
//! inside one: Enter in the field searches.

use leptos::prelude::*;

use crate::domain::product::{Product, ProductQuery};
use crate::offline::Replica;
use crate::ui::i18n::t;

#[component]
pub fn ProductSearch(
    /// i18n key of the field's label.
    label: &'static str,
    #[prop(into)] on_pick: Callback<Product>,
) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let search = RwSignal::new(None::<String>);
    let found = Resource::new(
        move || search.get(),
        |search| async move {
            match search {
                Some(search) => Replica::products(ProductQuery {
                    search,
                    ..ProductQuery::default()
                })
                .await
                .map(|page| page.items)
                .unwrap_or_default(),
                None => Vec::new(),
            }
        },
    );
    let find = move || search.set(Some(typed.get_untracked()));
    view! {
        <div class="search product-picker">
            <input type="search" aria-label=t(label) placeholder=t(label)
                prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))
                on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); find() }/>
            <button type="button" class="button" on:click=move |_| find()>{t("products.search.go")}</button>
        </div>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                view! {
                    <ul class="search-results">
                        {found.await.into_iter().map(|p| {
                            let name = p.name.clone();
                            let product = StoredValue::new(p);
                            let pick = move |_| {
                                on_pick.run(product.get_value());
                                search.set(None);
                                typed.set(String::new());
                            };
                            view! { <li><button type="button" class="button" on:click=pick>{t("suppliers.link.add")} " " {name}</button></li> }
                        }).collect_view()}
                    </ul>
                }
            })}
        </Transition>
    }
}
