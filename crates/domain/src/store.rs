//! The store: connecting to SQLite or PostgreSQL with settings fit for a server, the
//! read and write pools, write transactions, and the background writers other modules
//! start on the write pool (the check-in writer on SQLite).

use std::any::Any;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    AccessMode, ConnectOptions, Database, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr,
    SqliteTransactionMode, TransactionOptions, TransactionTrait,
};

/// Where reads and writes go. On PostgreSQL both are one pool. SQLite takes one writer
/// at a time; with a write pool of one connection, writers queue in the application in
/// arrival order instead of in SQLite's busy handler, whose sleeping back-off gave a p99
/// over 100 ms at 8 concurrent registrations (bench/RESULTS.md).
#[derive(Clone, Debug)]
pub struct Pools {
    pub read: DatabaseConnection,
    pub write: DatabaseConnection,
    pub(crate) writers: Writers,
}

/// The queues of background writers that modules start on first use, one per queue
/// type, shared by every clone of the pools, and the writers' tasks. The store keeps
/// them without knowing what they write.
#[derive(Clone, Default)]
pub(crate) struct Writers(Arc<Mutex<WriterSlots>>, BatchObserver);

#[derive(Default)]
struct WriterSlots {
    queues: Vec<Box<dyn Any + Send>>,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

/// Told the size of every batch a background writer commits (the metrics).
pub(crate) type BatchObserver = Arc<std::sync::OnceLock<Box<dyn Fn(usize) + Send + Sync>>>;

impl Pools {
    /// `observe` hears the size of every batch the check-in writer commits; set once.
    pub fn observe_writer_batches(&self, observe: impl Fn(usize) + Send + Sync + 'static) {
        let _ = self.writers.1.set(Box::new(observe));
    }

    /// For a writer task: it must not hold the pools (they hold its queue, which would
    /// then never close).
    pub(crate) fn batch_observer(&self) -> BatchObserver {
        self.writers.1.clone()
    }
}

impl Writers {
    /// The queue of type `Q`; a new one from `start` (the queue and the writer's task,
    /// which must end once every sender of the queue is gone) when there is none or
    /// `usable` says the old one's writer has stopped.
    pub(crate) fn get_or_start<Q: Clone + Send + 'static>(
        &self,
        usable: impl Fn(&Q) -> bool,
        start: impl FnOnce() -> (Q, tokio::task::JoinHandle<()>),
    ) -> Q {
        let mut slots = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(queue) = slots.queues.iter().find_map(|slot| slot.downcast_ref::<Q>())
            && usable(queue)
        {
            return queue.clone();
        }
        slots.queues.retain(|slot| !slot.is::<Q>());
        slots.tasks.retain(|task| !task.is_finished());
        let (queue, task) = start();
        slots.queues.push(Box::new(queue.clone()));
        slots.tasks.push(task);
        queue
    }

    /// The queue of type `Q` if one was started, without starting one.
    pub(crate) fn find<Q: Clone + Send + 'static>(&self) -> Option<Q> {
        let slots = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        slots.queues.iter().find_map(|slot| slot.downcast_ref::<Q>()).cloned()
    }

    /// Puts a queue in place of the running one (tests of a writer that died).
    #[cfg(test)]
    pub(crate) fn replace<Q: Send + 'static>(&self, queue: Q) {
        let mut slots = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        slots.queues.retain(|slot| !slot.is::<Q>());
        slots.queues.push(Box::new(queue));
    }

    /// Lets go of every queue and waits until the writers have written what was queued
    /// and ended. A write after this starts a new writer.
    async fn finish(&self) {
        let tasks = {
            let mut slots = self.0.lock().unwrap_or_else(PoisonError::into_inner);
            slots.queues.clear();
            std::mem::take(&mut slots.tasks)
        };
        for task in tasks {
            if let Err(err) = task.await {
                tracing::error!(error = %err, "a background writer ended with a panic");
            }
        }
    }
}

impl Pools {
    /// Flushes the background writers (the check-in writer's queued scans), for a shutdown
    /// that loses nothing a door device was told is written.
    pub async fn finish_writers(&self) {
        self.writers.finish().await;
    }
}

impl std::fmt::Debug for Writers {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let running = self.0.lock().map_or(0, |slots| slots.queues.len());
        formatter.debug_struct("Writers").field("running", &running).finish()
    }
}

/// Prepared statements kept per connection: the check-in writer's batches use a few
/// dozen shapes (inserts of 1 to 64 rows) besides everything else the server writes.
const STATEMENTS_KEPT: usize = 400;

/// Connections to PostgreSQL per instance unless configured: enough for the busiest
/// registration morning measured (bench/RESULTS.md), and six instances stay within
/// PostgreSQL's default `max_connections` of 100.
pub const DEFAULT_POSTGRES_POOL: u32 = 16;

pub async fn connect(url: &str) -> Result<Pools, DbErr> {
    connect_with_pool(url, DEFAULT_POSTGRES_POOL).await
}

/// Like [`connect`], with at most `postgres_pool` connections to PostgreSQL. SQLite
/// always has one writer and four readers (more writers would only queue in SQLite).
pub async fn connect_with_pool(url: &str, postgres_pool: u32) -> Result<Pools, DbErr> {
    if url.starts_with("sqlite:") {
        let write = open_sqlite(url, 1).await?;
        let read = open_sqlite(url, 4).await?;
        Ok(Pools { read, write, writers: Writers::default() })
    } else {
        let read = open(url, postgres_pool.max(2)).await?;
        Ok(Pools { write: read.clone(), read, writers: Writers::default() })
    }
}

/// Two instances opening one new SQLite file at once race to switch it to WAL, and the
/// loser is told "database is locked" at once (the busy timeout does not cover the
/// switch): it tries again for a few seconds (seen in CI: two servers started together).
async fn open_sqlite(url: &str, max_connections: u32) -> Result<DatabaseConnection, DbErr> {
    let mut attempts = 0;
    loop {
        match open(url, max_connections).await {
            Err(err) if attempts < 50 && err.to_string().contains("database is locked") => {
                attempts += 1;
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            opened => return opened,
        }
    }
}

async fn open(url: &str, max_connections: u32) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .max_connections(max_connections)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(5))
        .connect_timeout(Duration::from_secs(5))
        .sqlx_logging(false)
        // sqlx never turns on WAL and sea-orm would otherwise give SQLite one connection;
        // readers must not wait for the writer, and a writer waits instead of failing.
        .map_sqlx_sqlite_opts(|options| {
            options
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true)
                // Anonymised and erased data is overwritten in the pages it lived in, not
                // only unlinked ("fast": without extra writes; freed pages may keep traces
                // until they are reused).
                .pragma("secure_delete", "FAST")
                .statement_cache_capacity(STATEMENTS_KEPT)
        });
    // A SQLite connection is a file in this process and cannot go stale; testing it on
    // every acquire cost a round trip to its worker thread (perf: thread wake-ups were the
    // largest cost of a check-in). PostgreSQL's are tested: a connection the server
    // dropped then fails at acquire, which the pages answer with 503 (torture test).
    options.test_before_acquire(!url.starts_with("sqlite:"));
    Database::connect(options).await
}

/// A transaction that will write. On SQLite it takes the write lock at BEGIN
/// (IMMEDIATE), so a read-then-write cannot fail half-way with "database is locked".
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    // SQLite has no access modes (sea-orm warns on every transaction that sets one).
    let is_postgres = db.get_database_backend() == DbBackend::Postgres;
    db.begin_with_options(TransactionOptions {
        isolation_level: None,
        access_mode: is_postgres.then_some(AccessMode::ReadWrite),
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
    })
    .await
}
