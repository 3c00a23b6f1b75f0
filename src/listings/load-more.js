// "Load more": fetches the next page of a listing and appends its stories in place, then
// moves focus to the first new story and puts the loaded page's URL in the address bar.
// Without JavaScript (or if anything fails) the link simply opens the next page.
(() => {
  const link = document.querySelector("a[data-load-more]");
  const list = document.getElementById("stories");
  if (!link || !list || !window.fetch || !window.DOMParser) return;

  const label = link.textContent;
  // What it says while loading and once loaded, in the site's language (messages from src/i18n).
  const { language, messages } = JSON.parse(link.dataset.messages);
  const loaded = (count) => {
    const forms = messages["listing.loaded"];
    const text = typeof forms === "string" ? forms : (forms[new Intl.PluralRules(language).select(count)] ?? forms.other);
    return text.replace(/\{count\}/g, new Intl.NumberFormat(language).format(count));
  };
  const announcer = document.createElement("p");
  announcer.className = "visually-hidden";
  announcer.setAttribute("aria-live", "polite");
  link.parentElement.after(announcer);
  link.setAttribute("role", "button");

  // Replace a part of this page (status line, page navigation) with the loaded page's.
  const swap = (selector, from) => {
    const mine = document.querySelector(selector);
    const theirs = from.querySelector(selector);
    if (mine && theirs) mine.replaceWith(document.importNode(theirs, true));
  };

  link.addEventListener("click", async (event) => {
    event.preventDefault();
    if (link.getAttribute("aria-busy") === "true") return;
    const url = link.href;
    link.setAttribute("aria-busy", "true");
    link.textContent = messages["listing.loading"];
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const stories = [...page.querySelectorAll("#stories > li")].map((story) => document.importNode(story, true));
      list.append(...stories);
      swap(".listing > .pager-status", page);
      swap(".listing > nav.pager", page);
      history.replaceState(history.state, "", url);
      document.title = page.title;

      const next = page.querySelector("a[data-load-more]");
      if (next) {
        link.href = next.getAttribute("href");
        link.textContent = label;
        link.removeAttribute("aria-busy");
      } else {
        link.parentElement.remove();
      }
      announcer.textContent = loaded(stories.length);
      stories[0]?.querySelector(".card-title a")?.focus();
    } catch {
      window.location.href = url;
    }
  });
})();
