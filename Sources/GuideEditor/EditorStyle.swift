/// The form's stylesheet, served as a file beside the script.
public enum EditorStyle {
    public static let source = """
    :root { --ink: #1d2330; --muted: #4f5868; --line: #c9ced8; --accent: #0b57a4; --error: #a4120b; --paper: #fff; --wash: #f3f5f8; }
    * { box-sizing: border-box; }
    /* Save stays in view at the foot of the window; fields scrolled to stay clear of it. */
    html { scroll-padding-bottom: 5rem; }
    body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--wash); }
    .editor { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; }
    h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
    .where { color: var(--muted); margin: 0 0 1.5rem; }
    a { color: var(--accent); }
    form { display: grid; gap: 1rem; }
    .field, fieldset.group { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; margin: 0; min-width: 0; }
    fieldset.group .field, li.row .field { border: 0; padding: .25rem 0; }
    legend { font-weight: 600; padding: 0 .25rem; }
    label { display: block; font-weight: 600; margin-bottom: .25rem; }
    .required { font-weight: 400; color: var(--muted); }
    .control { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
    input[type=text], input[type=url], input[type=date], select, textarea {
      font: inherit; color: inherit; padding: .4rem .5rem; border: 1px solid #7a8394; border-radius: 4px; background: #fff; flex: 1 1 12rem; min-width: 0; max-width: 100%; }
    input[inputmode=decimal], input[inputmode=numeric] { flex: 0 1 9rem; }
    textarea { width: 100%; font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; font-size: .9rem; }
    input:focus, select:focus, textarea:focus, button:focus { outline: 3px solid #7fb0e6; outline-offset: 1px; }
    [aria-invalid=true] { border-color: var(--error); border-width: 2px; }
    .unit { color: var(--muted); }
    .help { color: var(--muted); font-size: .9rem; margin: .25rem 0 0; }
    .error { color: var(--error); font-weight: 600; margin: .25rem 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0 1rem; }
    .checks { display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
    label.check { font-weight: 400; display: inline-flex; gap: .35rem; align-items: center; }
    .field.flag { display: grid; grid-template-columns: auto 1fr; gap: .25rem .5rem; align-items: center; }
    .field.flag label { margin: 0; }
    .field.flag .help, .field.flag .error { grid-column: 1 / -1; }
    ol.rows { list-style: none; margin: .25rem 0; padding: 0; display: grid; gap: .5rem; }
    li.row { border-left: 3px solid var(--line); padding-left: .75rem; }
    li.row[data-type=mapping] { display: grid; gap: .25rem; justify-items: start; }
    li.row[data-type=mapping] .grid { width: 100%; }
    button { font: inherit; padding: .35rem .75rem; border-radius: 4px; border: 1px solid #5b6474; background: #fff; color: var(--ink); cursor: pointer; }
    button.save { background: var(--accent); color: #fff; border-color: var(--accent); font-weight: 600; padding: .5rem 1.5rem; }
    .actions { display: flex; gap: 1rem; align-items: center; position: sticky; bottom: 0; background: var(--wash); padding: .75rem 0; }
    .summary { background: #fdecea; border: 2px solid var(--error); border-radius: 6px; padding: .5rem 1rem; overflow-wrap: anywhere; }
    .summary ul { margin: .25rem 0; padding-left: 1.25rem; }
    .preview { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 0 1rem 1rem; overflow-wrap: anywhere; }
    .preview h2 { font-size: 1rem; color: var(--muted); }
    code { overflow-wrap: anywhere; }
    """
}
