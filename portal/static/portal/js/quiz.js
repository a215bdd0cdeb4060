// Self-check quizzes graded in the browser (progressive enhancement).
// Without JavaScript the form posts to the server, which shows the same result.
// Typed answers are compared as portal.blocks.quiz.normalize_answer does.

const MAX_TYPED_ANSWER = 200;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

function normalizeNumber(text) {
  let sign = "";
  if (text[0] === "+" || text[0] === "-") {
    sign = text[0] === "-" ? "-" : "";
    text = text.slice(1);
  }
  let [whole, fraction = ""] = text.split(".");
  whole = whole.replace(/^0+/, "") || "0";
  fraction = fraction.replace(/0+$/, "");
  const result = fraction ? `${whole}.${fraction}` : whole;
  return result === "0" ? "0" : sign + result;
}

export function normalizeAnswer(value) {
  const text = String(value)
    .slice(0, MAX_TYPED_ANSWER)
    .replace(/(\d),(?=\d)/g, "$1.")
    .replace(/\s+/g, "")
    .toLowerCase()
    .replaceAll("ё", "е")
    .replaceAll("−", "-");
  return NUMBER.test(text) ? normalizeNumber(text) : text;
}

function gradeQuestion(fieldset) {
  const key = JSON.parse(fieldset.dataset.key || "[]");
  if (fieldset.dataset.kind === "text") {
    const input = fieldset.querySelector("input[type=text]");
    return input.value.trim() !== "" && key.includes(normalizeAnswer(input.value));
  }
  const chosen = [...fieldset.querySelectorAll("input:checked")].map((input) => Number(input.value));
  return chosen.length === key.length && chosen.every((index) => key.includes(index));
}

function setUp(form) {
  if (form.dataset.quizReady) return;
  form.dataset.quizReady = "true";
  const messages = form.parentElement.querySelector("template[data-quiz-messages]").content;
  const text = (selector) => messages.querySelector(selector).textContent;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const questions = [...form.querySelectorAll("fieldset[data-kind]")];
    let score = 0;
    for (const fieldset of questions) {
      const right = gradeQuestion(fieldset);
      if (right) score += 1;
      fieldset.classList.toggle("quiz__question--right", right);
      fieldset.classList.toggle("quiz__question--wrong", !right);
      const feedback = fieldset.querySelector("[data-feedback]");
      feedback.querySelector("[data-verdict]").textContent = text(right ? "[data-right]" : "[data-wrong]");
      feedback.hidden = false;
    }
    form.querySelector("[data-score]").textContent = text("[data-score-template]")
      .replace("{score}", score)
      .replace("{total}", questions.length);
  });
}

document.querySelectorAll("form[data-quiz]").forEach(setUp);
