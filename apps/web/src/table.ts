/**
 * The 问题清单 on the page: a virtualised list (@tanstack/virtual-core: only the rows in view are
 * in the DOM, so a city's hundred thousand findings scroll as fast as ten). Each row shows the
 * finding's kind, clause, rule, place, message, the policy's sentence and where its row came from.
 */
import {
  elementScroll,
  observeElementOffset,
  observeElementRect,
  Virtualizer,
} from "@tanstack/virtual-core";
import { categoryWord, WORDS } from "./i18n.js";
import type { FindingRow, Lang, RuleInfo } from "./protocol.js";

const ROW_HEIGHT = 96;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export class FindingsList {
  private rows: FindingRow[] = [];
  private lang: Lang = "zh";
  private rules = new Map<string, RuleInfo>();
  private readonly virtualizer: Virtualizer<HTMLElement, HTMLElement>;
  private readonly inner: HTMLElement;

  constructor(viewport: HTMLElement) {
    this.inner = el("div", "list-inner");
    viewport.append(this.inner);
    this.virtualizer = new Virtualizer<HTMLElement, HTMLElement>({
      count: 0,
      getScrollElement: () => viewport,
      estimateSize: () => ROW_HEIGHT,
      overscan: 6,
      scrollToFn: elementScroll,
      observeElementRect,
      observeElementOffset,
      onChange: () => this.render(),
    });
    this.virtualizer._didMount();
    this.virtualizer._willUpdate();
  }

  show(rows: FindingRow[], rules: Map<string, RuleInfo>, lang: Lang): void {
    this.rows = rows;
    this.rules = rules;
    this.lang = lang;
    this.virtualizer.setOptions({ ...this.virtualizer.options, count: rows.length });
    this.virtualizer.scrollToOffset(0);
    this.virtualizer._willUpdate();
    this.render();
  }

  private render(): void {
    const w = WORDS[this.lang];
    this.inner.style.height = `${this.virtualizer.getTotalSize()}px`;
    const items = this.virtualizer.getVirtualItems();
    const nodes: HTMLElement[] = [];
    for (const item of items) {
      const f = this.rows[item.index];
      if (!f) continue;
      const rule = this.rules.get(f.ruleId);
      const row = el("div", `finding ${f.category}`);
      row.style.transform = `translateY(${item.start}px)`;
      row.style.height = `${ROW_HEIGHT}px`;
      row.dataset.rule = f.ruleId;

      const head = el("div", "f-head");
      head.append(
        el("span", `badge ${f.category}`, categoryWord(f.category, this.lang)),
        el("span", "f-clause", f.clause ? `${w.clause} ${f.clause}` : ""),
        el("span", "f-title", rule?.title[this.lang] ?? f.ruleId),
        el("span", "f-id", f.ruleId),
      );
      const place = [f.county, f.township, f.village].filter(Boolean).join(" ");
      head.append(el("span", "f-place", place || (f.city ? f.city : "")));

      const message = el("div", "f-message", f.message[this.lang]);
      message.title = f.message[this.lang];

      const foot = el("div", "f-foot");
      const quote = rule?.quote ? `${w.quote}：“${rule.quote}”` : "";
      const q = el("span", "f-quote", quote);
      q.title = quote;
      const source = [f.file, f.sheet, f.line !== undefined ? w.line(f.line) : ""]
        .filter(Boolean)
        .join(" · ");
      foot.append(q, el("span", "f-source", source ? `${w.source}：${source}` : ""));
      row.append(head, message, foot);
      nodes.push(row);
    }
    this.inner.replaceChildren(...nodes);
  }
}
