/* songngu desk pages: follow a translation job live on the article page.
 *
 * <div data-enhance="job-progress" data-url="/articles/7/progress" data-active="true"> holds a
 * role=progressbar meter; while the job runs this polls the URL every second and updates the
 * meter (aria-valuenow, its text, the SVG bar) and the state badge. When the job ends it shows
 * the notice the server rendered (hidden) and says it in the status region. Every text comes
 * from the server, translated: the JSON carries the labels, the notices are in the markup.
 * Without this script the page shows the state at load time and a reload shows the rest.
 */
(function () {
  "use strict";

  const POLL_MS = 1000;
  const MAX_FAILURES = 10;

  function setMeter(meter, percent, label) {
    meter.setAttribute("aria-valuenow", String(percent));
    meter.setAttribute("aria-valuetext", label);
    const fill = meter.querySelector("[data-meter-fill]");
    if (fill) fill.setAttribute("width", String(percent));
    const text = meter.querySelector("[data-meter-text]");
    if (text) text.textContent = label;
  }

  function setState(state, label) {
    document.querySelectorAll("[data-state-badge]").forEach((badge) => {
      badge.textContent = label;
      badge.className = "badge badge--" + state.replace(/\s+/g, "-");
    });
  }

  function finish(root, failed) {
    const waiting = root.querySelector("[data-progress-waiting]");
    if (waiting) waiting.hidden = true;
    const notice = root.querySelector(failed ? "[data-progress-failed]" : "[data-progress-done]");
    if (notice) notice.hidden = false;
    const announce = root.querySelector("[data-progress-announce]");
    if (announce && notice) announce.textContent = notice.textContent.trim();
  }

  songngu.register("job-progress", (root) => {
    if (root.dataset.active !== "true") return;
    const meter = root.querySelector("[role=progressbar]");
    let failures = 0;

    async function poll() {
      let data;
      try {
        const response = await fetch(root.dataset.url, {
          credentials: "same-origin",
          headers: { Accept: "application/json" },
          cache: "no-store",
        });
        if (!response.ok) throw new Error("HTTP " + response.status);
        data = await response.json();
      } catch (err) {
        failures += 1;
        if (failures < MAX_FAILURES) window.setTimeout(poll, POLL_MS * failures);
        return;
      }
      failures = 0;
      if (meter) setMeter(meter, data.percent, data.label);
      setState(data.state, data.state_label);
      if (data.job_active) {
        window.setTimeout(poll, POLL_MS);
      } else {
        finish(root, Boolean(data.job && data.job.state === "failed"));
      }
    }

    window.setTimeout(poll, POLL_MS);
  });
})();
