//! The two kinds of account (A1) and where each may go (A6).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Shopkeeper,
    Supplier,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Shopkeeper => "shopkeeper",
            Self::Supplier => "supplier",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "shopkeeper" => Some(Self::Shopkeeper),
            "supplier" => Some(Self::Supplier),
            _ => None,
        }
    }

    /// The first page after sign-in, and the root of this role's pages.
    pub fn home(self) -> &'static str {
        match self {
            Self::Shopkeeper => "/shop",
            Self::Supplier => "/supplier",
        }
    }

    /// The role whose pages live under `path`, if the path is a role's area.
    pub fn owning(path: &str) -> Option<Self> {
        [Self::Shopkeeper, Self::Supplier].into_iter().find(|role| {
            let home = role.home();
            path == home
                || path
                    .strip_prefix(home)
                    .is_some_and(|rest| rest.starts_with('/'))
        })
    }

    /// Where to go after signing in: the requested page when it is one of this role's own,
    /// otherwise the role's home (never another site, never the other role's area).
    pub fn landing(self, requested: Option<&str>) -> String {
        match requested {
            Some(path)
                if !path.starts_with("//")
                    && Role::owning(path.split(['?', '#']).next().unwrap_or("")) == Some(self) =>
            {
                path.to_owned()
            }
            _ => self.home().to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_area_belongs_to_one_role() {
        assert_eq!(Role::owning("/shop"), Some(Role::Shopkeeper));
        assert_eq!(Role::owning("/shop/products"), Some(Role::Shopkeeper));
        assert_eq!(Role::owning("/supplier/catalog"), Some(Role::Supplier));
        assert_eq!(Role::owning("/shopping"), None);
        assert_eq!(Role::owning("/suppliers"), None);
        assert_eq!(Role::owning("/login"), None);
    }

    #[test]
    fn landing_keeps_only_own_pages() {
        assert_eq!(
            Role::Shopkeeper.landing(Some("/shop/orders")),
            "/shop/orders"
        );
        assert_eq!(Role::Shopkeeper.landing(Some("/supplier/catalog")), "/shop");
        assert_eq!(
            Role::Supplier.landing(Some("//evil.example/supplier")),
            "/supplier"
        );
        assert_eq!(
            Role::Supplier.landing(Some("https://evil.example")),
            "/supplier"
        );
        assert_eq!(Role::Supplier.landing(None), "/supplier");
    }

    #[test]
    fn role_names_round_trip() {
        for role in [Role::Shopkeeper, Role::Supplier] {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("admin"), None);
    }
}
