//! The paste-and-check page: the text is checked in the browser as it is typed.

use nianbao::{check, Severity};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[function_component(App)]
fn app() -> Html {
    let text = use_state(String::new);
    let outcome = use_memo((*text).clone(), |t| check(t));
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            text.set(area.value());
        })
    };
    let errors = outcome.count(Severity::Error);
    let warnings = outcome.count(Severity::Warning);
    let infos = outcome.count(Severity::Info);
    html! {
        <main class="app">
            <h1>{"年报检查 nianbao"}</h1>
            <p class="privacy">{"报告文本只在本机浏览器中检查，不会上传。"}</p>
            <div class="panes">
                <label class="editor">
                    <span>{"粘贴年报全文"}</span>
                    <textarea id="report" spellcheck="false" {oninput} value={(*text).clone()} />
                </label>
                <section class="findings" aria-live="polite">
                    <p id="summary">{format!("错误 {errors}　警告 {warnings}　提示 {infos}")}</p>
                    <ol id="diagnostics">
                        { for outcome.diagnostics.iter().map(|d| {
                            let (line, col) = outcome.source.line_col(d.span.start);
                            html! {
                                <li class={classes!("finding", d.severity.key())} data-code={d.code}>
                                    <b>{d.code}</b>{" "}{&d.message}{format!("（第 {line} 行第 {col} 列）")}
                                </li>
                            }
                        }) }
                    </ol>
                </section>
            </div>
        </main>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
