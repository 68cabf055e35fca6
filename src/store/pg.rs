//! The PostgreSQL backend: every tree is a range of one table,
//! `kv(tree text, key bytea, value bytea, primary key (tree, key))`, so the
//! store logic and its key layout are the same as on the embedded store.
//!
//! Why threads and the synchronous client: the store's reads are
//! synchronous (one interface for the embedded store and PostgreSQL, and for the writer
//! thread, start-up and the command line), and the synchronous `postgres`
//! client panics inside a tokio runtime (it drives its own). So each
//! connection lives on a plain thread of its own: a read sends its query to
//! a small pool of such threads over a channel and waits for the answer;
//! the writer thread owns one more connection for its transactions.
//!
//! Why that wait never happens on an actix worker: it lasts as long as
//! PostgreSQL takes (a lock another session holds, a slow disk, a dead
//! connection's timeout), and a worker is one thread serving many
//! connections, so a read waiting there would hold up every request of
//! that worker, even those that never read the store. So request paths
//! read only through [`super::Store::read`], which runs a group of reads on
//! the runtime's blocking pool and awaits it: the worker goes on serving
//! while a pool thread waits here. (On the embedded store, reads are in-process lookups
//! and run inline, with no thread hop.) A database that hangs then holds
//! at most [`READS_IN_FLIGHT`] pool threads and the reader connections,
//! never a worker; later reads wait their turn without blocking and are
//! answered "busy" after a while. `tests/api/pg_reads.rs` shows a worker
//! answering while a read waits on a lock, and the bound.
//!
//! Why one advisory lock for writing: several instances share the
//! database, and the writer's logic (the open period, counters, sealing,
//! the log's next index and its cached leaf hashes) reads before it writes.
//! Each writer takes the session advisory lock [`WRITE_LOCK`] for a whole
//! batch (commit, sealing, log appends), so exactly one instance writes at
//! a time and reads the others' committed work first. Spending does not
//! rely on it: codes are locked with `FOR UPDATE` and nonces inserted with
//! `ON CONFLICT DO NOTHING` (see [`super::kv::Txn`]).
//!
//! Privacy: the schema has no timestamp column, no default, no serial or
//! identity column; keys are the store's own (random ids, keyed hashes).
//! Statements carry values as bind parameters, never in the SQL text, and
//! this module never logs a parameter. deploy/postgresql.md lists the
//! server settings that keep PostgreSQL's own logs free of them.

use super::kv::{Abort, Pair, TxResult, Txn};
use super::StoreError;
use postgres::{Client, NoTls, Statement};
use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};
use std::sync::mpsc::{channel, sync_channel, Receiver, Sender};
use std::sync::{Arc, Mutex};

/// Advisory lock held by the instance that is writing (see module docs).
pub const WRITE_LOCK: i64 = 0x5061_7272_6865_0001;
/// Advisory lock held by the instance that is sealing (appending to the
/// log), for the whole sealing; only ever tried, never waited for while
/// holding [`WRITE_LOCK`], so the two cannot deadlock.
pub const SEAL_LOCK: i64 = 0x5061_7272_6865_0004;
/// Advisory lock held while migrating the schema.
pub const MIGRATE_LOCK: i64 = 0x5061_7272_6865_0002;
/// Advisory lock held while an instance starts: reading or creating the
/// shared keys, so that two instances starting together agree on one set.
pub const STARTUP_LOCK: i64 = 0x5061_7272_6865_0003;

/// Versioned schema migrations, applied in order on start, each once.
/// Never edit a released one: add the next version.
pub const MIGRATIONS: &[(i32, &str)] = &[(
    1,
    "CREATE TABLE kv (
         tree  text  NOT NULL,
         key   bytea NOT NULL,
         value bytea NOT NULL,
         PRIMARY KEY (tree, key)
     )",
)];

/// Reader threads (connections) per instance.
const READERS: usize = 8;

/// Groups of reads that may be under way or queued for the readers at
/// once ([`super::Store::read`]): enough to keep every reader busy, few
/// enough that a hung database holds a bounded number of threads.
pub(crate) const READS_IN_FLIGHT: usize = 4 * READERS;

fn pg_err(e: postgres::Error) -> StoreError {
    StoreError::Io(describe(&e))
}

/// The error's text and the server's message: they name the failure,
/// never a bound parameter (PostgreSQL reports values in `detail`, which is
/// left out).
pub(crate) fn describe(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!("postgresql: {e}: {} ({})", db.message(), db.code().code()),
        None => format!("postgresql: {e}"),
    }
}

/// Prepared statements of one connection.
struct Statements {
    get: Statement,
    get_for_update: Statement,
    insert_new: Statement,
    upsert_many: Statement,
    remove_many: Statement,
    scan_to: Statement,
    scan_from: Statement,
    count: Statement,
}

/// Writes to one ingest area, sent at commit.
#[derive(Default)]
struct AreaWrites {
    up: Vec<(Vec<u8>, Vec<u8>)>,
    del: Vec<Vec<u8>>,
}

/// Prepared statements on one ingest area's table.
struct AreaStatements {
    get: Statement,
    insert_new: Statement,
    upsert_many: Statement,
    remove_many: Statement,
    scan_to: Statement,
    scan_from: Statement,
}

impl AreaStatements {
    /// `table` comes from [`area_table`] (a fixed prefix and hex digits),
    /// so it is safe to put in the statement's text.
    fn prepare(client: &mut Client, table: &str) -> Result<Self, postgres::Error> {
        Ok(Self {
            get: client.prepare(&format!("SELECT value FROM {table} WHERE key = $1"))?,
            insert_new: client.prepare(&format!(
                "INSERT INTO {table} (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING"
            ))?,
            upsert_many: client.prepare(&format!(
                "INSERT INTO {table} (key, value) \
                 SELECT * FROM unnest($1::bytea[], $2::bytea[]) \
                 ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"
            ))?,
            remove_many: client
                .prepare(&format!("DELETE FROM {table} WHERE key = ANY($1::bytea[])"))?,
            scan_to: client.prepare(&format!(
                "SELECT key, value FROM {table} WHERE key >= $1 AND key < $2 \
                 ORDER BY key LIMIT $3"
            ))?,
            scan_from: client.prepare(&format!(
                "SELECT key, value FROM {table} WHERE key >= $1 ORDER BY key LIMIT $2"
            ))?,
        })
    }
}

/// The table of an ingest area, `ingest/<32 hex digits>` →
/// `ingest_<32 hex digits>`; `None` for every other tree (rows of `kv`).
pub(crate) fn area_table(tree: &str) -> Option<String> {
    let id = tree.strip_prefix(super::kv::AREA_PREFIX)?;
    let hex = id.len() == 32 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    hex.then(|| format!("ingest_{id}"))
}

/// The tree name of an ingest area's table, if `table` is one.
fn table_area(table: &str) -> Option<String> {
    let tree = format!(
        "{}{}",
        super::kv::AREA_PREFIX,
        table.strip_prefix("ingest_")?
    );
    area_table(&tree).map(|_| tree)
}

/// One connection with its statements.
pub(crate) struct PgConn {
    client: Client,
    st: Statements,
    /// Statements of the ingest areas this connection has used.
    areas: HashMap<String, AreaStatements>,
}

impl PgConn {
    /// Connect (from a thread outside any async runtime).
    fn open(url: &str) -> Result<Self, StoreError> {
        let mut client = Client::connect(url, NoTls).map_err(pg_err)?;
        let st = Statements {
            get: prep(
                &mut client,
                "SELECT value FROM kv WHERE tree = $1 AND key = $2",
            )?,
            get_for_update: prep(
                &mut client,
                "SELECT value FROM kv WHERE tree = $1 AND key = $2 FOR UPDATE",
            )?,
            insert_new: prep(
                &mut client,
                "INSERT INTO kv (tree, key, value) VALUES ($1, $2, $3) \
                 ON CONFLICT (tree, key) DO NOTHING",
            )?,
            upsert_many: prep(
                &mut client,
                "INSERT INTO kv (tree, key, value) \
                 SELECT * FROM unnest($1::text[], $2::bytea[], $3::bytea[]) \
                 ON CONFLICT (tree, key) DO UPDATE SET value = EXCLUDED.value",
            )?,
            remove_many: prep(
                &mut client,
                "DELETE FROM kv WHERE (tree, key) IN \
                 (SELECT * FROM unnest($1::text[], $2::bytea[]))",
            )?,
            scan_to: prep(
                &mut client,
                "SELECT key, value FROM kv WHERE tree = $1 AND key >= $2 AND key < $3 \
                 ORDER BY key LIMIT $4",
            )?,
            scan_from: prep(
                &mut client,
                "SELECT key, value FROM kv WHERE tree = $1 AND key >= $2 ORDER BY key LIMIT $3",
            )?,
            count: prep(&mut client, "SELECT count(*) FROM kv WHERE tree = $1")?,
        };
        Ok(Self {
            client,
            st,
            areas: HashMap::new(),
        })
    }

    /// The statements of an ingest area's table, prepared on first use.
    fn area(&mut self, table: &str) -> Result<&AreaStatements, postgres::Error> {
        // A table serves one epoch only: forget older ones.
        if self.areas.len() >= 8 && !self.areas.contains_key(table) {
            self.areas.clear();
        }
        Ok(match self.areas.entry(table.to_owned()) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => e.insert(AreaStatements::prepare(&mut self.client, table)?),
        })
    }

    fn get(&mut self, tree: &str, key: &[u8]) -> Result<Option<Vec<u8>>, postgres::Error> {
        let row = match area_table(tree) {
            Some(table) => {
                let prepared = self.area(&table).map(|st| st.get.clone());
                let Some(st) = self.gone(&table, prepared)? else {
                    return Ok(None);
                };
                let row = self.client.query_opt(&st, &[&key]);
                self.gone(&table, row)?.flatten()
            }
            None => self.client.query_opt(&self.st.get, &[&tree, &key])?,
        };
        Ok(row.map(|r| r.get(0)))
    }

    /// An ingest area another instance has just dropped (its records are
    /// rewritten) reads as empty: `Ok(None)` for "no such table".
    fn gone<T>(
        &mut self,
        table: &str,
        result: Result<T, postgres::Error>,
    ) -> Result<Option<T>, postgres::Error> {
        match result {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.code() == Some(&postgres::error::SqlState::UNDEFINED_TABLE) => {
                self.areas.remove(table);
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    fn scan(
        &mut self,
        tree: &str,
        start: &[u8],
        end: Option<&[u8]>,
        limit: i64,
    ) -> Result<Vec<Pair>, postgres::Error> {
        let rows = match (area_table(tree), end) {
            (Some(table), Some(end)) => {
                let prepared = self.area(&table).map(|st| st.scan_to.clone());
                let Some(st) = self.gone(&table, prepared)? else {
                    return Ok(Vec::new());
                };
                let rows = self.client.query(&st, &[&start, &end, &limit]);
                self.gone(&table, rows)?.unwrap_or_default()
            }
            (Some(table), None) => {
                let prepared = self.area(&table).map(|st| st.scan_from.clone());
                let Some(st) = self.gone(&table, prepared)? else {
                    return Ok(Vec::new());
                };
                let rows = self.client.query(&st, &[&start, &limit]);
                self.gone(&table, rows)?.unwrap_or_default()
            }
            (None, Some(end)) => self
                .client
                .query(&self.st.scan_to, &[&tree, &start, &end, &limit])?,
            (None, None) => self
                .client
                .query(&self.st.scan_from, &[&tree, &start, &limit])?,
        };
        Ok(rows.into_iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    /// Create the table of an ingest area (a no-op for other trees).
    pub(crate) fn create_area(&mut self, tree: &str) -> Result<(), postgres::Error> {
        match area_table(tree) {
            Some(table) => self.client.batch_execute(&format!(
                "CREATE TABLE IF NOT EXISTS {table} (key bytea PRIMARY KEY, value bytea NOT NULL)"
            )),
            None => Ok(()),
        }
    }

    /// Drop an ingest area's table: its file goes with it (dead tuples
    /// included), unlike rows deleted from a table that stays.
    pub(crate) fn drop_area(&mut self, tree: &str) -> Result<(), postgres::Error> {
        match area_table(tree) {
            Some(table) => {
                self.areas.remove(&table);
                self.client
                    .batch_execute(&format!("DROP TABLE IF EXISTS {table}"))
            }
            None => Ok(()),
        }
    }

    pub(crate) fn lock_writes(&mut self) -> Result<(), StoreError> {
        self.client
            .execute("SELECT pg_advisory_lock($1)", &[&WRITE_LOCK])
            .map(|_| ())
            .map_err(pg_err)
    }

    /// Take [`SEAL_LOCK`] if no other instance holds it.
    pub(crate) fn try_seal_lock(&mut self) -> Result<bool, StoreError> {
        self.client
            .query_one("SELECT pg_try_advisory_lock($1)", &[&SEAL_LOCK])
            .map(|r| r.get(0))
            .map_err(pg_err)
    }

    pub(crate) fn seal_unlock(&mut self) -> Result<(), StoreError> {
        self.client
            .execute("SELECT pg_advisory_unlock($1)", &[&SEAL_LOCK])
            .map(|_| ())
            .map_err(pg_err)
    }

    pub(crate) fn unlock_writes(&mut self) -> Result<(), StoreError> {
        self.client
            .execute("SELECT pg_advisory_unlock($1)", &[&WRITE_LOCK])
            .map(|_| ())
            .map_err(pg_err)
    }

    /// Run `f` in one SQL transaction and commit it.
    pub(crate) fn transaction<T>(
        &mut self,
        trees: &[&str],
        f: impl Fn(&mut dyn Txn) -> TxResult<T>,
    ) -> Result<T, StoreError> {
        // Statements of the ingest areas it touches, prepared first.
        for table in trees.iter().filter_map(|t| area_table(t)) {
            self.area(&table).map_err(pg_err)?;
        }
        let st = &self.st;
        let areas = &self.areas;
        let tx = self.client.transaction().map_err(pg_err)?;
        let mut txn = PgTxn {
            tx,
            st,
            areas,
            seen: BTreeMap::new(),
            pending: BTreeMap::new(),
        };
        let value = f(&mut txn).and_then(|v| txn.flush().map(|()| v));
        let value = value.map_err(Abort::into_store_error)?;
        txn.tx.commit().map_err(pg_err)?;
        Ok(value)
    }
}

fn prep(client: &mut Client, sql: &str) -> Result<Statement, StoreError> {
    client.prepare(sql).map_err(pg_err)
}

/// A transaction with a write-back cache: reads remember what they saw,
/// writes are kept and sent at commit in two statements (one upsert, one
/// delete, over arrays), so a batch of submissions costs a few round trips
/// rather than a dozen per submission. Locking reads and `insert_new` go to
/// the database at once: they are how credentials are spent.
struct PgTxn<'a> {
    tx: postgres::Transaction<'a>,
    st: &'a Statements,
    areas: &'a HashMap<String, AreaStatements>,
    /// What this transaction has read or written, by (tree, key): `None`
    /// for absent or removed.
    seen: BTreeMap<(String, Vec<u8>), Option<Vec<u8>>>,
    /// Writes not yet sent: the final state of each (tree, key).
    pending: BTreeMap<(String, Vec<u8>), Option<Vec<u8>>>,
}

impl<'a> PgTxn<'a> {
    /// Send the pending writes: rows of `kv` in one upsert and one delete,
    /// each ingest area's in its own pair. Pending writes are in (tree, key)
    /// order, so the rows land in key order.
    fn flush(&mut self) -> TxResult<()> {
        let mut up = (Vec::new(), Vec::new(), Vec::new());
        let mut del = (Vec::new(), Vec::new());
        let mut areas: BTreeMap<String, AreaWrites> = BTreeMap::new();
        for ((tree, key), value) in std::mem::take(&mut self.pending) {
            if let Some(table) = area_table(&tree) {
                let w = areas.entry(table).or_default();
                match value {
                    Some(v) => w.up.push((key, v)),
                    None => w.del.push(key),
                }
                continue;
            }
            match value {
                Some(v) => {
                    up.0.push(tree);
                    up.1.push(key);
                    up.2.push(v);
                }
                None => {
                    del.0.push(tree);
                    del.1.push(key);
                }
            }
        }
        if !up.0.is_empty() {
            self.tx
                .execute(&self.st.upsert_many, &[&up.0, &up.1, &up.2])?;
        }
        if !del.0.is_empty() {
            self.tx.execute(&self.st.remove_many, &[&del.0, &del.1])?;
        }
        for (table, w) in areas {
            let st = self.area(&table)?;
            if !w.up.is_empty() {
                let (keys, values): (Vec<Vec<u8>>, Vec<Vec<u8>>) = w.up.into_iter().unzip();
                self.tx.execute(&st.upsert_many, &[&keys, &values])?;
            }
            if !w.del.is_empty() {
                self.tx.execute(&st.remove_many, &[&w.del])?;
            }
        }
        Ok(())
    }

    /// An ingest area's statements; the area must have been listed when
    /// the transaction began.
    fn area(&self, table: &str) -> TxResult<&'a AreaStatements> {
        self.areas
            .get(table)
            .ok_or_else(|| Abort::Unlisted(table.to_owned()))
    }

    fn write(&mut self, tree: &str, key: &[u8], value: Option<&[u8]>) {
        let id = (tree.to_owned(), key.to_vec());
        let value = value.map(<[u8]>::to_vec);
        self.seen.insert(id.clone(), value.clone());
        self.pending.insert(id, value);
    }
}

impl Txn for PgTxn<'_> {
    fn get(&mut self, tree: &str, key: &[u8]) -> TxResult<Option<Vec<u8>>> {
        let id = (tree.to_owned(), key.to_vec());
        if let Some(v) = self.seen.get(&id) {
            return Ok(v.clone());
        }
        let row = match area_table(tree) {
            Some(table) => self.tx.query_opt(&self.area(&table)?.get, &[&key])?,
            None => self.tx.query_opt(&self.st.get, &[&tree, &key])?,
        };
        let v: Option<Vec<u8>> = row.map(|r| r.get(0));
        self.seen.insert(id, v.clone());
        Ok(v)
    }

    fn get_for_update(&mut self, tree: &str, key: &[u8]) -> TxResult<Option<Vec<u8>>> {
        // Ingest areas are never locked row by row: `insert_new` decides.
        if area_table(tree).is_some() {
            return self.get(tree, key);
        }
        // Always to the database: the row lock is the point. A value this
        // transaction wrote itself wins over the stored one.
        let stored: Option<Vec<u8>> = self
            .tx
            .query_opt(&self.st.get_for_update, &[&tree, &key])?
            .map(|r| r.get(0));
        let id = (tree.to_owned(), key.to_vec());
        if let Some(mine) = self.pending.get(&id) {
            return Ok(mine.clone());
        }
        self.seen.insert(id, stored.clone());
        Ok(stored)
    }

    fn insert(&mut self, tree: &str, key: &[u8], value: &[u8]) -> TxResult<()> {
        self.write(tree, key, Some(value));
        Ok(())
    }

    fn insert_new(&mut self, tree: &str, key: &[u8], value: &[u8]) -> TxResult<bool> {
        let id = (tree.to_owned(), key.to_vec());
        match self.seen.get(&id) {
            Some(Some(_)) => return Ok(false),
            // Removed here but maybe still stored: send the removal first.
            Some(None) if self.pending.contains_key(&id) => self.flush()?,
            _ => {}
        }
        // The primary key decides, also against other instances.
        let inserted = match area_table(tree) {
            Some(table) => self
                .tx
                .execute(&self.area(&table)?.insert_new, &[&key, &value])?,
            None => self
                .tx
                .execute(&self.st.insert_new, &[&tree, &key, &value])?,
        } == 1;
        if inserted {
            self.seen.insert(id, Some(value.to_vec()));
        }
        Ok(inserted)
    }

    fn remove(&mut self, tree: &str, key: &[u8]) -> TxResult<()> {
        self.write(tree, key, None);
        Ok(())
    }
}

type Work = Box<dyn FnOnce(&mut Option<PgConn>) + Send>;

/// A handle to the database: reader threads, and the address for the
/// writer's own connection. Cheap to clone.
#[derive(Clone)]
pub(crate) struct Pg {
    url: Arc<String>,
    queue: Sender<Work>,
}

impl Pg {
    /// Migrate the schema (under [`MIGRATE_LOCK`]), then start the readers.
    pub(crate) fn open(url: &str) -> Result<Self, StoreError> {
        let owned = url.to_owned();
        on_thread(move || {
            let mut client = Client::connect(&owned, NoTls).map_err(pg_err)?;
            migrate(&mut client)
        })?;
        let (queue, work) = channel::<Work>();
        let work = Arc::new(Mutex::new(work));
        for i in 0..READERS {
            let work = work.clone();
            std::thread::Builder::new()
                .name(format!("parrhesia-pg-{i}"))
                .spawn(move || reader(&work))
                .map_err(|e| StoreError::Io(e.to_string()))?;
        }
        Ok(Self {
            url: Arc::new(url.to_owned()),
            queue,
        })
    }

    /// A new connection for the writer (call on a non-async thread).
    pub(crate) fn connect(&self) -> Result<PgConn, StoreError> {
        PgConn::open(&self.url)
    }

    /// Run `f` on a reader's connection and wait for its answer.
    fn call<R: Send + 'static>(
        &self,
        f: impl FnOnce(&mut PgConn) -> Result<R, postgres::Error> + Send + 'static,
    ) -> Result<R, StoreError> {
        let url = self.url.clone();
        let (tx, rx) = sync_channel(1);
        let work: Work = Box::new(move |conn: &mut Option<PgConn>| {
            let closed = conn.as_ref().is_none_or(|c| c.client.is_closed());
            if closed {
                *conn = None;
                match PgConn::open(&url) {
                    Ok(c) => *conn = Some(c),
                    Err(e) => {
                        let _ = tx.send(Err(e));
                        return;
                    }
                }
            }
            let result = match conn.as_mut() {
                Some(c) => f(c).map_err(pg_err),
                None => Err(StoreError::Unavailable),
            };
            let _ = tx.send(result);
        });
        self.queue.send(work).map_err(|_| StoreError::Unavailable)?;
        rx.recv().map_err(|_| StoreError::Unavailable)?
    }

    pub(crate) fn get(&self, tree: &str, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        let (tree, key) = (tree.to_owned(), key.to_vec());
        self.call(move |c| c.get(&tree, &key))
    }

    /// Up to `limit` entries with `start <= key < end`, in key order.
    pub(crate) fn scan(
        &self,
        tree: &str,
        start: &[u8],
        end: Option<&[u8]>,
        limit: usize,
    ) -> Result<Vec<Pair>, StoreError> {
        let (tree, start, end) = (tree.to_owned(), start.to_vec(), end.map(<[u8]>::to_vec));
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.call(move |c| c.scan(&tree, &start, end.as_deref(), limit))
    }

    pub(crate) fn count(&self, tree: &str) -> Result<usize, StoreError> {
        let tree = tree.to_owned();
        let n: i64 = self.call(move |c| {
            let row = match area_table(&tree) {
                Some(table) => c
                    .client
                    .query_one(&format!("SELECT count(*) FROM {table}"), &[])?,
                None => c.client.query_one(&c.st.count, &[&tree])?,
            };
            Ok(row.get(0))
        })?;
        usize::try_from(n).map_err(|_| StoreError::Io("negative count".into()))
    }

    /// Every tree holding data, and every ingest area (empty or not).
    pub(crate) fn tree_names(&self) -> Result<Vec<String>, StoreError> {
        // A loose index scan: one probe per tree, not one row per entry.
        self.call(|c| {
            let mut names: Vec<String> = c
                .client
                .query(
                    "WITH RECURSIVE t(tree) AS ( \
                       SELECT min(tree) FROM kv \
                       UNION ALL \
                       SELECT (SELECT min(tree) FROM kv WHERE kv.tree > t.tree) \
                       FROM t WHERE t.tree IS NOT NULL) \
                     SELECT tree FROM t WHERE tree IS NOT NULL",
                    &[],
                )?
                .into_iter()
                .map(|r| r.get(0))
                .collect();
            let tables = c.client.query(
                "SELECT tablename::text FROM pg_tables \
                 WHERE schemaname = current_schema() AND tablename LIKE 'ingest\\_%'",
                &[],
            )?;
            names.extend(
                tables
                    .into_iter()
                    .filter_map(|r| table_area(&r.get::<_, String>(0))),
            );
            Ok(names)
        })
    }

    pub(crate) fn drop_tree(&self, tree: &str) -> Result<(), StoreError> {
        let tree = tree.to_owned();
        self.call(move |c| match area_table(&tree) {
            Some(table) => c
                .client
                .batch_execute(&format!("DROP TABLE IF EXISTS {table}")),
            None => c
                .client
                .execute("DELETE FROM kv WHERE tree = $1", &[&tree])
                .map(|_| ()),
        })
    }

    /// Create an ingest area's table (other trees need nothing).
    pub(crate) fn create_area(&self, tree: &str) -> Result<(), StoreError> {
        let tree = tree.to_owned();
        self.call(move |c| c.create_area(&tree))
    }

    pub(crate) fn insert_all(
        &self,
        tree: &str,
        entries: &[(&[u8], &[u8])],
    ) -> Result<(), StoreError> {
        self.create_area(tree)?;
        let tree = tree.to_owned();
        let entries: Vec<Pair> = entries
            .iter()
            .map(|(k, v)| (k.to_vec(), v.to_vec()))
            .collect();
        self.call(move |c| {
            let insert = match area_table(&tree) {
                Some(table) => Some(c.area(&table)?.insert_new.clone()),
                None => None,
            };
            let mut tx = c.client.transaction()?;
            for (k, v) in &entries {
                match &insert {
                    Some(st) => tx.execute(st, &[k, v])?,
                    None => tx.execute(&c.st.insert_new, &[&tree, k, v])?,
                };
            }
            tx.commit()
        })
    }

    /// Whether the database holds no data at all (restore needs that).
    pub(crate) fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.tree_names()?.is_empty())
    }
}

fn reader(work: &Mutex<Receiver<Work>>) {
    let mut conn: Option<PgConn> = None;
    loop {
        let next = match work.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        match next {
            Ok(job) => job(&mut conn),
            // Every handle is gone.
            Err(_) => return,
        }
    }
}

/// Run `f` on a fresh plain thread and wait for it: the synchronous client
/// must not run inside the caller's async runtime.
fn on_thread<R: Send + 'static>(
    f: impl FnOnce() -> Result<R, StoreError> + Send + 'static,
) -> Result<R, StoreError> {
    std::thread::Builder::new()
        .name("parrhesia-pg-setup".into())
        .spawn(f)
        .map_err(|e| StoreError::Io(e.to_string()))?
        .join()
        .map_err(|_| StoreError::Io("the PostgreSQL set-up thread panicked".into()))?
}

/// Apply every migration the database does not have yet, in order, each
/// in its own transaction, under [`MIGRATE_LOCK`] so that instances
/// starting together migrate once.
fn migrate(client: &mut Client) -> Result<(), StoreError> {
    client
        .execute("SELECT pg_advisory_lock($1)", &[&MIGRATE_LOCK])
        .map_err(pg_err)?;
    let result = (|| {
        client.batch_execute(
            "CREATE TABLE IF NOT EXISTS parrhesia_schema (version integer PRIMARY KEY)",
        )?;
        let have: Option<i32> = client
            .query_one("SELECT max(version) FROM parrhesia_schema", &[])?
            .get(0);
        let have = have.unwrap_or(0);
        for (version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > have) {
            let mut tx = client.transaction()?;
            tx.batch_execute(sql)?;
            tx.execute(
                "INSERT INTO parrhesia_schema (version) VALUES ($1)",
                &[version],
            )?;
            tx.commit()?;
        }
        Ok::<_, postgres::Error>(())
    })();
    let unlocked = client.execute("SELECT pg_advisory_unlock($1)", &[&MIGRATE_LOCK]);
    result.map_err(pg_err)?;
    unlocked.map(|_| ()).map_err(pg_err)
}

/// Held while an instance starts up (see [`STARTUP_LOCK`]); released when
/// dropped, or when the process dies (the session ends).
pub struct StartupLock {
    release: Option<Sender<()>>,
    done: Option<std::thread::JoinHandle<()>>,
}

impl StartupLock {
    /// Wait for, and take, the start-up lock of the database at `url`.
    pub fn acquire(url: &str) -> Result<Self, StoreError> {
        let url = url.to_owned();
        let (locked_tx, locked) = sync_channel::<Result<(), StoreError>>(1);
        let (release, released) = channel::<()>();
        let done = std::thread::Builder::new()
            .name("parrhesia-pg-startup".into())
            .spawn(move || {
                let mut client = match Client::connect(&url, NoTls) {
                    Ok(c) => c,
                    Err(e) => {
                        let _ = locked_tx.send(Err(pg_err(e)));
                        return;
                    }
                };
                let took = client
                    .execute("SELECT pg_advisory_lock($1)", &[&STARTUP_LOCK])
                    .map(|_| ())
                    .map_err(pg_err);
                let ok = took.is_ok();
                let _ = locked_tx.send(took);
                if ok {
                    // Until dropped (the sender goes away) or told to.
                    let _ = released.recv();
                    let _ = client.execute("SELECT pg_advisory_unlock($1)", &[&STARTUP_LOCK]);
                }
            })
            .map_err(|e| StoreError::Io(e.to_string()))?;
        locked
            .recv()
            .map_err(|_| StoreError::Io("the start-up lock thread stopped".into()))??;
        Ok(Self {
            release: Some(release),
            done: Some(done),
        })
    }
}

impl Drop for StartupLock {
    fn drop(&mut self) {
        if let Some(r) = self.release.take() {
            let _ = r.send(());
        }
        if let Some(d) = self.done.take() {
            let _ = d.join();
        }
    }
}
