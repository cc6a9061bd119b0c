// Small enhancements; every page works without them.
// Search as you type: the people form fetches only its results (an HTML fragment
// rendered and escaped by the server) and swaps them in, keeping the URL shareable.
// Why not htmx: it is not on PyPI (only inside Django packages), nothing may come from a
// CDN, and this is the one enhancement that pays; thirty lines of plain JavaScript do it
// under a Content-Security-Policy that allows no inline or evaluated script.
(function () {
  "use strict";
  const form = document.querySelector("form[data-live-search]");
  const results = document.getElementById("results");
  if (!form || !results || !window.fetch) return;
  let timer = 0;
  let inflight = null;

  function refresh() {
    const params = new URLSearchParams(new FormData(form));
    for (const [key, value] of [...params]) if (!value) params.delete(key);
    const query = params.toString();
    if (inflight) inflight.abort();
    inflight = new AbortController();
    fetch("/people/results" + (query ? "?" + query : ""), {
      signal: inflight.signal,
      headers: { "Accept": "text/html" },
      credentials: "same-origin",
    })
      .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
      .then((html) => {
        results.innerHTML = html;
        history.replaceState(null, "", "/people" + (query ? "?" + query : ""));
      })
      .catch(() => { /* the Search button still works */ });
  }

  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 150);
  });
  form.addEventListener("change", (event) => {
    if (event.target.tagName === "SELECT") { clearTimeout(timer); refresh(); }
  });
})();

// Dates shown back before saving: beside every input marked data-date ("future" for a due
// date, "past" for a meeting that happened), the server's reading of what was typed
// ("Friday 4 December 2026"), or why it cannot be read, so "next Friday" is never stored
// as a day the user did not mean. The server checks again on submit.
(function () {
  "use strict";
  if (!window.fetch) return;
  for (const input of document.querySelectorAll("input[data-date]")) {
    const out = input.parentElement.querySelector(".date-read");
    if (!out) continue;
    let timer = 0;
    let inflight = null;
    const show = () => {
      const text = input.value.trim();
      if (inflight) inflight.abort();
      if (!text) { out.textContent = ""; out.classList.remove("bad"); return; }
      inflight = new AbortController();
      const params = new URLSearchParams({ text: text, direction: input.dataset.date });
      fetch("/api/dates?" + params, { signal: inflight.signal, credentials: "same-origin" })
        .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
        .then((body) => {
          out.textContent = body.said || body.problem || "";
          out.classList.toggle("bad", !body.said);
        })
        .catch(() => { /* the server still checks the date on submit */ });
    };
    input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(show, 200); });
    // a field the server refused already says why; the preview returns once it is edited
    if (input.value.trim() && input.getAttribute("aria-invalid") !== "true") show();
  }
})();

// Pick people by name as you type: inputs marked data-people-picker share a <datalist>
// filled from /api/people; when what was typed is exactly one suggestion, its id goes into
// the hidden field the attribute names, so two people of one name stay apart. Without
// this script the server reads the name and asks which one when it fits several.
(function () {
  "use strict";
  const list = document.getElementById("people-picker");
  if (!list || !window.fetch) return;
  let inflight = null;
  let found = [];
  for (const input of document.querySelectorAll("input[data-people-picker]")) {
    const hidden = input.form.elements.namedItem(input.dataset.peoplePicker);
    let timer = 0;
    const pick = () => {
      const same = found.filter((p) => p.name === input.value.trim());
      if (hidden) hidden.value = same.length === 1 ? same[0].id : "";
      return same.length === 1;
    };
    const suggest = () => {
      const text = input.value.trim();
      if (text.length < 2) return;
      if (inflight) inflight.abort();
      inflight = new AbortController();
      const params = new URLSearchParams({ q: text, limit: "8" });
      fetch("/api/people?" + params, { signal: inflight.signal, credentials: "same-origin" })
        .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
        .then((body) => {
          found = body.people;
          list.replaceChildren(...found.map((p) => {
            const option = document.createElement("option");
            option.value = p.name;
            option.label = [p.title, p.company].filter(Boolean).join(" · ");
            return option;
          }));
          pick();
        })
        .catch(() => { /* the server still reads the name */ });
    };
    input.addEventListener("input", () => {
      clearTimeout(timer);
      // a suggestion was chosen: asking again would only reopen the list over the page
      if (!pick()) timer = setTimeout(suggest, 150);
    });
  }
})();
