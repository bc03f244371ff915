// Reading and writing the calculators' input fields: parsing with clear messages, and numbers
// shown as a reader writes them. No DOM and no shared data, so node unit-tests it directly.
import * as f from "./formulas.mjs";

/** Parse and validate one raw input; returns [value, error message or null]. */
export function parseField(raw, label, unit, limits) {
  const text = String(raw).trim().replace(/[,_\s]/g, "");
  if (text === "") return [null, `${label}: enter a number.`];
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return [null, `${label}: "${raw}" is not a number.`];
  const v = Number(text);
  if (!Number.isFinite(v)) return [null, `${label}: the number is too large.`];
  if (v < limits.min) return [null, `${label} must be at least ${f.fmt(limits.min)} ${unitFor(limits.min, unit)}.`];
  if (v > limits.max) return [null, `${label} must be at most ${f.fmt(limits.max)} ${unitFor(limits.max, unit)}.`];
  if (limits.integer && !Number.isInteger(v)) return [null, `${label} must be a whole number.`];
  return [v, null];
}

/** A plural unit made singular for exactly one ("1 user", "1 copy"); symbols stay as they are. */
export function unitFor(n, unit) {
  if (n !== 1 || unit.includes("/") || !/[a-z]s$/i.test(unit) || unit === "ms") return unit;
  return { copies: "copy", passes: "pass" }[unit] || unit.slice(0, -1);
}

/** A default value as a reader writes it: 500,000,000 rather than 500000000. */
export function inputText(value) {
  return Number.isInteger(value) ? value.toLocaleString("en-US") : String(value);
}
