//! The two migration trees describe one schema: the same tables, each column with the same kind
//! of value, the same nullability and the same primary key, on SQLite and on PostgreSQL. A
//! migration written for one backend and forgotten (or mistyped) for the other fails here.

use crate::support::TestApp;
use app::platform::Database;
use std::collections::BTreeMap;

#[derive(Debug, PartialEq, Eq)]
struct Column {
    kind: String,
    not_null: bool,
    primary_key: bool,
}

type Schema = BTreeMap<(String, String), Column>;

#[tokio::test]
async fn sqlite_and_postgres_migrations_describe_the_same_schema() {
    let sqlite = sqlite_schema(TestApp::sqlite().await.db()).await;
    let postgres = postgres_schema(TestApp::postgres().await.db()).await;
    assert!(
        sqlite.len() > 100,
        "the reader found the columns: {}",
        sqlite.len()
    );
    let mut differences = Vec::new();
    for (column, in_sqlite) in &sqlite {
        match postgres.get(column) {
            None => differences.push(format!("{column:?} only in SQLite")),
            Some(in_postgres) if in_postgres != in_sqlite => differences.push(format!(
                "{column:?}: SQLite {in_sqlite:?}, PostgreSQL {in_postgres:?}"
            )),
            Some(_) => {}
        }
    }
    differences.extend(
        postgres
            .keys()
            .filter(|column| !sqlite.contains_key(*column))
            .map(|column| format!("{column:?} only in PostgreSQL")),
    );
    assert!(differences.is_empty(), "{differences:#?}");
}

#[test]
fn declared_types_fall_into_the_same_kinds() {
    assert_eq!(kind("INTEGER"), "integer");
    assert_eq!(kind("bigint"), "integer");
    assert_eq!(kind("TEXT"), "text");
    assert_eq!(kind("character varying"), "text");
    assert_eq!(kind("double precision"), "real");
    assert_eq!(kind("BLOB"), "bytes");
    assert_eq!(kind("jsonb"), "other: jsonb");
}

/// The kind of value a declared type holds, in either dialect.
fn kind(declared: &str) -> String {
    let upper = declared.to_ascii_uppercase();
    let kind = if upper.contains("INT") {
        "integer"
    } else if upper.contains("TEXT") || upper.contains("CHAR") {
        "text"
    } else if upper.contains("REAL") || upper.contains("DOUBLE") || upper.contains("FLOAT") {
        "real"
    } else if upper.contains("BLOB") || upper == "BYTEA" {
        "bytes"
    } else if upper == "BOOLEAN" {
        "boolean"
    } else {
        return format!("other: {declared}");
    };
    kind.to_owned()
}

async fn sqlite_schema(db: &Database) -> Schema {
    let rows: Vec<(String, String, String, i64, i64)> = sqlx::query_as(
        "SELECT m.name, p.name, p.type, p.\"notnull\", p.pk \
         FROM sqlite_master m, pragma_table_info(m.name) p \
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite%' AND m.name NOT LIKE '\\_sqlx%' ESCAPE '\\'",
    )
    .fetch_all(db.pool())
    .await
    .expect("the SQLite catalogue");
    rows.into_iter()
        .map(|(table, column, declared, not_null, pk)| {
            // A primary key holds no NULL on PostgreSQL; SQLite only refuses one where it
            // says so, or for an INTEGER key (the row id). Kontor never stores one.
            let primary_key = pk > 0;
            let not_null = not_null == 1 || primary_key;
            let kind = kind(&declared);
            (
                (table, column),
                Column {
                    kind,
                    not_null,
                    primary_key,
                },
            )
        })
        .collect()
}

async fn postgres_schema(db: &Database) -> Schema {
    let keys: Vec<(String, String)> = sqlx::query_as(
        "SELECT k.table_name::text, k.column_name::text \
         FROM information_schema.table_constraints c \
         JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name \
         AND k.table_schema = c.table_schema AND k.table_name = c.table_name \
         WHERE c.constraint_type = 'PRIMARY KEY' AND c.table_schema = current_schema()",
    )
    .fetch_all(db.pool())
    .await
    .expect("the PostgreSQL keys");
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text, data_type::text, is_nullable::text \
         FROM information_schema.columns \
         WHERE table_schema = current_schema() AND table_name NOT LIKE '\\_sqlx%' ESCAPE '\\'",
    )
    .fetch_all(db.pool())
    .await
    .expect("the PostgreSQL catalogue");
    rows.into_iter()
        .map(|(table, column, declared, nullable)| {
            let primary_key = keys.contains(&(table.clone(), column.clone()));
            let column_kind = kind(&declared);
            let not_null = nullable == "NO";
            (
                (table, column),
                Column {
                    kind: column_kind,
                    not_null,
                    primary_key,
                },
            )
        })
        .collect()
}
