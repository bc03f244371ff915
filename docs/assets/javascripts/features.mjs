// Loads each interactive feature only on pages that have it, on first load and after
// Material's instant navigation (which announces every new page on its `document$` observable).
const FEATURES = [
  [".calculator[data-calc]", () => import("./calc/ui.mjs").then((m) => m.mountAll())],
  [".qb-filter", () => import("./practice/question-filter.mjs").then((m) => m.mount())],
  [".fc-deck", () => import("./practice/flashcards.mjs").then((m) => m.mount())],
  [".plan-progress", () => import("./practice/progress.mjs").then((m) => m.mount())],
  [".task-list-item input[type=checkbox]", () => import("./practice/tasks.mjs").then((m) => m.labelAll())],
];

function mountFeatures() {
  for (const [selector, load] of FEATURES) {
    if (document.querySelector(selector)) load();
  }
}

if (window.document$) window.document$.subscribe(mountFeatures);
else mountFeatures();
