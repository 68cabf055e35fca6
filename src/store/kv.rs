//! The key-value backend under the store: named trees of byte keys and
//! values, read directly and written in transactions across trees.
//!
//! Two implementations: an embedded redb file (the default; a tree is a
//! table of byte keys and values) and PostgreSQL ([`super::pg`]) for
//! several instances sharing one database. Method names follow sled's, the
//! embedded store before redb (`get`, `insert`, `remove`, `scan_prefix`,
//! `range`, `open_tree`, `drop_tree`), so the store logic above reads the
//! same on both. Scans return whole vectors: every caller collected them
//! anyway.
//!
//! # Security contract
//! [`Txn::get_for_update`] and [`Txn::insert_new`] are how a credential is
//! spent: on PostgreSQL the first locks the row against every other
//! instance until commit, the second is decided by the primary key. A spend
//! written as a plain `get` then `insert` would be decided by one process's
//! memory, which is not enough once several instances share a database.

use super::pg::{Pg, PgConn};
use super::StoreError;
use redb::{
    ReadableDatabase, ReadableTable, ReadableTableMetadata, TableDefinition, TableError,
    TableHandle,
};
use std::sync::Arc;

/// One key and its value.
pub(crate) type Pair = (Vec<u8>, Vec<u8>);

/// Names of ingest areas start with this (`ingest/<epoch id, hex>`): a redb
/// table, or on PostgreSQL a table of its own that is dropped whole.
pub(crate) const AREA_PREFIX: &str = "ingest/";

/// An open backend; cheap to clone.
#[derive(Clone)]
pub(crate) enum Kv {
    Redb(Arc<redb::Database>),
    Pg(Pg),
}

/// A named tree; cheap to clone.
#[derive(Clone)]
pub(crate) struct Tree {
    name: String,
    inner: TreeInner,
}

#[derive(Clone)]
enum TreeInner {
    Redb(Arc<redb::Database>),
    Pg(Pg),
}

/// The redb table of the tree `name`.
fn table(name: &str) -> TableDefinition<'_, &'static [u8], &'static [u8]> {
    TableDefinition::new(name)
}

/// A redb error of any kind, as the store's.
pub(crate) fn redb_err(e: impl Into<redb::Error>) -> StoreError {
    StoreError::Io(e.into().to_string())
}

impl Kv {
    pub(crate) fn open_tree(&self, name: &str) -> Result<Tree, StoreError> {
        let inner = match self {
            // A redb table is made by the first transaction that writes it.
            Self::Redb(db) => TreeInner::Redb(db.clone()),
            Self::Pg(pg) => TreeInner::Pg(pg.clone()),
        };
        Ok(Tree {
            name: name.to_owned(),
            inner,
        })
    }

    /// Every tree holding data (redb: every table ever written), by name.
    pub(crate) fn tree_names(&self) -> Result<Vec<String>, StoreError> {
        let mut names = match self {
            Self::Redb(db) => db
                .begin_read()
                .map_err(redb_err)?
                .list_tables()
                .map_err(redb_err)?
                .map(|t| t.name().to_owned())
                .collect(),
            Self::Pg(pg) => pg.tree_names()?,
        };
        names.sort();
        Ok(names)
    }

    /// Make an ingest area exist (redb and PostgreSQL: its table).
    pub(crate) fn create_area(&self, name: &str) -> Result<Tree, StoreError> {
        match self {
            Self::Redb(db) => {
                let tx = begin(db)?;
                tx.open_table(table(name)).map_err(redb_err)?;
                tx.commit().map_err(redb_err)?;
            }
            Self::Pg(pg) => pg.create_area(name)?,
        }
        self.open_tree(name)
    }

    /// Remove a whole tree and everything in it.
    pub(crate) fn drop_tree(&self, name: &str) -> Result<(), StoreError> {
        match self {
            Self::Redb(db) => redb_drop(db, name)?,
            Self::Pg(pg) => pg.drop_tree(name)?,
        }
        Ok(())
    }

    /// A connection for the writer thread: the only way to write. Call it
    /// on the writer's own (non-async) thread.
    pub(crate) fn writer(&self) -> Result<WriteConn, StoreError> {
        Ok(match self {
            Self::Redb(db) => WriteConn::Redb(db.clone()),
            Self::Pg(pg) => WriteConn::Pg(Box::new(pg.connect()?)),
        })
    }

    pub(crate) fn is_postgres(&self) -> bool {
        matches!(self, Self::Pg(_))
    }
}

impl Tree {
    pub(crate) fn name(&self) -> &str {
        &self.name
    }

    pub(crate) fn get(&self, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        match &self.inner {
            TreeInner::Redb(db) => self.read_redb(db, None, |t| {
                Ok(t.get(key).map_err(redb_err)?.map(|v| v.value().to_vec()))
            }),
            TreeInner::Pg(pg) => pg.get(&self.name, key),
        }
    }

    pub(crate) fn contains_key(&self, key: &[u8]) -> Result<bool, StoreError> {
        Ok(self.get(key)?.is_some())
    }

    /// Every entry, in key order.
    pub(crate) fn iter(&self) -> Result<Vec<Pair>, StoreError> {
        self.scan(&[], None)
    }

    /// Entries whose key starts with `prefix`, in key order.
    pub(crate) fn scan_prefix(&self, prefix: &[u8]) -> Result<Vec<Pair>, StoreError> {
        self.scan(prefix, successor(prefix).as_deref())
    }

    /// Entries with `start <= key < end`, in key order.
    pub(crate) fn range(&self, start: &[u8], end: &[u8]) -> Result<Vec<Pair>, StoreError> {
        if start >= end {
            return Ok(Vec::new());
        }
        self.scan(start, Some(end))
    }

    fn scan(&self, start: &[u8], end: Option<&[u8]>) -> Result<Vec<Pair>, StoreError> {
        self.scan_limit(start, end, usize::MAX)
    }

    /// At most `limit` entries with `start <= key` (and `key < end`), in key
    /// order: how large trees are read a piece at a time.
    pub(crate) fn scan_limit(
        &self,
        start: &[u8],
        end: Option<&[u8]>,
        limit: usize,
    ) -> Result<Vec<Pair>, StoreError> {
        match &self.inner {
            TreeInner::Redb(db) => self.read_redb(db, Vec::new(), |t| match end {
                Some(end) if start >= end => Ok(Vec::new()),
                Some(end) => collect(t.range(start..end).map_err(redb_err)?, limit),
                None => collect(t.range(start..).map_err(redb_err)?, limit),
            }),
            TreeInner::Pg(pg) => pg.scan(&self.name, start, end, limit),
        }
    }

    /// Whether the tree holds no entry.
    pub(crate) fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.scan_limit(&[], None, 1)?.is_empty())
    }

    /// Number of entries.
    pub(crate) fn len(&self) -> Result<usize, StoreError> {
        match &self.inner {
            TreeInner::Redb(db) => self.read_redb(db, 0, |t| {
                let n = t.len().map_err(redb_err)?;
                Ok(usize::try_from(n).unwrap_or(usize::MAX))
            }),
            TreeInner::Pg(pg) => pg.count(&self.name),
        }
    }

    /// Write entries outside any transaction (restore into an empty store).
    pub(crate) fn insert_all(&self, entries: &[(&[u8], &[u8])]) -> Result<(), StoreError> {
        match &self.inner {
            TreeInner::Redb(db) => {
                let tx = begin(db)?;
                {
                    let mut t = tx.open_table(table(&self.name)).map_err(redb_err)?;
                    for (k, v) in entries {
                        t.insert(*k, *v).map_err(redb_err)?;
                    }
                }
                tx.commit().map_err(redb_err)
            }
            TreeInner::Pg(pg) => pg.insert_all(&self.name, entries),
        }
    }

    /// Run `f` on this tree's table in a fresh read transaction (a
    /// snapshot of the last commit); `absent` when no transaction has
    /// written the table yet.
    fn read_redb<T>(
        &self,
        db: &redb::Database,
        absent: T,
        f: impl FnOnce(&redb::ReadOnlyTable<&'static [u8], &'static [u8]>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let tx = db.begin_read().map_err(redb_err)?;
        match tx.open_table(table(&self.name)) {
            Ok(t) => f(&t),
            Err(TableError::TableDoesNotExist(_)) => Ok(absent),
            Err(e) => Err(redb_err(e)),
        }
    }
}

/// At most `limit` entries of a redb range, copied out.
fn collect(
    range: redb::Range<'_, &'static [u8], &'static [u8]>,
    limit: usize,
) -> Result<Vec<Pair>, StoreError> {
    range
        .take(limit)
        .map(|item| {
            let (k, v) = item.map_err(redb_err)?;
            Ok((k.value().to_vec(), v.value().to_vec()))
        })
        .collect()
}

/// A redb write transaction, committed durably. Every commit records
/// redb's allocator state (quick repair), so a start after a crash opens
/// at once rather than walking the whole file.
pub(crate) fn begin(db: &redb::Database) -> Result<redb::WriteTransaction, StoreError> {
    let mut tx = db.begin_write().map_err(redb_err)?;
    tx.set_quick_repair(true);
    Ok(tx)
}

/// Delete the redb table `name` (nothing if there is none), durably.
fn redb_drop(db: &redb::Database, name: &str) -> Result<(), StoreError> {
    let tx = begin(db)?;
    tx.delete_table(table(name)).map_err(redb_err)?;
    tx.commit().map_err(redb_err)
}

/// The smallest key greater than every key starting with `prefix`, if any.
pub(crate) fn successor(prefix: &[u8]) -> Option<Vec<u8>> {
    let mut next = prefix.to_vec();
    while let Some(last) = next.pop() {
        if last < u8::MAX {
            next.push(last + 1);
            return Some(next);
        }
    }
    None
}

/// Why a transaction step failed: the backend's own error (either aborts
/// the transaction).
pub(crate) enum Abort {
    Redb(redb::Error),
    Pg(postgres::Error),
    /// An ingest area the transaction was not opened over.
    Unlisted(String),
    /// Something that cannot happen half-way (sealing an ingest record
    /// failed, or a checked write was refused): the whole transaction is
    /// given up rather than committed in part.
    Internal(String),
}

impl Abort {
    pub(crate) fn into_store_error(self) -> StoreError {
        match self {
            Self::Redb(e) => StoreError::Io(e.to_string()),
            Self::Pg(e) => StoreError::Io(super::pg::describe(&e)),
            Self::Unlisted(t) => StoreError::Io(format!("{t} is not in this transaction")),
            Self::Internal(e) => StoreError::Io(e),
        }
    }
}

impl From<redb::StorageError> for Abort {
    fn from(e: redb::StorageError) -> Self {
        Self::Redb(e.into())
    }
}

impl From<postgres::Error> for Abort {
    fn from(e: postgres::Error) -> Self {
        Self::Pg(e)
    }
}

/// One step's result inside a transaction.
pub(crate) type TxResult<T> = Result<T, Abort>;

/// Reads and writes inside one transaction, by tree name. Reads see the
/// transaction's own writes.
pub(crate) trait Txn {
    fn get(&mut self, tree: &str, key: &[u8]) -> TxResult<Option<Vec<u8>>>;
    /// Read `key` and, on PostgreSQL, lock its row until commit, so another
    /// instance's transaction that wants it waits and then sees this one's
    /// write (`SELECT … FOR UPDATE`).
    fn get_for_update(&mut self, tree: &str, key: &[u8]) -> TxResult<Option<Vec<u8>>>;
    fn insert(&mut self, tree: &str, key: &[u8], value: &[u8]) -> TxResult<()>;
    /// Insert unless `key` exists; whether it was inserted. On PostgreSQL
    /// the primary key decides (`INSERT … ON CONFLICT DO NOTHING`), also
    /// against other instances.
    fn insert_new(&mut self, tree: &str, key: &[u8], value: &[u8]) -> TxResult<bool>;
    fn remove(&mut self, tree: &str, key: &[u8]) -> TxResult<()>;
}

/// The writer thread's connection: redb's handle, or a PostgreSQL client
/// of its own.
pub(crate) enum WriteConn {
    Redb(Arc<redb::Database>),
    Pg(Box<PgConn>),
}

impl WriteConn {
    /// Run `f` in one transaction over `trees` (all trees it may touch must
    /// be listed) and commit it durably. `f` must only act through the
    /// [`Txn`]; an error from it aborts the whole transaction.
    pub(crate) fn transaction<T>(
        &mut self,
        trees: &[&Tree],
        f: impl Fn(&mut dyn Txn) -> TxResult<T>,
    ) -> Result<T, StoreError> {
        match self {
            Self::Redb(db) => {
                let tx = begin(db)?;
                let value = {
                    let mut names = Vec::with_capacity(trees.len());
                    let mut tables = Vec::with_capacity(trees.len());
                    for t in trees {
                        names.push(t.name.as_str());
                        tables.push(tx.open_table(table(&t.name)).map_err(redb_err)?);
                    }
                    let mut txn = RedbTxn {
                        names: &names,
                        tables,
                    };
                    f(&mut txn)
                };
                match value {
                    Ok(v) => {
                        tx.commit().map_err(redb_err)?;
                        Ok(v)
                    }
                    Err(e) => {
                        tx.abort().map_err(redb_err)?;
                        Err(e.into_store_error())
                    }
                }
            }
            Self::Pg(conn) => {
                let names: Vec<&str> = trees.iter().map(|t| t.name.as_str()).collect();
                conn.transaction(&names, f)
            }
        }
    }

    /// Drop an ingest area whose records have all been rewritten.
    pub(crate) fn drop_area(&mut self, name: &str) -> Result<(), StoreError> {
        match self {
            Self::Redb(db) => redb_drop(db, name),
            Self::Pg(conn) => conn
                .drop_area(name)
                .map_err(|e| StoreError::Io(super::pg::describe(&e))),
        }
    }

    /// Become the only writer among every instance sharing the database
    /// until [`WriteConn::unlock`] (PostgreSQL: a session advisory lock;
    /// redb: one process per file already).
    pub(crate) fn lock(&mut self) -> Result<(), StoreError> {
        match self {
            Self::Redb(_) => Ok(()),
            Self::Pg(conn) => conn.lock_writes(),
        }
    }

    /// Become the only instance that seals (appends to the log), if no
    /// other is: `false` means try again later. redb: always.
    pub(crate) fn try_seal_lock(&mut self) -> Result<bool, StoreError> {
        match self {
            Self::Redb(_) => Ok(true),
            Self::Pg(conn) => conn.try_seal_lock(),
        }
    }

    pub(crate) fn seal_unlock(&mut self) -> Result<(), StoreError> {
        match self {
            Self::Redb(_) => Ok(()),
            Self::Pg(conn) => conn.seal_unlock(),
        }
    }

    pub(crate) fn unlock(&mut self) -> Result<(), StoreError> {
        match self {
            Self::Redb(_) => Ok(()),
            Self::Pg(conn) => conn.unlock_writes(),
        }
    }
}

struct RedbTxn<'a, 't> {
    names: &'a [&'a str],
    tables: Vec<redb::Table<'t, &'static [u8], &'static [u8]>>,
}

impl<'t> RedbTxn<'_, 't> {
    fn table(
        &mut self,
        name: &str,
    ) -> TxResult<&mut redb::Table<'t, &'static [u8], &'static [u8]>> {
        self.names
            .iter()
            .position(|n| *n == name)
            .and_then(|i| self.tables.get_mut(i))
            .ok_or_else(|| Abort::Unlisted(name.to_owned()))
    }
}

impl Txn for RedbTxn<'_, '_> {
    fn get(&mut self, tree: &str, key: &[u8]) -> TxResult<Option<Vec<u8>>> {
        Ok(self.table(tree)?.get(key)?.map(|v| v.value().to_vec()))
    }

    fn get_for_update(&mut self, tree: &str, key: &[u8]) -> TxResult<Option<Vec<u8>>> {
        // One write transaction at a time, in one process per file:
        // nothing else can change it.
        self.get(tree, key)
    }

    fn insert(&mut self, tree: &str, key: &[u8], value: &[u8]) -> TxResult<()> {
        self.table(tree)?.insert(key, value)?;
        Ok(())
    }

    fn insert_new(&mut self, tree: &str, key: &[u8], value: &[u8]) -> TxResult<bool> {
        let t = self.table(tree)?;
        if t.get(key)?.is_some() {
            return Ok(false);
        }
        t.insert(key, value)?;
        Ok(true)
    }

    fn remove(&mut self, tree: &str, key: &[u8]) -> TxResult<()> {
        self.table(tree)?.remove(key)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::successor;

    #[test]
    fn the_successor_of_a_prefix_bounds_its_scan() {
        assert_eq!(successor(b"ab"), Some(b"ac".to_vec()));
        assert_eq!(successor(&[1, 0xff]), Some(vec![2]));
        assert_eq!(successor(&[0xff, 0xff]), None);
        assert_eq!(successor(b""), None);
    }
}
