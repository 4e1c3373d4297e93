//! Data-set pieces without the server: the `replica` bench uses them natively too (it includes
//! this file alone, `#[path]`), the others through `common`.

#![allow(dead_code)]

// ---------------------------------------------------------------------------------------------
// Deterministic pseudo-random numbers (splitmix64): the same data set on every run.

pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

// ---------------------------------------------------------------------------------------------
// Pieces of the data sets.

pub const NOUNS: [&str; 30] = [
    "Riz",
    "Huile",
    "Sucre",
    "Lait",
    "Savon",
    "Farine",
    "Café",
    "Thé",
    "Sardines",
    "Tomate",
    "Biscuits",
    "Jus",
    "Eau",
    "Pâtes",
    "Mayonnaise",
    "Bouillon",
    "Lessive",
    "Javel",
    "Couches",
    "Crème",
    "Piles",
    "Bougies",
    "Allumettes",
    "Cahier",
    "Stylo",
    "Ampoule",
    "Pagne",
    "Sel",
    "Vinaigre",
    "Chocolat",
];
pub const DESCRIPTORS: [&str; 12] = [
    "parfumé",
    "brisé",
    "entier",
    "raffiné",
    "en poudre",
    "concentré",
    "classique",
    "premium",
    "familial",
    "économique",
    "bio",
    "extra",
];
