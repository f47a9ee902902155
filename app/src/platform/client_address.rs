//! Who the client is, behind a reverse proxy too. Every limit, the audit log and the evidence
//! of an accepted agreement name the client's address; behind a proxy the TCP peer is the
//! proxy, which would make every limit global and every record name the proxy. The address a
//! proxy forwards (`X-Forwarded-For`, or `Forwarded: for=`) is taken only from the proxies
//! the distributor names (`--trusted-proxies`): anyone else could write any address there.

use axum::http::HeaderMap;
use ipnet::IpNet;
use std::net::IpAddr;

/// The networks whose requests may say which client they forward.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("not an address or network (such as 10.0.0.1 or 10.0.0.0/8): {0:?}")]
pub struct NotANetwork(pub String);

impl TrustedProxies {
    /// A comma-separated list of addresses and networks (`10.0.0.0/8, ::1`).
    pub fn parse(list: &str) -> Result<TrustedProxies, NotANetwork> {
        list.split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(|item| {
                item.parse::<IpNet>()
                    .or_else(|_| item.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| NotANetwork(item.to_owned()))
            })
            .collect::<Result<_, _>>()
            .map(TrustedProxies)
    }

    fn trusts(&self, address: IpAddr) -> bool {
        let address = canonical(address);
        self.0.iter().any(|net| net.contains(&address))
    }

    /// The client's address: the peer, unless the peer is a trusted proxy; then the last
    /// forwarded address that is not itself a trusted proxy (the hops are appended left to
    /// right, so only the right end was written by proxies we trust).
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        if !self.trusts(peer) {
            return canonical(peer);
        }
        let hops = forwarded_hops(headers);
        hops.iter()
            .rev()
            .copied()
            .find(|hop| !self.trusts(*hop))
            .or(hops.first().copied())
            .map_or(canonical(peer), canonical)
    }
}

/// An IPv4 address written as IPv6 (`::ffff:192.0.2.1`) is the IPv4 one.
fn canonical(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(address, IpAddr::V4),
        IpAddr::V4(_) => address,
    }
}

/// The forwarded addresses, first hop first: `Forwarded` (RFC 7239) when present, else
/// `X-Forwarded-For`. An entry that is no address (`unknown`, an obfuscated name) ends the
/// list there: what lies left of it cannot be trusted either.
fn forwarded_hops(headers: &HeaderMap) -> Vec<IpAddr> {
    let values = |name: &str| -> Vec<String> {
        headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(|v| v.trim().to_owned())
            .collect()
    };
    let forwarded = values("forwarded");
    let entries: Vec<String> = if forwarded.is_empty() {
        values("x-forwarded-for")
    } else {
        forwarded
            .iter()
            .filter_map(|element| {
                element.split(';').find_map(|pair| {
                    let (key, value) = pair.trim().split_once('=')?;
                    key.eq_ignore_ascii_case("for")
                        .then(|| value.trim_matches('"').to_owned())
                })
            })
            .collect()
    };
    let mut hops = Vec::new();
    for entry in entries.iter().rev() {
        match parse_hop(entry) {
            Some(address) => hops.push(address),
            None => break,
        }
    }
    hops.reverse();
    hops
}

/// `192.0.2.1`, `192.0.2.1:4711`, `2001:db8::1` or `[2001:db8::1]:4711`.
fn parse_hop(entry: &str) -> Option<IpAddr> {
    if let Ok(address) = entry.parse::<IpAddr>() {
        return Some(address);
    }
    if let Some(rest) = entry.strip_prefix('[') {
        return rest.split_once(']')?.0.parse().ok();
    }
    entry.rsplit_once(':')?.0.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, value.parse().unwrap());
        }
        map
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn without_trusted_proxies_the_peer_is_the_client_whatever_the_headers_say() {
        let none = TrustedProxies::default();
        let forged = headers(&[("x-forwarded-for", "203.0.113.9")]);
        assert_eq!(none.client(ip("198.51.100.7"), &forged), ip("198.51.100.7"));
    }

    #[test]
    fn behind_a_trusted_proxy_the_forwarded_client_counts() {
        let proxies = TrustedProxies::parse("10.0.0.0/8, ::1").unwrap();
        let one_hop = headers(&[("x-forwarded-for", "203.0.113.9")]);
        assert_eq!(proxies.client(ip("10.1.2.3"), &one_hop), ip("203.0.113.9"));
        // The client wrote a forged first entry; our proxy appended the real peer.
        let forged = headers(&[("x-forwarded-for", "1.2.3.4, 203.0.113.9, 10.0.0.5")]);
        assert_eq!(proxies.client(ip("10.1.2.3"), &forged), ip("203.0.113.9"));
        let rfc = headers(&[("forwarded", "for=\"[2001:db8::7]:4711\";proto=https")]);
        assert_eq!(proxies.client(ip("::1"), &rfc), ip("2001:db8::7"));
        // A request from the proxy itself with nothing forwarded.
        assert_eq!(
            proxies.client(ip("10.1.2.3"), &HeaderMap::new()),
            ip("10.1.2.3")
        );
    }

    #[test]
    fn an_entry_that_is_no_address_ends_what_is_believed() {
        let proxies = TrustedProxies::parse("10.0.0.1").unwrap();
        let odd = headers(&[("x-forwarded-for", "203.0.113.9, unknown")]);
        assert_eq!(proxies.client(ip("10.0.0.1"), &odd), ip("10.0.0.1"));
    }

    #[test]
    fn the_list_is_checked_when_it_is_read() {
        assert_eq!(
            TrustedProxies::parse("10.0.0.0/8, proxy.local"),
            Err(NotANetwork("proxy.local".into()))
        );
        assert_eq!(TrustedProxies::parse(""), Ok(TrustedProxies::default()));
    }
}
