//! Fournisseurs › Marketplace (G1–G4): registered suppliers searched by text, category and city;
//! a product search across their catalogs; a supplier's page with its profile, its available
//! catalog (`MarketCatalog`) and the reviews shops left.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::marketplace::{market_catalog, market_supplier, search_products, search_suppliers};
use crate::domain::catalog::CatalogQuery;
use crate::domain::marketplace::{
    ITEMS_PAGE_SIZE, SUPPLIERS_PAGE_SIZE, product_words, rating_average,
};
use crate::domain::marketplace::{
    MarketItem, ProductHit, ProductQuery, Review, SupplierCard, SupplierQuery,
};
use crate::ui::components::{CategorySelect, ListPage, Loaded, PageHeader, SegmentedLinks, Stars};
use crate::ui::format::{amount, day};
use crate::ui::i18n::{t, t_with};
use crate::ui::prefs::Prefs;
use crate::ui::shop::cart::{AddToCart, Cart, CartBar};

/// Where the Fournisseurs tab leads: the shop's own suppliers, and the marketplace.
const SUPPLIER_TABS: &[(&str, &str)] = &[
    ("/shop/suppliers", "marketplace.tab.mine"),
    ("/shop/marketplace", "marketplace.tab.market"),
];

/// "Mes fournisseurs | Marketplace" at the top of both pages.
#[component]
pub fn SupplierTabs(active: &'static str) -> impl IntoView {
    view! { <SegmentedLinks label="marketplace.tabs" links=SUPPLIER_TABS active/> }
}

/// What the marketplace searches: suppliers or products.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Suppliers,
    Products,
}

#[component]
pub fn MarketplacePage() -> impl IntoView {
    let mode = RwSignal::new(Mode::Suppliers);
    let button = move |target: Mode, key: &'static str| {
        view! {
            <button type="button" aria-pressed=move || (mode.get() == target).to_string()
                on:click=move |_| mode.set(target)>{t(key)}</button>
        }
    };
    view! {
        <PageHeader title="nav.suppliers"/>
        <SupplierTabs active="/shop/marketplace"/>
        <div class="segmented market-mode" role="group" aria-label=t("marketplace.mode")>
            {button(Mode::Suppliers, "marketplace.mode.suppliers")}
            {button(Mode::Products, "marketplace.mode.products")}
        </div>
        {move || match mode.get() {
            Mode::Suppliers => view! { <SupplierSearch/> }.into_any(),
            Mode::Products => view! { <ProductSearch/> }.into_any(),
        }}
    }
}

/// Text, category and city; cards by relevance, rating and name; 20 a page.
#[component]
fn SupplierSearch() -> impl IntoView {
    let _lang = expect_context::<Prefs>().lang;
    let query = RwSignal::new(SupplierQuery::default());
    let results = Resource::new(move || query.get(), search_suppliers);
    let text = RwSignal::new(String::new());
    let city = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        query.set(SupplierQuery {
            search: text.get_untracked(),
            category: category.get_untracked(),
            city: city.get_untracked(),
            page: 0,
        });
    };
    view! {
        <form class="market-filters" role="search" on:submit=submit>
            <input type="search" aria-label=t("marketplace.search") placeholder=t("marketplace.search")
                prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))/>
            <Transition fallback=|| view! { <select disabled=true aria-label=t("marketplace.category")></select> }>
                {move || Suspend::new(async move {
                    let categories = results.await.map(|r| r.categories).unwrap_or_default();
                    let chosen = category.get_untracked();
                    view! {
                        <select aria-label=t("marketplace.category") on:change=move |ev| category.set(event_target_value(&ev))>
                            <option value="" selected=chosen.is_empty()>{t("catalog.all_categories")}</option>
                            {categories.into_iter().map(|c| view! {
                                <option value=c.clone() selected=c == chosen>{c.clone()}</option>
                            }).collect_view()}
                        </select>
                    }
                })}
            </Transition>
            <input type="text" aria-label=t("marketplace.city") placeholder=t("marketplace.city")
                prop:value=move || city.get() on:input=move |ev| city.set(event_target_value(&ev))/>
            <button type="submit" class="button primary">{t("products.search.go")}</button>
        </form>
        <Loaded resource=results show=move |found| view! {
            <ListPage total=found.total page=query.with_untracked(|q| q.page) page_size=SUPPLIERS_PAGE_SIZE
                empty="marketplace.empty" count="marketplace.count" on_page=move |p| query.update(|q| q.page = p)>
                <ul class="market-cards">
                    {found.suppliers.into_iter().map(|card| view! { <MarketCard card/> }).collect_view()}
                </ul>
            </ListPage>
        }/>
    }
}

/// One supplier in the results; the whole card opens its page.
#[component]
fn MarketCard(card: SupplierCard) -> impl IntoView {
    let href = format!("/shop/marketplace/{}", card.id);
    let rating = card.rating();
    let (items, days) = (card.available_items, card.average_delivery_days);
    view! {
        <li class="market-card">
            <a class="market-card-link" href=href>
                <span class="market-card-head">
                    <strong class="market-name">{card.company_name.clone()}</strong>
                    {card.is_verified.then(|| view! { <span class="status-badge" data-verified="true">{t("suppliers.verified")}</span> })}
                </span>
                <span class="product-meta">
                    <span>{card.city.clone()}</span>
                    {match rating {
                        Some(r) => view! { <Stars rating=r/> }.into_any(),
                        None => view! { <span class="muted">{t("suppliers.rating.none")}</span> }.into_any(),
                    }}
                </span>
                <span class="product-meta">
                    <span>{t_with("catalog.count", move || vec![("count", items.to_string())])}</span>
                    <span>{t_with("marketplace.delivery_days", move || vec![("days", days.to_string())])}</span>
                </span>
                <span class="muted market-categories">{card.categories.join(" · ")}</span>
            </a>
        </li>
    }
}

/// Items of every listed catalog by words of their name or category.
#[component]
fn ProductSearch() -> impl IntoView {
    let _lang = expect_context::<Prefs>().lang;
    let query = RwSignal::new(ProductQuery::default());
    // Each answer carries whether its query had words to look for (else: the hint).
    let results = Resource::new(
        move || query.get(),
        |q| async move {
            let searched = product_words(&q.search).is_some();
            search_products(q).await.map(|found| (searched, found))
        },
    );
    let text = RwSignal::new(String::new());
    view! {
        <form class="search" role="search" on:submit=move |ev| {
            ev.prevent_default();
            query.set(ProductQuery { search: text.get_untracked(), page: 0 });
        }>
            <input type="search" aria-label=t("marketplace.products.search") placeholder=t("marketplace.products.search")
                prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))/>
            <button type="submit" class="button primary">{t("products.search.go")}</button>
        </form>
        <Loaded resource=results show=move |(searched, found)| match searched {
            false => view! { <p class="intro">{t("marketplace.products.hint")}</p> }.into_any(),
            true => view! {
                <ListPage total=found.total page=query.with_untracked(|q| q.page) page_size=ITEMS_PAGE_SIZE
                    empty="marketplace.products.empty" count="catalog.count" on_page=move |p| query.update(|q| q.page = p)>
                    <ul class="catalog-list">
                        {found.items.into_iter().map(|hit| view! { <ProductRow hit/> }).collect_view()}
                    </ul>
                </ListPage>
            }.into_any(),
        }/>
    }
}

#[component]
fn ProductRow(hit: ProductHit) -> impl IntoView {
    let minimum = hit.min_order_quantity;
    view! {
        <li class="catalog-row market-product">
            <div class="catalog-main">
                <strong class="catalog-name">{hit.name.clone()}</strong>
                <span class="muted">{hit.category.clone()}</span>
                <span class="catalog-price">{format!("{} / {}", amount(hit.price), hit.unit)}</span>
                <span class="muted">{t_with("catalog.minimum", move || vec![("count", minimum.to_string())])}</span>
                <span>
                    <a href=format!("/shop/marketplace/{}", hit.supplier_id)>{hit.company_name.clone()}</a>
                    " · " {hit.city.clone()}
                </span>
            </div>
        </li>
    }
}

/// `/shop/marketplace/:id`: the supplier's profile, its catalog, its reviews.
#[component]
pub fn MarketSupplierPage() -> impl IntoView {
    let _lang = expect_context::<Prefs>().lang;
    provide_context(Cart::new());
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let page = Resource::new(move || id.get(), market_supplier);
    view! {
        <PageHeader title="nav.suppliers"/>
        <SupplierTabs active="/shop/marketplace"/>
        <p><a class="link-back" href="/shop/marketplace">{t("marketplace.back")}</a></p>
        <Loaded resource=page show=move |found| {
            let s = found.supplier;
            let rating = rating_average(s.card.rating_sum, s.card.rating_count);
            let count = s.card.rating_count;
            let days = s.card.average_delivery_days;
            let minimum = amount(s.min_order_amount);
            let supplier_id = s.card.id.clone();
            view! {
                <section class="market-profile" aria-labelledby="market-supplier-name">
                    <h2 id="market-supplier-name">
                        {s.card.company_name.clone()} " "
                        {s.card.is_verified.then(|| view! { <span class="status-badge" data-verified="true">{t("suppliers.verified")}</span> })}
                    </h2>
                    <p class="product-meta">
                        {match rating {
                            Some(r) => view! { <Stars rating=r/> <span class="muted">{t_with("marketplace.reviews.count", move || vec![("count", count.to_string())])}</span> }.into_any(),
                            None => view! { <span class="muted">{t("suppliers.rating.none")}</span> }.into_any(),
                        }}
                    </p>
                    {(!s.description.is_empty()).then(|| view! { <p>{s.description.clone()}</p> })}
                    <dl class="market-facts">
                        <dt>{t("suppliers.city")}</dt><dd>{s.card.city.clone()}</dd>
                        {(!s.address.is_empty()).then(|| view! { <dt>{t("suppliers.address")}</dt><dd>{s.address.clone()}</dd> })}
                        {(!s.phone.is_empty()).then(|| {
                            let tel = format!("tel:{}", s.phone);
                            view! { <dt>{t("suppliers.phone")}</dt><dd><a href=tel>{s.phone.clone()}</a></dd> }
                        })}
                        {(!s.delivery_zones.is_empty()).then(|| view! { <dt>{t("profile.delivery_zones")}</dt><dd>{s.delivery_zones.join(", ")}</dd> })}
                        <dt>{t("profile.categories")}</dt><dd>{s.card.categories.join(", ")}</dd>
                        <dt>{t("marketplace.min_order")}</dt><dd>{minimum}</dd>
                        <dt>{t("marketplace.delivery")}</dt>
                        <dd>{t_with("marketplace.delivery_days", move || vec![("days", days.to_string())])}</dd>
                    </dl>
                </section>
                <MarketCatalog supplier_id=supplier_id.clone()/>
                <CartBar supplier_id min_order_amount=s.min_order_amount/>
                <Reviews reviews=found.reviews/>
            }.into_any()
        }/>
    }
}

/// The supplier's available items: search, category filter, pages. Built on its own so that
/// ordering (quantities, "Commander") can be added to each row.
#[component]
pub fn MarketCatalog(supplier_id: String) -> impl IntoView {
    let _lang = expect_context::<Prefs>().lang;
    let supplier_id = StoredValue::new(supplier_id);
    let query = RwSignal::new(CatalogQuery::default());
    let page = Resource::new(
        move || query.get(),
        move |query| market_catalog(supplier_id.get_value(), query),
    );
    let typed = RwSignal::new(String::new());
    view! {
        <section class="market-catalog" aria-labelledby="market-catalog-title">
            <h2 id="market-catalog-title">{t("marketplace.catalog")}</h2>
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
                <ListPage total=page.total page=query.with_untracked(|q| q.page) page_size=ITEMS_PAGE_SIZE
                    empty="marketplace.catalog.empty" count="catalog.count" on_page=move |p| query.update(|q| q.page = p)>
                    <ul class="catalog-list">
                        {page.items.into_iter().map(|item| view! { <MarketItemRow item/> }).collect_view()}
                    </ul>
                </ListPage>
            }/>
        </section>
    }
}

/// One item as a shop sees it.
#[component]
pub fn MarketItemRow(item: MarketItem) -> impl IntoView {
    let minimum = item.min_order_quantity;
    let unit = item.unit.clone();
    view! {
        <li class="catalog-row">
            <div class="catalog-main">
                <crate::ui::components::photo::ListThumb photo=item.photo.clone() alt="photo.catalog_item"/>
                <strong class="catalog-name">{item.name.clone()}</strong>
                <span class="muted">{item.category.clone()}</span>
                {(!item.description.is_empty()).then(|| view! { <span>{item.description.clone()}</span> })}
                <span class="catalog-price">{format!("{} / {}", amount(item.price), item.unit)}</span>
                <span class="muted">{t_with("catalog.minimum", move || vec![("count", minimum.to_string())])}</span>
                {item.stock_available.map(|s| view! { <span class="muted">{t_with("catalog.stock", move || vec![("count", s.to_string()), ("unit", unit.clone())])}</span> })}
            </div>
            <AddToCart item=item.clone()/>
        </li>
    }
}

/// What shops said, newest first.
#[component]
fn Reviews(reviews: Vec<Review>) -> impl IntoView {
    view! {
        <section class="market-reviews" aria-labelledby="market-reviews-title">
            <h2 id="market-reviews-title">{t("marketplace.reviews")}</h2>
            {if reviews.is_empty() {
                view! { <p class="empty-state">{t("marketplace.reviews.empty")}</p> }.into_any()
            } else {
                view! {
                    <ul class="review-list">
                        {reviews.into_iter().map(|r| view! {
                            <li class="review">
                                <p class="product-meta">
                                    <Stars rating=r.score as f64/>
                                    <strong>{r.shop_name.clone()}</strong>
                                    <span class="muted">{day(&r.created_at)}</span>
                                </p>
                                {(!r.comment.is_empty()).then(|| view! { <p>{r.comment.clone()}</p> })}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
