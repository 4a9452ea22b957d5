//! Renders the widget's first render as HTML with Yew's server-side rendering, for the page to
//! carry before any script runs. The embed module then renders the widget anew beside it, off the
//! page, and puts it in its place in one step, with what was typed into the pre-rendered fields
//! (see `takeOver` in static/embed/mount.js). Not Yew's hydration: the same result for the admin, and
//! its `hydration` feature would add 17 kB gzip to the widget's wasm (docs/performance.md).
//!
//!   cargo run -p scim-token-prerender -- static/prerendered           writes the files
//!   cargo run -p scim-token-prerender -- static/prerendered --check   fails if they are stale
//!
//! Three renders: the standalone page's (the options index.html gives its element; the single
//! file, which offers all the page does, carries the same), in English and Norwegian, and
//! hosts' (an element with no attributes, in English; scripts/postbuild.py ships
//! it as dist/embed/scim-token-widget.prerendered.html). The files are committed
//! so that the build runs no compiler; the test command checks that they are up to date.

use std::path::Path;
use std::process::ExitCode;

use scim_token_widget::i18n::Lang;
use scim_token_widget::ui::{ScimTokenWidget, WidgetProps};

/// Renders `props` as the page's first widget (`stw0-…` ids), or, `second`, as its second
/// (`stw1-…`): the Norwegian render sits beside the English one in the same shadow root, where
/// an id must be unique for its labels to name their own fields.
fn render(props: WidgetProps, second: bool) -> String {
    scim_token_widget::ui::number_ids_from(usize::from(second));
    futures::executor::block_on(
        yew::LocalServerRenderer::<ScimTokenWidget>::with_props(props)
            .hydratable(false)
            .render(),
    ) + "\n"
}

/// index.html: `<scim-token-widget language-switch setup-guide heading-level="1">`, in each
/// language: the page shows the one the browser prefers (a script in its head chooses before
/// the body is parsed; scripts/postbuild.py), and the widget, speaking the same, takes over.
/// The single file carries the same: it offers all the page does.
fn page(lang: Lang) -> WidgetProps {
    yew::props!(WidgetProps {
        show_language_switch: true,
        show_guide: true,
        heading_level: 1u8,
        lang,
    })
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: scim-token-prerender DIR [--check]");
        return ExitCode::from(2);
    };
    let check = args.next().as_deref() == Some("--check");
    let dir = Path::new(&dir);
    let mut stale = false;
    for (name, html) in [
        ("page.html", render(page(Lang::En), false)),
        ("page.nb.html", render(page(Lang::Nb), true)),
        (
            "host.html",
            render(yew::props!(WidgetProps { lang: Lang::En }), false),
        ),
    ] {
        let path = dir.join(name);
        if check {
            if std::fs::read_to_string(&path).ok().as_deref() != Some(html.as_str()) {
                eprintln!(
                    "{} is stale: run cargo run -p scim-token-prerender -- {}",
                    path.display(),
                    dir.display()
                );
                stale = true;
            }
        } else {
            std::fs::create_dir_all(dir).expect("the folder can be made");
            std::fs::write(&path, html).expect("the file can be written");
        }
    }
    if stale {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
