/* songngu review: approve or send back a segment without reloading the grid.
 *
 * Progressive enhancement over the row forms (which post and come back to the row without
 * this file). Uses the workspace script's helpers (window.songnguWorkspace), loaded before it.
 */
(function () {
  "use strict";

  function enhance(root) {
    const api = window.songnguWorkspace;
    const ws = api && api.get(root);
    if (!ws) return;

    root.querySelectorAll("[data-review-form]").forEach((form) => {
      form.addEventListener("submit", async (ev) => {
        ev.preventDefault();
        const row = ws.rowOf(form);
        if (!row) return;
        const action = form.dataset.reviewForm;
        const body = action === "send-back" ? { comment: new FormData(form).get("comment") || "" } : {};
        const button = form.querySelector("button[type=submit]");
        button.disabled = true;
        const res = await api.call("POST", ws.api + "/segments/" + row.id + "/" + action, body);
        button.disabled = false;
        if (!res.ok) {
          row.statusEl.textContent = res.message;
          row.statusEl.dataset.kind = "failed";
          return;
        }
        row.version = res.data.segment.version;
        row.setState(res.data.segment.state);
        if (action === "approve") {
          row.statusEl.textContent = ws.t("Approved", "Approved");
          form.remove();
        } else {
          row.statusEl.textContent = ws.t("SentBack", "Sent back");
          const details = form.closest("details");
          const note = api.el("p", "seg__sentback");
          note.append(api.el("strong", null, ws.t("SentBack", "Sent back") + ": "), body.comment);
          (details || form).replaceWith(note);
        }
        row.statusEl.dataset.kind = "saved";
      });
    });
  }

  songngu.register("review", enhance);
})();
