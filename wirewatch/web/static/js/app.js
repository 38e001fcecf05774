// Bring the first highlighted piece of evidence into view in each article text box.
document.addEventListener("DOMContentLoaded", () => {
  for (const box of document.querySelectorAll(".body")) {
    const mark = box.querySelector("mark");
    if (mark) box.scrollTop = Math.max(mark.offsetTop - box.offsetTop - 40, 0);
  }
});
