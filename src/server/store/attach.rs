//! Rows of other tables attached to the rows of a select, read for all of them at once.
//!
//! SurrealDB reads a subquery that compares with `$parent.id` from its whole table, once per
//! row: every shop's alerts for each product listed, every order line for each order pulled
//! (surrealdb#5439). Compared with a variable (`IN $keys`), the same select goes through the
//! table's index, once for the page.

/// What each row gets; `select` reads it for `$keys` (the rows' `by` field) and names the row
/// it belongs to `of`.
pub(super) enum Attach {
    /// Its rows of another table, as the list `field` (in the order of `select`).
    List {
        field: &'static str,
        by: &'static str,
        select: &'static str,
    },
    /// Its figures, merged into it: `select` groups them by `of`; a row without any gets `none`.
    Figures {
        by: &'static str,
        select: &'static str,
        none: &'static str,
    },
}

/// SurrealQL that answers the rows of `select` (no trailing `;`) with `attachments`, in
/// statements whose last one (a `RETURN`) answers. It goes after the query's other `LET`s: a
/// `LET` placed after it was seen to read nothing (a total then came out as NONE).
pub(super) fn attach(select: &str, attachments: &[Attach]) -> String {
    let mut sql = format!("LET $rows = ({select});\n");
    let mut row = "$row".to_owned();
    for (i, attachment) in attachments.iter().enumerate() {
        let (by, select) = match attachment {
            Attach::List { by, select, .. } | Attach::Figures { by, select, .. } => (by, select),
        };
        sql += &format!("LET $keys = $rows.{by};\nLET $found{i} = ({select});\n");
        let found = format!("$found{i}[WHERE of = $row.{by}]");
        row = match attachment {
            Attach::List { field, .. } => format!("object::extend({row}, {{ {field}: {found} }})"),
            Attach::Figures { none, .. } => format!("object::extend({row}, {found}[0] ?? {none})"),
        };
    }
    sql + &format!("RETURN array::map($rows, |$row| {row});")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_attachment_reads_its_rows_once_for_the_page_and_merges_them_by_row() {
        let sql = attach(
            "SELECT id FROM purchase_order",
            &[
                Attach::List {
                    field: "lines",
                    by: "id",
                    select: "SELECT purchase AS of FROM order_line WHERE purchase IN $keys",
                },
                Attach::Figures {
                    by: "vendor",
                    select: "SELECT user AS of, id AS profile FROM supplier_profile WHERE user IN $keys",
                    none: "{ profile: NONE }",
                },
            ],
        );
        assert_eq!(
            sql,
            "LET $rows = (SELECT id FROM purchase_order);\n\
             LET $keys = $rows.id;\n\
             LET $found0 = (SELECT purchase AS of FROM order_line WHERE purchase IN $keys);\n\
             LET $keys = $rows.vendor;\n\
             LET $found1 = (SELECT user AS of, id AS profile FROM supplier_profile WHERE user IN $keys);\n\
             RETURN array::map($rows, |$row| object::extend(object::extend($row, { lines: $found0[WHERE of = $row.id] }), \
             $found1[WHERE of = $row.vendor][0] ?? { profile: NONE }));"
        );
    }
}
