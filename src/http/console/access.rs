//! Who may use which console route: one rule per route of the route table
//! under `/console`. A route without a rule is refused to everyone, and the
//! test `console_roles::every_console_route_has_a_rule_and_each_role_reaches_exactly_its_own`
//! fails until it has one.

use crate::staff::Role;

/// Who may use a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not (sign-in and first set-up).
    Public,
    /// Anyone signed in, whatever their role.
    SignedIn,
    /// Signed-in users with one of these roles.
    Roles(&'static [Role]),
}

impl Access {
    /// Whether a user with `role` may use the route.
    pub fn allows(self, role: Role) -> bool {
        match self {
            Self::Public | Self::SignedIn => true,
            Self::Roles(roles) => roles.contains(&role),
        }
    }
}

const HOST: Access = Access::Roles(&[Role::Administrator, Role::Coordinator]);
const ADMIN: Access = Access::Roles(&[Role::Administrator]);
const MODERATION: Access = Access::Roles(&[Role::Administrator, Role::Moderator]);
/// Organisation users only, and each only for the organisation on their
/// account (the handlers take it from there, never from the request).
const ORGANISATION: Access = Access::Roles(&[Role::Organisation]);

/// (method, path template, access) for every console route.
pub const RULES: &[(&str, &str, Access)] = &[
    ("GET", "/console", Access::SignedIn),
    ("GET", "/console/login", Access::Public),
    ("POST", "/console/login", Access::Public),
    ("POST", "/console/logout", Access::SignedIn),
    ("GET", "/console/setup", Access::Public),
    ("POST", "/console/setup", Access::Public),
    ("GET", "/console/organisations", HOST),
    ("POST", "/console/organisations", HOST),
    ("GET", "/console/organisations/{organisation}", HOST),
    ("POST", "/console/rounds", HOST),
    ("GET", "/console/rounds/{round}", HOST),
    ("POST", "/console/rounds/{round}", HOST),
    ("POST", "/console/rounds/{round}/open", HOST),
    ("POST", "/console/rounds/{round}/codes", HOST),
    ("GET", "/console/rounds/{round}/cards/{sheet}", HOST),
    ("POST", "/console/rounds/{round}/invitations", HOST),
    ("GET", "/console/rounds/{round}/close", HOST),
    ("POST", "/console/periods/close", HOST),
    ("GET", "/console/rounds/{round}/keyphrases", HOST),
    ("POST", "/console/themes", HOST),
    ("GET", "/console/moderation", MODERATION),
    ("POST", "/console/moderation/{quote}", MODERATION),
    ("GET", "/console/space", ORGANISATION),
    ("GET", "/console/space/download.csv", ORGANISATION),
    ("POST", "/console/space/responses", ORGANISATION),
    ("POST", "/console/space/pledges", ORGANISATION),
    ("POST", "/console/space/pledges/{pledge}", ORGANISATION),
    ("GET", "/console/users", ADMIN),
    ("POST", "/console/users", ADMIN),
    ("POST", "/console/users/{user}/role", ADMIN),
    ("POST", "/console/users/{user}/remove", ADMIN),
    ("GET", "/console/keys", ADMIN),
    ("GET", "/console/backups", ADMIN),
    ("GET", "/console/log", ADMIN),
];

/// The rule for `method` at the route template `path`, if there is one.
pub fn rule(method: &str, path: &str) -> Option<Access> {
    RULES
        .iter()
        .find(|(m, p, _)| *m == method && *p == path)
        .map(|(_, _, a)| *a)
}
