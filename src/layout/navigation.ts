// The links of the header's menu and of the footer, and the header's logo, from site.json
// (`menu`, `theme.logo`) and the publication's categories and pages.
import type { Publication } from "../content/load.ts";
import type { Link } from "../site/catalogue.ts";
import { categoryUrl } from "../urls/index.ts";

/** The header's menu: site.json `menu` in order, or every category in the order of categories.json. */
export function menuLinks({ site, categories, pages }: Publication): Link[] {
  const category = (id: string, label?: string): Link => ({ name: label ?? categories.get(id)!.name, url: categoryUrl(id) });
  if (!site.menu) return [...categories.keys()].map((id) => category(id));
  return site.menu.map((item) => {
    if (item.category !== undefined) return category(item.category, item.label);
    if (item.page !== undefined) {
      const page = pages.find((candidate) => candidate.slug === item.page)!;
      return { name: item.label ?? page.title, url: page.url };
    }
    return { name: item.label!, url: item.url! };
  });
}

/** The static pages the footer links (`footer: true`, the default), in the order of their file names. */
export function footerLinks({ pages }: Publication): Link[] {
  return pages.filter((page) => page.footer).map((page) => ({ name: page.title, url: page.url }));
}

/** The header's logo: `theme.logo` (else `logo`), with `theme.logoDark` for the dark scheme. */
export function headerLogo({ site }: Publication): { light: string; dark?: string } | undefined {
  const light = site.theme?.logo ?? site.logo;
  return light === undefined ? undefined : { light, dark: site.theme?.logoDark };
}
