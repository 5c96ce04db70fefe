// Marginalia search page: Pagefind's default UI, started with the query from ?q=
// (the header's search box sends it here).
(function () {
  // Pagefind's UI puts excerpts in as HTML: Pagefind escapes the text and adds <mark>.
  // Whatever its version does, only <mark> stays markup here, and a bidi control is
  // isolated so it cannot reorder the rest of the excerpt (idempotent: safe to run twice).
  function excerpt(html) {
    return String(html || "")
      .replace(/<(?!\/?(?:mark|bdi)>)/g, "&lt;")
      .replace(/(?:<bdi>)?([\u202A-\u202E\u2066-\u2069])(?:<\/bdi>)?/g, "<bdi>$1</bdi>");
  }
  function asText(result) {
    result.excerpt = excerpt(result.excerpt);
    (result.sub_results || []).forEach(function (sub) { sub.excerpt = excerpt(sub.excerpt); });
    return result;
  }
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
      processResult: asText,
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
