// The browser's stand-in for csv-parse (vite.config.ts). CSV is read and written on the server
// only: imports and exports go through actions and resource routes. The
// browser still loads domain modules that sit next to the CSV code (column lists, import rules),
// and the library's Node-only start-up code (Buffer) would stop those pages' scripts.
function serverOnly(): never {
  throw new Error("CSV files are read and written on the server.");
}

export const parse = serverOnly;
export class CsvError extends Error {}
