/**
 * The page: choose files and the 核查基准日, see the parameters in force (each can be changed),
 * then the summary, charts, the 问题清单 with filters, and the downloads. Core and io run in a
 * Web Worker (inlined in this one file); the page makes no network request.
 */
import "./style.css";
import { drawCharts } from "./charts.js";
import { fromDrop, fromInput, type Picked } from "./files.js";
import { categoryWord, WORDS } from "./i18n.js";
import {
  type AuditResult,
  type Category,
  type DownloadKind,
  type FindingRow,
  type Lang,
  type ParameterInfo,
  pageEnd,
  type RuleInfo,
} from "./protocol.js";
import { FindingsList } from "./table.js";
import AuditWorker from "./worker.ts?worker&inline";

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** Today in Asia/Shanghai, `YYYY-MM-DD`: the default 核查基准日. */
function todayInShanghai(): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
}

const state = {
  lang: (new URLSearchParams(location.search).get("lang") === "en" ? "en" : "zh") as Lang,
  asOf: todayInShanghai(),
  rules: new Map<string, RuleInfo>(),
  parameters: [] as ParameterInfo[],
  overrides: {} as Record<string, unknown>,
  result: undefined as AuditResult | undefined,
  input: "",
  started: 0,
  downloads: 0,
};

const { send, receive } = pageEnd(new AuditWorker());
const list = new FindingsList($("list"));

// ---------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------

function applyWords(): void {
  const w = WORDS[state.lang];
  document.documentElement.lang = state.lang === "zh" ? "zh-CN" : "en";
  document.title = w.title;
  for (const node of document.querySelectorAll<HTMLElement>("[data-w]")) {
    const value = w[node.dataset.w as keyof typeof w];
    if (typeof value === "string") node.textContent = value;
  }
  for (const node of document.querySelectorAll<HTMLInputElement>("[data-w-placeholder]")) {
    const value = w[node.dataset.wPlaceholder as keyof typeof w];
    if (typeof value === "string") node.placeholder = value;
  }
  $("lang").textContent = w.switchTo;
  renderParameters();
  if (state.result) renderResult();
}

// ---------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------

function renderParameters(): void {
  const w = WORDS[state.lang];
  const head = $("params-head");
  head.replaceChildren(
    ...w.paramHeader.map((h) => {
      const th = document.createElement("th");
      th.textContent = h;
      return th;
    }),
  );
  const body = $("params-body");
  body.replaceChildren(
    ...state.parameters.map((p) => {
      const tr = document.createElement("tr");
      const overridden = Object.hasOwn(state.overrides, p.name);
      const name = document.createElement("td");
      name.textContent = p.title[state.lang];
      if (p.interpretation) {
        const tag = document.createElement("span");
        tag.className = "tag interp";
        tag.textContent = w.interpretation;
        name.append(tag);
      }
      const valueCell = document.createElement("td");
      const current = overridden ? state.overrides[p.name] : p.value;
      let input: HTMLInputElement | HTMLSelectElement;
      if (p.options) {
        input = document.createElement("select");
        for (const o of p.options) {
          const option = document.createElement("option");
          option.value = o.value;
          option.textContent = o.label[state.lang];
          input.append(option);
        }
      } else {
        input = document.createElement("input");
        input.type = p.kind === "date" ? "date" : "number";
        if (p.kind === "count") input.min = "0";
      }
      input.value = String(current);
      input.dataset.param = p.name;
      input.addEventListener("change", () => {
        const raw = input.value;
        const value = p.kind === "count" ? Number(raw) : raw;
        if (raw === "" || value === p.value) delete state.overrides[p.name];
        else state.overrides[p.name] = value;
        renderParameters();
        reaudit();
      });
      valueCell.append(input);
      if (overridden) {
        const reset = document.createElement("button");
        reset.type = "button";
        reset.className = "link";
        reset.textContent = `${w.overridden} · ${w.reset}`;
        reset.addEventListener("click", () => {
          delete state.overrides[p.name];
          renderParameters();
          reaudit();
        });
        valueCell.append(reset);
      }
      const clause = document.createElement("td");
      clause.textContent = p.clause;
      const note = document.createElement("td");
      note.textContent = p.note?.[state.lang] ?? "";
      tr.className = overridden ? "overridden" : "";
      tr.append(name, valueCell, clause, note);
      return tr;
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Input and progress
// ---------------------------------------------------------------------------------------------

function showProgress(fraction: number | undefined, text: string): void {
  const bar = $<HTMLProgressElement>("progress-bar");
  $("progress").hidden = false;
  if (fraction === undefined) bar.removeAttribute("value");
  else bar.value = fraction;
  $("progress-text").textContent = text;
}

function showError(message: string): void {
  $("progress").hidden = true;
  const box = $("error");
  box.hidden = false;
  box.textContent = `${WORDS[state.lang].error}：${message}`;
}

async function load(picked: Picked): Promise<void> {
  if (picked.files.length === 0) return;
  $("error").hidden = true;
  state.input = picked.input;
  state.started = performance.now();
  const w = WORDS[state.lang];
  const total = picked.files.reduce((n, f) => n + f.file.size, 0);
  let done = 0;
  const files: { name: string; bytes: ArrayBuffer }[] = [];
  for (const [i, f] of picked.files.entries()) {
    showProgress(total ? (0.3 * done) / total : 0, w.progressFiles(i, picked.files.length));
    const bytes = await f.file.arrayBuffer();
    done += f.file.size;
    files.push({ name: f.name, bytes });
  }
  showProgress(0.3, w.progressFiles(picked.files.length, picked.files.length));
  send(
    {
      type: "load",
      files,
      input: picked.input,
      asOf: state.asOf,
      overrides: { ...state.overrides },
    },
    files.map((f) => f.bytes),
  );
}

function reaudit(): void {
  if (!state.result) return;
  state.started = performance.now();
  send({ type: "audit", asOf: state.asOf, overrides: { ...state.overrides } });
}

// ---------------------------------------------------------------------------------------------
// Result
// ---------------------------------------------------------------------------------------------

const CATEGORIES: readonly Category[] = ["error", "warning", "info", "data"];

function pct(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : "–";
}

function renderResult(): void {
  const r = state.result!;
  const w = WORDS[state.lang];
  const s = r.summary;
  $("result").hidden = false;
  $("as-of-text").textContent = w.asOfText(r.asOf);
  const cards = $("cards");
  const card = (value: string | number, label: string, cls: string) => {
    const d = document.createElement("div");
    d.className = `card ${cls}`;
    const b = document.createElement("b");
    b.textContent = String(value);
    const span = document.createElement("span");
    span.textContent = label;
    d.append(b, span);
    d.dataset.count = cls;
    return d;
  };
  cards.replaceChildren(
    card(s.total, w.total, "total"),
    ...CATEGORIES.map((k) => card(s.totals[k], categoryWord(k, state.lang), k)),
  );
  const c = s.coverage;
  $("coverage").replaceChildren(
    ...[
      [w.poorVillages, String(c.poorVillages)],
      [w.withUnit, `${c.withUnit} · ${pct(c.withUnit, c.poorVillages)}`],
      [w.withCadre, `${c.withCadre} · ${pct(c.withCadre, c.poorVillages)}`],
      [w.households, String(c.households)],
      [w.withHelper, `${c.withHelper} · ${pct(c.withHelper, c.households)}`],
    ].map(([label, value]) => {
      const d = document.createElement("div");
      const b = document.createElement("b");
      b.className = "coverage-value";
      b.textContent = value!;
      const span = document.createElement("span");
      span.className = "coverage-label";
      span.textContent = label!;
      d.append(b, span);
      return d;
    }),
  );
  drawCharts(s, state.lang);
  renderFilters();
  applyFilters();
}

function options(select: HTMLSelectElement, values: [string, string][], keep = true): void {
  const before = select.value;
  const all = document.createElement("option");
  all.value = "";
  all.textContent = WORDS[state.lang].all;
  select.replaceChildren(
    all,
    ...values.map(([value, label]) => {
      const o = document.createElement("option");
      o.value = value;
      o.textContent = label;
      return o;
    }),
  );
  select.value = keep && values.some(([v]) => v === before) ? before : "";
}

const uniq = (rows: FindingRow[], key: "city" | "county" | "township") =>
  [...new Set(rows.map((r) => r[key]).filter(Boolean))]
    .sort((a, b) => a.localeCompare(b, "zh-CN"))
    .map((v): [string, string] => [v, v]);

function renderFilters(): void {
  const r = state.result!;
  const findings = r.findings;
  options(
    $<HTMLSelectElement>("f-category"),
    CATEGORIES.filter((k) => r.summary.totals[k] > 0).map((k) => [k, categoryWord(k, state.lang)]),
  );
  options(
    $<HTMLSelectElement>("f-rule"),
    r.summary.byRule.map((x) => [
      x.ruleId,
      `${x.clause ? `${x.clause} ` : ""}${x.title[state.lang]}（${x.total}）`,
    ]),
  );
  options($<HTMLSelectElement>("f-city"), uniq(findings, "city"));
  cascade();
}

/** County choices follow the city chosen, township choices the county. */
function cascade(): void {
  const findings = state.result!.findings;
  const city = $<HTMLSelectElement>("f-city").value;
  const inCity = city ? findings.filter((f) => f.city === city) : findings;
  options($<HTMLSelectElement>("f-county"), uniq(inCity, "county"));
  const county = $<HTMLSelectElement>("f-county").value;
  const inCounty = county ? inCity.filter((f) => f.county === county) : inCity;
  options($<HTMLSelectElement>("f-township"), uniq(inCounty, "township"));
}

function applyFilters(): void {
  const r = state.result;
  if (!r) return;
  const v = (id: string) => $<HTMLSelectElement>(id).value;
  const category = v("f-category");
  const rule = v("f-rule");
  const city = v("f-city");
  const county = v("f-county");
  const township = v("f-township");
  const search = $<HTMLInputElement>("f-search").value.trim().toLowerCase();
  const rows = r.findings.filter(
    (f) =>
      (!category || f.category === category) &&
      (!rule || f.ruleId === rule) &&
      (!city || f.city === city) &&
      (!county || f.county === county) &&
      (!township || f.township === township) &&
      (!search || f.search.includes(search)),
  );
  $("shown").textContent = WORDS[state.lang].shown(rows.length, r.findings.length);
  $("shown").dataset.shown = String(rows.length);
  $("none").hidden = r.findings.length > 0;
  list.show(rows, state.rules, state.lang);
}

// ---------------------------------------------------------------------------------------------
// Downloads
// ---------------------------------------------------------------------------------------------

function save(name: string, mime: string, bytes: ArrayBuffer): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

for (const button of document.querySelectorAll<HTMLButtonElement>("[data-download]")) {
  button.addEventListener("click", () => {
    send({
      type: "download",
      kind: button.dataset.download as DownloadKind,
      lang: state.lang,
      mask: $<HTMLInputElement>("mask").checked,
      id: ++state.downloads,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Worker messages and events
// ---------------------------------------------------------------------------------------------

receive((m) => {
  const w = WORDS[state.lang];
  switch (m.type) {
    case "meta":
      state.rules = new Map(m.rules.map((r) => [r.id, r]));
      $("version").textContent = `shuangbao ${m.version}`;
      send({ type: "parameters", asOf: state.asOf });
      break;
    case "parameters":
      if (m.asOf !== state.asOf) break;
      state.parameters = m.parameters;
      renderParameters();
      break;
    case "progress":
      if (m.phase === "rows")
        showProgress(0.35 + 0.45 * Math.min(1, m.rows / 2e6), w.progressRows(m.rows));
      else if (m.phase === "audit") showProgress(0.85, w.progressAudit);
      break;
    case "result":
      state.result = m.result;
      showProgress(1, w.loaded(state.input, m.result.rows, performance.now() - state.started));
      document.body.dataset.state = "done";
      renderResult();
      break;
    case "error":
      document.body.dataset.state = "error";
      showError(m.message);
      break;
    case "file":
      save(m.name, m.mime, m.bytes);
      break;
  }
});

$("lang").addEventListener("click", () => {
  state.lang = state.lang === "zh" ? "en" : "zh";
  applyWords();
});

const asOfInput = $<HTMLInputElement>("as-of");
asOfInput.value = state.asOf;
asOfInput.addEventListener("change", () => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOfInput.value)) return;
  state.asOf = asOfInput.value;
  send({ type: "parameters", asOf: state.asOf });
  reaudit();
});

for (const id of ["pick-folder", "pick-files"]) {
  const input = $<HTMLInputElement>(id);
  input.addEventListener("change", () => {
    if (input.files?.length) void load(fromInput(input.files));
    input.value = "";
  });
}

const zone = $("drop");
zone.addEventListener("dragover", (e) => {
  e.preventDefault();
  zone.classList.add("over");
});
zone.addEventListener("dragleave", () => zone.classList.remove("over"));
zone.addEventListener("drop", (e) => {
  e.preventDefault();
  zone.classList.remove("over");
  if (e.dataTransfer) void fromDrop(e.dataTransfer).then(load);
});

for (const id of ["f-category", "f-rule", "f-city", "f-county", "f-township"]) {
  $(id).addEventListener("change", () => {
    if (id === "f-city" || id === "f-county") cascade();
    applyFilters();
  });
}
let searchTimer = 0;
$("f-search").addEventListener("input", () => {
  clearTimeout(searchTimer);
  searchTimer = window.setTimeout(applyFilters, 150);
});

applyWords();
