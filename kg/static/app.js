// The query page: runs the query against /sparql and shows the answer as a table.
// Every value goes through textContent, never innerHTML: labels come from untrusted articles.
"use strict";

const PREFIXES = {
  "https://w3id.org/kgnews/ontology#": "kg:",
  "https://w3id.org/kgnews/id/": "kgd:",
  "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
  "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
  "http://www.w3.org/2001/XMLSchema#": "xsd:",
  "http://www.w3.org/2004/02/skos/core#": "skos:",
};

function shorten(iri) {
  for (const [ns, prefix] of Object.entries(PREFIXES)) {
    if (iri.startsWith(ns)) return prefix + iri.slice(ns.length);
  }
  return iri;
}

function cell(term) {
  const td = document.createElement("td");
  if (!term) return td;
  if (term.type === "uri") {
    td.textContent = shorten(term.value);
    td.title = term.value;
    td.className = "iri";
  } else if (term.type === "bnode") {
    td.textContent = "_:" + term.value;
  } else {
    td.textContent = term.value;
    if (term["xml:lang"]) td.title = "@" + term["xml:lang"];
    else if (term.datatype) td.title = shorten(term.datatype);
  }
  return td;
}

function showTable(data, box) {
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const name of data.head.vars) {
    const th = document.createElement("th");
    th.textContent = name;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const row of data.results.bindings) {
    const tr = body.insertRow();
    for (const name of data.head.vars) tr.appendChild(cell(row[name]));
  }
  box.appendChild(table);
  return data.results.bindings.length;
}

async function run(event) {
  event.preventDefault();
  const query = document.getElementById("query").value;
  const status = document.getElementById("status");
  const box = document.getElementById("results");
  box.replaceChildren();
  status.textContent = "running…";
  const started = performance.now();
  let response;
  try {
    response = await fetch("/sparql", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json, text/turtle;q=0.9",
      },
      body: new URLSearchParams({ query }),
    });
  } catch (err) {
    status.textContent = "the server did not answer: " + err;
    return;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const type = response.headers.get("Content-Type") || "";
  const text = await response.text();
  if (!response.ok) {
    status.textContent = `error ${response.status}`;
    const pre = document.createElement("pre");
    pre.className = "error";
    pre.textContent = text;
    box.appendChild(pre);
    return;
  }
  const truncated = response.headers.get("X-Result-Truncated") ? " (cut at the server's row limit)" : "";
  if (type.includes("json")) {
    const data = JSON.parse(text);
    if ("boolean" in data) {
      const p = document.createElement("p");
      p.className = "boolean";
      p.textContent = String(data.boolean);
      box.appendChild(p);
      status.textContent = `answer in ${seconds} s`;
    } else {
      const n = showTable(data, box);
      status.textContent = `${n} row${n === 1 ? "" : "s"} in ${seconds} s${truncated}`;
    }
  } else {
    const pre = document.createElement("pre");
    pre.textContent = text;
    box.appendChild(pre);
    status.textContent = `graph in ${seconds} s${truncated}`;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("query-form").addEventListener("submit", run);
  for (const button of document.querySelectorAll("button.example")) {
    button.addEventListener("click", (event) => {
      document.getElementById("query").value = button.dataset.query;
      run(event);
    });
  }
});
