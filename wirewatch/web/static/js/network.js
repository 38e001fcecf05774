// The actor network: parties as nodes, one arrow per (actor, recipient, event type).
document.addEventListener("DOMContentLoaded", async () => {
  const box = document.getElementById("network");
  if (!box || !window.cytoscape) return;
  const { nodes, edges } = await (await fetch(box.dataset.url)).json();
  if (!nodes.length) {
    document.getElementById("network-empty").hidden = false;
    box.hidden = true;
    box.dataset.rendered = "0";
    return;
  }
  const cy = cytoscape({
    container: box,
    elements: [
      ...nodes.map((n) => ({ data: { id: n.id, label: n.country ? `${n.id} (${n.country})` : n.id, weight: n.events } })),
      ...edges.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target, label: e.event_type, weight: e.events } })),
    ],
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 10, "background-color": "#1f3a5f",
        width: "mapData(weight, 1, 20, 12, 40)", height: "mapData(weight, 1, 20, 12, 40)" } },
      { selector: "edge", style: { label: "data(label)", "font-size": 8, "curve-style": "bezier",
        "target-arrow-shape": "triangle", "line-color": "#b3261e", "target-arrow-color": "#b3261e",
        width: "mapData(weight, 1, 20, 1, 8)" } },
    ],
    layout: { name: "cose", animate: false },
  });
  box.dataset.rendered = String(cy.nodes().length);
});
