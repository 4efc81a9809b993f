/** The messages between the page and its Web Worker (core and io run in the worker). */
import type { ReportSummary, SourceStructure } from "@shuangbao/io/browser";

export type Lang = "zh" | "en";
export type Category = "error" | "warning" | "info" | "data";

export interface Bilingual {
  zh: string;
  en: string;
}

/** A rule or data check as the page shows it. */
export interface RuleInfo {
  id: string;
  clause: string | undefined;
  /** The sentence it encodes, verbatim from the policy (none for a data check). */
  quote: string | undefined;
  title: Bilingual;
  interpretation: Bilingual | undefined;
}

/** A policy parameter: its definition and the value in force on the 核查基准日. */
export interface ParameterInfo {
  name: string;
  title: Bilingual;
  kind: "count" | "date" | "education";
  clause: string;
  note: Bilingual | undefined;
  interpretation: boolean;
  /** The value in force on the date, before overrides. */
  value: string | number;
  /** The values to choose from (an education level), with their labels. */
  options?: { value: string; label: Bilingual }[];
}

/** One finding, placed and labelled, for the 问题清单 table. */
export interface FindingRow {
  category: Category;
  ruleId: string;
  clause: string;
  message: Bilingual;
  subject: Bilingual;
  city: string;
  county: string;
  township: string;
  village: string;
  unit: string;
  file: string;
  sheet: string;
  line: number | undefined;
  field: string;
  /** Lower-cased text searched by name or id. */
  search: string;
}

export interface AuditResult {
  asOf: string;
  summary: ReportSummary;
  findings: FindingRow[];
  structure: SourceStructure[];
  /** The parameters in force (overrides applied). */
  parameters: Record<string, string | number>;
  interpretations: string[];
  rows: number;
  timings: { read: number; load: number; audit: number };
}

export type DownloadKind =
  | "findings-xlsx"
  | "findings-csv"
  | "forms-xlsx"
  | "report-json"
  | "report-html";

/** Page → worker. */
export type Request =
  | { type: "parameters"; asOf: string }
  | {
      type: "load";
      files: { name: string; bytes: ArrayBuffer }[];
      input: string;
      asOf: string;
      overrides: Record<string, unknown>;
    }
  | { type: "audit"; asOf: string; overrides: Record<string, unknown> }
  | { type: "download"; kind: DownloadKind; lang: Lang; mask: boolean; id: number };

export type Phase = "files" | "rows" | "audit" | "done";

/** Worker → page. */
export type Response =
  | { type: "meta"; rules: RuleInfo[]; version: string }
  | { type: "parameters"; asOf: string; parameters: ParameterInfo[] }
  | {
      type: "progress";
      phase: Phase;
      rows: number;
      filesDone: number;
      filesTotal: number;
      bytesDone: number;
      bytesTotal: number;
    }
  | { type: "result"; result: AuditResult }
  | { type: "error"; message: string; usage: boolean }
  | { type: "file"; id: number; name: string; mime: string; bytes: ArrayBuffer };

/** What each end of the channel talks through: the page's `Worker`, the worker's own scope. */
interface Port {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => unknown) | null;
}

/** One end of the page–worker channel: what it sends, and what it receives. */
export interface Channel<Send, Receive> {
  /** Posts a message, moving `transfer` (files' bytes) rather than copying it. */
  send(message: Send, transfer?: Transferable[]): void;
  /** Handles every message the other end sends (one handler: a later one replaces it). */
  receive(handler: (message: Receive) => unknown): void;
}

function channel<Send, Receive>(port: Port): Channel<Send, Receive> {
  return {
    send: (message, transfer = []) => port.postMessage(message, transfer),
    receive: (handler) => {
      port.onmessage = (event: MessageEvent<Receive>) => handler(event.data);
    },
  };
}

/**
 * The page's end: it sends `Request`s and receives `Response`s.
 * @example const { send, receive } = pageEnd(new AuditWorker());
 */
export const pageEnd = (worker: Port): Channel<Request, Response> => channel(worker);

/**
 * The worker's end: it receives `Request`s and sends `Response`s.
 * @example const { send, receive } = workerEnd(self as unknown as Worker);
 */
export const workerEnd = (scope: Port): Channel<Response, Request> => channel(scope);
