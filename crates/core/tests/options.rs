//! The one list of options (`scim_token_core::options`) against what hosts read: the embed
//! module's attribute table (generated: `UPDATE_GENERATED=1` writes it), the module's types and
//! the element's reference (checked).

use std::path::PathBuf;

use scim_token_core::options::{embed_module_table, WidgetOption};

fn repo_file(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

fn read(path: &str) -> String {
    std::fs::read_to_string(repo_file(path)).unwrap_or_else(|error| panic!("{path}: {error}"))
}

#[test]
fn the_embed_modules_attribute_table_is_made_from_the_list() {
    let path = "static/embed/options.js";
    let expected = embed_module_table();
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(repo_file(path), &expected).expect("write static/embed/options.js");
    }
    assert!(
        read(path) == expected,
        "{path} is not what crates/core/src/options.rs makes: run \
         `UPDATE_GENERATED=1 cargo test -p scim-token-core --test options` and commit it"
    );
}

/// The members of `interface WidgetOptions` in the d.ts: (name, type, the doc comment above).
fn declared_options(dts: &str) -> Vec<(String, String, String)> {
    let start = dts
        .find("export interface WidgetOptions {")
        .expect("the d.ts declares WidgetOptions");
    let body = &dts[start..];
    let body = &body[..body.find("\n}\n").expect("WidgetOptions ends")];
    let mut members = Vec::new();
    let mut comment = String::new();
    for line in body.lines().skip(1) {
        let line = line.trim();
        if line.starts_with("/**") || line.starts_with('*') {
            comment.push_str(line);
            comment.push('\n');
        } else if let Some((name, rest)) = line.split_once("?: ") {
            let kind = rest.strip_suffix(';').unwrap_or(rest);
            members.push((
                name.to_owned(),
                kind.to_owned(),
                std::mem::take(&mut comment),
            ));
        } else {
            comment.clear();
        }
    }
    members
}

#[test]
fn the_types_declare_each_option_with_its_type_and_attribute() {
    let dts = read("static/scim-token-widget.d.ts");
    let declared: Vec<_> = declared_options(&dts)
        .into_iter()
        .filter(|(name, ..)| name != "onEvent")
        .collect();
    for option in WidgetOption::ALL {
        let Some((_, kind, comment)) = declared.iter().find(|(name, ..)| name == option.option())
        else {
            panic!(
                "scim-token-widget.d.ts: WidgetOptions has no `{}`",
                option.option()
            );
        };
        assert_eq!(
            kind,
            option.option_type().typescript(),
            "scim-token-widget.d.ts: the type of `{}`",
            option.option()
        );
        assert!(
            comment.contains(&format!("`{}`", option.attribute())),
            "scim-token-widget.d.ts: the comment on `{}` names its attribute `{}`",
            option.option(),
            option.attribute()
        );
    }
    let listed: Vec<&str> = WidgetOption::ALL.iter().map(|o| o.option()).collect();
    for (name, ..) in &declared {
        assert!(
            listed.contains(&name.as_str()),
            "scim-token-widget.d.ts declares `{name}`, which crates/core/src/options.rs does not list"
        );
    }
}

#[test]
fn the_reference_lists_each_option_in_order() {
    let docs = read("docs/embedding.md");
    let rows: Vec<(String, String)> = docs
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            match cells.as_slice() {
                ["", attribute, option, _meaning, ""]
                    if attribute.starts_with('`') && option.starts_with('`') =>
                {
                    Some((
                        attribute.trim_matches('`').into(),
                        option.trim_matches('`').into(),
                    ))
                }
                _ => None,
            }
        })
        .collect();
    let expected: Vec<(String, String)> = WidgetOption::ALL
        .iter()
        .map(|o| (o.attribute().into(), o.option().into()))
        .collect();
    assert_eq!(
        rows, expected,
        "docs/embedding.md: the table of attributes and options"
    );
}
