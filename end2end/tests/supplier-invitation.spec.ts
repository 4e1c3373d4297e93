import type { Page } from "@playwright/test";
import { expect, test } from "./journey";
import { PASSWORD, hydrated, open, register, uniqueEmail } from "./helpers";

function dialog(page: Page) {
  return page.getByRole("dialog");
}

/** Mes fournisseurs › + Fournisseur, with the details the invitation pre-fills. */
async function createSupplier(page: Page, name: string) {
  await open(page, "/shop/suppliers");
  await page.getByRole("button", { name: "+ Fournisseur" }).click();
  await dialog(page).getByLabel("Nom du fournisseur").fill(name);
  await dialog(page).getByLabel("Téléphone").fill("77 123 45 67");
  await dialog(page).getByLabel("Adresse", { exact: true }).fill("Route de Dakar");
  await dialog(page).getByLabel("Ville").fill("Thiès");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(dialog(page)).toHaveCount(0);
}

test("a shopkeeper invites a manual supplier, who registers from the link and shows as verified", async ({
  page,
  browser,
}) => {
  await register(page, "shopkeeper");
  await createSupplier(page, "Grossiste Diop");
  const card = page.locator(".supplier-card").filter({ hasText: "Grossiste Diop" });
  await expect(card.getByText("Vérifié", { exact: true })).toHaveCount(0);

  // G7: "Inviter à s'inscrire" in the supplier's detail asks for the e-mail and gives the link.
  await card.getByRole("button", { name: "Détails" }).click();
  await dialog(page).getByRole("button", { name: "Inviter à s'inscrire" }).click();
  const email = uniqueEmail("diop");
  await dialog(page).getByLabel("Adresse e-mail").fill("diop");
  await dialog(page).getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(page.locator("#invite-email-error")).toContainText("adresse e-mail");
  await dialog(page).getByLabel("Adresse e-mail").fill(email);
  await dialog(page).getByRole("button", { name: "Envoyer l'invitation" }).click();
  // No SMTP on the test server: the invitation is made, and the shop is told to share its link.
  await expect(dialog(page).getByText(`Invitation créée pour ${email}.`)).toBeVisible();
  await expect(dialog(page).getByText("Aucun e-mail n'est parti : envoyez le lien ci-dessous par WhatsApp ou copiez-le.")).toBeVisible();
  const link = await dialog(page).getByLabel("Lien d'inscription").inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invitation\/[0-9a-f]{64}$/);
  const whatsapp = await dialog(page).getByRole("link", { name: "Partager par WhatsApp" }).getAttribute("href");
  expect(whatsapp).toMatch(/^https:\/\/wa\.me\/\?text=/);
  expect(decodeURIComponent(whatsapp!.split("text=")[1])).toContain(link);
  await expect(dialog(page).getByRole("button", { name: "Copier le lien" })).toBeVisible();

  // The supplier, on its own phone, opens the link: the form is pre-filled from the shop's record.
  const supplierContext = await browser.newContext();
  const supplier = await supplierContext.newPage();
  await open(supplier, link);
  await expect(supplier.getByText("La boutique « Boutique Awa » vous invite")).toBeVisible();
  await expect(supplier.getByLabel("Nom de l'entreprise")).toHaveValue("Grossiste Diop");
  await expect(supplier.getByLabel("Adresse e-mail")).toHaveValue(email);
  await expect(supplier.getByLabel("Téléphone")).toHaveValue("771234567");
  await expect(supplier.getByLabel("Ville")).toHaveValue("Thiès");
  await expect(supplier.getByLabel("Adresse", { exact: true })).toHaveValue("Route de Dakar");
  await supplier.getByLabel("Votre nom").fill("Mamadou Diop");
  await supplier.getByLabel("Mot de passe", { exact: true }).fill(PASSWORD);
  await supplier.getByRole("button", { name: "Créer mon compte fournisseur" }).click();
  await supplier.waitForURL((url) => url.pathname === "/supplier");
  await hydrated(supplier);

  // The shop's supplier is now "Vérifié", in the list and in its detail, and needs no invitation.
  await page.reload();
  await hydrated(page);
  await expect(card.getByText("Vérifié", { exact: true })).toBeVisible();
  await card.getByRole("button", { name: "Détails" }).click();
  await expect(dialog(page).getByText("Vérifié", { exact: true })).toBeVisible();
  await expect(dialog(page).getByRole("button", { name: "Inviter à s'inscrire" })).toHaveCount(0);

  // The link works once.
  const laterContext = await browser.newContext();
  const later = await laterContext.newPage();
  await open(later, link);
  await expect(later.locator("[data-invitation='refused']")).toHaveText(
    "Cette invitation a déjà été utilisée. Connectez-vous avec le compte créé.",
  );
  await expect(later.getByLabel("Mot de passe", { exact: true })).toHaveCount(0);
  await supplierContext.close();
  await laterContext.close();
});
