// Marginalia: when a sidebar entry or a mark is followed, light up every piece of
// that annotation in the text (a quote over two paragraphs has several marks).
// Reading works without this script: the links and :target styles do the rest.
(function () {
  function light(id) {
    document.querySelectorAll(".mg-active").forEach(function (el) { el.classList.remove("mg-active"); });
    if (!id) return;
    var marks = document.querySelectorAll('mark[data-ann~="' + CSS.escape(id) + '"]');
    marks.forEach(function (el) { el.classList.add("mg-active"); });
    var note = document.getElementById("note-" + id);
    if (note) note.classList.add("mg-active");
  }
  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    light(id.indexOf("note-") === 0 ? id.slice(5) : id);
  }
  window.addEventListener("hashchange", fromHash);
  document.addEventListener("DOMContentLoaded", fromHash);
  document.addEventListener("click", function (event) {
    var jump = event.target.closest && event.target.closest("a.mg-jump");
    if (jump) light(jump.getAttribute("data-ann"));
  });
})();
