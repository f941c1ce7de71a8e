// Moved to src/platform/spreadsheet/spreadsheet.ts (no domain words: every module exports CSV/XLSX).
// Kept for a short while so code written against the old path keeps compiling; import the new one.
export * from '../platform/spreadsheet/spreadsheet.js';
