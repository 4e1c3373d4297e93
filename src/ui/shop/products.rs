//! Produits (B1–B6, B9): search (a barcode scanner typing + Enter works too), category chips
//! with "Gérer", status filter, sort, grid/list, server-side pages, and the actions of each card.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::products::{product_by_sku, unit_suggestions};
use crate::domain::outbox::OfflineWrite;
use crate::domain::photo::PhotoUrls;
use crate::domain::product::ProductInput;
use crate::domain::product::{CategoryFilter, Product, ProductQuery, ProductSort};
use crate::domain::stock::{MovementKind, StockStatus};
use crate::domain::supplier::SupplierSort;
use crate::i18n::translate;
use crate::offline::Replica;
use crate::ui::components::{
    ConfirmDialog, Icon, ListPage, Loaded, Modal, PageHeader, StatusBadge,
};
use crate::ui::i18n::{t, t_with};
use crate::ui::prefs::Prefs;
use crate::ui::shop::categories::ManageCategories;
use crate::ui::shop::product_detail::ProductDetail;
use crate::ui::shop::product_form::ProductForm;
use crate::ui::shop::scanner::Scanner;
use crate::ui::shop::stock::MoveStockForm;

/// What is open over the list.
#[derive(Clone)]
pub enum Dialog {
    Create(ProductInput),
    Edit(Product),
    Move(Product, MovementKind),
    /// The product's detail: what the list leaves out, its actions and its ledger.
    Detail(Product),
    Delete(Product),
    Categories,
    Scan,
    /// A scanned code no product has: offer to create one with it.
    Unknown(String),
}

const VIEW_KEY: &str = "boutiq.products_view";
const SORTS: [(ProductSort, &str); 6] = [
    (ProductSort::Name, "products.sort.name"),
    (ProductSort::PriceAsc, "products.sort.price_asc"),
    (ProductSort::PriceDesc, "products.sort.price_desc"),
    (ProductSort::Quantity, "products.sort.quantity"),
    (ProductSort::Newest, "products.sort.newest"),
    (ProductSort::Status, "products.sort.status"),
];

#[component]
pub fn ProductsPage() -> impl IntoView {
    let lang = expect_context::<Prefs>().lang;
    let typed = RwSignal::new(String::new());
    // The dashboard links here with `?status=rupture` (its banner), `?new=1` (+ Produit) or
    // `?scan=1` (Scanner).
    let url = use_query_map();
    let status = url.with_untracked(|u| u.get("status").and_then(|s| StockStatus::parse(&s)));
    let query = RwSignal::new(ProductQuery {
        status,
        ..ProductQuery::default()
    });
    let version = RwSignal::new(0u32);
    // The dense list by default: most products on a phone's screen.
    let grid = RwSignal::new(false);
    let dialog = RwSignal::new(None::<Dialog>);
    // Filters and sort fold under "Filtres": the list gets the screen. A filter from the
    // dashboard's link shows them.
    let options = RwSignal::new(status.is_some());

    Effect::new(move |_| grid.set(stored_view().as_deref() == Some("grid")));
    let navigate = use_navigate();
    Effect::new(move |_| {
        let (new, scan) = url.with_untracked(|u| (u.get("new").is_some(), u.get("scan").is_some()));
        if new || scan {
            dialog.set(Some(if new {
                Dialog::Create(new_product())
            } else {
                Dialog::Scan
            }));
            // Forget the request, so a reload does not open the form again.
            navigate(
                "/shop/products",
                NavigateOptions {
                    replace: true,
                    ..NavigateOptions::default()
                },
            );
        }
    });
    let products = Resource::new(
        move || (query.get(), version.get(), Replica::track()),
        |(q, _, _)| Replica::products(q),
    );
    let categories = Resource::new(
        move || (version.get(), Replica::track()),
        |_| Replica::categories(),
    );
    let refresh = Callback::new(move |_| {
        dialog.set(None);
        version.update(|v| *v += 1);
    });
    let close = Callback::new(move |_| dialog.set(None));
    // A scanned (or typed) code opens its product in the list, or offers to create it.
    let scanned = Callback::new(move |code: String| {
        dialog.set(None);
        spawn_local(async move {
            match product_by_sku(code.clone()).await {
                Ok(Some(_)) => {
                    typed.set(code.clone());
                    query.update(|q| {
                        *q = ProductQuery {
                            search: code,
                            ..ProductQuery::default()
                        };
                    });
                }
                Ok(None) => dialog.set(Some(Dialog::Unknown(code))),
                Err(_) => typed.set(code),
            }
        });
    });
    let update_query = move |change: &dyn Fn(&mut ProductQuery)| {
        query.update(|q| {
            change(q);
            q.page = 0;
        })
    };

    view! {
        <PageHeader title="nav.products">
            <button type="button" class="button primary add-button" on:click=move |_| dialog.set(Some(Dialog::Create(new_product())))>
                {t("products.add")}
            </button>
        </PageHeader>
        <form class="search" role="search" on:submit=move |ev| {
            ev.prevent_default();
            let search = typed.get_untracked();
            update_query(&|q| q.search = search.clone());
        }>
            <input type="search" aria-label=t("products.search") placeholder=t("products.search")
                prop:value=move || typed.get() on:input=move |ev| {
                    let search = event_target_value(&ev);
                    typed.set(search.clone());
                    // The phone's replica answers within a frame: the list follows the typing.
                    if Replica::holds_shop() {
                        update_query(&|q| q.search = search.clone());
                    }
                }/>
            <button type="button" class="button icon-only" aria-label=t("scanner.open") on:click=move |_| dialog.set(Some(Dialog::Scan))>
                <Icon name="scan"/>
            </button>
            <button type="button" class="button icon-only" aria-controls="product-options" aria-expanded=move || options.get().to_string()
                aria-label=move || match query.with(ProductQuery::narrowing_count) {
                    0 => translate(lang.get(), "products.options").to_owned(),
                    n => format!("{} ({n})", translate(lang.get(), "products.options")),
                }
                on:click=move |_| options.update(|open| *open = !*open)>
                <Icon name="filter"/>
                {move || match query.with(ProductQuery::narrowing_count) {
                    0 => None,
                    n => Some(view! { <span class="count-badge">{n}</span> }),
                }}
            </button>
        </form>
        <div class="chips" role="group" aria-label=t("product.category")>
            <button type="button" aria-pressed=move || (query.with(|q| q.category == CategoryFilter::All)).to_string()
                on:click=move |_| update_query(&|q| q.category = CategoryFilter::All)>{t("products.all")}</button>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    categories.await.unwrap_or_default().into_iter().map(|c| {
                        let filter = CategoryFilter::Id(c.id.clone());
                        let pressed = filter.clone();
                        view! {
                            <button type="button" aria-pressed=move || query.with(|q| q.category == pressed).to_string()
                                on:click=move |_| { let f = filter.clone(); update_query(&move |q| q.category = f.clone()) }>
                                {c.name}
                            </button>
                        }
                    }).collect_view()
                })}
            </Transition>
            <button type="button" aria-pressed=move || (query.with(|q| q.category == CategoryFilter::Uncategorized)).to_string()
                on:click=move |_| update_query(&|q| q.category = CategoryFilter::Uncategorized)>{t("category.none")}</button>
            <button type="button" class="chip-action" on:click=move |_| dialog.set(Some(Dialog::Categories))>{t("category.manage.button")}</button>
        </div>
        <div class="toolbar" id="product-options" hidden=move || !options.get()>
            <select aria-label=t("products.filter.status") on:change=move |ev| {
                let status = StockStatus::parse(&event_target_value(&ev));
                update_query(&|q| q.status = status);
            }>
                <option value="">{t("products.filter.all_status")}</option>
                {StockStatus::ALL.into_iter().map(|s| view! {
                    <option value=s.as_str() selected=move || query.with(|q| q.status == Some(s))>
                        {move || translate(lang.get(), s.label_key()).to_owned()}
                    </option>
                }).collect_view()}
            </select>
            <select aria-label=t("products.sort") on:change=move |ev| {
                let value = event_target_value(&ev);
                let sort = SORTS.iter().position(|(_, key)| *key == value).map(|i| SORTS[i].0).unwrap_or_default();
                update_query(&|q| q.sort = sort);
            }>
                {SORTS.into_iter().map(|(_, key)| view! {
                    <option value=key>{move || translate(lang.get(), key).to_owned()}</option>
                }).collect_view()}
            </select>
            <button type="button" class="button" aria-pressed=move || (!grid.get()).to_string()
                on:click=move |_| { let list = grid.get_untracked(); grid.set(!list); store_view(if list { "list" } else { "grid" }); }>
                {move || translate(lang.get(), if grid.get() { "products.view.list" } else { "products.view.grid" }).to_owned()}
            </button>
        </div>
        <Loaded resource=products show=move |page| view! {
            <ListPage total=page.total page=page.page page_size=page.page_size
                empty="products.empty" count="products.count" on_page=move |p| query.update(|q| q.page = p)>
                <ul class="products" class:grid-view=move || grid.get()>
                    // Keyed by the whole product: a keystroke redraws only the rows that come,
                    // go or change.
                    <For each=move || page.items.clone() key=Product::clone let(product)>
                        <ProductRow product dialog/>
                    </For>
                </ul>
            </ListPage>
        }/>
        <p class="list-footer"><A href="/shop/products/import" attr:class="button">{t("products.import")}</A></p>
        {move || dialog.get().map(|open| match open {
            Dialog::Create(initial) => view! { <FormLoader initial editing=None photo=None on_done=refresh on_close=close/> }.into_any(),
            Dialog::Edit(product) => view! {
                <FormLoader initial=product.to_input(false) editing=Some(product.id.clone()) photo=product.photo.clone()
                    on_done=refresh on_close=close/>
            }.into_any(),
            Dialog::Move(product, kind) => view! { <MoveStockForm product kind on_done=refresh on_close=close/> }.into_any(),
            Dialog::Detail(product) => view! { <ProductDetail product dialog on_close=close/> }.into_any(),
            Dialog::Delete(product) => {
                let (id, name) = (StoredValue::new(product.id), product.name);
                let message = t_with("products.delete.confirm", move || vec![("name", name.clone())]);
                view! {
                    <ConfirmDialog title="products.delete.title" message=Signal::derive(message) button="common.confirm_delete"
                        action=move || Replica::write(OfflineWrite::ProductDelete { id: id.get_value() })
                        on_done=refresh on_close=close/>
                }.into_any()
            }
            Dialog::Scan => view! { <Scanner on_code=scanned on_close=close/> }.into_any(),
            Dialog::Unknown(code) => {
                let sku = code.clone();
                let create = move |_| dialog.set(Some(Dialog::Create(ProductInput { sku: sku.clone(), ..new_product() })));
                view! {
                    <Modal title="scanner.unknown.title" on_close=close>
                        <p>{t_with("scanner.unknown", move || vec![("code", code.clone())])}</p>
                        <button type="button" class="button primary" on:click=create>{t("scanner.create")}</button>
                    </Modal>
                }.into_any()
            }
            Dialog::Categories => view! {
                <ManageCategories categories on_change=Callback::new(move |_| version.update(|v| *v += 1)) on_close=close/>
            }.into_any(),
        })}
    }
}

/// The product form once the categories and unit suggestions it offers have loaded.
#[component]
fn FormLoader(
    initial: ProductInput,
    editing: Option<String>,
    photo: Option<String>,
    on_done: Callback<()>,
    on_close: Callback<()>,
) -> impl IntoView {
    // The choices are read once, when the form opens: a later sync must not rebuild the form
    // and lose what is being typed.
    let choices = Resource::new(
        || (),
        |_| async {
            let categories = Replica::categories().await.unwrap_or_default();
            let suppliers = Replica::suppliers(SupplierSort::Name)
                .await
                .unwrap_or_default();
            let units = unit_suggestions().await.unwrap_or_default();
            (categories, suppliers, units)
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let (initial, editing, photo) = (initial.clone(), editing.clone(), photo.clone());
                Suspend::new(async move {
                    let (categories, suppliers, units) = choices.await;
                    view! { <ProductForm initial editing categories suppliers units photo on_done on_close/> }
                })
            }}
        </Suspense>
    }
}

/// One product of the list (B1): its name (a tap opens its detail), quantity and unit, status
/// colour and sale price, with the stock's − and + (B4) one tap away.
#[component]
fn ProductRow(product: Product, dialog: RwSignal<Option<Dialog>>) -> impl IntoView {
    let stored = StoredValue::new(product.clone());
    let open =
        move |make: fn(Product) -> Dialog| move |_| dialog.set(Some(make(stored.get_value())));
    view! {
        <li class="product-card" data-status=product.status.as_str()>
            {product.photo.as_deref().map(|stored| view! {
                <img class="product-photo" src=PhotoUrls::of(stored).thumb alt="" width="48" height="48" loading="lazy"/>
            })}
            <div class="product-main">
                <h3><button type="button" class="product-open" on:click=open(Dialog::Detail)>{product.name.clone()}</button></h3>
                <span class="price">{crate::ui::format::amount(product.sale_price)}</span>
                <p class="product-line">
                    <span><strong class="quantity">{product.quantity}</strong> " " {product.unit.clone()}</span>
                    <StatusBadge status=product.status/>
                </p>
            </div>
            <div class="quick-stock">
                <button type="button" class="button" aria-label=t("stock.out") on:click=open(|p| Dialog::Move(p, MovementKind::Out))>"−"</button>
                <button type="button" class="button" aria-label=t("stock.in") on:click=open(|p| Dialog::Move(p, MovementKind::In))>"+"</button>
            </div>
        </li>
    }
}

fn new_product() -> ProductInput {
    ProductInput {
        unit: crate::domain::product::DEFAULT_UNITS[0].to_owned(),
        ..ProductInput::default()
    }
}

fn stored_view() -> Option<String> {
    #[cfg(feature = "hydrate")]
    return window()
        .local_storage()
        .ok()
        .flatten()?
        .get_item(VIEW_KEY)
        .ok()
        .flatten();
    #[cfg(not(feature = "hydrate"))]
    None
}

fn store_view(mode: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = storage.set_item(VIEW_KEY, mode);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (mode, VIEW_KEY);
}
