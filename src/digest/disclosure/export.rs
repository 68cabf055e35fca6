//! Exact-count export with complementary suppression.
//!
//! The table is periods (rows) × themes (columns) of exact counts, released
//! with exact row totals, column totals and the grand total. Cells below
//! `k` are suppressed (primary suppression). On their own, totals would
//! give a suppressed cell back by subtraction, so more cells are suppressed
//! (secondary, or complementary, suppression) until no suppressed cell is
//! determined by ANY combination of the released numbers.
//!
//! Why the rule below is exactly right for a two-way table: think of rows
//! and columns as the vertices of a graph and each suppressed cell as an
//! edge between its row and column. Tables that agree with every released
//! number differ by integer circulations on that graph (add 1 round a
//! cycle, alternately plus and minus), so a suppressed cell is fixed by the
//! released numbers exactly when its edge lies on no cycle, i.e. it is a
//! *bridge*. "At least two suppressed cells in every row and column" is the
//! familiar rule, but it is not enough (two suppressed rectangles joined by
//! one cell still give that cell away), so [`suppress`] removes every
//! bridge, which implies the two-per-line rule.
//!
//! The greedy algorithm: while some suppressed cell is a bridge, suppress
//! the released cell with the smallest count that puts it on a cycle; if
//! no single cell does, suppress the cheapest rectangle corner set
//! (`(i, c)`, `(r, j)`, `(r, c)`) with it. Each step adds a cell, so it
//! ends; a rectangle always exists when there are two rows and two columns.
//!
//! Limitation (standard for this method): cells are never pinned to one
//! value, but non-negativity can narrow a suppressed cell's range when its
//! complements are small.

use std::collections::VecDeque;

/// The released table: `None` for a suppressed cell.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ExactRelease {
    pub cells: Vec<Vec<Option<u64>>>,
    pub row_totals: Vec<u64>,
    pub column_totals: Vec<u64>,
    pub grand_total: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    #[error("every row must have the same number of themes")]
    Ragged,
    #[error("an exact export with hidden cells needs at least two periods and two themes")]
    TooSmall,
}

/// Which cells to suppress: every cell below `k`, plus complements until no
/// suppressed cell is a bridge (see the module docs). `cells` is rectangular.
pub fn suppress(cells: &[Vec<u64>], k: u32) -> Result<Vec<Vec<bool>>, ExportError> {
    let rows = cells.len();
    let cols = cells.first().map_or(0, Vec::len);
    if cells.iter().any(|r| r.len() != cols) {
        return Err(ExportError::Ragged);
    }
    let mut hidden: Vec<Vec<bool>> = cells
        .iter()
        .map(|r| r.iter().map(|c| *c < u64::from(k)).collect())
        .collect();
    let any = hidden.iter().flatten().any(|h| *h);
    if !any {
        return Ok(hidden);
    }
    if rows < 2 || cols < 2 {
        return Err(ExportError::TooSmall);
    }
    while let Some((i, j)) = first_bridge(&hidden) {
        let mut released: Vec<(u64, usize, usize)> = (0..rows)
            .flat_map(|r| (0..cols).map(move |c| (r, c)))
            .filter(|&(r, c)| !hidden[r][c])
            .map(|(r, c)| (cells[r][c], r, c))
            .collect();
        released.sort();
        let single = released.iter().find(|&&(_, r, c)| {
            hidden[r][c] = true;
            let fixed = !is_bridge(&hidden, i, j);
            hidden[r][c] = false;
            fixed
        });
        if let Some(&(_, r, c)) = single {
            hidden[r][c] = true;
            continue;
        }
        // The cheapest rectangle with (i, j).
        let cost = |r: usize, c: usize| if hidden[r][c] { 0 } else { cells[r][c] };
        let best = (0..rows)
            .filter(|r| *r != i)
            .flat_map(|r| (0..cols).filter(move |c| *c != j).map(move |c| (r, c)))
            .min_by_key(|&(r, c)| (cost(i, c) + cost(r, j) + cost(r, c), r, c));
        let Some((r, c)) = best else {
            return Err(ExportError::TooSmall);
        };
        hidden[i][c] = true;
        hidden[r][j] = true;
        hidden[r][c] = true;
    }
    Ok(hidden)
}

/// The exact export: suppressed cells as `None`, all totals exact.
pub fn export_exact(cells: &[Vec<u64>], k: u32) -> Result<ExactRelease, ExportError> {
    let hidden = suppress(cells, k)?;
    let cols = cells.first().map_or(0, Vec::len);
    Ok(ExactRelease {
        cells: cells
            .iter()
            .zip(&hidden)
            .map(|(r, h)| r.iter().zip(h).map(|(c, h)| (!h).then_some(*c)).collect())
            .collect(),
        row_totals: cells.iter().map(|r| r.iter().sum()).collect(),
        column_totals: (0..cols)
            .map(|c| cells.iter().map(|r| r[c]).sum())
            .collect(),
        grand_total: cells.iter().flatten().sum(),
    })
}

fn first_bridge(hidden: &[Vec<bool>]) -> Option<(usize, usize)> {
    for (i, row) in hidden.iter().enumerate() {
        for (j, h) in row.iter().enumerate() {
            if *h && is_bridge(hidden, i, j) {
                return Some((i, j));
            }
        }
    }
    None
}

/// Is suppressed cell (i, j) on no cycle: without it, can row i still reach
/// column j through suppressed cells? Vertices: rows 0..R, columns R..R+C.
fn is_bridge(hidden: &[Vec<bool>], i: usize, j: usize) -> bool {
    let rows = hidden.len();
    let cols = hidden.first().map_or(0, Vec::len);
    let mut seen = vec![false; rows + cols];
    let mut queue = VecDeque::from([i]);
    seen[i] = true;
    while let Some(v) = queue.pop_front() {
        let next: Vec<usize> = if v < rows {
            (0..cols)
                .filter(|&c| hidden[v][c] && !(v == i && c == j))
                .map(|c| rows + c)
                .collect()
        } else {
            let c = v - rows;
            (0..rows)
                .filter(|&r| hidden[r][c] && !(r == i && c == j))
                .collect()
        };
        for w in next {
            if !seen[w] {
                seen[w] = true;
                queue.push_back(w);
            }
        }
    }
    !seen[rows + j]
}

#[cfg(test)]
pub(super) mod tests_support {
    pub fn is_bridge(hidden: &[Vec<bool>], i: usize, j: usize) -> bool {
        super::is_bridge(hidden, i, j)
    }
}
