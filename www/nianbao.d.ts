// Types of the nianbao JavaScript API (nianbao.js) and of the
// `nianbao-checked` event's detail. The JSON document is the same as the
// command line's `--format json`, with UTF-16 offsets added to each finding.

export type Severity = 'error' | 'warning' | 'info';
export type TableKey = 't2' | 't3' | 't4';

/** A table: row key → column key → value (null when it could not be read). */
export type Table = Record<string, Record<string, number | null>>;

export interface Report {
  title: string | null;
  organ: string | null;
  year: number | null;
  period: { from: string; to: string } | null;
  /** Which national format the report follows. */
  template: '2021' | '2019' | 'pre2019';
  contact: { address: string | null; postcode: string | null; phone: string | null; email: string | null };
  /** ISO date of the signature, when found. */
  signature_date: string | null;
  sections: { number: number; heading: string; line: number }[];
  /** A table that is absent is null. */
  tables: { t2: Table | null; t3: Table | null; t4: Table | null };
  /** For a PDF (checkPdf): its pages and their sizes in points. */
  source?: { kind: 'pdf'; pages: number; page_boxes: { width: number; height: number }[] };
}

export interface Diagnostic {
  /** Stable rule code, e.g. "A004". */
  code: string;
  severity: Severity;
  /** Plain Simplified Chinese. */
  message: string;
  /** The same message in English. */
  message_en: string;
  /** The catalogue key of the message, e.g. "A004.sum" (stable: render your own language from it). */
  key: string;
  /** The message's arguments: numbers; text quoted from the report (never translated);
   *  template references {table, row} or {label}; nested phrases {key, args}; lists {list, sep}. */
  args: MessageArg[];
  /** 1-based line and column (columns count characters). */
  line: number;
  column: number;
  /** Byte range in the UTF-8 text. */
  span: { start: number; end: number };
  /** The same range in UTF-16 code units (for textarea.setSelectionRange and friends). */
  utf16: { start: number; end: number };
  /** The table cell or row the finding is about. */
  cell?: { table: TableKey; row?: string; column?: string };
  /** Text to put in place of the span, when it can be computed ("" means delete). */
  fix?: string;
  /** For a PDF (checkPdf): the 1-based page and the box of the text, in PDF points, origin top-left. */
  page?: number;
  box?: { x: number; y: number; w: number; h: number };
}

export type MessageArg =
  | number
  | string
  | { table: TableKey; row?: string }
  | { label: string }
  | { key: string; args: MessageArg[] }
  | { list: MessageArg[]; sep: string };

export interface Result {
  report: Report;
  /** Present when nothing of an annual report was found (no title, body, year, section or table). */
  not_a_report?: true;
  diagnostics: Diagnostic[];
  summary: { errors: number; warnings: number; infos: number };
}

export interface Rule {
  code: string;
  name: string;
  severity: Severity;
  /** Chinese title and documentation (what it checks, why, how to fix). */
  title: string;
  doc: string;
  title_en: string;
  doc_en: string;
}

export interface InitOptions {
  /** Where the wasm is, if not beside nianbao.js (a URL, Response or bytes). */
  module_or_path?: string | URL | Response | BufferSource | WebAssembly.Module;
}

/** Loads the checker once; await it before check() and rules(). */
export default function init(options?: InitOptions): Promise<true>;

/** Checks one report. Throws TypeError for a non-string, Error if not initialised. */
export function check(text: string, options?: { previous?: string }): Result;

/** The result of checkPdf: `text` is the text read from the PDF, which spans, lines and columns refer to. */
export interface PdfResult extends Result {
  text: string;
}

/**
 * Checks a PDF (read in a Web Worker by a second wasm module, loaded on first use).
 * Rejects with an Error whose `code` is 'password' | 'scan' | 'unmappable' | 'too-large' | 'damaged' | 'unavailable' (the reader could not be fetched or does not match the build)
 * and whose `zh`/`en` hold the sentence to show.
 */
export function checkPdf(bytes: Uint8Array | ArrayBuffer, options?: { previous?: string }): Promise<PdfResult>;

/** The rule catalog. */
export function rules(): Rule[];

declare global {
  interface HTMLElementEventMap {
    'nianbao-checked': CustomEvent<Result>;
    /** Results cannot be made (the checker's module did not load); the editor still works. */
    'nianbao-error': CustomEvent<string>;
  }
}
