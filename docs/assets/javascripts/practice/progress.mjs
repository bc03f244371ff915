// Study plans: task-list checkboxes remembered in this browser (localStorage), with a reset.
// Each task is keyed by the headings above it and its text (plus a count for repeats), so
// editing one task does not shift the others.
import { labelWholeTask } from "./tasks.mjs";

const PREFIX = "msd-plan:";

export function mount() {
  const host = document.querySelector(".plan-progress");
  if (!host || host.dataset.mounted) return;
  host.dataset.mounted = "1";
  const boxes = [...document.querySelectorAll(".md-content .task-list-item input[type=checkbox]")];
  const keys = new Map();
  const seen = new Map();
  const path = {};
  for (const el of document.querySelectorAll(".md-content h2, .md-content h3, .md-content h4, .md-content .task-list-item")) {
    if (/^H[234]$/.test(el.tagName)) {
      const level = Number(el.tagName[1]);
      path[level] = el.textContent.replace(/¶$/, "").trim();
      for (let l = level + 1; l <= 4; l += 1) delete path[l];
      continue;
    }
    const text = `${Object.values(path).join(" / ")} | ${el.textContent.trim().replace(/\s+/g, " ")}`;
    const n = (seen.get(text) || 0) + 1;
    seen.set(text, n);
    keys.set(el.querySelector("input[type=checkbox]"), `${PREFIX}${text}#${n}`);
  }
  const key = (box) => keys.get(box);
  for (const box of boxes) labelWholeTask(box);
  const status = document.createElement("p");
  status.setAttribute("aria-live", "polite");
  const reset = document.createElement("button");
  reset.type = "button";
  reset.className = "md-button";
  reset.textContent = "Reset progress";
  host.replaceChildren(status, reset);

  const count = () => {
    const done = boxes.filter((b) => b.checked).length;
    status.textContent = `${done} of ${boxes.length} tasks done (saved in this browser).`;
  };
  for (const box of boxes) {
    box.disabled = false;
    box.checked = localStorage.getItem(key(box)) === "1";
    box.addEventListener("change", () => {
      if (box.checked) localStorage.setItem(key(box), "1"); else localStorage.removeItem(key(box));
      count();
    });
  }
  reset.addEventListener("click", () => {
    for (const box of boxes) { box.checked = false; localStorage.removeItem(key(box)); }
    count();
  });
  count();
}
