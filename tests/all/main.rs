//! Every Rust test through the real router, in one binary so the crate links once.
#![cfg(feature = "ssr")]

mod alerts;
mod auth;
mod bad_input;
mod common;
mod config;
mod connected_orders;
mod dashboard;
mod data;
mod figures;
mod invitations;
mod marketplace;
mod marketplace_search;
mod ops;
mod photos;
mod plans;
mod products;
mod purchasing;
mod replay;
mod replica;
mod restore;
mod search;
mod static_files;
mod stats;
mod sync;
