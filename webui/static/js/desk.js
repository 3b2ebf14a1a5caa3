/* songngu desk: progressive enhancement only -- every page works without this file.
 *
 * Pattern: markup opts in with data-enhance="name" (several names separated by spaces);
 * a script registers what "name" does with songngu.register("name", (element) => {...}).
 * Page scripts are loaded with `defer` after this one, so they register before the
 * document is ready; songngu.enhance(root) applies enhancers to content added later.
 * No inline handlers or styles (the CSP forbids them). User-visible text never lives
 * here: it is rendered, translated, into data-text-* attributes (see <body>).
 */
(function () {
  "use strict";

  const enhancers = new Map();
  const DONE = "enhanced";

  function text(key, fallback) {
    const value = document.body && document.body.dataset["text" + key];
    return value || fallback;
  }

  function register(name, fn) {
    enhancers.set(name, fn);
    if (document.readyState !== "loading") enhance(document);
  }

  function enhance(root) {
    (root || document).querySelectorAll("[data-enhance]").forEach((el) => {
      const done = new Set((el.dataset[DONE] || "").split(" ").filter(Boolean));
      el.dataset.enhance.split(/\s+/).filter(Boolean).forEach((name) => {
        const fn = enhancers.get(name);
        if (!fn || done.has(name)) return;
        done.add(name);
        try {
          fn(el);
        } catch (err) {
          console.warn("songngu: enhancer " + name + " failed", err);
        }
      });
      el.dataset[DONE] = Array.from(done).join(" ");
    });
  }

  // A close button on flash messages.
  register("dismiss", (el) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "flash__close";
    button.setAttribute("aria-label", text("Close", "Close"));
    button.textContent = "\u00d7";
    button.addEventListener("click", () => el.remove());
    el.appendChild(button);
  });

  // <form data-enhance="confirm" data-confirm="Question?">: ask before submitting.
  register("confirm", (form) => {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm || "")) event.preventDefault();
    });
  });

  window.songngu = Object.freeze({ register, enhance, text });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => enhance(document));
  } else {
    enhance(document);
  }
})();
