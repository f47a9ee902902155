//! Group commit for SQLite: writes that arrive at the same moment share one transaction.
//!
//! SQLite lets one connection write at a time. Under load, many connections that each take
//! the write lock, wait for it (sleeping in the busy handler) and sync the log for one small
//! transaction spend more time handing the lock around than writing. One writer task instead
//! takes every write that waits, runs each in its own savepoint (a failing write undoes only
//! its own statements), commits once and then answers them all: one lock, one sync per group.
//! Nobody hears "done" before the commit that holds their write.

use crate::{DbError, SQLITE_BEGIN_WRITE};
use futures_util::future::BoxFuture;
use futures_util::FutureExt;
use sqlx::{AnyConnection, AnyPool, Connection};
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot};

/// The most writes in one transaction: bounds how long a group holds the write lock.
const MAX_GROUP: usize = 64;
/// Writes that may wait for the writer before senders wait too.
const QUEUE: usize = 1024;

/// What the writer tells each write's sender: whether the transaction holding it committed.
type Committed = Result<(), Arc<sqlx::Error>>;

/// One write: runs on the writer's connection inside its savepoint and says whether it
/// succeeded (its answer goes to the sender through a channel of its own type).
type Run = Box<dyn for<'c> FnOnce(&'c mut AnyConnection) -> BoxFuture<'c, bool> + Send>;

struct Job {
    run: Run,
    committed: oneshot::Sender<Committed>,
}

/// The way to the writer task; the task ends when the last clone is dropped.
#[derive(Clone, Debug)]
pub struct GroupWriter {
    jobs: mpsc::Sender<Job>,
}

impl GroupWriter {
    pub fn start(pool: AnyPool) -> GroupWriter {
        let (jobs, waiting) = mpsc::channel(QUEUE);
        tokio::spawn(write_groups(pool, waiting));
        GroupWriter { jobs }
    }

    /// Whether the writer task still takes writes.
    pub fn is_running(&self) -> bool {
        !self.jobs.is_closed()
    }

    /// Runs `work` in the next group and answers once that group is committed.
    pub async fn write<T, E, W>(&self, work: W) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
        W: for<'c> FnOnce(&'c mut AnyConnection) -> BoxFuture<'c, Result<T, E>> + Send + 'static,
    {
        let (answer, answered) = oneshot::channel();
        let (committed, told) = oneshot::channel();
        let run: Run = Box::new(move |conn| {
            Box::pin(async move {
                let result = work(conn).await;
                let succeeded = result.is_ok();
                // The sender may have gone (its request was dropped); the write stands.
                let _ = answer.send(result);
                succeeded
            })
        });
        self.jobs
            .send(Job { run, committed })
            .await
            .map_err(|_| DbError::WriterStopped)?;
        match told.await {
            Ok(Ok(())) => answered.await.map_err(|_| DbError::WriterStopped)?,
            Ok(Err(error)) => Err(DbError::GroupFailed(error).into()),
            Err(_) => Err(DbError::WriterStopped.into()),
        }
    }
}

async fn write_groups(pool: AnyPool, mut waiting: mpsc::Receiver<Job>) {
    let mut group = Vec::with_capacity(MAX_GROUP);
    while waiting.recv_many(&mut group, MAX_GROUP).await > 0 {
        let (runs, senders): (Vec<Run>, Vec<_>) =
            group.drain(..).map(|job| (job.run, job.committed)).unzip();
        // A write that panics undoes its whole group (the transaction is dropped) and tells
        // its senders so; the writer goes on with the next group instead of ending, which
        // would leave every later write without a writer.
        let outcome = AssertUnwindSafe(commit_group(&pool, runs))
            .catch_unwind()
            .await
            .unwrap_or_else(|_| {
                Err(sqlx::Error::Protocol(
                    "a write in the group panicked".into(),
                ))
            });
        let committed = outcome.map_err(|error| {
            tracing::error!(%error, "a group of writes failed");
            Arc::new(error)
        });
        for sender in senders {
            let _ = sender.send(committed.clone());
        }
    }
}

/// Runs each write in its own savepoint of one transaction, then commits them together.
async fn commit_group(pool: &AnyPool, runs: Vec<Run>) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin_with(SQLITE_BEGIN_WRITE).await?;
    for run in runs {
        let mut savepoint = tx.begin().await?;
        if run(&mut savepoint).await {
            savepoint.commit().await?;
        } else {
            savepoint.rollback().await?;
        }
    }
    tx.commit().await
}

#[cfg(test)]
mod tests {
    use super::DbError;
    use crate::{tests::scratch_sqlite, Database};

    async fn scratch_database() -> (tempfile::TempDir, Database) {
        scratch_sqlite("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)")
            .await
    }

    async fn add_note(db: &Database, text: String) -> Result<i64, DbError> {
        db.grouped_write(move |conn| {
            Box::pin(async move {
                let (id,): (i64,) =
                    sqlx::query_as("INSERT INTO notes (text) VALUES ($1) RETURNING id")
                        .bind(text)
                        .fetch_one(&mut *conn)
                        .await?;
                Ok(id)
            })
        })
        .await
    }

    async fn notes(db: &Database) -> Vec<String> {
        sqlx::query_scalar("SELECT text FROM notes ORDER BY text")
            .fetch_all(db.pool())
            .await
            .unwrap()
    }

    #[tokio::test]
    async fn every_write_is_committed_before_its_answer() {
        let (_dir, db) = scratch_database().await;
        let mut writes = tokio::task::JoinSet::new();
        for n in 0..200 {
            let db = db.clone();
            writes.spawn(async move {
                let id = add_note(&db, format!("{n:03}")).await.unwrap();
                // Another connection sees it as soon as the answer is there.
                let seen: Option<i64> = sqlx::query_scalar("SELECT id FROM notes WHERE id = $1")
                    .bind(id)
                    .fetch_optional(db.pool())
                    .await
                    .unwrap();
                assert_eq!(seen, Some(id));
            });
        }
        while let Some(done) = writes.join_next().await {
            done.unwrap();
        }
        assert_eq!(notes(&db).await.len(), 200);
    }

    #[tokio::test]
    async fn a_panicking_write_does_not_stop_the_writer() {
        let (_dir, db) = scratch_database().await;
        let panicking = db.grouped_write::<(), DbError, _>(|_conn| {
            Box::pin(async move { panic!("a bug in one write") })
        });
        assert!(panicking.await.is_err());
        assert!(db.writer_running());
        add_note(&db, "after".into())
            .await
            .expect("the writer goes on");
        assert_eq!(notes(&db).await, ["after"]);
    }

    #[tokio::test]
    async fn a_failing_write_undoes_only_its_own_statements() {
        let (_dir, db) = scratch_database().await;
        let first = add_note(&db, "taken".into());
        // Writes its note, then fails on the unique text: both statements are undone.
        let failing = db.grouped_write(|conn| {
            Box::pin(async move {
                sqlx::query("INSERT INTO notes (text) VALUES ('half')")
                    .execute(&mut *conn)
                    .await?;
                sqlx::query("INSERT INTO notes (text) VALUES ('taken')")
                    .execute(&mut *conn)
                    .await
                    .map_err(DbError::from)
            })
        });
        let last = add_note(&db, "after".into());
        let (first, failing, last) = tokio::join!(first, failing, last);
        assert!(first.is_ok() && last.is_ok());
        assert!(matches!(failing, Err(DbError::Query(_))), "{failing:?}");
        assert_eq!(notes(&db).await, ["after", "taken"]);
    }
}
