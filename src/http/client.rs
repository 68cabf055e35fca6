//! Who is on the other end of a request, for rate limiting and HSTS only.
//!
//! # Security contract
//! This is the only module that reads the peer address or the
//! `Forwarded` / `X-Forwarded-For` / `X-Forwarded-Proto` headers. What it
//! returns is held in memory by the rate limiters for the length of their
//! window and is never logged, stored or put in a response (guarantee 1).
//!
//! The forwarding headers are believed only when the TCP peer is one of the
//! configured trusted proxies: anyone else could write any address there
//! and so escape their own limit or exhaust someone else's.

use actix_web::dev::ServiceRequest;
use actix_web::http::header::HeaderMap;
use std::net::{IpAddr, Ipv6Addr};

/// The rate-limiting identity of a client: an IPv4 address, or the /64
/// prefix of an IPv6 address (one subscriber usually holds a whole /64, so
/// keying on the full address would let them take 2^64 identities).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClientKey {
    V4(u32),
    V6Prefix(u64),
    /// One Tor circuit of an onion-service visitor. With
    /// `HiddenServiceExportCircuitID haproxy` tor names each circuit by an
    /// address in `fc00::/7` whose low 32 bits are the circuit's id (Tor's
    /// "HAProxy PROXY protocol" spec); nginx's onion entrance forwards it.
    Circuit(u32),
    /// Many people the app cannot tell apart: a trusted proxy forwarding
    /// for a loopback address (the onion entrance when tor does not export
    /// circuit ids), or no peer address at all. Per-client limits never
    /// apply to it, so that no one can lock the whole group out.
    Shared,
}

impl ClientKey {
    pub fn of(ip: IpAddr) -> Self {
        match ip {
            IpAddr::V4(v4) => Self::V4(u32::from(v4)),
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => Self::V4(u32::from(v4)),
                None => Self::V6Prefix((u128::from(v6) >> 64) as u64),
            },
        }
    }

    /// The client a trusted proxy named: a Tor circuit, the shared onion
    /// entrance, or an ordinary address as in [`ClientKey::of`].
    pub fn forwarded(ip: IpAddr) -> Self {
        let ip = canonical(ip);
        match ip {
            _ if ip.is_loopback() => Self::Shared,
            // fc00::/7, unique local addresses: never a visitor's own
            // address on the internet.
            IpAddr::V6(v6) if v6.segments()[0] & 0xfe00 == 0xfc00 => {
                Self::Circuit(u128::from(v6) as u32)
            }
            _ => Self::of(ip),
        }
    }

    /// Whether this key stands for many people the app cannot tell apart.
    pub fn is_shared(self) -> bool {
        self == Self::Shared
    }
}

/// What we may believe about a request's origin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    pub client: ClientKey,
    /// The client reached a trusted proxy over TLS (the proxy said so).
    pub via_tls: bool,
}

/// Decide the origin of `req`, trusting forwarding headers only from a
/// peer in `trusted`.
pub fn origin(req: &ServiceRequest, trusted: &[IpAddr]) -> Origin {
    origin_of(req.peer_addr().map(|a| a.ip()), req.headers(), trusted)
}

pub fn origin_of(peer: Option<IpAddr>, headers: &HeaderMap, trusted: &[IpAddr]) -> Origin {
    let Some(peer) = peer else {
        return Origin {
            client: ClientKey::Shared,
            via_tls: false,
        };
    };
    if !trusted.iter().any(|t| same_host(*t, peer)) {
        return Origin {
            client: ClientKey::of(peer),
            via_tls: false,
        };
    }
    let forwarded = last_value(headers, "forwarded");
    let from_forwarded = forwarded.as_deref().and_then(|f| forwarded_param(f, "for"));
    // A proxy that names no client (or garbage) is the client itself.
    let client = from_forwarded
        .or_else(|| last_value(headers, "x-forwarded-for"))
        .and_then(|a| parse_node(&a))
        .map_or(ClientKey::of(peer), ClientKey::forwarded);
    let proto = forwarded
        .as_deref()
        .and_then(|f| forwarded_param(f, "proto"))
        .or_else(|| last_value(headers, "x-forwarded-proto"));
    Origin {
        client,
        via_tls: proto.is_some_and(|p| p.eq_ignore_ascii_case("https")),
    }
}

/// An IPv4-mapped IPv6 address as the IPv4 address it is.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

fn same_host(a: IpAddr, b: IpAddr) -> bool {
    canonical(a) == canonical(b)
}

/// The last element of a comma-separated header (all its lines joined):
/// the one our trusted proxy added. Earlier elements came from the client
/// and prove nothing.
fn last_value(headers: &HeaderMap, name: &str) -> Option<String> {
    let last = headers
        .get_all(name)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .last()?
        .trim();
    (!last.is_empty()).then(|| last.to_owned())
}

/// One parameter of a `Forwarded` element (RFC 7239 §4), unquoted.
fn forwarded_param(element: &str, name: &str) -> Option<String> {
    element.split(';').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case(name)
            .then(|| v.trim().trim_matches('"').to_owned())
    })
}

/// An address as written in `Forwarded` (`192.0.2.1`, `192.0.2.1:443`,
/// `[2001:db8::1]:443`) or `X-Forwarded-For`; obfuscated or unknown
/// identifiers (RFC 7239 §6) give `None`.
fn parse_node(node: &str) -> Option<IpAddr> {
    let node = node.trim();
    if let Ok(ip) = node.parse::<IpAddr>() {
        return Some(ip);
    }
    if let Some(rest) = node.strip_prefix('[') {
        return rest
            .split(']')
            .next()?
            .parse::<Ipv6Addr>()
            .ok()
            .map(IpAddr::V6);
    }
    node.rsplit_once(':')
        .and_then(|(host, _port)| host.parse::<IpAddr>().ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header::{HeaderName, HeaderValue};

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.append(HeaderName::from_static(k), HeaderValue::from_static(v));
        }
        map
    }

    const PROXY: &str = "10.0.0.1";

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn ipv6_clients_are_grouped_by_64_bit_prefix() {
        assert_eq!(
            ClientKey::of(ip("2001:db8:1:2:aaaa::1")),
            ClientKey::of(ip("2001:db8:1:2:ffff:1:2:3"))
        );
        assert_ne!(
            ClientKey::of(ip("2001:db8:1:2::1")),
            ClientKey::of(ip("2001:db8:1:3::1"))
        );
        assert_eq!(
            ClientKey::of(ip("::ffff:192.0.2.7")),
            ClientKey::of(ip("192.0.2.7"))
        );
    }

    #[test]
    fn forwarding_headers_from_an_untrusted_peer_are_ignored() {
        let h = headers(&[
            ("x-forwarded-for", "203.0.113.5"),
            ("forwarded", "for=203.0.113.6;proto=https"),
            ("x-forwarded-proto", "https"),
        ]);
        let o = origin_of(Some(ip("198.51.100.1")), &h, &[ip(PROXY)]);
        assert_eq!(o.client, ClientKey::of(ip("198.51.100.1")));
        assert!(!o.via_tls);
    }

    #[test]
    fn a_trusted_proxy_names_the_client_in_its_last_element() {
        let h = headers(&[("x-forwarded-for", "1.2.3.4, 203.0.113.5")]);
        let o = origin_of(Some(ip(PROXY)), &h, &[ip(PROXY)]);
        assert_eq!(o.client, ClientKey::of(ip("203.0.113.5")));
        let h = headers(&[(
            "forwarded",
            "for=1.2.3.4, for=\"[2001:db8::7]:4711\";proto=https",
        )]);
        let o = origin_of(Some(ip(PROXY)), &h, &[ip(PROXY)]);
        assert_eq!(o.client, ClientKey::of(ip("2001:db8::7")));
        assert!(o.via_tls);
        let h = headers(&[("x-forwarded-proto", "https")]);
        assert!(origin_of(Some(ip(PROXY)), &h, &[ip(PROXY)]).via_tls);
    }

    #[test]
    fn onion_visitors_are_told_apart_by_circuit_or_else_shared() {
        // Tor's circuit ids (HiddenServiceExportCircuitID), as nginx's onion
        // entrance forwards them: one key per circuit, not per /64.
        let circuit = |id: &'static str| {
            let h = headers(&[("x-forwarded-for", id)]);
            origin_of(Some(ip(PROXY)), &h, &[ip(PROXY)]).client
        };
        assert_eq!(circuit("fc00:dead:beef:4dad::0:1"), ClientKey::Circuit(1));
        assert_eq!(
            circuit("fc00:dead:beef:4dad::1:2"),
            ClientKey::Circuit(0x0001_0002)
        );
        assert_ne!(
            circuit("fc00:dead:beef:4dad::0:1"),
            circuit("fc00:dead:beef:4dad::0:2")
        );
        // Without circuit ids every onion visitor is 127.0.0.1: shared.
        assert_eq!(circuit("127.0.0.1"), ClientKey::Shared);
        assert_eq!(circuit("::1"), ClientKey::Shared);
        assert!(circuit("127.0.0.1").is_shared());
        // A proxy that names nobody is itself the client; a direct peer is
        // never shared, and never a circuit, whatever its address.
        let o = origin_of(Some(ip(PROXY)), &HeaderMap::new(), &[ip(PROXY)]);
        assert_eq!(o.client, ClientKey::of(ip(PROXY)));
        let direct = origin_of(Some(ip("127.0.0.1")), &HeaderMap::new(), &[]);
        assert_eq!(direct.client, ClientKey::of(ip("127.0.0.1")));
        let lan = origin_of(Some(ip("fd00::7")), &HeaderMap::new(), &[]);
        assert_eq!(lan.client, ClientKey::of(ip("fd00::7")));
    }

    #[test]
    fn garbage_from_a_trusted_proxy_falls_back_to_the_proxy() {
        let h = headers(&[("x-forwarded-for", "_hidden"), ("forwarded", "for=unknown")]);
        let o = origin_of(Some(ip(PROXY)), &h, &[ip(PROXY)]);
        assert_eq!(o.client, ClientKey::of(ip(PROXY)));
        assert_eq!(parse_node("192.0.2.1:80"), Some(ip("192.0.2.1")));
        assert_eq!(parse_node("[nonsense]:80"), None);
    }
}
