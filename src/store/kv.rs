//! The key-value backend under the store: named trees of byte keys and
//! values, read directly and written in transactions across trees.
//!
//! Two implementations: embedded sled (the default) and PostgreSQL
//! ([`super::pg`]) for several instances sharing one database. Method names
//! follow sled's (`get`, `insert`, `remove`, `scan_prefix`, `range`,
//! `open_tree`, `drop_tree`), so the store logic above reads the same on
//! both. Scans return whole vectors: every caller collected them anyway.
//!
//! # Security contract
//! [`Txn::get_for_update`] and [`Txn::insert_new`] are how a credential is
//! spent: on PostgreSQL the first locks the row against every other
//! instance until commit, the second is decided by the primary key. A spend
//! written as a plain `get` then `insert` would be decided by one process's
//! memory, which is not enough once several instances share a database.

use super::pg::{Pg, PgConn};
use super::StoreError;
use sled::transaction::{
    ConflictableTransactionError, TransactionError, TransactionalTree, UnabortableTransactionError,
};
use sled::Transactional;

/// One key and its value.
pub(crate) type Pair = (Vec<u8>, Vec<u8>);

/// Names of ingest areas start with this (`ingest/<epoch id, hex>`): a sled
/// tree, or on PostgreSQL a table of its own that is dropped whole.
pub(crate) const AREA_PREFIX: &str = "ingest/";

/// An open backend; cheap to clone.
#[derive(Clone)]
pub(crate) enum Kv {
    Sled(sled::Db),
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
    Sled(sled::Tree),
    Pg(Pg),
}

impl Kv {
    pub(crate) fn open_tree(&self, name: &str) -> Result<Tree, StoreError> {
        let inner = match self {
            Self::Sled(db) => TreeInner::Sled(db.open_tree(name)?),
            Self::Pg(pg) => TreeInner::Pg(pg.clone()),
        };
        Ok(Tree {
            name: name.to_owned(),
            inner,
        })
    }

    /// Every tree holding data (sled: every tree ever opened), by name;
    /// never sled's internal default tree.
    pub(crate) fn tree_names(&self) -> Result<Vec<String>, StoreError> {
        let mut names = match self {
            Self::Sled(db) => db
                .tree_names()
                .iter()
                .filter_map(|n| String::from_utf8(n.to_vec()).ok())
                .filter(|n| !n.starts_with("__sled__"))
                .collect(),
            Self::Pg(pg) => pg.tree_names()?,
        };
        names.sort();
        Ok(names)
    }

    /// Make an ingest area exist (sled: the tree; PostgreSQL: its table).
    pub(crate) fn create_area(&self, name: &str) -> Result<Tree, StoreError> {
        if let Self::Pg(pg) = self {
            pg.create_area(name)?;
        }
        self.open_tree(name)
    }

    /// Remove a whole tree and everything in it.
    pub(crate) fn drop_tree(&self, name: &str) -> Result<(), StoreError> {
        match self {
            Self::Sled(db) => {
                db.drop_tree(name.as_bytes())?;
            }
            Self::Pg(pg) => pg.drop_tree(name)?,
        }
        Ok(())
    }

    /// A connection for the writer thread: the only way to write. Call it
    /// on the writer's own (non-async) thread.
    pub(crate) fn writer(&self) -> Result<WriteConn, StoreError> {
        Ok(match self {
            Self::Sled(db) => WriteConn::Sled(db.clone()),
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
            TreeInner::Sled(t) => Ok(t.get(key)?.map(|v| v.to_vec())),
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
        match &self.inner {
            TreeInner::Sled(t) => collect(t.scan_prefix(prefix)),
            TreeInner::Pg(_) => self.scan(prefix, successor(prefix).as_deref()),
        }
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
            TreeInner::Sled(t) => match end {
                Some(end) if start >= end => Ok(Vec::new()),
                Some(end) => collect(t.range(start..end).take(limit)),
                None => collect(t.range(start..).take(limit)),
            },
            TreeInner::Pg(pg) => pg.scan(&self.name, start, end, limit),
        }
    }

    /// Whether the tree holds no entry.
    pub(crate) fn is_empty(&self) -> Result<bool, StoreError> {
        match &self.inner {
            TreeInner::Sled(t) => Ok(t.is_empty()),
            TreeInner::Pg(_) => Ok(self.scan_limit(&[], None, 1)?.is_empty()),
        }
    }

    /// Number of entries.
    pub(crate) fn len(&self) -> Result<usize, StoreError> {
        match &self.inner {
            TreeInner::Sled(t) => Ok(t.len()),
            TreeInner::Pg(pg) => pg.count(&self.name),
        }
    }

    /// Write entries outside any transaction (restore into an empty store).
    pub(crate) fn insert_all(&self, entries: &[(&[u8], &[u8])]) -> Result<(), StoreError> {
        match &self.inner {
            TreeInner::Sled(t) => {
                let mut batch = sled::Batch::default();
                for (k, v) in entries {
                    batch.insert(*k, *v);
                }
                t.apply_batch(batch)?;
                Ok(())
            }
            TreeInner::Pg(pg) => pg.insert_all(&self.name, entries),
        }
    }
}

fn collect(
    iter: impl Iterator<Item = sled::Result<(sled::IVec, sled::IVec)>>,
) -> Result<Vec<Pair>, StoreError> {
    iter.map(|item| {
        let (k, v) = item?;
        Ok((k.to_vec(), v.to_vec()))
    })
    .collect()
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

/// Why a transaction step failed: the backend's own error (sled may ask to
/// retry the whole closure; PostgreSQL's aborts the transaction).
pub(crate) enum Abort {
    Sled(UnabortableTransactionError),
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
            Self::Sled(e) => StoreError::Io(format!("{e:?}")),
            Self::Pg(e) => StoreError::Io(super::pg::describe(&e)),
            Self::Unlisted(t) => StoreError::Io(format!("{t} is not in this transaction")),
            Self::Internal(e) => StoreError::Io(e),
        }
    }
}

impl From<UnabortableTransactionError> for Abort {
    fn from(e: UnabortableTransactionError) -> Self {
        Self::Sled(e)
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

/// The writer thread's connection: sled's handle, or a PostgreSQL client
/// of its own.
pub(crate) enum WriteConn {
    Sled(sled::Db),
    Pg(Box<PgConn>),
}

impl WriteConn {
    /// Run `f` in one transaction over `trees` (all trees it may touch must
    /// be listed, for sled). `f` may run more than once (sled retries on
    /// conflict), so it must only act through the [`Txn`].
    pub(crate) fn transaction<T>(
        &mut self,
        trees: &[&Tree],
        f: impl Fn(&mut dyn Txn) -> TxResult<T>,
    ) -> Result<T, StoreError> {
        match self {
            Self::Sled(_) => {
                let mut sled_trees = Vec::with_capacity(trees.len());
                for t in trees {
                    match &t.inner {
                        TreeInner::Sled(s) => sled_trees.push(s),
                        TreeInner::Pg(_) => {
                            return Err(StoreError::Io("a PostgreSQL tree in sled".into()))
                        }
                    }
                }
                let names: Vec<&str> = trees.iter().map(|t| t.name.as_str()).collect();
                sled_trees
                    .as_slice()
                    .transaction(|txs| {
                        let mut txn = SledTxn {
                            names: &names,
                            trees: txs,
                        };
                        match f(&mut txn) {
                            Ok(v) => Ok(v),
                            Err(Abort::Sled(e)) => Err(ConflictableTransactionError::from(e)),
                            Err(_) => Err(ConflictableTransactionError::Abort(())),
                        }
                    })
                    .map_err(|e: TransactionError<()>| {
                        StoreError::Io(format!("transaction: {e:?}"))
                    })
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
            Self::Sled(db) => {
                db.drop_tree(name.as_bytes())?;
                Ok(())
            }
            Self::Pg(conn) => conn
                .drop_area(name)
                .map_err(|e| StoreError::Io(super::pg::describe(&e))),
        }
    }

    /// Make everything committed durable: sled flushes (the caller then
    /// fsyncs its files); PostgreSQL's commit already was.
    pub(crate) fn flush(&mut self) -> Result<(), StoreError> {
        if let Self::Sled(db) = self {
            db.flush()?;
        }
        Ok(())
    }

    /// Become the only writer among every instance sharing the database
    /// until [`WriteConn::unlock`] (PostgreSQL: a session advisory lock;
    /// sled: one process per directory already).
    pub(crate) fn lock(&mut self) -> Result<(), StoreError> {
        match self {
            Self::Sled(_) => Ok(()),
            Self::Pg(conn) => conn.lock_writes(),
        }
    }

    /// Become the only instance that seals (appends to the log), if no
    /// other is: `false` means try again later. sled: always.
    pub(crate) fn try_seal_lock(&mut self) -> Result<bool, StoreError> {
        match self {
            Self::Sled(_) => Ok(true),
            Self::Pg(conn) => conn.try_seal_lock(),
        }
    }

    pub(crate) fn seal_unlock(&mut self) -> Result<(), StoreError> {
        match self {
            Self::Sled(_) => Ok(()),
            Self::Pg(conn) => conn.seal_unlock(),
        }
    }

    pub(crate) fn unlock(&mut self) -> Result<(), StoreError> {
        match self {
            Self::Sled(_) => Ok(()),
            Self::Pg(conn) => conn.unlock_writes(),
        }
    }
}

struct SledTxn<'a> {
    names: &'a [&'a str],
    trees: &'a [TransactionalTree],
}

impl SledTxn<'_> {
    fn tree(&self, name: &str) -> TxResult<&TransactionalTree> {
        self.names
            .iter()
            .position(|n| *n == name)
            .and_then(|i| self.trees.get(i))
            .ok_or_else(|| Abort::Unlisted(name.to_owned()))
    }
}

impl Txn for SledTxn<'_> {
    fn get(&mut self, tree: &str, key: &[u8]) -> TxResult<Option<Vec<u8>>> {
        Ok(self.tree(tree)?.get(key)?.map(|v| v.to_vec()))
    }

    fn get_for_update(&mut self, tree: &str, key: &[u8]) -> TxResult<Option<Vec<u8>>> {
        // One writer per sled directory: nothing else can change it.
        self.get(tree, key)
    }

    fn insert(&mut self, tree: &str, key: &[u8], value: &[u8]) -> TxResult<()> {
        self.tree(tree)?.insert(key, value)?;
        Ok(())
    }

    fn insert_new(&mut self, tree: &str, key: &[u8], value: &[u8]) -> TxResult<bool> {
        let t = self.tree(tree)?;
        if t.get(key)?.is_some() {
            return Ok(false);
        }
        t.insert(key, value)?;
        Ok(true)
    }

    fn remove(&mut self, tree: &str, key: &[u8]) -> TxResult<()> {
        self.tree(tree)?.remove(key)?;
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
