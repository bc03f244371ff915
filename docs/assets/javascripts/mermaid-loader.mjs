// Material for MkDocs renders every ```mermaid block with the global `mermaid` object, and
// fetches the library from a public CDN when that global is missing. This module defines the
// global before Material mounts the page, as a small stand-in: `render` imports the real
// library from this site (copied from the npm package at build time) the first time a page
// has a diagram, so pages without diagrams download nothing more, on first load and after
// instant navigation alike.
const LIBRARY = new URL("./mermaid/mermaid.esm.min.mjs", import.meta.url).href;

let settings = {};
let loading = null;

function library() {
  if (!loading) {
    loading = import(LIBRARY).then(({ default: real }) => {
      real.initialize(settings);
      return real;
    });
  }
  return loading;
}

window.mermaid = {
  initialize(config) {
    settings = { ...settings, ...config };
  },
  async render(id, source) {
    const real = await library();
    return real.render(id, source);
  },
};
