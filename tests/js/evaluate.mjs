// Reads [{calc, params}] as JSON on stdin; prints, for each, the results the calculator would
// display (formatted as on the page), or {error}. Used by tests/test_calculators.py to check
// that case pages quote the same numbers as the calculators they link to.
// argv[2]: the calculators' folder of a built site (ui.mjs imports the generated figures.mjs).
import { pathToFileURL } from "node:url";

const { evaluate } = await import(pathToFileURL(`${process.argv[2]}/ui.mjs`).href);

let input = "";
process.stdin.on("data", (d) => { input += d; });
process.stdin.on("end", () => {
  const out = JSON.parse(input).map(({ calc, params }) => {
    try { return evaluate(calc, params); } catch (e) { return { error: e.message }; }
  });
  process.stdout.write(JSON.stringify(out));
});
