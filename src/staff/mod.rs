//! Staff accounts: the people who run Parrhesia (host staff with a role)
//! and the people who answer for an organisation. Parsed types for their
//! names, passwords and roles, and the entries of the staff action log.
//!
//! Nothing here knows about HTTP or the storage engine. Staff are never participants:
//! nothing in a staff record or in the action log refers to a critique, a
//! code or a token, because the store cannot tell which produced which.

pub mod hashing;
pub mod link;
pub mod mail_choice;
pub mod password;
pub mod recovery;
pub mod session;
pub mod totp;

use crate::domain::Slug;
use serde::{Deserialize, Serialize};

/// What a staff member may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Everything, including users and keys.
    Administrator,
    /// Organisations, rounds, codes, invitations and periods.
    Coordinator,
    /// Quote moderation only.
    Moderator,
    /// One organisation's digest, responses and pledges.
    Organisation,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Administrator,
        Role::Coordinator,
        Role::Moderator,
        Role::Organisation,
    ];

    /// The stable name used in forms and on disk.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Administrator => "administrator",
            Self::Coordinator => "coordinator",
            Self::Moderator => "moderator",
            Self::Organisation => "organisation",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Administrator => "Administrator",
            Self::Coordinator => "Coordinator",
            Self::Moderator => "Moderator",
            Self::Organisation => "Organisation user",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, StaffError> {
        Self::ALL
            .into_iter()
            .find(|r| r.as_str() == raw.trim())
            .ok_or(StaffError::RoleInvalid)
    }
}

/// A user name: 3 to 64 characters, lower-case letters, digits, `.`, `_`,
/// `-` and `@` (so an e-mail address works). Case-folded, so `Ann` and
/// `ann` are the same account.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Username(String);

impl Username {
    pub fn parse(raw: &str) -> Result<Self, StaffError> {
        let name = raw.trim().to_lowercase();
        let ok = (3..=64).contains(&name.chars().count())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-@".contains(c));
        if ok {
            Ok(Self(name))
        } else {
            Err(StaffError::UsernameInvalid)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Username {
    type Error = StaffError;
    fn try_from(s: String) -> Result<Self, StaffError> {
        Self::parse(&s)
    }
}

impl From<Username> for String {
    fn from(u: Username) -> String {
        u.0
    }
}

impl std::fmt::Display for Username {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A staff account as stored. `id` is 128 random bits (hex), never a
/// counter. The password is kept only as an Argon2id PHC string.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct User {
    pub id: String,
    pub username: Username,
    pub role: Role,
    /// The organisation an organisation user answers for; `None` for host
    /// staff.
    pub organisation: Option<Slug>,
    pub password_hash: String,
    /// The second factor, once enrolled (absent from records written
    /// before there was one, and from accounts without it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_factor: Option<SecondFactor>,
    /// Where staff mail goes (issue 21); without one, no mail at all.
    /// Absent from records written before there was mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<EmailAddress>,
    /// The kinds of mail this user chose; `None` means their role's
    /// default ([`mail_choice::Preferences::default_for`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mail: Option<Vec<mail_choice::Kind>>,
    /// The account's one live password link (an invitation or a reset),
    /// kept only as a keyed hash with its expiry hour ([`link`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_link: Option<link::StoredLink>,
}

impl User {
    /// What mail this user wants: their own choice, or their role's
    /// default.
    pub fn mail_preferences(&self) -> mail_choice::Preferences {
        match &self.mail {
            Some(kinds) => mail_choice::Preferences::only(kinds),
            None => mail_choice::Preferences::default_for(self.role),
        }
    }
}

/// A staff member's e-mail address, checked only for shape: one `@`, a
/// non-empty local part, a dotted domain, no spaces or control characters,
/// at most 254 characters (RFC 5321 §4.5.3.1.3), kept lower-cased in the
/// domain. Whether it is deliverable only the mail server can tell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EmailAddress(String);

impl EmailAddress {
    pub fn parse(raw: &str) -> Result<Self, StaffError> {
        let raw = raw.trim();
        let bad = || StaffError::EmailInvalid;
        if raw.len() > 254 || raw.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(bad());
        }
        let (local, domain) = raw.rsplit_once('@').ok_or_else(bad)?;
        let domain_ok = domain.contains('.')
            && domain.split('.').all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && label.chars().all(|c| c.is_alphanumeric() || c == '-')
                    && !label.starts_with('-')
                    && !label.ends_with('-')
            });
        if local.is_empty() || local.len() > 64 || local.contains('@') || !domain_ok {
            return Err(bad());
        }
        Ok(Self(format!("{local}@{}", domain.to_lowercase())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for EmailAddress {
    type Error = StaffError;
    fn try_from(s: String) -> Result<Self, StaffError> {
        Self::parse(&s)
    }
}

impl From<EmailAddress> for String {
    fn from(e: EmailAddress) -> String {
        e.0
    }
}

impl std::fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A new account invited by e-mail, as typed in the console, checked: a
/// valid user name, e-mail address and role, and an organisation (one that
/// exists) exactly when the role is organisation user. No password: the
/// invited user sets their own through a one-time link ([`link`]).
pub struct NewInvitation {
    username: Username,
    email: EmailAddress,
    role: Role,
    organisation: Option<Slug>,
}

impl NewInvitation {
    /// The console form's fields: every problem at once, in the form's
    /// order. `known` lists the organisations there are.
    pub fn parse(
        username: &str,
        email: &str,
        role: &str,
        organisation: &str,
        known: &[Slug],
    ) -> Result<Self, Vec<StaffError>> {
        let username = Username::parse(username);
        let email = EmailAddress::parse(email);
        let role = Role::parse(role);
        let organisation = match organisation.trim() {
            "" => Ok(None),
            slug => known
                .iter()
                .find(|o| o.as_str() == slug)
                .map(|o| Some(o.clone()))
                .ok_or(StaffError::OrganisationMissing),
        };
        let membership = match (&role, &organisation) {
            (Ok(role), Ok(organisation)) => membership(*role, organisation.as_ref()),
            _ => Ok(()),
        };
        let errors: Vec<StaffError> = [
            username.as_ref().err(),
            email.as_ref().err(),
            role.as_ref().err(),
            organisation.as_ref().err(),
            membership.as_ref().err(),
        ]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
        match (username, email, role, organisation) {
            (Ok(username), Ok(email), Ok(role), Ok(organisation)) if errors.is_empty() => {
                Ok(Self {
                    username,
                    email,
                    role,
                    organisation,
                })
            }
            _ => Err(errors),
        }
    }

    pub fn into_parts(self) -> (Username, EmailAddress, Role, Option<Slug>) {
        (self.username, self.email, self.role, self.organisation)
    }
}

/// A user's second factor as stored: the TOTP secret sealed under the key
/// directory's staff key (`crate::secrets::vault::Vault::seal_staff`,
/// bound to the user's id), and the keyed hashes of the recovery codes not
/// yet used. Nothing here opens without the key directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecondFactor {
    pub secret: crate::secrets::vault::Sealed,
    pub recovery: recovery::RecoveryHashes,
}

/// What a second factor's secret is sealed as: the record and its owner.
pub fn second_factor_context(user_id: &str) -> String {
    format!("staff/second-factor/{user_id}")
}

impl User {
    /// A new account with a fresh random id. An organisation user must
    /// name their organisation; host staff must not.
    pub fn new(
        username: Username,
        role: Role,
        organisation: Option<Slug>,
        password_hash: String,
    ) -> Result<Self, StaffError> {
        membership(role, organisation.as_ref())?;
        let id = crate::secrets::random::bytes::<16>().map_err(|_| StaffError::Random)?;
        Ok(Self {
            id: crate::encoding::hex(&id),
            username,
            role,
            organisation,
            password_hash,
            second_factor: None,
            email: None,
            mail: None,
            password_link: None,
        })
    }
}

/// A new account as typed, checked: a valid user name, password and role,
/// and an organisation (one that exists) exactly when the role is
/// organisation user (the command line's `user add`; the console invites
/// instead, [`NewInvitation`]). Made only by [`NewAccount::new`]; the
/// password is hashed when the account is added.
///
/// ```compile_fail
/// use parrhesia::staff::{password::Password, NewAccount, Role, Username};
/// fn forged(username: Username, password: Password) -> NewAccount {
///     NewAccount { username, password, role: Role::Administrator, organisation: None }
/// }
/// ```
pub struct NewAccount {
    username: Username,
    password: password::Password,
    role: Role,
    organisation: Option<Slug>,
}

impl NewAccount {
    /// Parts parsed already (the command line).
    pub fn new(
        username: Username,
        password: password::Password,
        role: Role,
        organisation: Option<Slug>,
        known: &[Slug],
    ) -> Result<Self, StaffError> {
        if organisation.as_ref().is_some_and(|o| !known.contains(o)) {
            return Err(StaffError::OrganisationMissing);
        }
        membership(role, organisation.as_ref())?;
        Ok(Self {
            username,
            password,
            role,
            organisation,
        })
    }

    pub fn username(&self) -> &Username {
        &self.username
    }

    pub fn role(&self) -> Role {
        self.role
    }

    pub fn organisation(&self) -> Option<&Slug> {
        self.organisation.as_ref()
    }

    /// The parts, to hash the password and make the [`User`].
    pub fn into_parts(self) -> (Username, password::Password, Role, Option<Slug>) {
        (self.username, self.password, self.role, self.organisation)
    }
}

/// An organisation user must name their organisation; host staff must not.
pub fn membership(role: Role, organisation: Option<&Slug>) -> Result<(), StaffError> {
    match (role, organisation) {
        (Role::Organisation, None) => Err(StaffError::OrganisationMissing),
        (Role::Organisation, Some(_)) | (_, None) => Ok(()),
        (_, Some(_)) => Err(StaffError::OrganisationNotAllowed),
    }
}

/// One entry of the staff action log: who did what, to which round, in
/// which period. Never about participants, and no time finer than the
/// period (a week when no round is involved).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// The period's id (its first day).
    pub period: String,
    pub actor: String,
    /// A stable name, e.g. `round.create`.
    pub action: String,
    pub round: Option<String>,
    /// What was acted on besides a round (an organisation, a user name),
    /// never anything about a participant.
    pub subject: Option<String>,
}

/// Everything that can be wrong with staff input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StaffError {
    #[error("bad user name")]
    UsernameInvalid,
    #[error("password too short")]
    PasswordTooShort,
    #[error("password too long")]
    PasswordTooLong,
    #[error("common password")]
    PasswordCommon,
    #[error("bad role")]
    RoleInvalid,
    #[error("organisation missing")]
    OrganisationMissing,
    #[error("organisation not allowed")]
    OrganisationNotAllowed,
    #[error("random generator failed")]
    Random,
    #[error("bad e-mail address")]
    EmailInvalid,
}

impl StaffError {
    /// The form field the problem belongs to.
    pub fn field(&self) -> &'static str {
        match self {
            Self::UsernameInvalid => "username",
            Self::PasswordTooShort | Self::PasswordTooLong | Self::PasswordCommon => "password",
            Self::RoleInvalid => "role",
            Self::OrganisationMissing | Self::OrganisationNotAllowed => "organisation",
            Self::Random => "username",
            Self::EmailInvalid => "email",
        }
    }

    /// What went wrong and how to put it right.
    pub fn message(&self) -> String {
        match self {
            Self::UsernameInvalid => "Enter a user name of 3 to 64 characters: lower-case \
                letters, digits, dots, hyphens, underscores or @."
                .into(),
            Self::PasswordTooShort => format!(
                "Enter a password of at least {} characters. A few unrelated words make a \
                 good one.",
                password::MIN_CHARS
            ),
            Self::PasswordTooLong => format!(
                "Enter a password of no more than {} characters.",
                password::MAX_CHARS
            ),
            Self::PasswordCommon => "This password is too common. Choose another.".into(),
            Self::RoleInvalid => "Choose a role from the list.".into(),
            Self::OrganisationMissing => "Choose the organisation this user answers for.".into(),
            Self::OrganisationNotAllowed => {
                "Only organisation users belong to an organisation.".into()
            }
            Self::Random => "Something went wrong; try again.".into(),
            Self::EmailInvalid => {
                "Enter an e-mail address in the correct format, like name@example.org".into()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_addresses_are_checked_for_shape_only() {
        for good in [
            "ann@example.org",
            "a.b+c@sub.example.co.uk",
            "  Bob@Example.ORG ",
            "ann@example.org\n",
            "o'neill@council.gov.uk",
            "x@xn--bcher-kva.example",
        ] {
            assert!(EmailAddress::parse(good).is_ok(), "{good}");
        }
        assert_eq!(
            EmailAddress::parse(" Bob@Example.ORG ").unwrap().as_str(),
            "Bob@example.org"
        );
        for bad in [
            "",
            "ann",
            "ann@",
            "@example.org",
            "ann@example",
            "ann@@example.org",
            "ann@exa mple.org",
            "ann example@example.org",
            "ann@example..org",
            "ann@-example.org",
            "ann@example.org\r\nBcc: eve@example.org",
            &format!("{}@example.org", "a".repeat(65)),
            &format!("a@{}.org", "b".repeat(250)),
        ] {
            assert_eq!(
                EmailAddress::parse(bad),
                Err(StaffError::EmailInvalid),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn old_user_records_read_without_mail_fields_and_default_to_the_role() {
        let json = r#"{"id":"00","username":"ann","role":"organisation","organisation":"acme","password_hash":"x"}"#;
        let user: User = serde_json::from_str(json).unwrap();
        assert_eq!(user.email, None);
        assert_eq!(
            user.mail_preferences(),
            mail_choice::Preferences::default_for(Role::Organisation)
        );
        let mut chosen = user.clone();
        chosen.mail = Some(vec![]);
        assert!(!chosen.mail_preferences().wants(mail_choice::Kind::Releases));
        let back: User = serde_json::from_str(&serde_json::to_string(&chosen).unwrap()).unwrap();
        assert_eq!(back.mail, Some(vec![]));
    }

    #[test]
    fn usernames_are_case_folded_and_checked() {
        assert_eq!(Username::parse(" Ann.Lee ").unwrap().as_str(), "ann.lee");
        assert!(Username::parse("ab").is_err());
        assert!(Username::parse("ann lee").is_err());
        assert!(Username::parse("ann@example.org").is_ok());
    }

    #[test]
    fn an_invitation_lists_every_problem_in_the_forms_order() {
        let known = [Slug::parse("care", "slug").unwrap()];
        let errors = NewInvitation::parse("co", "nope", "organisation", "", &known)
            .err()
            .unwrap();
        assert_eq!(
            errors,
            [
                StaffError::UsernameInvalid,
                StaffError::EmailInvalid,
                StaffError::OrganisationMissing
            ]
        );
        let errors = NewInvitation::parse("cora", "nope", "moderator", "elsewhere", &known)
            .err()
            .unwrap();
        assert_eq!(
            errors,
            [StaffError::EmailInvalid, StaffError::OrganisationMissing]
        );
        let errors =
            NewInvitation::parse("cora", "cora@example.org", "coordinator", "care", &known)
                .err()
                .unwrap();
        assert_eq!(errors, [StaffError::OrganisationNotAllowed]);
        assert!(
            NewInvitation::parse("Cora", "cora@example.org", "organisation", "care", &known)
                .is_ok()
        );
    }

    #[test]
    fn only_organisation_users_belong_to_an_organisation() {
        let org = Some(Slug::parse("care", "slug").unwrap());
        let name = || Username::parse("ann").unwrap();
        assert_eq!(
            User::new(name(), Role::Organisation, None, String::new()).unwrap_err(),
            StaffError::OrganisationMissing
        );
        assert_eq!(
            User::new(name(), Role::Coordinator, org.clone(), String::new()).unwrap_err(),
            StaffError::OrganisationNotAllowed
        );
        let u = User::new(name(), Role::Organisation, org, String::new()).unwrap();
        assert_eq!(u.id.len(), 32);
    }
}
