import { t } from "../../../i18n/translate.ts";
import { type Html, html } from "../../html.ts";
import { layout, type PageUser } from "../layout.ts";

/** The roles that open the console: an admin does everything, support finds people and acts on them. */
export type OperatorRole = "admin" | "support";

/** The console's sections, in the order of its navigation. */
export type ConsoleSection = "people" | "identity-checks" | "audit" | "reports" | "apps" | "webhooks";

interface NavItem {
	section: ConsoleSection;
	href: string;
	label: () => string;
	/** Only these roles see it (and may open it). */
	roles: readonly OperatorRole[];
}

const everyone: readonly OperatorRole[] = ["admin", "support"];
const adminsOnly: readonly OperatorRole[] = ["admin"];

export const consoleNav: readonly NavItem[] = [
	{ section: "people", href: "/admin", label: () => t("console.nav.people"), roles: everyone },
	{ section: "identity-checks", href: "/admin/recovery", label: () => t("console.nav.identityChecks"), roles: everyone },
	{ section: "audit", href: "/admin/audit", label: () => t("console.nav.audit"), roles: everyone },
	{ section: "reports", href: "/admin/reports", label: () => t("console.nav.reports"), roles: everyone },
	{ section: "apps", href: "/admin/apps", label: () => t("console.nav.apps"), roles: adminsOnly },
	{ section: "webhooks", href: "/admin/webhooks", label: () => t("console.nav.webhooks"), roles: adminsOnly },
];

/** The operator a console page is shown to. */
export interface ConsoleUser extends PageUser {
	role: OperatorRole;
}

/**
 * A console page: the site's layout (header with the sign-out, footer with the
 * languages), wide, with the console's navigation above the page's own body. The
 * navigation shows only the sections the operator's role may open, and marks the
 * current one.
 */
export function consoleLayout(options: { title: string; user: ConsoleUser; section: ConsoleSection; body: Html }): Html {
	const { user, section } = options;
	const items = consoleNav.filter((item) => item.roles.includes(user.role));
	return layout({
		title: options.title,
		user: options.user,
		wide: true,
		body: html`<nav class="console-nav" aria-label="${t("console.nav.label")}">
  <p class="console-role">${t("console.nav.title")} · <span>${user.role === "admin" ? t("console.role.admin") : t("console.role.support")}</span></p>
  <ul>${items.map(
		(item) =>
			html`<li><a href="${item.href}"${item.section === section ? html` aria-current="page"` : ""}>${item.label()}</a></li>`,
	)}</ul>
</nav>
<div class="console-body">
${options.body}
</div>`,
	});
}
