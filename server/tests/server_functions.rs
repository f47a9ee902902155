//! Every server function the router serves, driven with generated input as a visitor, as a
//! reseller and as the distributor's staff: no answer is a 5xx, nothing panics, and a refused
//! request (4xx) writes nothing.
//!
//! Nothing here lists the server functions or their fields by hand, so a new one is covered
//! the day it lands: the functions come from the router's registry, their required arguments
//! from what each answers when a field is missing, and their optional fields (form structs,
//! hidden keys and tokens) from the forms the app's pages render.
//!
//! A binary of its own: a panic anywhere in the process counts against the run, which only
//! holds when no other test shares the process.

#[allow(dead_code, unused_imports, unused_macros)]
#[path = "api/support.rs"]
mod support;

use axum::body::Body;
use axum::http::Request;
use kontor_domain::UserId;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use support::{urlencode, TestApp};

/// Generated cases per server function (each with a random caller). Fixed seed: a run is
/// reproducible, and a failure prints the smallest input that still fails.
const CASES_PER_FUNCTION: u32 = 48;
const SEED: [u8; 32] = *b"kontor server functions, fuzzed!";

static PANICS: AtomicUsize = AtomicUsize::new(0);

#[test]
fn no_input_reaches_a_server_error_or_writes_when_refused() {
    // `block_on` polls each request's whole future (router, page, server function) on the
    // calling thread; in a debug build that outgrows a test thread's 2 MiB stack.
    let fuzzing = std::thread::Builder::new()
        .stack_size(16 * 1024 * 1024)
        .spawn(fuzz_every_server_function)
        .expect("a thread");
    if let Err(panic) = fuzzing.join() {
        std::panic::resume_unwind(panic);
    }
}

fn fuzz_every_server_function() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        PANICS.fetch_add(1, Ordering::SeqCst);
        default_hook(info);
    }));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime");
    let world = runtime.block_on(World::new());
    let functions = runtime.block_on(world.functions());
    assert!(
        functions.len() >= 80,
        "the router serves {} server functions; the registry should list them all",
        functions.len()
    );

    let cases = std::cell::Cell::new(0);
    for function in &functions {
        let mut runner = TestRunner::new_with_rng(
            Config {
                cases: CASES_PER_FUNCTION,
                failure_persistence: None,
                max_shrink_iters: 200,
                ..Config::default()
            },
            TestRng::from_seed(RngAlgorithm::ChaCha, &SEED),
        );
        let result = runner.run(&case(function.fields.len()), |case| {
            cases.set(cases.get() + 1);
            runtime.block_on(world.check(function, &case))
        });
        if let Err(failure) = result {
            panic!("{} {}: {failure}", function.path, function.describe());
        }
    }
    println!(
        "{} server functions, {} generated requests: no 5xx, no panic, no write when refused",
        functions.len(),
        cases.get()
    );
}

/// The app with demo data, and who may call it.
struct World {
    app: TestApp,
    reseller: UserId,
    staff: UserId,
    /// One query that reads every table's rows as text (`fingerprint`).
    fingerprint_query: String,
}

#[derive(Clone, Copy, Debug)]
enum Caller {
    Visitor,
    Reseller,
    Staff,
}

/// A server function as the app shows it: its address and the fields it is known to take,
/// each with a value that parses (from its page's form, or found by trying).
struct Function {
    path: &'static str,
    fields: Vec<(String, String)>,
    multipart: bool,
}

impl Function {
    fn describe(&self) -> String {
        let names: Vec<&str> = self.fields.iter().map(|(n, _)| n.as_str()).collect();
        format!("(fields: {})", names.join(", "))
    }
}

/// What one generated request does to a function's known fields.
#[derive(Clone, Debug)]
enum Edit {
    Keep,
    Drop,
    Set(String),
}

#[derive(Clone, Debug)]
struct Case {
    caller: Caller,
    /// Applied to the known fields in turn (cycled when there are more fields than edits).
    edits: Vec<Edit>,
    /// Fields nobody asked for.
    extra: Vec<(String, String)>,
    /// Instead of any form: bytes as they come.
    raw: Option<Vec<u8>>,
}

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("-1".to_owned()),
        Just("0".to_owned()),
        Just(i64::MAX.to_string()),
        Just(i64::MIN.to_string()),
        Just("340282366920938463463374607431768211456".to_owned()),
        Just("1e308".to_owned()),
        Just("NaN".to_owned()),
        Just("true".to_owned()),
        Just("[1,2]".to_owned()),
        Just("{\"a\":1}".to_owned()),
        Just("ß漢字👍\u{202e}عربي".to_owned()),
        "[\\x00-\\x1f\\x7f]{1,8}",
        "\\PC{0,40}",
        (1_usize..70_000).prop_map(|n| "x".repeat(n)),
    ]
}

fn field_name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z_]{1,12}",
        Just("form[__extra]".to_owned()),
        Just("form[]".to_owned()),
        Just("[]".to_owned()),
        Just("a[b][c][d][e][f][g]".to_owned()),
        Just("id[]".to_owned()),
    ]
}

fn case(known_fields: usize) -> impl Strategy<Value = Case> {
    let edit = prop_oneof![
        4 => Just(Edit::Keep),
        1 => Just(Edit::Drop),
        3 => value().prop_map(Edit::Set),
    ];
    (
        prop_oneof![
            Just(Caller::Visitor),
            Just(Caller::Reseller),
            Just(Caller::Staff)
        ],
        proptest::collection::vec(edit, known_fields.clamp(1, 8)),
        proptest::collection::vec((field_name(), value()), 0..3),
        proptest::option::weighted(0.1, proptest::collection::vec(any::<u8>(), 0..200)),
    )
        .prop_map(|(caller, edits, extra, raw)| Case {
            caller,
            edits,
            extra,
            raw,
        })
}

impl World {
    async fn new() -> World {
        let app = TestApp::sqlite().await;
        kontor::demo_data::seed(app.db(), Some(app.simulator()))
            .await
            .expect("demo data");
        let staff = app
            .create_admin("admin@kontor.example", "Verwaltung#2026")
            .await;
        let reseller = app::auth::server::users::find_by_email(
            app.db().pool(),
            &kontor_domain::EmailAddress::parse(kontor::demo_data::RESELLER_EMAIL).unwrap(),
        )
        .await
        .expect("select")
        .expect("the demo reseller")
        .id;
        let fingerprint_query = fingerprint_query(&app).await;
        World {
            app,
            reseller,
            staff,
            fingerprint_query,
        }
    }

    async fn cookie(&self, caller: Caller) -> Option<String> {
        let user = match caller {
            Caller::Visitor => return None,
            Caller::Reseller => self.reseller,
            Caller::Staff => self.staff,
        };
        Some(self.app.session_cookie(user).await)
    }

    /// Every server function with the fields its pages' forms send and those it asks for.
    async fn functions(&self) -> Vec<Function> {
        let forms = self.forms_on_pages().await;
        let mut paths: Vec<&'static str> = leptos::server_fn::axum::server_fn_paths()
            .map(|(path, _)| path)
            .collect();
        paths.sort();
        paths.dedup();
        let mut functions = Vec::new();
        for path in paths {
            let form = forms.get(path);
            let mut fields = form.map(|f| f.fields.clone()).unwrap_or_default();
            for required in self.required_fields(path, &fields).await {
                if !fields.iter().any(|(name, _)| *name == required.0) {
                    fields.push(required);
                }
            }
            functions.push(Function {
                path,
                fields,
                multipart: form.is_some_and(|f| f.multipart),
            });
        }
        functions
    }

    /// The forms the app's pages render (every route, as each caller), by the server function
    /// they post to.
    async fn forms_on_pages(&self) -> BTreeMap<String, Form> {
        let mut forms = BTreeMap::new();
        let routes = leptos_axum::generate_route_list(app::App);
        for caller in [Caller::Visitor, Caller::Reseller, Caller::Staff] {
            let cookie = self.cookie(caller).await;
            for route in &routes {
                let path = with_sample_parameters(route.path());
                let mut headers = vec![];
                if let Some(cookie) = &cookie {
                    headers.push(("cookie", cookie.as_str()));
                }
                let page = self.app.get_with(&path, &headers).await;
                for form in forms_in(&page.body) {
                    forms
                        .entry(form.action.clone())
                        .and_modify(|known: &mut Form| known.merge(&form))
                        .or_insert(form);
                }
            }
        }
        forms
    }

    /// The arguments a function cannot do without, each with a value that parses: sent
    /// without one, it names it ("missing field `x`"); sent one of the wrong kind, it says so.
    async fn required_fields(
        &self,
        path: &str,
        known: &[(String, String)],
    ) -> Vec<(String, String)> {
        let mut found: Vec<(String, String)> = Vec::new();
        for _ in 0..40 {
            let fields: Vec<_> = known.iter().chain(&found).cloned().collect();
            let answer = self
                .app
                .post_form_with(path, form_body(&fields), &support::as_script(None))
                .await;
            if answer.status != 400 || !answer.body.contains("deserializing") {
                break;
            }
            if let Some(missing) = quoted_after(&answer.body, "missing field `") {
                found.push((missing.to_owned(), "1".to_owned()));
                continue;
            }
            // The field added last is the one that did not parse.
            let Some((name, value)) = found.last_mut() else {
                break;
            };
            if let Some(variant) = quoted_after(&answer.body, "expected `")
                .or_else(|| quoted_after(&answer.body, "expected one of `"))
            {
                *value = variant.to_owned();
            } else if answer.body.contains("could not convert Flat") {
                // A struct: any key inside makes it one; its own fields come from its form.
                name.push_str("[_]");
            } else if value == "1" {
                *value = "true".to_owned();
            } else {
                break;
            }
        }
        found
    }

    /// One generated request, and what must hold of its answer.
    async fn check(&self, function: &Function, case: &Case) -> Result<(), TestCaseError> {
        let cookie = self.cookie(case.caller).await;
        let (content_type, body) = match &case.raw {
            Some(bytes) => (
                "application/x-www-form-urlencoded".to_owned(),
                bytes.clone(),
            ),
            None => {
                let fields = edited(&function.fields, case);
                if function.multipart {
                    multipart(&fields)
                } else {
                    (
                        "application/x-www-form-urlencoded".to_owned(),
                        form_body(&fields).into_bytes(),
                    )
                }
            }
        };
        let before = self.fingerprint().await;
        let panics = PANICS.load(Ordering::SeqCst);
        let mut request = Request::post(function.path)
            .header("content-type", content_type)
            .header("content-length", body.len())
            .header("accept", "application/json")
            .header("sec-fetch-site", "same-origin");
        if let Some(cookie) = &cookie {
            request = request.header("cookie", cookie);
        }
        let answer = self
            .app
            .send(request.body(Body::from(body)).expect("a request"))
            .await;
        let shown: String = answer.body.chars().take(300).collect();
        prop_assert!(
            !answer.status.is_server_error(),
            "answered {} as {:?}: {shown}",
            answer.status,
            case.caller
        );
        prop_assert_eq!(
            PANICS.load(Ordering::SeqCst),
            panics,
            "a panic while answering as {:?}",
            case.caller
        );
        if answer.status.is_client_error() {
            let after = self.fingerprint().await;
            let changed: Vec<&String> = after
                .iter()
                .filter(|(table, rows)| before.get(*table) != Some(*rows))
                .map(|(table, _)| table)
                .collect();
            prop_assert!(
                changed.is_empty(),
                "refused with {} ({shown}) as {:?}, yet wrote to {changed:?}",
                answer.status,
                case.caller
            );
        }
        Ok(())
    }
}

/// A form a page renders: the server function it posts to and its fields with their values.
#[derive(Clone, Debug)]
struct Form {
    action: String,
    fields: Vec<(String, String)>,
    multipart: bool,
}

impl Form {
    fn merge(&mut self, other: &Form) {
        for field in &other.fields {
            if !self.fields.iter().any(|(name, _)| *name == field.0) {
                self.fields.push(field.clone());
            }
        }
        self.multipart |= other.multipart;
    }
}

/// The forms in a rendered page that post to a server function (`action="/api/…"`).
fn forms_in(html: &str) -> Vec<Form> {
    let mut forms = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<form") {
        let form = &rest[start..];
        let end = form.find("</form>").unwrap_or(form.len());
        let (inside, tag_end) = (&form[..end], form.find('>').unwrap_or(0));
        let tag = &form[..tag_end];
        if let Some(action) = attribute(tag, "action").filter(|a| a.starts_with("/api/")) {
            let mut fields = Vec::new();
            let mut controls = inside;
            while let Some(at) = controls.find(" name=\"") {
                let control_start = controls[..at].rfind('<').unwrap_or(0);
                let control_end = controls[at..].find('>').map_or(controls.len(), |e| at + e);
                let control = &controls[control_start..control_end];
                if let Some(name) = attribute(control, "name") {
                    let value = attribute(control, "value").unwrap_or_else(|| "1".to_owned());
                    if !fields.iter().any(|(n, _): &(String, String)| *n == name) {
                        fields.push((name, value));
                    }
                }
                controls = &controls[control_end.max(at + 1)..];
            }
            forms.push(Form {
                action,
                fields,
                multipart: tag.contains("multipart/form-data"),
            });
        }
        rest = &form[end.max(1)..];
    }
    forms
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = tag[start..].find('"')? + start;
    Some(
        tag[start..end]
            .replace("&amp;", "&")
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&#x27;", "'")
            .replace("&#39;", "'"),
    )
}

/// A route's path with a plausible value for each parameter (the demo's first records).
fn with_sample_parameters(path: &str) -> String {
    path.split('/')
        .map(|segment| {
            if segment.starts_with(':') || segment.starts_with('{') {
                "1"
            } else {
                segment
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn quoted_after<'a>(text: &'a str, after: &str) -> Option<&'a str> {
    let start = text.find(after)? + after.len();
    let end = text[start..].find('`')? + start;
    Some(&text[start..end])
}

fn edited(fields: &[(String, String)], case: &Case) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, (name, value)) in fields.iter().enumerate() {
        match &case.edits[i % case.edits.len()] {
            Edit::Keep => out.push((name.clone(), value.clone())),
            Edit::Drop => {}
            Edit::Set(new) => out.push((name.clone(), new.clone())),
        }
    }
    out.extend(case.extra.iter().cloned());
    out
}

fn form_body(fields: &[(String, String)]) -> String {
    fields
        .iter()
        .map(|(name, value)| format!("{}={}", urlencode(name), urlencode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The fields as a browser uploads them; each value also as a file's content.
fn multipart(fields: &[(String, String)]) -> (String, Vec<u8>) {
    const BOUNDARY: &str = "----KontorFuzzBoundary";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"; \
                 filename=\"upload.csv\"\r\nContent-Type: text/csv\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={BOUNDARY}"), body)
}

impl World {
    /// Every table's rows, as text: two equal fingerprints mean nothing was written.
    async fn fingerprint(&self) -> BTreeMap<String, String> {
        let rows: Vec<(String, Option<String>)> = sqlx::query_as(&self.fingerprint_query)
            .fetch_all(self.app.db().pool())
            .await
            .expect("the rows");
        rows.into_iter()
            .map(|(table, text)| (table, text.unwrap_or_default()))
            .collect()
    }
}

/// The query behind `World::fingerprint`: each table's name and its rows as one text.
/// Sessions are left out: the request's own is touched as it is used; so are the hits of
/// rate limits, which count attempts whether they succeed or not.
async fn fingerprint_query(app: &TestApp) -> String {
    let pool = app.db().pool();
    let tables: Vec<(String,)> = sqlx::query_as(
        "SELECT name FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%' \
         AND name NOT IN ('sessions', 'limit_hits') ORDER BY name",
    )
    .fetch_all(pool)
    .await
    .expect("the tables");
    let mut selects = Vec::new();
    for (table,) in tables {
        let columns: Vec<(String,)> =
            sqlx::query_as("SELECT name FROM pragma_table_info($1) ORDER BY cid")
                .bind(&table)
                .fetch_all(pool)
                .await
                .expect("the columns");
        let row = columns
            .iter()
            .map(|(c,)| format!("quote(\"{c}\")"))
            .collect::<Vec<_>>()
            .join(" || '|' || ");
        selects.push(format!(
            "SELECT '{table}', (SELECT group_concat({row}, char(10)) \
             FROM (SELECT * FROM \"{table}\" ORDER BY 1))"
        ));
    }
    selects.join(" UNION ALL ")
}
