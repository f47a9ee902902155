//! The direction of imports between the app's top-level modules, read from the sources:
//! infrastructure (`platform`, `i18n`, `ui`, `error`, `cookies`) imports no
//! capability, nothing imports `routes` (the one module that knows every capability), and no
//! two capabilities import each other, directly or through others. Where a page shows what
//! a capability above it owns (a customer's tenant, the cart's checkout form), the routes
//! hand that part in.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const INFRASTRUCTURE: [&str; 5] = ["cookies", "error", "i18n", "platform", "ui"];
const COMPOSITION: &str = "routes";

type Graph = BTreeMap<String, BTreeSet<String>>;

#[test]
fn infrastructure_imports_no_capability() {
    let graph = import_graph();
    let wrong: Vec<String> = graph
        .iter()
        .filter(|(from, _)| is_infrastructure(from))
        .flat_map(|(from, to)| {
            to.iter()
                .filter(|to| !is_infrastructure(to))
                .map(move |to| format!("{from} -> {to}"))
        })
        .collect();
    assert!(wrong.is_empty(), "infrastructure imports: {wrong:#?}");
}

#[test]
fn only_the_crate_root_knows_the_routes() {
    let graph = import_graph();
    let wrong: Vec<&String> = graph
        .iter()
        .filter(|(_, to)| to.contains(COMPOSITION))
        .map(|(from, _)| from)
        .collect();
    assert!(wrong.is_empty(), "modules that import routes: {wrong:?}");
}

#[test]
fn no_capability_imports_one_that_imports_it_back() {
    let graph = import_graph();
    let on_circles: Vec<String> = graph
        .iter()
        .flat_map(|(from, to)| to.iter().map(move |to| (from, to)))
        .filter(|(from, to)| !is_infrastructure(from) && !is_infrastructure(to))
        .filter(|(from, to)| reaches(&graph, to, from))
        .map(|(from, to)| format!("{from} -> {to}"))
        .collect();
    assert!(
        on_circles.is_empty(),
        "imports on a circle: {on_circles:#?}"
    );
}

#[test]
fn the_reader_finds_imports_in_every_form() {
    let text = "use crate::orders::server as orders;\n\
                // crate::admin in a comment\n\
                use crate::{\n    cart::{CartLine, Totals},\n    i18n::Locale,\n};\n\
                let x = crate::tenants::server::find(db);\n";
    let found = imported_modules(text);
    let expected: BTreeSet<String> = ["orders", "cart", "i18n", "tenants"]
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(found, expected);
}

fn is_infrastructure(module: &str) -> bool {
    INFRASTRUCTURE.contains(&module)
}

fn reaches(graph: &Graph, from: &str, goal: &str) -> bool {
    let mut seen = BTreeSet::new();
    let mut stack = vec![from.to_owned()];
    while let Some(module) = stack.pop() {
        if module == goal {
            return true;
        }
        if seen.insert(module.clone()) {
            stack.extend(graph.get(&module).into_iter().flatten().cloned());
        }
    }
    false
}

/// Which top-level module each top-level module imports (`crate::x` anywhere outside
/// comments), read from `src/`.
fn import_graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph = Graph::new();
    let mut files = vec![src.clone()];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            let entries = std::fs::read_dir(&path).expect("a readable source folder");
            files.extend(entries.map(|entry| entry.expect("a folder entry").path()));
            continue;
        }
        if path.extension().is_none_or(|ext| ext != "rs") {
            continue;
        }
        let relative = path.strip_prefix(&src).expect("a file under src");
        let first = relative.components().next().expect("a path");
        let module = first
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_owned();
        if module == "lib" {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a readable source file");
        let imports = graph.entry(module.clone()).or_default();
        imports.extend(imported_modules(&text).into_iter().filter(|m| *m != module));
    }
    graph
}

fn imported_modules(text: &str) -> BTreeSet<String> {
    let code: String = text
        .lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = BTreeSet::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        match rest.strip_prefix('{') {
            // `crate::{a::X, b::{c, d}}`: the first segment of each item at the top level.
            Some(braced) => {
                let mut depth = 0;
                let mut item_starts = true;
                for (i, c) in braced.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => item_starts = true,
                        c if item_starts && !c.is_whitespace() => {
                            found.extend(identifier(&braced[i..]));
                            item_starts = false;
                        }
                        _ => {}
                    }
                }
            }
            None => found.extend(identifier(rest)),
        }
    }
    found
}

fn identifier(text: &str) -> Option<String> {
    let name: String = text
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    (!name.is_empty()).then_some(name)
}
