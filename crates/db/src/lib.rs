//! One database interface over SQLite (embedded default) and PostgreSQL (production).
//!
//! Queries are portable SQL with `$1` placeholders, `RETURNING` and `ON CONFLICT`; the few
//! places where the dialects differ (connection pragmas, migrations) stay in this file.

mod group_commit;

use crate::group_commit::GroupWriter;
use futures_util::future::BoxFuture;
use sqlx::any::{install_default_drivers, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::{Any, AnyConnection, AnyPool, Transaction};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("../../migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("../../migrations/postgres");

/// Durability first: WAL for concurrent readers, FULL sync so a committed order survives a
/// power cut, foreign keys enforced, and a wait instead of an instant "database is locked".
const SQLITE_PRAGMAS: [&str; 4] = [
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 5000",
];

/// How a SQLite transaction that writes begins (see `Database::begin`).
pub const SQLITE_BEGIN_WRITE: &str = "BEGIN IMMEDIATE";

/// What a transaction may hold alone until it ends (`one_at_a_time`).
#[derive(Clone, Copy, Debug)]
pub enum Exclusive {
    /// The category tree: two moves at once could each pass the cycle check.
    CategoryTree,
    /// The open links of one purpose and record: two issued at once would both stay valid.
    EmailLinks { purpose: u8, subject_id: i64 },
    /// The hits of one rate limit's key: two counted at once could both find room.
    LimitBucket { digest_prefix: u64 },
}

impl Exclusive {
    fn key(self) -> i64 {
        match self {
            Exclusive::CategoryTree => 1,
            // Past the fixed keys above; the purpose in the low bits.
            Exclusive::EmailLinks {
                purpose,
                subject_id,
            } => (1 << 40) + subject_id.wrapping_mul(16) + i64::from(purpose),
            // Past the links' keys; two buckets that share the 40 bits only wait for each other.
            Exclusive::LimitBucket { digest_prefix } => {
                (2 << 40) + (digest_prefix & ((1 << 40) - 1)) as i64
            }
        }
    }
}

/// Makes transactions that name the same thing run one after the other from here on, for
/// the checks that read before they write. PostgreSQL: a transaction-scoped advisory lock;
/// SQLite needs none, its write transactions begin `IMMEDIATE` and so run one at a time.
pub async fn one_at_a_time(conn: &mut AnyConnection, what: Exclusive) -> Result<(), DbError> {
    if conn.backend_name() == "PostgreSQL" {
        sqlx::query("SELECT 1 FROM pg_advisory_xact_lock($1)")
            .bind(what.key())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Now, as Kontor stores time: seconds since the Unix epoch.
pub fn unix_now() -> i64 {
    unix_now_ms() / 1000
}

/// Now in milliseconds since the Unix epoch, for what counts hits within seconds (limits).
pub fn unix_now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of_url(url: &str) -> Result<Backend, DbError> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Backend::Postgres)
        } else {
            Err(DbError::UnsupportedUrl)
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("unsupported database URL: expected sqlite:… or postgres://…")]
    UnsupportedUrl,
    #[error("cannot create the database folder {path}: {source}")]
    CreateFolder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Query(#[from] sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A stored value that no longer parses: a bug or a hand edit, never user input.
    #[error("corrupt value in {0}")]
    Corrupt(&'static str),
    /// The transaction a grouped write shared with others did not commit.
    #[error("the shared transaction failed: {0}")]
    GroupFailed(Arc<sqlx::Error>),
    #[error("the database writer has stopped")]
    WriterStopped,
    /// Another Kontor process serves this SQLite file.
    #[error(
        "another Kontor process is using the SQLite database {path}: SQLite serves one \
         process; stop the other one, or run several on PostgreSQL"
    )]
    SqliteInUse { path: PathBuf },
    #[error("cannot open {path} to hold it for this process: {source}")]
    HoldFile {
        path: PathBuf,
        source: std::io::Error,
    },
}

#[derive(Clone, Debug)]
pub struct Database {
    pool: AnyPool,
    backend: Backend,
    /// SQLite's group commit (`None` on PostgreSQL, where writers run side by side).
    writer: Option<GroupWriter>,
}

impl Database {
    /// Connects (creating the SQLite file and its folder on first start).
    pub async fn connect(url: &str) -> Result<Database, DbError> {
        let backend = Backend::of_url(url)?;
        let url = match backend {
            Backend::Sqlite => prepare_sqlite_file(url)?,
            Backend::Postgres => url.to_owned(),
        };
        install_default_drivers();
        let pool = AnyPoolOptions::new()
            .max_connections(match backend {
                Backend::Sqlite => 8,
                Backend::Postgres => 16,
            })
            .acquire_timeout(Duration::from_secs(5))
            // A SQLite connection is a file handle in this process: nothing can break it
            // between two uses, and the check cost a round trip to its thread per query.
            .test_before_acquire(backend == Backend::Postgres)
            .after_connect(move |conn: &mut AnyConnection, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        apply_sqlite_pragmas(conn).await?;
                    }
                    Ok(())
                })
            })
            .connect(&url)
            .await?;
        let writer = (backend == Backend::Sqlite).then(|| GroupWriter::start(pool.clone()));
        Ok(Database {
            pool,
            backend,
            writer,
        })
    }

    /// A transaction that is going to write. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`, waiting as long as `busy_timeout`): a deferred transaction that
    /// reads first fails with "database is locked" at its first write when another
    /// connection wrote in between, and no wait helps it.
    pub async fn begin(&self) -> Result<Transaction<'static, Any>, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with(SQLITE_BEGIN_WRITE).await,
            Backend::Postgres => self.pool.begin().await,
        }
    }

    /// Runs `work` in a transaction and answers once it is committed. On SQLite, the work
    /// may share its transaction with others that arrive at the same moment (each in its own
    /// savepoint: an error undoes only its own statements); see `group_commit`.
    pub async fn grouped_write<T, E, W>(&self, work: W) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
        W: for<'c> FnOnce(&'c mut AnyConnection) -> BoxFuture<'c, Result<T, E>> + Send + 'static,
    {
        if let Some(writer) = &self.writer {
            return writer.write(work).await;
        }
        let mut tx = self.begin().await.map_err(DbError::from)?;
        let result = work(&mut tx).await;
        if result.is_ok() {
            tx.commit().await.map_err(DbError::from)?;
        }
        result
    }

    pub async fn migrate(&self) -> Result<(), DbError> {
        let migrator = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator.run(&self.pool).await?;
        Ok(())
    }

    /// Readiness: the database answers a query.
    pub async fn ping(&self) -> Result<(), DbError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Whether writes can be made: SQLite's group writer runs (PostgreSQL has none).
    pub fn writer_running(&self) -> bool {
        self.writer.as_ref().is_none_or(GroupWriter::is_running)
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

async fn apply_sqlite_pragmas(conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
    for pragma in SQLITE_PRAGMAS {
        sqlx::query(pragma).execute(&mut *conn).await?;
    }
    Ok(())
}

/// Creates the folder of a SQLite file and asks sqlx to create the file itself (`mode=rwc`).
/// The file of a SQLite URL and its query; no file for an in-memory database.
fn sqlite_path(url: &str) -> (Option<PathBuf>, &str) {
    let rest = url.trim_start_matches("sqlite:").trim_start_matches("//");
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let file = (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path));
    (file, query)
}

/// The SQLite file this process holds (`hold_sqlite_file`); held until dropped.
#[derive(Debug)]
pub struct HeldSqliteFile {
    _file: std::fs::File,
}

/// Holds the SQLite file of `url` for this process, or refuses when another process holds
/// it: SQLite serves one Kontor process (its writes go through one group-committing writer).
/// An advisory lock (`flock`) on the file itself, apart from SQLite's own record locks, and
/// released by the system however the process ends. Nothing to hold for PostgreSQL or an
/// in-memory database.
pub fn hold_sqlite_file(url: &str) -> Result<Option<HeldSqliteFile>, DbError> {
    let Backend::Sqlite = Backend::of_url(url)? else {
        return Ok(None);
    };
    let (Some(path), _) = sqlite_path(url) else {
        return Ok(None);
    };
    prepare_sqlite_file(url)?;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|source| DbError::HoldFile {
            path: path.clone(),
            source,
        })?;
    match file.try_lock() {
        Ok(()) => Ok(Some(HeldSqliteFile { _file: file })),
        Err(std::fs::TryLockError::WouldBlock) => Err(DbError::SqliteInUse { path }),
        Err(std::fs::TryLockError::Error(source)) => Err(DbError::HoldFile { path, source }),
    }
}

fn prepare_sqlite_file(url: &str) -> Result<String, DbError> {
    let (path, query) = sqlite_path(url);
    let Some(path) = path else {
        return Ok(url.to_owned());
    };
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|source| DbError::CreateFolder {
            path: folder.to_owned(),
            source,
        })?;
    }
    Ok(if query.contains("mode=") {
        url.to_owned()
    } else if query.is_empty() {
        format!("{url}?mode=rwc")
    } else {
        format!("{url}&mode=rwc")
    })
}

/// How many pages of `size` rows `total` rows fill (at least one, empty as it may be).
pub fn page_count(total: i64, size: i64) -> u32 {
    u32::try_from(((total + size - 1) / size).max(1)).unwrap_or(u32::MAX)
}

/// The search text for `… LIKE '%' || $n || '%' ESCAPE '\\'` ("contains"), lower-cased like
/// the `search_text` columns; `%` and `_` in a search are meant literally. The wildcards are
/// added in SQL, not bound: SQLite plans a `LIKE $n` anew for every value bound to it (the
/// planner may use the value), which cost a full statement preparation per query.
pub fn like_needle(search: &str) -> String {
    let mut needle = String::new();
    for c in search.trim().to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            needle.push('\\');
        }
        needle.push(c);
    }
    needle
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_wildcards_in_a_search_are_literal() {
        assert_eq!(like_needle(" 50%_a\\B "), "50\\%\\_a\\\\b");
        assert_eq!(like_needle("Müller"), "müller");
    }

    #[test]
    fn the_backend_follows_the_url_scheme() {
        assert_eq!(
            Backend::of_url("sqlite://data/kontor.db").unwrap(),
            Backend::Sqlite
        );
        assert_eq!(
            Backend::of_url("postgres://u@localhost/k").unwrap(),
            Backend::Postgres
        );
        assert_eq!(
            Backend::of_url("postgresql://u@localhost/k").unwrap(),
            Backend::Postgres
        );
        assert!(matches!(
            Backend::of_url("mysql://x"),
            Err(DbError::UnsupportedUrl)
        ));
    }

    #[test]
    fn a_sqlite_file_is_held_by_one_process_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/data/kontor.db", dir.path().display());
        let held = hold_sqlite_file(&url).unwrap().expect("a file to hold");
        // A second holder (as another process would be: a lock of its own open file).
        let refused = hold_sqlite_file(&url).unwrap_err();
        assert!(matches!(refused, DbError::SqliteInUse { .. }), "{refused}");
        assert!(refused.to_string().contains("PostgreSQL"));
        drop(held);
        assert!(
            hold_sqlite_file(&url).unwrap().is_some(),
            "free once released"
        );
        assert!(hold_sqlite_file("sqlite::memory:").unwrap().is_none());
        assert!(hold_sqlite_file("postgres://u@localhost/k")
            .unwrap()
            .is_none());
    }

    #[tokio::test]
    async fn a_new_sqlite_file_is_created_with_its_folder_migrated_and_durable() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("nested/kontor.db");
        let db = Database::connect(&format!("sqlite://{}", file.display()))
            .await
            .unwrap();
        db.migrate().await.unwrap();
        db.ping().await.unwrap();
        assert!(file.exists());

        let pragma = |name: &'static str| {
            let pool = db.pool().clone();
            async move {
                let row: (String,) =
                    sqlx::query_as(&format!("SELECT CAST({name} AS TEXT) FROM pragma_{name}"))
                        .fetch_one(&pool)
                        .await
                        .unwrap();
                row.0
            }
        };
        assert_eq!(pragma("journal_mode").await, "wal");
        assert_eq!(pragma("synchronous").await, "2", "2 is FULL");
        assert_eq!(pragma("foreign_keys").await, "1");
        db.close().await;
    }

    /// A SQLite database in a temporary folder with one table of the test's own.
    pub async fn scratch_sqlite(table: &str) -> (tempfile::TempDir, Database) {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("scratch.db").display());
        let db = Database::connect(&url).await.unwrap();
        sqlx::query(table).execute(db.pool()).await.unwrap();
        (dir, db)
    }

    #[tokio::test]
    async fn a_transaction_that_reads_first_can_still_write() {
        let (_dir, db) = scratch_sqlite("CREATE TABLE counter (n INTEGER NOT NULL)").await;
        let mut tx = db.begin().await.unwrap();
        let _: Vec<(i64,)> = sqlx::query_as("SELECT n FROM counter")
            .fetch_all(&mut *tx)
            .await
            .unwrap();
        // Another connection writes meanwhile: it waits for this transaction instead of
        // committing under its feet (which made its first write fail "database is locked").
        let other = tokio::spawn({
            let db = db.clone();
            async move {
                let mut tx = db.begin().await?;
                sqlx::query("INSERT INTO counter VALUES (2)")
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await
            }
        });
        tokio::time::sleep(Duration::from_millis(100)).await;
        sqlx::query("INSERT INTO counter VALUES (1)")
            .execute(&mut *tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        other.await.unwrap().unwrap();
        let rows: Vec<(i64,)> = sqlx::query_as("SELECT n FROM counter ORDER BY rowid")
            .fetch_all(db.pool())
            .await
            .unwrap();
        assert_eq!(rows, [(1,), (2,)]);
    }
}
