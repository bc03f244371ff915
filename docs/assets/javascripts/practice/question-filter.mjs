// Question bank: a topic filter over the generated <details class="qb-item" data-topic> list.
export function mount() {
  const host = document.querySelector(".qb-filter");
  if (!host || host.dataset.mounted) return;
  host.dataset.mounted = "1";
  const topics = host.dataset.topics.split("|");
  const items = [...document.querySelectorAll(".qb-item")];

  const label = document.createElement("label");
  label.htmlFor = "qb-topic";
  label.textContent = "Show topic ";
  const select = document.createElement("select");
  select.id = "qb-topic";
  for (const t of ["all", ...topics]) {
    const option = document.createElement("option");
    option.value = t;
    option.textContent = t === "all" ? `All topics (${items.length})` :
      `${t} (${items.filter((i) => i.dataset.topic === t).length})`;
    select.append(option);
  }
  const status = document.createElement("p");
  status.className = "qb-status";
  status.setAttribute("aria-live", "polite");
  host.replaceChildren(label, select, status);

  function apply() {
    const topic = select.value;
    let shown = 0;
    for (const item of items) {
      const visible = topic === "all" || item.dataset.topic === topic;
      item.hidden = !visible;
      shown += visible;
    }
    // Hide a step's heading when none of its questions is shown.
    for (const h2 of document.querySelectorAll(".md-content h2")) {
      let el = h2.nextElementSibling;
      let any = false;
      while (el && el.tagName !== "H2") {
        if (el.classList.contains("qb-item") && !el.hidden) any = true;
        el = el.nextElementSibling;
      }
      h2.hidden = !any && h2.nextElementSibling?.classList.contains("qb-item");
    }
    status.textContent = `Showing ${shown} of ${items.length} questions.`;
    const url = new URL(window.location.href);
    if (topic === "all") url.searchParams.delete("topic"); else url.searchParams.set("topic", topic);
    history.replaceState(history.state, "", url);
  }
  const wanted = new URLSearchParams(window.location.search).get("topic");
  if (wanted && topics.includes(wanted)) select.value = wanted;
  select.addEventListener("change", apply);
  apply();
}
