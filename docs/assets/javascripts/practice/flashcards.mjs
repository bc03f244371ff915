// Flashcards: a flip-card drill over the generated list (<dl class="fc-list"><dt>front<dd>back).
export function mount() {
  const host = document.querySelector(".fc-deck");
  if (!host || host.dataset.mounted) return;
  host.dataset.mounted = "1";
  const all = [...document.querySelectorAll(".fc-list dt")].map((dt) => ({
    front: dt.textContent, back: dt.nextElementSibling.querySelector(".fc-back").textContent,
    topic: dt.closest(".fc-list").dataset.topic,
  }));
  let cards = all;
  let index = 0;
  let flipped = false;

  const el = (tag, attrs = {}, text = "") => {
    const e = document.createElement(tag);
    Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v));
    e.textContent = text;
    return e;
  };
  const card = el("div", { class: "fc-card", role: "group", "aria-roledescription": "flashcard", "aria-live": "polite" });
  const side = el("p", { class: "fc-side" });
  const text = el("p", { class: "fc-text" });
  card.append(side, text);
  const counter = el("p", { class: "fc-counter" });
  const flip = el("button", { type: "button", class: "md-button md-button--primary" }, "Show answer");
  const prev = el("button", { type: "button", class: "md-button" }, "Previous");
  const next = el("button", { type: "button", class: "md-button" }, "Next");
  const shuffle = el("button", { type: "button", class: "md-button" }, "Shuffle");
  const label = el("label", { for: "fc-topic" }, "Topic ");
  const select = el("select", { id: "fc-topic" });
  for (const t of ["all", ...new Set(all.map((c) => c.topic))]) {
    select.append(el("option", { value: t }, t === "all" ? "All topics" : t));
  }
  const controls = el("div", { class: "fc-controls" });
  controls.append(prev, flip, next, shuffle, label, select);
  const keys = el("p", { class: "fc-keys" }, "Keyboard: Space or Enter flips the card, ← and → move between cards.");
  host.replaceChildren(card, counter, controls, keys);

  function show() {
    const c = cards[index];
    side.textContent = flipped ? "Answer" : "Prompt";
    text.textContent = flipped ? c.back : c.front;
    card.classList.toggle("fc-flipped", flipped);
    flip.textContent = flipped ? "Show prompt" : "Show answer";
    counter.textContent = `Card ${index + 1} of ${cards.length}`;
  }
  const go = (d) => { index = (index + d + cards.length) % cards.length; flipped = false; show(); };
  flip.addEventListener("click", () => { flipped = !flipped; show(); });
  prev.addEventListener("click", () => go(-1));
  next.addEventListener("click", () => go(1));
  shuffle.addEventListener("click", () => {
    cards = [...cards];
    for (let i = cards.length - 1; i > 0; i -= 1) {
      const j = Math.floor(Math.random() * (i + 1));
      [cards[i], cards[j]] = [cards[j], cards[i]];
    }
    index = 0; flipped = false; show();
  });
  select.addEventListener("change", () => {
    cards = select.value === "all" ? all : all.filter((c) => c.topic === select.value);
    index = 0; flipped = false; show();
  });
  // Keyboard shortcuts while this deck is on the page (instant navigation swaps the page).
  function onKey(e) {
    if (!document.contains(card)) { document.removeEventListener("keydown", onKey); return; }
    if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
    const target = e.target;
    if (target.closest && target.closest("input, select, textarea, [contenteditable], .md-search")) return;
    const onButton = target.closest && target.closest("button, a, summary");
    if ((e.key === " " || e.key === "Enter") && !onButton) { e.preventDefault(); flipped = !flipped; show(); }
    else if (e.key === "ArrowRight") { e.preventDefault(); go(1); }
    else if (e.key === "ArrowLeft") { e.preventDefault(); go(-1); }
  }
  document.addEventListener("keydown", onKey);
  show();
}
