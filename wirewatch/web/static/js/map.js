// The map: bundled Natural Earth country shapes (no tile server needed), optional tiles,
// and a circle per place with its events (data-places: an API URL) or one pin (data-lat).
document.addEventListener("DOMContentLoaded", async () => {
  const box = document.getElementById("map");
  if (!box || !window.L) return;
  const map = L.map(box, { worldCopyJump: true }).setView([20, 10], 2);
  if (box.dataset.tiles) {
    L.tileLayer(box.dataset.tiles, { maxZoom: 12, attribution: "map tiles: configured server" }).addTo(map);
  }
  const world = await (await fetch("/static/vendor/world-atlas/countries-110m.json")).json();
  L.geoJSON(topojson.feature(world, world.objects.countries), {
    style: { color: "#8a9aab", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: box.dataset.tiles ? 0.2 : 1 },
    interactive: false,
  }).addTo(map);
  map.attributionControl.addAttribution("country shapes: Natural Earth");

  const label = (text) => { const el = document.createElement("span"); el.textContent = text; return el; };
  let drawn = 0;
  if (box.dataset.lat) {
    const at = [Number(box.dataset.lat), Number(box.dataset.lon)];
    L.circleMarker(at, { radius: 8, color: "#b3261e", fillOpacity: 0.8 })
      .bindPopup(label(box.dataset.label || "")).addTo(map);
    map.setView(at, 5, { animate: false });
    drawn = 1;
  } else if (box.dataset.places) {
    const { items: places } = await (await fetch(box.dataset.places)).json();
    for (const p of places) {
      L.circleMarker([p.lat, p.lon], { radius: 4 + 3 * Math.sqrt(p.events), color: "#b3261e", fillOpacity: 0.6 })
        .bindPopup(label(`${p.name || "?"} (${p.country || "?"}): ${p.events} event${p.events === 1 ? "" : "s"}`))
        .addTo(map);
      drawn += 1;
    }
  }
  box.dataset.rendered = String(drawn);
});
