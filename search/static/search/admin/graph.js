/* Graph pictures in the admin: an entity's neighbourhood, and the world explorer.

   Each .graph-panel names its JSON in data-url (search/admin_pictures.py answers it);
   its controls carry data-param and redraw the picture when changed. A click on a
   node opens that node's admin page. Loaded as a static file: the
   Content-Security-Policy allows no inline script.

   For tests and curious people: the canvas element keeps its Cytoscape instance in
   `_cy`, and says data-state="drawn" and data-node-count once a picture is laid out. */
"use strict";

(function () {
  const LAYOUTS = {
    // The entity in the middle, one ring per step away from it.
    neighbourhood: {
      name: "concentric",
      concentric: (node) => 10 - node.data("distance"),
      levelWidth: () => 1,
      minNodeSpacing: 40,
      animate: false,
    },
    explorer: { name: "cose", animate: false, nodeDimensionsIncludeLabels: true },
  };
  // What to choose when a picture was cut at the server's node limit.
  const NARROWER = {
    neighbourhood: "choose 1 step or a chapter",
    explorer: "choose a chapter or fewer types",
  };
  const TYPES = ["character", "location", "scene", "concept"];
  const FIT_ZOOM_LIMIT = 1.25;

  function cssValue(element, property) {
    return getComputedStyle(element).getPropertyValue(property).trim();
  }

  // Node colours come from the legend's CSS, text colour from the admin's theme.
  function stylesheet(panel, canvas) {
    const text = cssValue(canvas, "color");
    const rules = [
      {
        selector: "node",
        style: {
          label: "data(name)",
          color: text,
          "font-size": 11,
          "text-valign": "bottom",
          "text-margin-y": 4,
          "text-wrap": "ellipsis",
          "text-max-width": 140,
          width: 20,
          height: 20,
        },
      },
      {
        selector: "node.start",
        style: { width: 32, height: 32, "border-width": 3, "border-color": text },
      },
      {
        selector: "edge",
        style: {
          width: 1.5,
          "curve-style": "bezier",
          "target-arrow-shape": "triangle",
          "line-color": "#a0a0a0",
          "target-arrow-color": "#a0a0a0",
          label: "data(type)",
          color: text,
          "font-size": 8,
          "text-rotation": "autorotate",
        },
      },
    ];
    for (const type of TYPES) {
      const legend = panel.querySelector(`.graph-type-${type}`);
      rules.push({
        selector: `node.${type}`,
        style: { "background-color": cssValue(legend, "--graph-colour") },
      });
    }
    return rules;
  }

  function query(panel) {
    const params = new URLSearchParams();
    for (const control of panel.querySelectorAll("[data-param]")) {
      if (control.type !== "checkbox" || control.checked) {
        params.append(control.dataset.param, control.value);
      }
    }
    return params;
  }

  function setStatus(panel, text, failed) {
    const status = panel.querySelector(".graph-status");
    status.textContent = text;
    status.classList.toggle("errornote", Boolean(failed));
  }

  // The same nodes as links, for screen readers and for anyone who would rather read.
  function list(panel, nodes) {
    const items = nodes.map((node) => {
      const item = document.createElement("li");
      const name = node.data.url ? document.createElement("a") : document.createElement("span");
      name.textContent = node.data.name || node.data.id;
      if (node.data.url) {
        name.href = node.data.url;
      }
      const steps = node.data.distance;
      const how = steps === undefined ? "" : `, ${steps} step${steps === 1 ? "" : "s"} away`;
      item.append(name, ` (${node.data.type}${how})`);
      return item;
    });
    panel.querySelector(".graph-list ul").replaceChildren(...items);
    panel.querySelector(".graph-list summary").textContent = `The same as a list (${nodes.length})`;
  }

  function clear(canvas) {
    if (canvas._cy) {
      canvas._cy.destroy();
      canvas._cy = null;
    }
  }

  function draw(panel, data) {
    const canvas = panel.querySelector(".graph-canvas");
    const { nodes, edges } = data.elements;
    clear(canvas);
    list(panel, nodes);
    if (!nodes.length) {
      canvas.dataset.nodeCount = "0";
      canvas.dataset.state = "drawn";
      setStatus(panel, "Nothing to draw for this choice.");
      return;
    }
    const cy = cytoscape({
      container: canvas,
      elements: { nodes, edges },
      style: stylesheet(panel, canvas),
      minZoom: 0.2,
      maxZoom: 3,
    });
    canvas._cy = cy;
    cy.on("tap", "node", (event) => {
      const url = event.target.data("url");
      if (url) {
        window.location.assign(url);
      }
    });
    cy.on("mouseover", "node", () => canvas.classList.add("pointing"));
    cy.on("mouseout", "node", () => canvas.classList.remove("pointing"));
    const layout = cy.layout(LAYOUTS[panel.dataset.kind]);
    layout.one("layoutstop", () => {
      if (cy.zoom() > FIT_ZOOM_LIMIT) {
        cy.zoom(FIT_ZOOM_LIMIT); // a small picture is not blown up to fill the canvas
        cy.center();
      }
      canvas.dataset.nodeCount = String(cy.nodes().length);
      canvas.dataset.state = "drawn";
    });
    layout.run();
    const cut = data.truncated ? ` Only part of it is drawn: ${NARROWER[panel.dataset.kind]}.` : "";
    setStatus(panel, `${nodes.length} nodes, ${edges.length} edges. Click a node to open it.${cut}`);
  }

  // A 400 names its fields ({"depth": ["…"]}); a 404 or 503 says why in "detail".
  function reason(body) {
    if (body.detail) {
      return body.detail;
    }
    return Object.entries(body)
      .map(([field, errors]) => `${field.replaceAll("_", " ")}: ${errors.join(" ")}`)
      .join(" ");
  }

  async function load(panel) {
    const canvas = panel.querySelector(".graph-canvas");
    const asked = (panel.graphAsked = (panel.graphAsked || 0) + 1);
    canvas.dataset.state = "loading";
    setStatus(panel, "Drawing…");
    let ok = false;
    let body;
    try {
      const response = await fetch(`${panel.dataset.url}?${query(panel)}`, {
        headers: { Accept: "application/json" },
      });
      body = await response.json();
      ok = response.ok;
    } catch (error) {
      body = { detail: "The picture could not be loaded (are you still logged in?)." };
    }
    if (asked !== panel.graphAsked) {
      return; // the filters changed meanwhile: a newer answer draws
    }
    if (ok) {
      draw(panel, body);
      return;
    }
    clear(canvas);
    list(panel, []);
    canvas.dataset.state = "failed";
    setStatus(panel, reason(body), true);
  }

  for (const panel of document.querySelectorAll(".graph-panel")) {
    for (const control of panel.querySelectorAll("[data-param]")) {
      control.addEventListener("change", () => load(panel));
    }
    load(panel);
  }
})();
