//! Reading request targets: the path split into decoded segments, the query
//! string into name/value pairs, and the search parameters the pages and the
//! API share. Everything here is pure and bounded: a target that is too
//! long, badly percent-encoded or not UTF-8 is refused with a message a
//! person can act on. Owns no routing and no I/O.

use crate::index::query::SearchRequest;

/// Longest query text accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 1000;
/// Longest request target accepted, in bytes (a query at its limit, fully
/// percent-encoded, plus filters, fits).
pub const MAX_TARGET_BYTES: usize = 16 * 1024;
/// Results per page on the search page.
pub const PAGE_SIZE: usize = 10;
/// Deepest result reachable by paging (tantivy keeps offset + limit hits
/// in memory, so this bounds a request's cost).
pub const MAX_OFFSET: usize = 10_000;

/// Why a request target cannot be read; the message is shown to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRequest(pub String);

impl std::fmt::Display for BadRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A request target: the raw path and its query pairs, decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The path as sent (still percent-encoded); routes decode segments.
    pub path: String,
    pub params: Vec<(String, String)>,
}

impl Target {
    pub fn parse(raw: &str) -> Result<Target, BadRequest> {
        if raw.len() > MAX_TARGET_BYTES {
            return Err(BadRequest(format!(
                "the address is too long ({} bytes; at most {MAX_TARGET_BYTES})",
                raw.len()
            )));
        }
        let raw = raw.split('#').next().unwrap_or("");
        let (path, query) = match raw.split_once('?') {
            Some((p, q)) => (p, q),
            None => (raw, ""),
        };
        Ok(Target {
            path: path.to_string(),
            params: parse_query_string(query)?,
        })
    }

    /// The first value of a parameter, trimmed; empty values count as absent.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// Every non-empty value of a parameter, in order.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.params
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
            .collect()
    }

    /// The path's segments after `prefix` (e.g. "/record/"), percent-decoded;
    /// `None` when the path does not start with it.
    pub fn rest_after(&self, prefix: &str) -> Option<Result<String, BadRequest>> {
        self.path
            .strip_prefix(prefix)
            .map(|rest| decode(rest, false))
    }
}

/// `a=1&b=two+words` -> pairs, `+` read as a space (as forms send it).
pub fn parse_query_string(q: &str) -> Result<Vec<(String, String)>, BadRequest> {
    let mut out = Vec::new();
    for part in q.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = part.split_once('=').unwrap_or((part, ""));
        out.push((decode(name, true)?, decode(value, true)?));
    }
    Ok(out)
}

/// Percent-decode (and, in query strings, `+` to space) into UTF-8.
pub fn decode(s: &str, plus_is_space: bool) -> Result<String, BadRequest> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => out.push(b),
                    None => {
                        return Err(BadRequest(
                            "the address has a '%' that is not followed by two hex digits".into(),
                        ))
                    }
                }
                i += 3;
            }
            b'+' if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_err(|_| BadRequest("the address is not valid UTF-8".into()))
}

/// Percent-encode a value for a query string (unreserved characters kept).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// What the search page and `/api/search` were asked: the index's own
/// request, `limit` and `offset` being the page shown. The methods below
/// read it from a request target and write it back into links.
pub type SearchParams = SearchRequest;

/// The parameter names, as forms and links write them.
pub const P_QUERY: &str = "q";
pub const P_KIND: &str = "kind";
pub const P_BODY: &str = "body";
pub const P_COUNCIL: &str = "council";
pub const P_TYPE: &str = "type";
pub const P_SINCE: &str = "since";
pub const P_UNTIL: &str = "until";
pub const P_DECISION: &str = "decision";
pub const P_GRADE: &str = "grade";
pub const P_KEY: &str = "key";
pub const P_CARRIED: &str = "carried";
pub const P_PAGE: &str = "page";
pub const P_LIMIT: &str = "limit";
pub const P_OFFSET: &str = "offset";
/// On record links: the search page they were opened from.
pub const P_FROM: &str = "from";

/// The search page a record was opened from, if `from=` names one: only
/// this server's own search page, so the link cannot lead elsewhere.
pub fn back_link(t: &Target) -> Option<String> {
    let from = t.get(P_FROM)?;
    let ok = from.len() <= MAX_TARGET_BYTES && (from == "/" || from.starts_with("/?"));
    ok.then(|| from.to_string())
}

impl SearchParams {
    /// Read the search parameters. Pages are numbered from 1 (`page=`); the
    /// API also takes `limit=` and `offset=` as `agendex search` does.
    pub fn from_target(t: &Target) -> Result<SearchParams, BadRequest> {
        let query = t
            .params
            .iter()
            .find(|(n, _)| n == P_QUERY)
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default();
        let chars = query.chars().count();
        if chars > MAX_QUERY_CHARS {
            return Err(BadRequest(format!(
                "the query is too long ({chars} characters; at most {MAX_QUERY_CHARS})"
            )));
        }
        if query.chars().any(|c| c.is_control()) {
            return Err(BadRequest("the query holds control characters".into()));
        }
        let number = |name: &str| -> Result<Option<usize>, BadRequest> {
            match t.get(name) {
                None => Ok(None),
                Some(v) => v
                    .parse::<usize>()
                    .map(Some)
                    .map_err(|_| BadRequest(format!("{name}= takes a whole number, not {v:?}"))),
            }
        };
        let limit = match number(P_LIMIT)? {
            None => PAGE_SIZE,
            Some(0) => return Err(BadRequest("limit= must be at least 1".into())),
            Some(n) => n.min(crate::index::query::MAX_LIMIT),
        };
        let offset = match (number(P_OFFSET)?, number(P_PAGE)?) {
            (Some(o), _) => o,
            (None, Some(0)) => return Err(BadRequest("pages are numbered from 1".into())),
            (None, Some(p)) => (p - 1).saturating_mul(limit),
            (None, None) => 0,
        };
        if offset > MAX_OFFSET {
            return Err(BadRequest(format!(
                "results beyond the first {MAX_OFFSET} cannot be paged to: narrow the search"
            )));
        }
        let kind = t
            .all(P_KIND)
            .iter()
            .flat_map(|k| k.split(','))
            .map(|k| k.trim().to_string())
            .filter(|k| !k.is_empty())
            .collect();
        let own = |name: &str| t.get(name).map(str::to_string);
        Ok(SearchParams {
            query,
            kind,
            body: own(P_BODY),
            council: own(P_COUNCIL),
            doc_type: own(P_TYPE),
            since: own(P_SINCE),
            until: own(P_UNTIL),
            decision: own(P_DECISION),
            grade: own(P_GRADE),
            key: own(P_KEY),
            carried: own(P_CARRIED),
            limit,
            offset,
            unfolded: false,
        })
    }

    /// The request to hand to the index.
    pub fn request(&self) -> SearchRequest {
        self.clone()
    }

    /// The 1-based page these parameters show.
    pub fn page(&self) -> usize {
        self.offset / self.limit.max(1) + 1
    }

    /// The pairs that reproduce these parameters (first page), in a fixed order.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut v = Vec::new();
        if !self.query.is_empty() {
            v.push((P_QUERY, self.query.clone()));
        }
        for k in &self.kind {
            v.push((P_KIND, k.clone()));
        }
        for (name, value) in [
            (P_BODY, &self.body),
            (P_COUNCIL, &self.council),
            (P_TYPE, &self.doc_type),
            (P_SINCE, &self.since),
            (P_UNTIL, &self.until),
            (P_DECISION, &self.decision),
            (P_GRADE, &self.grade),
            (P_KEY, &self.key),
            (P_CARRIED, &self.carried),
        ] {
            if let Some(value) = value {
                v.push((name, value.clone()));
            }
        }
        if self.limit != PAGE_SIZE && self.limit != 0 {
            v.push((P_LIMIT, self.limit.to_string()));
        }
        v
    }

    /// The search page's address for these parameters, at `page`.
    pub fn href(&self, page: usize) -> String {
        let mut pairs = self.pairs();
        if page > 1 {
            pairs.push((P_PAGE, page.to_string()));
        }
        href("/", &pairs)
    }
}

/// `path?name=value&…`, values encoded.
pub fn href(path: &str, pairs: &[(&str, String)]) -> String {
    if pairs.is_empty() {
        return path.to_string();
    }
    let q: Vec<String> = pairs
        .iter()
        .map(|(n, v)| format!("{}={}", encode(n), encode(v)))
        .collect();
    format!("{path}?{}", q.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(raw: &str) -> Result<SearchParams, BadRequest> {
        SearchParams::from_target(&Target::parse(raw)?)
    }

    #[test]
    fn decodes_percent_and_plus() {
        assert_eq!(
            decode("high+needs%20block", true).unwrap(),
            "high needs block"
        );
        assert_eq!(decode("a+b", false).unwrap(), "a+b");
        assert_eq!(decode("%C2%A3395", true).unwrap(), "£395");
        assert!(decode("%zz", true).is_err());
        assert!(decode("%4", true).is_err());
        assert!(decode("%FF%FE", true).is_err());
    }

    #[test]
    fn encode_round_trips() {
        let s = "£395,000 \"High Needs\" & more/..";
        assert_eq!(decode(&encode(s), true).unwrap(), s);
    }

    #[test]
    fn target_splits_path_query_and_fragment() {
        let t = Target::parse("/record/abc-resolution-1?x=1&y=&kind=a&kind=b#page=3").unwrap();
        assert_eq!(t.path, "/record/abc-resolution-1");
        assert_eq!(t.get("x"), Some("1"));
        assert_eq!(t.get("y"), None);
        assert_eq!(t.all("kind"), vec!["a", "b"]);
        assert_eq!(
            t.rest_after("/record/").unwrap().unwrap(),
            "abc-resolution-1"
        );
        assert!(t.rest_after("/source/").is_none());
    }

    #[test]
    fn search_params_from_a_form() {
        let p = params("/?q=high+needs&kind=resolution,minute&since=2015&page=3").unwrap();
        assert_eq!(p.query, "high needs");
        assert_eq!(p.kind, vec!["resolution", "minute"]);
        assert_eq!(p.since.as_deref(), Some("2015"));
        assert_eq!((p.limit, p.offset, p.page()), (10, 20, 3));
        assert_eq!(
            p.href(2),
            "/?q=high+needs&kind=resolution&kind=minute&since=2015&page=2"
        );
        let api = params("/api/search?q=x&limit=5&offset=7").unwrap();
        assert_eq!((api.limit, api.offset), (5, 7));
        assert_eq!(
            params("/?limit=5&page=3").unwrap().href(4),
            "/?limit=5&page=4"
        );
    }

    #[test]
    fn back_links_stay_on_the_search_page() {
        let back = |raw: &str| back_link(&Target::parse(raw).unwrap());
        assert_eq!(
            back("/record/x?from=%2F%3Fq%3Dbudget%26page%3D2").as_deref(),
            Some("/?q=budget&page=2")
        );
        assert_eq!(back("/record/x?from=%2F").as_deref(), Some("/"));
        assert_eq!(back("/record/x?from=%2F%2Fevil.example%2F"), None);
        assert_eq!(back("/record/x?from=https%3A%2F%2Fevil.example%2F"), None);
        assert_eq!(back("/record/x?from=javascript%3Aalert(1)"), None);
        assert_eq!(back("/record/x"), None);
    }

    #[test]
    fn bad_requests_say_why() {
        let long = format!("/?q={}", "a".repeat(MAX_QUERY_CHARS + 1));
        assert!(params(&long).unwrap_err().0.contains("too long"));
        assert!(params(&format!("/?q={}", "a".repeat(MAX_QUERY_CHARS))).is_ok());
        assert!(params("/?q=%00").unwrap_err().0.contains("control"));
        assert!(params("/?page=0").is_err());
        assert!(params("/?page=two").unwrap_err().0.contains("whole number"));
        assert!(params("/?offset=99999999").is_err());
        assert!(params("/?page=18446744073709551615").is_err());
        let huge = format!("/?q={}", "%41".repeat(MAX_TARGET_BYTES));
        assert!(Target::parse(&huge).unwrap_err().0.contains("too long"));
    }
}
