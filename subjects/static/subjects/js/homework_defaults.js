// A homework added in the topic editor starts with the classes ticked on the topic
// (subjects/forms.py gives the server-side defaults; this covers ticks made since).
document.addEventListener("w-formset:added", (event) => {
  const topicClasses = new Set(
    [...document.querySelectorAll("input[name='classes']:checked")].map((box) => box.value),
  );
  if (!(event.target instanceof Element) || topicClasses.size === 0) return;
  for (const box of event.target.querySelectorAll("input[type='checkbox'][name$='-classes']")) {
    if (/^homework-\d+-classes$/.test(box.name)) box.checked = topicClasses.has(box.value);
  }
});
