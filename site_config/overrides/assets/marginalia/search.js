// Marginalia search page: Pagefind's default UI, started with the query from ?q=
// (the header's search box sends it here).
(function () {
  function start() {
    var box = document.getElementById("mg-search");
    if (!box || typeof PagefindUI === "undefined") return;
    var ui = new PagefindUI({
      element: "#mg-search",
      bundlePath: box.getAttribute("data-bundle"),
      showSubResults: true,
      showImages: false,
      excerptLength: 30,
      openFilters: ["speaker"],
      // keep the query in the address, so Back and shared links return to the same results
      processTerm: function (term) {
        history.replaceState(null, "", term ? "?q=" + encodeURIComponent(term) : location.pathname);
        return term;
      },
    });
    // Pagefind's input has only a placeholder: give it a name screen readers announce
    var input = box.querySelector(".pagefind-ui__search-input");
    if (input) input.setAttribute("aria-label", "Search the archive");
    var query = new URLSearchParams(location.search).get("q");
    if (query) ui.triggerSearch(query);
    var header = document.querySelector(".mg-search-input");
    if (header && query) header.value = query;
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
