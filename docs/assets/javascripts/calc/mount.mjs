// Loads the calculators only on pages that have one, on first load and after Material's
// instant navigation (which announces each new page on its `document$` observable).
function mountCalculators() {
  if (document.querySelector(".calculator[data-calc]")) {
    import("./ui.mjs").then((ui) => ui.mountAll());
  }
}

if (window.document$) window.document$.subscribe(mountCalculators);
else mountCalculators();
