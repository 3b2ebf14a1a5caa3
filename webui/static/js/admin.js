/* Users and account pages: copy a secret shown once; show the password fields only when needed.
 * Progressive enhancement: without this file the secret is still selectable text and the
 * password fields are always shown. Texts come from data-text-* attributes (translated). */
(function () {
  "use strict";

  // <div data-enhance="copy" data-text-copy="Copy" data-text-copied="Copied"> around a readonly input.
  songngu.register("copy", (box) => {
    const input = box.querySelector("input");
    if (!input) return;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button button--small secret__copy";
    button.textContent = box.dataset.textCopy || "Copy";
    const status = document.createElement("span");
    status.className = "secret__status";
    status.setAttribute("role", "status");
    button.addEventListener("click", async () => {
      input.select();
      try {
        await navigator.clipboard.writeText(input.value);
      } catch (err) {
        document.execCommand("copy"); // older browsers, or a page not served over https
      }
      status.textContent = box.dataset.textCopied || "Copied";
    });
    input.addEventListener("focus", () => input.select());
    box.appendChild(button);
    box.appendChild(status);
  });

  // <fieldset data-enhance="password-choice"> with radios "link" / "password"; fields marked
  // data-password-only in the same form are hidden while "link" is chosen.
  songngu.register("password-choice", (fieldset) => {
    const form = fieldset.closest("form");
    if (!form) return;
    const fields = form.querySelectorAll("[data-password-only]");
    const update = () => {
      const chosen = form.querySelector("input[type=radio]:checked");
      const hide = chosen && chosen.value === "link";
      fields.forEach((el) => { el.hidden = hide; });
    };
    fieldset.addEventListener("change", update);
    update();
  });
})();
