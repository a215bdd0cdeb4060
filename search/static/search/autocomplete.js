/* Title suggestions for the header search box (progressive enhancement).
 *
 * Without JavaScript the box is a plain GET form to /search/. With it, typing shows up
 * to eight page titles from /search/autocomplete/ in an ARIA combobox listbox: arrow keys
 * move, Enter opens the highlighted page (or submits the form), Escape closes.
 */
(function () {
    "use strict";

    var MIN_CHARS = 2;
    var DELAY_MS = 150;

    function setUp(input) {
        var form = input.form;
        if (!form || !window.fetch) {
            return;
        }
        var endpoint = form.getAttribute("action").replace(/\/?$/, "/") + "autocomplete/";
        var listId = input.id + "-suggestions";
        var list = document.createElement("ul");
        list.id = listId;
        list.className = "search-suggestions";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", input.getAttribute("placeholder") || "");
        list.hidden = true;
        form.classList.add("search-form--suggest");
        form.appendChild(list);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-controls", listId);
        input.setAttribute("aria-expanded", "false");

        var timer = null;
        var active = -1;
        var lastQuery = "";
        var controller = null;

        function options() {
            return list.querySelectorAll("[role=option]");
        }

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function highlight(index) {
            var items = options();
            if (!items.length) {
                return;
            }
            active = (index + items.length) % items.length;
            items.forEach(function (item, i) {
                item.setAttribute("aria-selected", i === active ? "true" : "false");
            });
            input.setAttribute("aria-activedescendant", items[active].id);
        }

        function render(results) {
            list.textContent = "";
            active = -1;
            results.forEach(function (result, i) {
                var item = document.createElement("li");
                item.id = listId + "-" + i;
                item.setAttribute("role", "option");
                item.setAttribute("aria-selected", "false");
                item.dataset.url = result.url;
                var title = document.createElement("span");
                title.className = "search-suggestions__title";
                title.textContent = result.title;
                item.appendChild(title);
                if (result.section) {
                    var section = document.createElement("span");
                    section.className = "search-suggestions__section";
                    section.textContent = result.section;
                    item.appendChild(section);
                }
                item.addEventListener("mousedown", function (event) {
                    // mousedown, not click: the input's blur would close the list first.
                    event.preventDefault();
                    window.location.href = result.url;
                });
                list.appendChild(item);
            });
            var open = results.length > 0;
            list.hidden = !open;
            input.setAttribute("aria-expanded", open ? "true" : "false");
            input.removeAttribute("aria-activedescendant");
        }

        function fetchSuggestions() {
            var query = input.value.trim();
            if (query.length < MIN_CHARS) {
                lastQuery = query;
                close();
                return;
            }
            if (query === lastQuery && !list.hidden) {
                return;
            }
            lastQuery = query;
            if (controller) {
                controller.abort();
            }
            controller = window.AbortController ? new AbortController() : null;
            fetch(endpoint + "?q=" + encodeURIComponent(query), {
                headers: { Accept: "application/json" },
                signal: controller ? controller.signal : undefined,
            })
                .then(function (response) {
                    return response.ok ? response.json() : { results: [] };
                })
                .then(function (data) {
                    if (input.value.trim() === query) {
                        render(data.results || []);
                    }
                })
                .catch(function () {
                    /* offline or aborted: the plain form still works */
                });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, DELAY_MS);
        });
        input.addEventListener("keydown", function (event) {
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                if (list.hidden) {
                    fetchSuggestions();
                    return;
                }
                event.preventDefault();
                highlight(active + (event.key === "ArrowDown" ? 1 : -1));
            } else if (event.key === "Enter" && !list.hidden && active >= 0) {
                event.preventDefault();
                window.location.href = options()[active].dataset.url;
            } else if (event.key === "Escape" && !list.hidden) {
                event.preventDefault();
                close();
            }
        });
        input.addEventListener("blur", close);
    }

    function loadStyles(script) {
        var href = script && script.getAttribute("data-css");
        if (href && !document.querySelector('link[href="' + href + '"]')) {
            var link = document.createElement("link");
            link.rel = "stylesheet";
            link.href = href;
            document.head.appendChild(link);
        }
    }

    var currentScript = document.currentScript;

    function init() {
        loadStyles(currentScript);
        var input = document.getElementById("site-search");
        if (input) {
            setUp(input);
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
