// Material wraps only the 20 px box in a <label>; move the task's text into that label so a
// click on the text toggles the box and a screen reader announces the task with its checkbox.
export function labelWholeTask(box) {
  const label = box.closest("label");
  const item = box.closest(".task-list-item");
  if (!label || !item || label.classList.contains("plan-task")) return;
  label.classList.add("plan-task");
  let node = label.nextSibling;
  while (node && !(node.nodeType === 1 && /^(UL|OL)$/.test(node.tagName))) {
    const next = node.nextSibling;
    label.append(node);
    node = next;
  }
}

/** Every task-list checkbox on the page gets its task's text as its label. */
export function labelAll(root = document) {
  for (const box of root.querySelectorAll(".md-content .task-list-item input[type=checkbox]")) labelWholeTask(box);
}
