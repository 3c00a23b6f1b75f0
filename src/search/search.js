// On-site search with Pagefind's JS API: results as you type, category/author/year filters
// with counts, relevance or date order, and the query and filters in the URL so results are
// linkable and the back button returns to them. Without JavaScript the page says so.
// Few results at first: each needs its own fragment request; "More results" fetches the next.
// The filters are loaded when the reader opens them (or follows a link with filters set):
// their index is as large as the rest of a first search together.
const PAGE_SIZE = 5;

const form = document.querySelector("[data-search-form]");
const input = form.querySelector('input[name="q"]');
const app = document.querySelector("[data-search-app]");

// What the page says, in the site's language: messages from src/i18n, passed by the page.
// A count picks its plural form; placeholders ({count}) are filled in as src/i18n does.
const { language, messages } = JSON.parse(app.dataset.messages);
const plurals = new Intl.PluralRules(language);
const numbers = new Intl.NumberFormat(language);
function word(id, params = {}) {
  const message = messages[id];
  const text = typeof message === "string" ? message : (message[plurals.select(params.count)] ?? message.other);
  return text.replace(/\{(\w+)\}/g, (_, name) => (typeof params[name] === "number" ? numbers.format(params[name]) : params[name]));
}

const FILTERS = [
  ["category", word("search.filterCategory")],
  ["author", word("search.filterAuthor")],
  ["year", word("search.filterYear")],
];
const status = app.querySelector("[data-search-status]");
const list = app.querySelector("[data-search-results]");
const more = app.querySelector("[data-search-more]");
const sortSelect = app.querySelector('select[name="sort"]');
const filterPanel = app.querySelector("[data-search-filters]");

// Large publications are indexed in bundles of consecutive stories, listed newest first (the
// newest, a small block of the stories not yet filling a whole bundle). A search reads the
// newest bundle, and older ones only while it has fewer than a page of results or when the
// reader asks for more: a first search for a common word costs the same at 1,000 or 100,000
// stories; a rare word reads back until it has a page of results. A bundle read after the
// first costs its entry, metadata and word chunks only: Pagefind's WebAssembly is loaded once.
// Filters cover every story, so opening them reads every bundle.
const bundles = app.dataset.bundles.split(" ");
const bundlesSince = app.dataset.bundlesSince.split("|");
const OPTIONS = { excerptLength: 30 };
const pagefind = await import(`${bundles[0]}pagefind.js`);
await pagefind.options(OPTIONS);
pagefind.init();
let bundlesRead = 1;
let reading = Promise.resolve();
const olderLeft = () => bundlesRead < bundles.length;

/** Adds the next older bundle to the search (one at a time, whoever asks). */
function readOlderBundle() {
  reading = reading.then(async () => {
    if (!olderLeft()) return;
    await pagefind.mergeIndex(bundles[bundlesRead], OPTIONS);
    bundlesRead++;
  });
  return reading;
}

async function readEveryBundle() {
  while (olderLeft()) await readOlderBundle();
}

const state = { q: "", sort: "relevance", filters: Object.fromEntries(FILTERS.map(([name]) => [name, new Set()])) };
let results = [];
let shown = new Set();
let latestRun = 0;

function readUrl() {
  const params = new URLSearchParams(location.search);
  state.q = params.get("q") ?? "";
  state.sort = params.get("sort") === "newest" ? "newest" : "relevance";
  for (const [name] of FILTERS) state.filters[name] = new Set(params.getAll(name));
  input.value = state.q;
  sortSelect.value = state.sort;
}

function writeUrl() {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.sort !== "relevance") params.set("sort", state.sort);
  for (const [name] of FILTERS) for (const value of state.filters[name]) params.append(name, value);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

/** One checkbox per filter value, built once when the filters are opened; counts follow each search. */
const checkboxes = new Map();
let filtersLoaded;
function loadFilters() {
  filtersLoaded ??= readEveryBundle().then(() => pagefind.filters()).then(buildFilters);
  return filtersLoaded;
}

function buildFilters(available) {
  for (const [name, label] of FILTERS) {
    const values = Object.keys(available[name] ?? {}).sort((a, b) => (name === "year" ? b.localeCompare(a) : a.localeCompare(b)));
    if (!values.length) continue;
    const fieldset = document.createElement("fieldset");
    fieldset.className = "search-filter";
    const legend = document.createElement("legend");
    legend.textContent = label;
    fieldset.append(legend);
    for (const value of values) {
      const option = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.name = name;
      box.value = value;
      box.checked = state.filters[name].has(value);
      box.addEventListener("change", () => {
        if (box.checked) state.filters[name].add(value);
        else state.filters[name].delete(value);
        runSearch();
      });
      const count = document.createElement("span");
      count.className = "search-filter-count";
      option.append(box, ` ${value} `, count);
      fieldset.append(option);
      checkboxes.set(`${name}\u0000${value}`, { option, box, count });
    }
    filterPanel.append(fieldset);
  }
}

function updateCounts(counts) {
  if (!checkboxes.size) return;
  for (const [key, { option, box, count }] of checkboxes) {
    const [name, value] = key.split("\u0000");
    const n = counts?.[name]?.[value] ?? 0;
    count.textContent = `(${numbers.format(n)})`;
    option.hidden = n === 0 && !box.checked;
  }
}

function activeFilters() {
  const filters = {};
  for (const [name] of FILTERS) if (state.filters[name].size) filters[name] = { any: [...state.filters[name]] };
  return filters;
}

function resultItem(data) {
  const item = document.createElement("li");
  item.className = "search-result";
  if (data.meta.image) {
    const image = document.createElement("img");
    image.src = data.meta.image;
    image.alt = "";
    image.loading = "lazy";
    image.className = "search-thumb";
    item.append(image);
  }
  const text = document.createElement("div");
  const section = document.createElement("p");
  section.className = "card-section";
  section.textContent = data.meta.category ?? "";
  const heading = document.createElement("h2");
  heading.className = "card-title";
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title;
  heading.append(link);
  const excerpt = document.createElement("p");
  excerpt.className = "search-excerpt";
  excerpt.innerHTML = data.excerpt; // Pagefind's excerpt: escaped text with <mark> around matches.
  const meta = document.createElement("p");
  meta.className = "card-meta";
  meta.textContent = [data.meta.authors, data.meta.date].filter(Boolean).join(" · ");
  text.append(section, heading, excerpt, meta);
  item.append(text);
  return item;
}

const unshown = () => results.filter((result) => !shown.has(result.id));

function find(query) {
  return pagefind.search(query, { filters: activeFilters(), sort: state.sort === "newest" ? { date: "desc" } : undefined });
}

function showStatus(query) {
  const count = results.length;
  const month = bundlesSince[bundlesRead - 1];
  status.textContent = count
    ? word(olderLeft() ? "search.matchesSince" : "search.matches", { count, month, query })
    : word("search.noMatches", { query });
  more.hidden = !unshown().length && !olderLeft();
  more.querySelector("button").textContent = unshown().length ? word("search.more") : word("search.before", { month });
}

/** Shows the next results, reading older bundles when the ones read so far are all shown. */
async function showMore() {
  const run = latestRun;
  const query = state.q.trim();
  while (!unshown().length && olderLeft()) {
    await readOlderBundle();
    const search = await find(query);
    if (run !== latestRun || !search) return;
    results = search.results;
    updateCounts(search.filters);
  }
  const batch = unshown().slice(0, PAGE_SIZE);
  const pages = await Promise.all(batch.map((result) => result.data()));
  if (run !== latestRun) return;
  for (const result of batch) shown.add(result.id);
  list.append(...pages.map(resultItem));
  showStatus(query);
}

async function runSearch() {
  const run = ++latestRun;
  writeUrl();
  const query = state.q.trim();
  if (!query) {
    results = [];
    list.replaceChildren();
    more.hidden = true;
    status.textContent = word("search.prompt");
    if (filtersLoaded) updateCounts(await pagefind.filters());
    return;
  }
  let search = await find(query);
  // A full first page when the archive has one: newer bundles with few matches (or only
  // partial-word ones, Pagefind's fallback) make it look further back.
  while (search && search.results.length < PAGE_SIZE && olderLeft()) {
    await readOlderBundle();
    search = await find(query);
  }
  if (run !== latestRun || !search) return;
  results = search.results;
  shown = new Set();
  list.replaceChildren();
  updateCounts(search.filters);
  await showMore();
}

let typing;
input.addEventListener("input", () => {
  state.q = input.value;
  clearTimeout(typing);
  typing = setTimeout(runSearch, 150);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  state.q = input.value;
  runSearch();
});
sortSelect.addEventListener("change", () => {
  state.sort = sortSelect.value;
  runSearch();
});
more.querySelector("button").addEventListener("click", showMore);
/** A link or history entry with filters set opens the filters. */
async function openFiltersIfSet() {
  if (!FILTERS.some(([name]) => state.filters[name].size)) return;
  filterPanel.open = true;
  await loadFilters();
}

window.addEventListener("popstate", async () => {
  readUrl();
  await openFiltersIfSet();
  for (const { box } of checkboxes.values()) box.checked = state.filters[box.name].has(box.value);
  runSearch();
});

filterPanel.addEventListener("toggle", async () => {
  if (!filterPanel.open || filtersLoaded) return;
  await loadFilters();
  runSearch();
});

readUrl();
await openFiltersIfSet();
app.hidden = false;
runSearch();
