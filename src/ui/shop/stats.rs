//! Statistiques (E3, E4, E8), opened from the dashboard: a period selector, then the app's own
//! charts (HTML/CSS bars, an SVG donut), each with its figures as text for screen readers.

use leptos::prelude::*;

use crate::api::stats::shop_statistics;
use crate::domain::stats::{Flow, StatsPeriod, donut_slices, percent};
use crate::domain::stats::{RankedProduct, StatsReport};
use crate::ui::components::{Loaded, PageHeader};
use crate::ui::format::{amount, day};
use crate::ui::i18n::{t, t_with};
use crate::ui::prefs::Prefs;

#[component]
pub fn StatsPage() -> impl IntoView {
    let _lang = expect_context::<Prefs>().lang;
    let period = RwSignal::new(StatsPeriod::default());
    let report = Resource::new(move || period.get(), shop_statistics);
    view! {
        <PageHeader title="stats.title"/>
        <div class="chips" role="group" aria-label=t("stats.period")>
            {StatsPeriod::ALL.into_iter().map(|p| view! {
                <button type="button" aria-pressed=move || (period.get() == p).to_string()
                    on:click=move |_| period.set(p)>
                    {t_with("stats.days", move || vec![("days", p.days().to_string())])}
                </button>
            }).collect_view()}
        </div>
        <Loaded resource=report show=|report| view! { <Report report/> }/>
    }
}

#[component]
fn Report(report: StatsReport) -> impl IntoView {
    let usage = report.usage.clone();
    let (first, last) = (report.first_day.clone(), report.last_day.clone());
    let movements_csv = format!("/export/movements.csv?from={first}&to={last}");
    view! {
        <p class="intro usage" data-figure="usage">{t_with("stats.usage", move || vec![
            ("products", usage.products.to_string()),
            ("orders", usage.orders_this_month.to_string()),
            ("alerts", usage.alerts_handled.to_string()),
        ])}</p>
        <p class="muted">{t_with("stats.covers", move || vec![("from", day(&first)), ("to", day(&last))])}</p>
        <div class="quick-actions">
            <a href="/export/products.csv" class="button" download>{t("stats.export_products")}</a>
            <a href=movements_csv class="button" download>{t("stats.export_movements")}</a>
        </div>
        <CategoryValues report=report.clone()/>
        <StatusDonut report=report.clone()/>
        <Flows flows=report.flows.clone()/>
        <TopList title="stats.top_value" items=report.top_by_value.clone() money=true figure="top-value"/>
        <TopList title="stats.top_sellers" items=report.top_sellers money=false figure="top-sellers"/>
    }
}

/// Stock value by category, as bars proportional to the largest.
#[component]
fn CategoryValues(report: StatsReport) -> impl IntoView {
    let largest = report
        .by_category
        .iter()
        .map(|c| c.value)
        .max()
        .unwrap_or(0);
    let uncategorised = t("category.none");
    view! {
        <section class="card chart" aria-labelledby="stats-categories">
            <h2 id="stats-categories">{t("stats.by_category")}</h2>
            {if report.by_category.is_empty() {
                view! { <p class="empty-state">{t("stats.no_products")}</p> }.into_any()
            } else {
                view! {
                    <ul class="bar-list" data-figure="by-category">
                        {report.by_category.into_iter().map(|c| {
                            let width = format!("width: {:.1}%", percent(c.value, largest));
                            let name = c.name.clone();
                            view! {
                                <li>
                                    <span class="bar-label">{move || name.clone().unwrap_or_else(|| uncategorised().to_owned())}</span>
                                    <span class="bar-value">{amount(c.value)}</span>
                                    <span class="bar-track" aria-hidden="true"><span class="bar" style=width></span></span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// Products by stock status, as a donut with a legend that carries the figures.
#[component]
fn StatusDonut(report: StatsReport) -> impl IntoView {
    let counts: Vec<u64> = report.by_status.iter().map(|s| s.count).collect();
    let whole: u64 = counts.iter().sum();
    let slices = donut_slices(&counts);
    view! {
        <section class="card chart" aria-labelledby="stats-status">
            <h2 id="stats-status">{t("stats.by_status")}</h2>
            <div class="donut-chart">
                // A circle of circumference 100: each slice is a dash of its percentage, turned
                // to start where the previous one ended (from the top, clockwise).
                <svg viewBox="0 0 42 42" class="donut" aria-hidden="true">
                    <circle class="donut-hole" cx="21" cy="21" r="15.915" fill="none" stroke-width="6"/>
                    {report.by_status.iter().zip(slices).filter(|(_, (_, length))| *length > 0.0).map(|(s, (start, length))| view! {
                        <circle cx="21" cy="21" r="15.915" fill="none" stroke-width="6" data-status=s.status.as_str()
                            stroke-dasharray=format!("{length:.2} {:.2}", 100.0 - length)
                            stroke-dashoffset=format!("{:.2}", 25.0 - start)/>
                    }).collect_view()}
                </svg>
                <ul class="legend" data-figure="by-status">
                    {report.by_status.into_iter().map(|s| view! {
                        <li data-status=s.status.as_str()>
                            <span class="swatch" aria-hidden="true"></span>
                            <span>{t(s.status.label_key())}</span>
                            <strong>{s.count}</strong>
                            <span class="muted">{format!("{:.0} %", percent(s.count as i64, whole as i64))}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </div>
        </section>
    }
}

/// Units in and out per day (per week over 90 days), as paired bars, with a table of the same
/// figures for screen readers.
#[component]
fn Flows(flows: Vec<Flow>) -> impl IntoView {
    let largest = flows
        .iter()
        .map(|f| f.units_in.max(f.units_out))
        .max()
        .unwrap_or(0);
    let total_in: i64 = flows.iter().map(|f| f.units_in).sum();
    let total_out: i64 = flows.iter().map(|f| f.units_out).sum();
    let first = flows.first().map(|f| day(&f.day)).unwrap_or_default();
    let last = flows.last().map(|f| day(&f.day)).unwrap_or_default();
    let height = move |units: i64| format!("height: {:.1}%", percent(units, largest));
    view! {
        <section class="card chart" aria-labelledby="stats-flows">
            <h2 id="stats-flows">{t("stats.flows")}</h2>
            <p class="flow-totals" data-figure="flow-totals">
                <span class="in">{t_with("stats.total_in", move || vec![("units", total_in.to_string())])}</span>
                <span class="out">{t_with("stats.total_out", move || vec![("units", total_out.to_string())])}</span>
            </p>
            <div class="flow-chart" aria-hidden="true">
                {flows.iter().map(|f| view! {
                    <div class="flow-pair" title=format!("{} : +{} / −{}", day(&f.day), f.units_in, f.units_out)>
                        <span class="flow-bar in" style=height(f.units_in)></span>
                        <span class="flow-bar out" style=height(f.units_out)></span>
                    </div>
                }).collect_view()}
            </div>
            <p class="flow-axis muted" aria-hidden="true"><span>{first}</span><span>{last}</span></p>
            <table class="visually-hidden">
                <caption>{t("stats.flows")}</caption>
                <thead><tr><th scope="col">{t("stats.day")}</th><th scope="col">{t("history.in")}</th><th scope="col">{t("history.out")}</th></tr></thead>
                <tbody>
                    {flows.into_iter().map(|f| view! {
                        <tr><th scope="row">{day(&f.day)}</th><td>{f.units_in}</td><td>{f.units_out}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// A ranked list of products with a bar for each figure (a stock value or units sold).
#[component]
fn TopList(
    title: &'static str,
    items: Vec<RankedProduct>,
    money: bool,
    figure: &'static str,
) -> impl IntoView {
    let largest = items.iter().map(|p| p.figure).max().unwrap_or(0);
    view! {
        <section class="card chart">
            <h2>{t(title)}</h2>
            {if items.is_empty() {
                view! { <p class="empty-state">{t("stats.nothing_yet")}</p> }.into_any()
            } else {
                view! {
                    <ol class="bar-list" data-figure=figure>
                        {items.into_iter().map(|p| {
                            let width = format!("width: {:.1}%", percent(p.figure, largest));
                            let value = if money { amount(p.figure) } else { format!("{} {}", p.figure, p.unit) };
                            view! {
                                <li>
                                    <span class="bar-label">{p.name}</span>
                                    <span class="bar-value">{value}</span>
                                    <span class="bar-track" aria-hidden="true"><span class="bar" style=width></span></span>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}
