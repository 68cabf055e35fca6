//! The transaction applier: the writes of one batch, applied in one
//! transaction. Host actions (organisations, rounds, codes, invitations)
//! go to the main trees; participant actions (a critique and what it
//! spends, a token fetched on an invitation, mixed writes) go to the open
//! epoch's ingest area only (see [`super::epoch`]), so nothing a
//! participant does lands where its position would time it.
//!
//! # Security contract
//! A critique is written only together with the spend of its credential,
//! after every check: the code (locked `FOR UPDATE` on PostgreSQL) or nonce
//! is unspent in the main trees, in the closing epoch and — decided by the
//! backend's uniqueness on the record's name — in the open epoch.

use std::collections::HashMap;

use super::epoch::{self, Entry, MixedWrite, Spent};
use super::kv::{Abort, TxResult, Txn};
use super::queue::{Answer, Credential, MixArgs, SubmitArgs, Write};
use super::records::{self, counter_key, round_period, CounterKind, CritiqueRecord};
use super::StoreError;
use crate::domain::{Period, Receipt, Round, Slug};
use crate::encoding::hex;
use crate::secrets::vault::{EpochKey, Vault};
use time::Date;

/// Tree names, as transactions address them.
pub(super) const ORGS: &str = "organisations";
pub(super) const ROUNDS: &str = "rounds";
pub(super) const CODES: &str = "codes";
pub(super) const CRITIQUES: &str = "critiques";
pub(super) const COUNTERS: &str = "counters";
pub(super) const MEMBERS: &str = "members";
pub(super) const PERIODS: &str = "periods";
pub(super) const INVITATIONS: &str = "invitations";
/// Periods being sealed: round `\0` period → empty. A submission never
/// lands in one.
pub(super) const CLOSING: &str = "closing";
/// Tombstones of retired token keys (see [`super::token_keys`]).
pub(super) const RETIRED: &str = "retired_keys";

/// One batch's writes, inside its transaction.
pub(super) struct Tx<'a> {
    pub txn: &'a mut dyn Txn,
    pub vault: &'a Vault,
    /// The open epoch: where participant actions land.
    pub open: &'a EpochKey,
    /// The epoch being rewritten, whose records still count as spent.
    pub closing: Option<&'a EpochKey>,
    /// Entries written to the open epoch in this attempt (for the tally).
    pub added: Vec<Entry>,
    /// Rounds read in this attempt, decoded: a batch of critiques to one
    /// round decodes its record once, not once each.
    /// Every write of a round goes through [`Tx::put_round`], which drops
    /// it from here.
    pub rounds: HashMap<String, Round>,
}

/// An invitation record: tokens left (u32, big-endian), then the round.
pub(super) fn decode_invitation(value: &[u8]) -> Option<(u32, String)> {
    let (left, round) = value.split_first_chunk::<4>()?;
    Some((
        u32::from_be_bytes(*left),
        String::from_utf8(round.to_vec()).ok()?,
    ))
}

pub(super) fn encode_invitation(left: u32, round: &[u8]) -> Vec<u8> {
    let mut v = left.to_be_bytes().to_vec();
    v.extend_from_slice(round);
    v
}

/// The period a record written on `today` falls in: the one containing
/// `today`; after an early close of it, the rest of it from the day of the
/// close (never a period still to come); else the next one not sealed or
/// being sealed ([`Period::open_on`]).
pub(super) fn open_period(txn: &mut dyn Txn, round: &Round, today: Date) -> TxResult<Period> {
    Period::open_on(today, round.period, |period| {
        let key = round_period(round.slug.as_str(), &period.id());
        if let Some(v) = txn.get(PERIODS, &key)? {
            let sealed = super::records::from_json::<crate::domain::SealedPeriod>(&v)
                .map_err(|e| Abort::Internal(e.to_string()))?;
            return Ok(Some(sealed.closed_on));
        }
        Ok(txn.get(CLOSING, &key)?.map(|v| {
            let mark = String::from_utf8_lossy(&v).into_owned();
            super::seal::split_mark(&mark).1.map(str::to_owned)
        }))
    })
}

impl Tx<'_> {
    /// Apply one write and record its answer. The `Err` is the backend's
    /// (retry or abort the whole transaction).
    pub(super) fn apply(&mut self, write: &Write) -> TxResult<()> {
        match write {
            Write::CreateOrganisation { slug, value, reply } => {
                let answer = if self.txn.get(ORGS, slug.as_str().as_bytes())?.is_some() {
                    Err(StoreError::Exists("organisation"))
                } else {
                    self.txn.insert(ORGS, slug.as_str().as_bytes(), value)?;
                    Ok(())
                };
                reply.set(answer);
            }
            Write::CreateRound(round, reply) => {
                let org = round.organisation.as_str().as_bytes();
                let answer = if self.txn.get(ORGS, org)?.is_none() {
                    Err(StoreError::NotFound("organisation"))
                } else if self
                    .txn
                    .get(ROUNDS, round.slug.as_str().as_bytes())?
                    .is_some()
                {
                    Err(StoreError::Exists("round"))
                } else {
                    self.put_round(round)?
                };
                reply.set(answer);
            }
            Write::UpdateRound(slug, update, reply) => {
                let answer = match self.round(slug)? {
                    Ok(current) => match update.apply(&current) {
                        Ok(next) => self.put_round(&next)?.map(|()| next),
                        Err(e) => Err(StoreError::Invalid(e)),
                    },
                    Err(e) => Err(e),
                };
                reply.set(answer);
            }
            Write::OpenRound(round, reply) => reply.set(self.open_round(round)?),
            Write::IssueCodes {
                round,
                hashes,
                reply,
            } => reply.set(self.issue_codes(round, hashes)?),
            Write::CreateInvitations {
                round,
                hashes,
                tokens,
                reply,
            } => reply.set(self.create_invitations(round, hashes, *tokens)?),
            Write::ConsumeInvitation(hash, reply) => reply.set(self.consume_invitation(hash)?),
            Write::Submit(args, reply) => reply.set(self.submit(args)?),
            Write::Mix(args, reply) => reply.set(self.mix(args)?),
        }
        Ok(())
    }

    fn issue_codes(&mut self, round: &Slug, hashes: &[[u8; 32]]) -> TxResult<Answer<usize>> {
        if let Err(e) = self.open_round(round)? {
            return Ok(Err(e));
        }
        let mut value = vec![0u8];
        value.extend_from_slice(round.as_str().as_bytes());
        let mut issued = 0;
        for hash in hashes {
            if self.txn.get(CODES, hash)?.is_none() {
                self.txn.insert(CODES, hash, &value)?;
                issued += 1;
            }
        }
        self.bump(&counter_key(CounterKind::CodesIssued, round), issued)?;
        Ok(Ok(issued as usize))
    }

    fn create_invitations(
        &mut self,
        round: &Slug,
        hashes: &[[u8; 32]],
        tokens: u32,
    ) -> TxResult<Answer<usize>> {
        if let Err(e) = self.open_round(round)? {
            return Ok(Err(e));
        }
        let value = encode_invitation(tokens, round.as_str().as_bytes());
        let mut issued = 0;
        for hash in hashes {
            if self.txn.get(INVITATIONS, hash)?.is_none() {
                self.txn.insert(INVITATIONS, hash, &value)?;
                issued += 1;
            }
        }
        Ok(Ok(issued))
    }

    /// Take one token off an invitation: a use recorded in the open epoch,
    /// never a change of the invitation's own record (that waits for the
    /// rewrite, sorted by invitation, apart from any critique).
    fn consume_invitation(&mut self, hash: &[u8; 32]) -> TxResult<Answer<()>> {
        // Locked until commit on PostgreSQL: another instance using the
        // same invitation waits, then counts this use.
        let Some((left, round)) = self
            .txn
            .get_for_update(INVITATIONS, hash)?
            .and_then(|v| decode_invitation(&v))
        else {
            return Ok(Err(StoreError::InvitationUnknown));
        };
        let used_before = match self.closing {
            Some(c) => uses(self.txn, c, hash)?,
            None => 0,
        };
        let used_now = uses(self.txn, self.open, hash)?;
        if left <= used_before + used_now {
            return Ok(Err(StoreError::InvitationExhausted));
        }
        let entry = Entry::InvitationUse {
            round,
            invitation: hash.to_vec(),
        };
        let name = epoch::invitation_name(self.open, hash, used_now);
        if !self.put_entry(&name, entry)? {
            return Ok(Err(StoreError::InvitationExhausted));
        }
        Ok(Ok(()))
    }

    fn submit(&mut self, a: &SubmitArgs) -> TxResult<Answer<Receipt>> {
        let s = &a.submission;
        let round = match self.round(s.round())? {
            Ok(r) => r,
            Err(e) => return Ok(Err(e)),
        };
        // The open period, read in this transaction so sealing cannot
        // slip in between.
        let p = open_period(self.txn, &round, a.today)?.id();
        let round_slug = round.slug.as_str();
        let themes: Vec<String> = s.themes().iter().map(|t| t.to_string()).collect();
        let record = CritiqueRecord {
            round: round_slug.to_owned(),
            period: p.clone(),
            themes: themes.clone(),
            text: s.text().map_or_else(String::new, |t| t.as_str().to_owned()),
            quote_ok: s.quote_ok(),
            salt: hex(&a.salt),
            answers: s.answers().to_raw(),
        };
        let body = match records::to_json(&record) {
            Ok(b) => b,
            Err(e) => return Ok(Err(e)),
        };
        // The commitment binds the whole record, salt included; the salt
        // makes it unguessable from the text.
        let commitment = records::commitment(&body).to_vec();
        // The sealed record is bound to its id and to every field kept in
        // clear beside it (issue 17): change one and it no longer opens.
        let context = records::critique_context(&a.id, round_slug, &p, &themes, s.quote_ok());
        let sealed = match self.vault.seal(round_slug, &p, &context, &body) {
            Ok(sealed) => sealed,
            Err(e) => return Ok(Err(StoreError::Vault(e))),
        };
        if self.txn.get(CRITIQUES, &a.id)?.is_some() {
            // A 2^-122 coincidence; refuse rather than overwrite.
            return Ok(Err(StoreError::Io("critique id collision".into())));
        }
        let (spent, spent_error) = match &a.credential {
            Credential::Code(hash) => {
                if let Err(e) = self.code_unspent(s.round(), hash)? {
                    return Ok(Err(e));
                }
                (
                    Spent::Code {
                        hash: hash.to_vec(),
                    },
                    StoreError::CodeSpent,
                )
            }
            Credential::Nonce { key, nonce } => {
                // A tombstoned key's tokens never verify again, whatever
                // key file or clock the instance that checked the
                // signature had (issue 17).
                if self.txn.get(RETIRED, key)?.is_some() {
                    return Ok(Err(StoreError::TokenKeyRetired));
                }
                if self.txn.get(&super::nonce_tree_name(key), nonce)?.is_some() {
                    return Ok(Err(StoreError::TokenSpent));
                }
                (
                    Spent::Token {
                        key: key.to_vec(),
                        nonce: nonce.to_vec(),
                    },
                    StoreError::TokenSpent,
                )
            }
        };
        if let Some(c) = self.closing {
            let name = epoch::spend_name(c, &spent);
            if self.txn.get(&epoch::area_name(c.id()), &name)?.is_some() {
                return Ok(Err(spent_error));
            }
        }
        for w in &a.also {
            if let Err(e) = self.mix_check(w)? {
                return Ok(Err(e));
            }
        }
        // Spend after every other check, so nothing is written unless the
        // whole submission is stored.
        let entry = Entry::Critique {
            round: round_slug.to_owned(),
            period: p.clone(),
            id: a.id.to_vec(),
            themes,
            quote_ok: s.quote_ok(),
            commitment: commitment.clone(),
            sealed,
            spent: spent.clone(),
        };
        if !self.put_entry(&epoch::spend_name(self.open, &spent), entry)? {
            return Ok(Err(spent_error));
        }
        for w in &a.also {
            // Checked above: a refusal now would leave the critique half
            // stored, so it gives up the whole transaction instead.
            if let Err(e) = self.mix_write(round_slug, Some(&p), w)? {
                return Err(Abort::Internal(format!("a checked write was refused: {e}")));
            }
        }
        let mut bytes = [0u8; 32];
        bytes.copy_from_slice(&commitment);
        Ok(Ok(Receipt::from_commitment(bytes)))
    }

    /// Whether a paper code belongs to `round` and is unspent in the main
    /// trees (the epochs are checked by the caller).
    fn code_unspent(&mut self, round: &Slug, code: &[u8; 32]) -> TxResult<Answer<()>> {
        // Locked until commit: another instance spending the same code
        // waits, then sees it spent.
        let state = self.txn.get_for_update(CODES, code)?;
        let (spent, code_round) = match state.as_deref() {
            Some([flag, rest @ ..]) => (*flag == 1, rest),
            _ => return Ok(Err(StoreError::CodeUnknown)),
        };
        if code_round != round.as_str().as_bytes() {
            return Ok(Err(StoreError::CodeUnknown));
        }
        if spent {
            return Ok(Err(StoreError::CodeSpent));
        }
        Ok(Ok(()))
    }

    fn mix(&mut self, a: &MixArgs) -> TxResult<Answer<()>> {
        let round = match self.round(&a.round)? {
            Ok(r) => r,
            Err(e) => return Ok(Err(e)),
        };
        let period = match a.in_period {
            true => Some(open_period(self.txn, &round, a.today)?.id()),
            false => None,
        };
        if a.expect.is_some() && a.expect != period {
            return Ok(Err(StoreError::NotFound("period")));
        }
        for w in &a.writes {
            if let Err(e) = self.mix_check(w)? {
                return Ok(Err(e));
            }
        }
        for w in &a.writes {
            if let Err(e) = self.mix_write(round.slug.as_str(), period.as_deref(), w)? {
                return Err(Abort::Internal(format!("a checked write was refused: {e}")));
            }
        }
        Ok(Ok(()))
    }

    /// Whether `w` may be written: a `Create` of something present, or a
    /// `Consume` of something absent or consumed, is refused.
    fn mix_check(&mut self, w: &MixedWrite) -> TxResult<Answer<()>> {
        let (tree, key, creating) = match w {
            MixedWrite::Create { tree, key, .. } => (tree, key, true),
            MixedWrite::Consume { tree, key } => (tree, key, false),
            MixedWrite::Append { .. } | MixedWrite::Count { .. } => return Ok(Ok(())),
        };
        let mut present = self.txn.get(tree, key)?.is_some();
        let mut consumed = false;
        for epoch in [Some(self.open), self.closing].into_iter().flatten() {
            let area = epoch::area_name(epoch.id());
            let create = MixedWrite::Create {
                tree: tree.clone(),
                key: key.clone(),
                value: Vec::new(),
            };
            let consume = MixedWrite::Consume {
                tree: tree.clone(),
                key: key.clone(),
            };
            present |= self
                .txn
                .get(&area, &epoch::mixed_name(epoch, &create, &[]))?
                .is_some();
            consumed |= self
                .txn
                .get(&area, &epoch::mixed_name(epoch, &consume, &[]))?
                .is_some();
        }
        Ok(match (creating, present && !consumed) {
            (true, false) if !present => Ok(()),
            (true, _) => Err(StoreError::Exists("record")),
            (false, true) => Ok(()),
            (false, false) => Err(StoreError::NotFound("record")),
        })
    }

    fn mix_write(
        &mut self,
        round: &str,
        period: Option<&str>,
        w: &MixedWrite,
    ) -> TxResult<Answer<()>> {
        let nonce = match crate::secrets::random::bytes::<16>() {
            Ok(n) => n,
            Err(_) => return Ok(Err(StoreError::Io("random generator failed".into()))),
        };
        let name = epoch::mixed_name(self.open, w, &nonce);
        let entry = Entry::Mixed {
            round: round.to_owned(),
            period: period.map(str::to_owned),
            write: w.clone(),
            nonce: nonce.to_vec(),
        };
        if !self.put_entry(&name, entry)? {
            return Ok(Err(match w {
                MixedWrite::Consume { .. } => StoreError::NotFound("record"),
                _ => StoreError::Exists("record"),
            }));
        }
        Ok(Ok(()))
    }

    /// Seal `entry` under the open epoch's key as the record `name`;
    /// whether it was new.
    fn put_entry(&mut self, name: &[u8; 32], entry: Entry) -> TxResult<bool> {
        let sealed = entry
            .encode()
            .and_then(|plain| {
                self.open
                    .seal(name, &plain)
                    .map_err(|e| StoreError::Io(e.to_string()))
            })
            .map_err(|e| Abort::Internal(e.to_string()))?;
        let fresh = self
            .txn
            .insert_new(&epoch::area_name(self.open.id()), name, &sealed)?;
        if fresh {
            self.added.push(entry);
        }
        Ok(fresh)
    }

    /// Mark a round opened (its first codes or invitations): from then on
    /// its rules only tighten.
    fn open_round(&mut self, slug: &Slug) -> TxResult<Answer<()>> {
        let mut current = match self.round(slug)? {
            Ok(r) => r,
            Err(e) => return Ok(Err(e)),
        };
        if current.opened {
            return Ok(Ok(()));
        }
        current.opened = true;
        self.put_round(&current)
    }

    fn round(&mut self, slug: &Slug) -> TxResult<Answer<Round>> {
        if let Some(round) = self.rounds.get(slug.as_str()) {
            return Ok(Ok(round.clone()));
        }
        Ok(match self.txn.get(ROUNDS, slug.as_str().as_bytes())? {
            None => Err(StoreError::NotFound("round")),
            Some(v) => records::from_json::<Round>(&v).inspect(|round| {
                self.rounds.insert(slug.as_str().to_owned(), round.clone());
            }),
        })
    }

    fn put_round(&mut self, round: &Round) -> TxResult<Answer<()>> {
        match records::to_json(round) {
            Ok(v) => {
                self.txn
                    .insert(ROUNDS, round.slug.as_str().as_bytes(), &v)?;
                // Read back as stored, should it be read again.
                self.rounds.remove(round.slug.as_str());
                Ok(Ok(()))
            }
            Err(e) => Ok(Err(e)),
        }
    }

    fn bump(&mut self, key: &[u8], by: u64) -> TxResult<()> {
        bump(self.txn, key, by)
    }
}

/// Add `by` to a counter (only host actions and rewrites do: never once
/// per participant action).
pub(super) fn bump(txn: &mut dyn Txn, key: &[u8], by: u64) -> TxResult<()> {
    if by == 0 {
        return Ok(());
    }
    let n = records::decode_counter(txn.get(COUNTERS, key)?.as_deref());
    txn.insert(COUNTERS, key, &(n + by).to_be_bytes())
}

/// Uses of invitation `hash` recorded in the epoch of `key` (they are
/// numbered from 0 without gaps).
pub(super) fn uses(txn: &mut dyn Txn, key: &EpochKey, hash: &[u8]) -> TxResult<u32> {
    let area = epoch::area_name(key.id());
    let mut n = 0;
    while txn
        .get(&area, &epoch::invitation_name(key, hash, n))?
        .is_some()
    {
        n += 1;
    }
    Ok(n)
}
