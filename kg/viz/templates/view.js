// The page's behaviour: tooltips, search, filters. Runs after `nodes`, `edges`, `options` exist.
// Titles hold HTML that kg.viz.tooltips escaped on the Python side: the only innerHTML here is of those.
(function () {
  "use strict";
  container = document.getElementById("mynetwork");
  data = { nodes: nodes, edges: edges };
  network = new vis.Network(container, data, options);

  if (!KG_PAGE.precomputed) {
    // Small graphs settle in the browser; then physics stops, so nothing keeps moving.
    network.once("stabilizationIterationsDone", function () { network.setOptions({ physics: { enabled: false } }); });
  }

  // ---------------------------------------------------------------- tooltips and details
  var tip = document.getElementById("kg-tip");
  var details = document.getElementById("kg-details-body");
  var pointer = { x: 0, y: 0 };
  var hideTimer = null;
  container.addEventListener("mousemove", function (e) { pointer.x = e.clientX; pointer.y = e.clientY; });

  // Article slots in a tooltip get their title, link and date by DOM calls: article text is never HTML here.
  function fillArticles(root) {
    root.querySelectorAll("[data-article]").forEach(function (slot) {
      var row = KG_ARTICLES[Number(slot.getAttribute("data-article"))];
      if (!row || slot.firstChild) return;
      var label = row[0] || "article";
      if (row[1] && /^https?:\/\//i.test(row[1])) {
        var link = document.createElement("a");
        link.href = row[1];
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        link.textContent = label;
        slot.appendChild(link);
      } else {
        slot.appendChild(document.createTextNode(label));
      }
      if (row[2]) {
        var when = document.createElement("small");
        when.textContent = " " + row[2];
        slot.appendChild(when);
      }
    });
  }

  function itemTitle(id) {
    var item = nodes.get(id) || edges.get(id);
    return item && item.title ? item.title : null;
  }
  function showTip(id) {
    var title = itemTitle(id);
    if (title === null) return;
    clearTimeout(hideTimer);
    tip.innerHTML = title;
    fillArticles(tip);
    tip.style.display = "block";
    var x = Math.min(pointer.x + 14, window.innerWidth - tip.offsetWidth - 8);
    var y = Math.min(pointer.y + 14, window.innerHeight - tip.offsetHeight - 8);
    tip.style.left = Math.max(0, x) + "px";
    tip.style.top = Math.max(0, y) + "px";
  }
  function hideTip() { hideTimer = setTimeout(function () { tip.style.display = "none"; }, 400); }
  function showDetails(id) {
    var title = itemTitle(id);
    if (title === null) return;
    details.innerHTML = title;
    fillArticles(details);
  }
  network.on("showPopup", showTip);
  network.on("hidePopup", hideTip);
  tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
  tip.addEventListener("mouseleave", hideTip);
  network.on("click", function (params) {
    if (params.nodes.length) showDetails(params.nodes[0]);
    else if (params.edges.length) showDetails(params.edges[0]);
  });

  // ---------------------------------------------------------------- filters
  var showAll = false;
  var revealed = {};
  var classBoxes = document.querySelectorAll("#kg-classes input[type=checkbox]");
  var countrySelect = document.getElementById("kg-country");
  var dateFrom = document.getElementById("kg-from");
  var dateTo = document.getElementById("kg-to");

  function inRange(dates, from, to) {
    if (!from && !to) return true;
    for (var i = 0; i < dates.length; i++) {
      if ((!from || dates[i] >= from) && (!to || dates[i] <= to)) return true;
    }
    return false;
  }

  function applyFilters() {
    var classes = {};
    classBoxes.forEach(function (box) { if (box.checked) classes[box.value] = true; });
    var country = countrySelect.value, from = dateFrom.value, to = dateTo.value;
    var nodeChanges = [], edgeChanges = [];
    nodes.forEach(function (n) {
      var show = revealed[n.id] || ((showAll || n.view) && classes[n.cls] === true &&
        (!country || n.countries.indexOf(country) >= 0) && inRange(n.dates, from, to));
      if (!n.hidden !== show) nodeChanges.push({ id: n.id, hidden: !show });
    });
    // Edges to hidden nodes disappear with them (vis-network does that); only dates hide an edge itself.
    edges.forEach(function (e) {
      var show = !e.dates || e.dates.length === 0 || inRange(e.dates, from, to);
      if (!e.hidden !== show) edgeChanges.push({ id: e.id, hidden: !show });
    });
    if (nodeChanges.length) nodes.update(nodeChanges);
    if (edgeChanges.length) edges.update(edgeChanges);
  }

  classBoxes.forEach(function (box) { box.addEventListener("change", applyFilters); });
  countrySelect.addEventListener("change", applyFilters);
  dateFrom.addEventListener("change", applyFilters);
  dateTo.addEventListener("change", applyFilters);
  document.getElementById("kg-reset").addEventListener("click", function () {
    classBoxes.forEach(function (box) { box.checked = true; });
    countrySelect.value = ""; dateFrom.value = ""; dateTo.value = "";
    revealed = {};
    applyFilters();
    network.fit();
  });
  var showAllButton = document.getElementById("kg-show-all");
  if (showAllButton) {
    showAllButton.addEventListener("click", function () {
      showAll = true;
      showAllButton.disabled = true;
      applyFilters();
      network.fit();
    });
  }

  // ---------------------------------------------------------------- search
  function fold(s) { return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim(); }
  var index = [];
  var names = document.getElementById("kg-names");
  var fragment = document.createDocumentFragment();
  nodes.forEach(function (n) {
    index.push({ id: n.id, size: n.size || 0, keys: n.names.concat([n.label]).map(fold) });
    var option = document.createElement("option");
    option.value = n.label;
    fragment.appendChild(option);
  });
  names.appendChild(fragment);

  // Exact name first, then a name starting with the query, then one containing it; the biggest wins.
  function findNode(query) {
    var q = fold(query), best = null, bestScore = -1, count = 0;
    if (!q) return { id: null, count: 0 };
    for (var i = 0; i < index.length; i++) {
      var entry = index[i], score = -1;
      for (var k = 0; k < entry.keys.length; k++) {
        var key = entry.keys[k];
        var s = key === q ? 3 : key.indexOf(q) === 0 ? 2 : key.indexOf(q) > 0 ? 1 : -1;
        if (s > score) score = s;
      }
      if (score < 0) continue;
      count++;
      if (score > bestScore || (score === bestScore && entry.size > best.size)) { best = entry; bestScore = score; }
    }
    return { id: best ? best.id : null, count: count };
  }

  // vis-network never draws an edge whose end is hidden, so showing a node brings its relations
  // with it; each DataSet update costs vis a pass over the whole graph, hence one update only.
  function reveal(id) {
    revealed[id] = true;
    nodes.update({ id: id, hidden: false });
  }

  var status = document.getElementById("kg-search-status");
  window.kgSearch = function (query) {
    var found = findNode(query);
    if (found.id === null) { status.textContent = "No entity matches “" + query + "”."; return null; }
    var node = nodes.get(found.id);
    if (node.hidden) reveal(found.id);
    network.focus(found.id, { scale: 1.2, animation: false });
    network.selectNodes([found.id]);
    showDetails(found.id);
    status.textContent = found.count > 1 ? "Showing " + node.label + " (" + found.count + " matches)." : "Showing " + node.label + ".";
    return found.id;
  };
  document.getElementById("kg-search-form").addEventListener("submit", function (e) {
    e.preventDefault();
    window.kgSearch(document.getElementById("kg-search").value);
  });

  window.kgApplyFilters = applyFilters;
})();
