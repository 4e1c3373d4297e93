//! The translation table: every key with its French and English text. `cargo test` checks
//! that every key used in the code exists and every key here is used.

macro_rules! messages {
    ($($key:literal => $fr:literal, $en:literal;)*) => {
        pub(super) fn lookup(key: &str) -> Option<(&'static str, &'static str)> {
            match key {
                $($key => Some(($fr, $en)),)*
                _ => None,
            }
        }
        #[cfg(test)]
        const KEYS: &[&str] = &[$($key),*];
    };
}

messages! {
    "app.name" => "Boutiq", "Boutiq";
    "app.tagline" => "Votre stock et vos fournisseurs, dans la poche.", "Your stock and your suppliers, in your pocket.";
    "common.loading" => "Chargement…", "Loading…";
    "sync.offline" => "Mode hors ligne", "Offline mode";
    "sync.just_now" => "Mis à jour à l'instant", "Updated just now";
    "sync.minutes_ago" => "Mis à jour il y a {count} min", "Updated {count} min ago";
    "sync.hours_ago" => "Mis à jour il y a {count} h", "Updated {count} h ago";
    "sync.pending" => "{count} {count:changement|changements} en attente d'envoi", "{count} {count:change|changes} waiting to be sent";
    "sync.needs_network" => "Cette page a besoin du réseau. Elle s'ouvrira dès que la connexion reviendra.", "This page needs the network. It will open as soon as you are back online.";
    "sync.review.title" => "À revoir", "To review";
    "sync.review.discard" => "Ignorer", "Discard";
    "sync.review.correct" => "Enregistrer comme correction", "Record as a correction";
    "sync.review.in" => "Entrée de {quantity} × {product}", "Stock in: {quantity} × {product}";
    "sync.review.edit" => "Modification de {name}", "Edit of {name}";
    "sync.review.create" => "Création de {name}", "New product {name}";
    "sync.review.delete" => "Suppression de {name}", "Deletion of {name}";
    "sync.review.category" => "Catégorie {name}", "Category {name}";
    "sync.review.category_delete" => "Suppression de la catégorie {name}", "Deletion of category {name}";
    "sync.review.supplier" => "Fournisseur {name}", "Supplier {name}";
    "sync.review.out" => "Sortie de {quantity} × {product}", "Stock out: {quantity} × {product}";
    "sync.review.order" => "Commande n°{number} : {status}", "Order no. {number}: {status}";
    "sync.review.order_create" => "Nouvelle commande à {name}", "New order to {name}";
    "sync.review.delivery" => "Réception de la commande n°{number}", "Receipt of order no. {number}";
    "sync.review.alerts_read" => "Alertes marquées comme lues", "Alerts marked as read";
    "sync.review.alert_dismissed" => "Alerte ignorée", "Alert dismissed";
    "sync.review.alert_rules" => "Règles des alertes", "Alert rules";
    "sync.review.settings" => "Réglages des fichiers", "File settings";
    "common.close" => "Fermer", "Close";
    "common.save" => "Enregistrer", "Save";
    "common.edit" => "Modifier", "Edit";
    "common.delete" => "Supprimer", "Delete";
    "common.confirm_delete" => "Oui, supprimer", "Yes, delete";

    "products.add" => "+ Produit", "+ Product";
    "products.all" => "Tous", "All";
    "products.count" => "{count} {count:produit|produits}", "{count} {count:product|products}";
    "products.empty" => "Aucun produit ne correspond. Ajoutez-en avec « + Produit ».", "No product matches. Add one with \"+ Product\".";
    "products.search" => "Nom ou code-barres", "Name or barcode";
    "products.search.go" => "Chercher", "Search";
    "products.options" => "Filtres", "Filters";
    "products.filter.status" => "Filtrer par état du stock", "Filter by stock status";
    "products.filter.all_status" => "Tous les états", "Every status";
    "products.sort" => "Trier", "Sort";
    "products.sort.name" => "Nom (A → Z)", "Name (A → Z)";
    "products.sort.price_asc" => "Prix croissant", "Price, lowest first";
    "products.sort.price_desc" => "Prix décroissant", "Price, highest first";
    "products.sort.quantity" => "Quantité", "Quantity";
    "products.sort.newest" => "Plus récents", "Newest";
    "products.sort.status" => "État du stock", "Stock status";
    "products.view.grid" => "Vue grille", "Grid view";
    "products.view.list" => "Vue liste", "List view";
    "products.pages" => "Pages de produits", "Product pages";
    "products.page" => "Page {page} / {pages}", "Page {page} of {pages}";
    "products.previous" => "Précédent", "Previous";
    "products.next" => "Suivant", "Next";
    "products.duplicate" => "Dupliquer", "Duplicate";
    "products.delete.title" => "Supprimer le produit", "Delete the product";
    "products.delete.confirm" => "Supprimer « {name} » et son historique de stock ?", "Delete \"{name}\" and its stock history?";

    "product.form.new" => "Nouveau produit", "New product";
    "product.form.edit" => "Modifier le produit", "Edit the product";
    "product.name" => "Nom du produit", "Product name";
    "product.sku" => "Code-barres / référence", "Barcode / SKU";
    "product.category" => "Catégorie", "Category";
    "product.unit" => "Unité", "Unit";
    "product.opening_quantity" => "Quantité en stock", "Quantity in stock";
    "product.min_stock" => "Stock minimum", "Minimum stock";
    "product.max_stock" => "Stock maximum", "Maximum stock";
    "product.purchase_price" => "Prix d'achat (F CFA)", "Purchase price (F CFA)";
    "product.sale_price" => "Prix de vente (F CFA)", "Sale price (F CFA)";
    "product.notes" => "Notes", "Notes";
    "product.detail.title" => "Fiche produit", "Product details";
    "product.detail.sale_price" => "Prix de vente", "Sale price";
    "product.detail.purchase_price" => "Prix d'achat", "Purchase price";
    "product.detail.limits" => "Stock min – max", "Stock min – max";

    "category.none" => "Sans catégorie", "Uncategorised";
    "category.manage" => "Catégories", "Categories";
    "category.manage.button" => "Gérer", "Manage";
    "category.new" => "Nouvelle catégorie", "New category";
    "category.add" => "Ajouter", "Add";
    "category.name" => "Nom de la catégorie", "Category name";
    "category.rename" => "Renommer", "Rename";
    "category.count" => "{count} {count:produit|produits}", "{count} {count:product|products}";
    "category.delete.confirm" => "{count:Son produit passera|Ses {count} produits passeront} dans « Sans catégorie ».", "{count:Its product|Its {count} products} will move to \"Uncategorised\".";

    "stock.status.rupture" => "Rupture", "Out of stock";
    "stock.status.low" => "Stock bas", "Low stock";
    "stock.status.normal" => "Normal", "Normal";
    "stock.status.over" => "Surstock", "Overstock";
    "stock.in" => "Entrée", "Stock in";
    "stock.out" => "Sortie", "Stock out";
    "stock.in.title" => "Entrée de stock", "Stock in";
    "stock.out.title" => "Sortie de stock", "Stock out";
    "stock.current" => "en stock : {quantity}", "in stock: {quantity}";
    "stock.quantity" => "Quantité", "Quantity";
    "stock.reason" => "Motif", "Reason";
    "stock.note" => "Précision (facultatif, obligatoire pour « Autre »)", "Detail (optional, required for \"Other\")";
    "orders.note" => "Note sur la commande (facultatif)", "Order note (optional)";
    "stock.reason.opening" => "Stock initial", "Opening stock";
    "stock.reason.sale" => "Vente", "Sale";
    "stock.reason.delivery" => "Livraison", "Delivery";
    "stock.reason.loss" => "Perte", "Loss";
    "stock.reason.breakage" => "Casse", "Breakage";
    "stock.reason.correction" => "Correction", "Correction";
    "stock.reason.return" => "Retour", "Return";
    "stock.reason.other" => "Autre", "Other";
    "stock.ledger.title" => "Historique du stock", "Stock history";
    "stock.ledger.date" => "Date", "Date";
    "stock.ledger.movement" => "Mouvement", "Movement";
    "stock.ledger.balance" => "Solde", "Balance";
    "stock.ledger.by" => "Par", "By";
    "stock.ledger.empty" => "Aucun mouvement pour ce produit.", "No movement for this product yet.";
    "stock.ledger.older" => "Mouvements plus anciens", "Older movements";
    "stock.ledger.older_offline" => "Les mouvements plus anciens s'afficheront avec le réseau.", "Older movements show once you are back online.";

    "nav.label" => "Navigation principale", "Main navigation";
    "nav.dashboard" => "Tableau de bord", "Dashboard";
    "nav.home" => "Accueil", "Home";
    "nav.more" => "Plus", "More";
    "nav.products" => "Produits", "Products";
    "nav.orders" => "Commandes", "Orders";
    "nav.suppliers" => "Fournisseurs", "Suppliers";
    "nav.alerts" => "Alertes", "Alerts";
    "nav.catalog" => "Catalogue", "Catalogue";
    "nav.settings" => "Paramètres", "Settings";

    "page.shop.dashboard.intro" => "Bonjour {name}. Voici la boutique {workspace}.", "Hello {name}. This is the {workspace} shop.";
    "history.title" => "Historique", "History";
    "history.kind" => "Type de mouvement", "Kind of movement";
    "history.all" => "Tous", "All";
    "history.in" => "Entrées", "In";
    "history.out" => "Sorties", "Out";
    "history.from" => "Du", "From";
    "history.to" => "Au", "To";
    "history.count" => "{count} {count:mouvement|mouvements}", "{count} {count:movement|movements}";
    "history.empty" => "Aucun mouvement sur cette période.", "No movement in this period.";
    "dashboard.products" => "Produits", "Products";
    "dashboard.stock_value" => "Valeur du stock (prix d'achat)", "Stock value (purchase price)";
    "dashboard.rupture_banner" => "{count} {count:produit|produits} en rupture de stock — voir la liste", "{count} {count:product|products} out of stock — see the list";
    "page.supplier.dashboard.intro" => "Bonjour {name}. Voici l'espace fournisseur de {workspace}.", "Hello {name}. This is the supplier space of {workspace}.";
    "page.supplier.orders.intro" => "Les commandes reçues des boutiques.", "Orders received from shops.";

    "login.title" => "Connexion", "Sign in";
    "login.email" => "Adresse e-mail", "E-mail address";
    "login.password" => "Mot de passe", "Password";
    "login.remember" => "Se souvenir de moi", "Remember me";
    "login.submit" => "Se connecter", "Sign in";
    "login.needs_network" => "Se connecter demande le réseau. Réessayez dès qu'il revient.", "Signing in needs the network. Try again once you are back online.";
    "login.no_account" => "Pas encore de compte ?", "No account yet?";
    "login.register" => "Créer un compte", "Create an account";

    "register.title" => "Créer un compte", "Create an account";
    "register.choose" => "Vous êtes…", "You are…";
    "register.shopkeeper" => "Commerçant", "Shopkeeper";
    "register.shopkeeper.text" => "Je gère le stock de ma boutique et je commande à mes fournisseurs.", "I run my shop's stock and order from my suppliers.";
    "register.supplier" => "Fournisseur", "Supplier";
    "register.supplier.text" => "Je vends en gros aux boutiques et je reçois leurs commandes.", "I sell wholesale to shops and receive their orders.";
    "register.as_shopkeeper" => "Compte commerçant", "Shopkeeper account";
    "register.as_supplier" => "Compte fournisseur", "Supplier account";
    "register.name" => "Votre nom", "Your name";
    "register.shop_name" => "Nom de la boutique", "Shop name";
    "register.company_name" => "Nom de l'entreprise", "Company name";
    "register.submit" => "Créer mon compte", "Create my account";
    "register.change_role" => "Changer de type de compte", "Change account type";
    "register.have_account" => "Déjà un compte ?", "Already have an account?";
    "register.login" => "Se connecter", "Sign in";

    "password.meter.label" => "Solidité du mot de passe", "Password strength";
    "password.meter.empty" => "Au moins 8 caractères, avec des lettres et des chiffres", "At least 8 characters, with letters and digits";
    "password.meter.fair" => "Mot de passe correct", "Fair password";
    "password.meter.strong" => "Mot de passe solide", "Strong password";

    "settings.account" => "Mon compte", "My account";
    "settings.role" => "Type de compte", "Account type";
    "settings.role.shopkeeper" => "Commerçant", "Shopkeeper";
    "settings.role.supplier" => "Fournisseur", "Supplier";
    "settings.shop" => "Ma boutique", "My shop";
    "settings.company" => "Mon entreprise", "My company";
    "settings.currency" => "Devise", "Currency";
    "settings.created" => "Créée le {date}", "Created on {date}";
    "settings.verified" => "Vérifié", "Verified";
    "settings.not_verified" => "Non vérifié", "Not verified";
    "settings.rating" => "Note moyenne", "Average rating";
    "settings.no_rating" => "Pas encore de note", "No rating yet";
    "settings.display" => "Affichage", "Display";
    "settings.language" => "Langue", "Language";
    "settings.theme" => "Thème", "Theme";
    "settings.theme.auto" => "Automatique", "Automatic";
    "settings.theme.light" => "Clair", "Light";
    "settings.theme.dark" => "Sombre", "Dark";
    "settings.text_size" => "Taille du texte", "Text size";
    "settings.text_size.small" => "Petite", "Small";
    "settings.text_size.normal" => "Normale", "Normal";
    "settings.text_size.large" => "Grande", "Large";
    "settings.logout" => "Se déconnecter", "Sign out";
    "settings.logout.unsent" => "Des changements ne sont pas encore envoyés ({count}) : vous déconnecter maintenant les efface de ce téléphone. Retrouvez le réseau pour les envoyer d'abord.", "Some changes are not sent yet ({count}): signing out now erases them from this phone. Get back online to send them first.";
    "settings.logout.anyway" => "Me déconnecter quand même", "Sign out anyway";

    "denied.title" => "Accès refusé", "Access denied";
    "denied.text" => "Cette page appartient à un autre type de compte.", "This page belongs to another kind of account.";
    "denied.back" => "Retour à mon espace", "Back to my space";
    "notfound.title" => "Page introuvable", "Page not found";
    "notfound.back" => "Retour à l'accueil", "Back to the start";

    "error.sync.cursor" => "Synchronisation à reprendre depuis le début.", "Synchronisation must start over.";
    "error.field.required" => "Ce champ est obligatoire.", "This field is required.";
    "error.field.too_long" => "Ce texte est trop long.", "This text is too long.";
    "error.email.required" => "Saisissez votre adresse e-mail.", "Enter your e-mail address.";
    "error.email.invalid" => "Cette adresse e-mail n'est pas valide (exemple : awa@exemple.sn).", "This e-mail address is not valid (example: awa@example.sn).";
    "error.email.taken" => "Un compte existe déjà avec cette adresse e-mail.", "An account already exists with this e-mail address.";
    "error.password.required" => "Saisissez votre mot de passe.", "Enter your password.";
    "error.password.too_short" => "Au moins 8 caractères.", "At least 8 characters.";
    "error.password.too_long" => "128 caractères au plus.", "128 characters at most.";
    "error.password.letters_and_digits" => "Mélangez des lettres et des chiffres.", "Mix letters and digits.";
    "error.date.invalid" => "Date invalide.", "Invalid date.";
    "error.date.before_start" => "La date de fin précède la date de début.", "The end date is before the start date.";
    "error.number.invalid" => "Saisissez un nombre entier.", "Enter a whole number.";
    "error.number.negative" => "Le nombre ne peut pas être négatif.", "The number cannot be negative.";
    "error.quantity.positive" => "Saisissez une quantité supérieure à zéro.", "Enter a quantity above zero.";
    "error.quantity.too_large" => "Ce nombre est trop grand.", "This number is too large.";
    "error.stock.max_below_min" => "Le stock maximum doit dépasser le stock minimum.", "Maximum stock must be above minimum stock.";
    "error.stock.insufficient" => "Stock insuffisant pour cette sortie.", "Not enough stock for this removal.";
    "error.reason.unknown" => "Choisissez un motif dans la liste.", "Choose a reason from the list.";
    "error.reason.direction" => "Ce motif ne convient pas à ce sens de mouvement.", "This reason does not fit this direction of movement.";
    "error.reason.other_needs_text" => "Précisez le motif.", "Say what the reason is.";
    "error.sku.taken" => "Un autre produit de la boutique a déjà ce code.", "Another product of the shop already has this code.";
    "error.category.taken" => "Cette catégorie existe déjà.", "This category already exists.";
    "error.category.unknown" => "Cette catégorie n'existe plus. Choisissez-en une autre.", "This category no longer exists. Choose another one.";
    "error.role.required" => "Choisissez un type de compte.", "Choose an account type.";
    "error.op.invalid" => "Requête invalide. Rechargez la page.", "Invalid request. Reload the page.";
    "error.id.invalid" => "Élément introuvable. Rechargez la page.", "Item not found. Reload the page.";
    "error.id.taken" => "Cet élément existe déjà.", "This item already exists.";
    "error.page.invalid" => "Cette page n'existe pas.", "This page does not exist.";
    "error.op.reused" => "Cette action a déjà été envoyée avec d'autres données. Rechargez la page.", "This action was already sent with other data. Reload the page.";
    "error.crypto" => "Ce navigateur ne peut pas créer d'identifiant sûr : mettez-le à jour.", "This browser cannot make a secure id: please update it.";
    "error.auth.wrong_credentials" => "E-mail ou mot de passe incorrect.", "Wrong e-mail or password.";
    "error.auth.required" => "Connectez-vous pour continuer.", "Sign in to continue.";
    "error.auth.rate_limited" => "Trop de tentatives. Réessayez dans une minute.", "Too many attempts. Try again in a minute.";
    "error.forbidden" => "Vous n'avez pas accès à cette action.", "You are not allowed to do this.";
    "error.not_found" => "Élément introuvable.", "Not found.";
    "error.bad_request" => "Requête invalide. Rechargez la page.", "Invalid request. Reload the page.";
    "error.network" => "Pas de connexion au serveur. Vérifiez le réseau et réessayez.", "Cannot reach the server. Check the network and try again.";
    "error.internal" => "Une erreur est survenue. Réessayez plus tard.", "Something went wrong. Try again later.";
    "product.supplier" => "Fournisseur habituel", "Usual supplier";
    "product.supplier.none" => "Aucun", "None";
    "dashboard.pending_orders" => "Commandes en attente", "Pending orders";
    "dashboard.active_orders" => "Commandes en cours", "Active orders";
    "dashboard.next_delivery" => "Prochaine livraison", "Next delivery";
    "dashboard.none" => "Aucune", "None";
    "dashboard.stats" => "Voir statistiques", "See statistics";
    "stats.title" => "Statistiques", "Statistics";
    "stats.period" => "Période", "Period";
    "stats.days" => "{days} jours", "{days} days";
    "stats.usage" => "Vous avez {products} {products:produit|produits}, {orders} {orders:commande|commandes} ce mois, {alerts} {alerts:alerte traitée|alertes traitées}.", "You have {products} {products:product|products}, {orders} {orders:order|orders} this month, {alerts} {alerts:alert|alerts} handled.";
    "stats.covers" => "Du {from} au {to}", "From {from} to {to}";
    "stats.export_products" => "Exporter CSV (produits)", "Export CSV (products)";
    "stats.export_movements" => "Exporter CSV (mouvements)", "Export CSV (movements)";
    "stats.by_category" => "Valeur du stock par catégorie", "Stock value by category";
    "stats.no_products" => "Aucun produit pour l'instant.", "No products yet.";
    "stats.by_status" => "États du stock", "Stock status";
    "stats.flows" => "Entrées et sorties", "In and out";
    "stats.total_in" => "Entrées : {units}", "In: {units}";
    "stats.total_out" => "Sorties : {units}", "Out: {units}";
    "stats.day" => "Jour", "Day";
    "stats.top_value" => "Plus grande valeur en stock", "Highest stock value";
    "stats.top_sellers" => "Top 3 des ventes", "Top 3 sellers";
    "stats.nothing_yet" => "Rien sur cette période.", "Nothing in this period.";
    "import.column.name" => "Nom", "Name";
    "import.column.sku" => "SKU", "SKU";
    "import.column.category" => "Catégorie", "Category";
    "import.column.unit" => "Unité", "Unit";
    "import.column.quantity" => "Quantité", "Quantity";
    "import.column.min_stock" => "Stock min", "Min stock";
    "import.column.max_stock" => "Stock max", "Max stock";
    "import.column.purchase_price" => "Prix d'achat", "Purchase price";
    "import.column.sale_price" => "Prix de vente", "Sale price";
    "import.column.notes" => "Notes", "Notes";
    "import.column.ignored" => "— Ignorer —", "— Ignore —";
    "export.stock_value" => "Valeur du stock", "Stock value";
    "export.status" => "État", "Status";
    "export.supplier" => "Fournisseur habituel", "Usual supplier";
    "export.date" => "Date", "Date";
    "export.product" => "Produit", "Product";
    "export.kind" => "Type", "Type";
    "export.note" => "Note", "Note";
    "export.balance" => "Stock après", "Stock after";
    "export.by" => "Par", "By";
    "error.import.too_large" => "Fichier trop volumineux : 2 Mo au plus.", "File too large: 2 MB at most.";
    "error.import.encoding" => "Ce fichier n'est pas un CSV en UTF-8. Dans Excel : Enregistrer sous › « CSV UTF-8 ».", "This file is not a UTF-8 CSV. In Excel: Save as › \"CSV UTF-8\".";
    "error.import.empty" => "Le fichier ne contient aucune ligne de produit sous les en-têtes.", "The file has no product rows under its headers.";
    "error.import.malformed" => "Fichier CSV illisible (guillemets non fermés ?).", "Unreadable CSV file (unclosed quotes?).";
    "error.import.too_many_rows" => "Trop de lignes : 20 000 au plus par fichier.", "Too many rows: 20,000 at most per file.";
    "error.import.missing" => "Choisissez un fichier CSV.", "Choose a CSV file.";
    "error.import.expired" => "Ce fichier n'est plus disponible : envoyez-le à nouveau.", "This file is no longer available: send it again.";
    "error.import.name_column" => "Indiquez la colonne du nom du produit.", "Choose the column of the product name.";
    "error.import.column_twice" => "Chaque champ ne peut venir que d'une colonne.", "Each field can come from one column only.";
    "error.import.name_missing" => "Nom manquant", "Missing name";
    "error.import.number" => "Nombre entier attendu", "Whole number expected";
    "error.import.amount" => "Montant invalide", "Invalid amount";
    "error.import.duplicate_sku" => "SKU déjà présent plus haut dans le fichier", "SKU already used higher in the file";
    "error.import.refused" => "Valeur refusée", "Value refused";
    "error.import.interrupted" => "L'import s'est interrompu : relancez-le, les produits déjà importés ne seront pas recréés.", "The import stopped: start it again, products already imported will not be created twice.";
    "error.settings.separator" => "Choisissez « ; » ou « , ».", "Choose \";\" or \",\".";
    "error.settings.date_format" => "Format de date inconnu.", "Unknown date format.";
    "error.backup.not_json" => "Ce fichier n'est pas une sauvegarde Boutiq.", "This file is not a Boutiq backup.";
    "error.backup.version" => "Sauvegarde d'une version plus récente de Boutiq : mettez l'application à jour.", "Backup from a newer Boutiq: update the app.";
    "error.backup.damaged" => "Sauvegarde endommagée : rien n'a été modifié.", "Damaged backup: nothing was changed.";
    "error.backup.too_large" => "Fichier trop volumineux : 64 Mo au plus.", "File too large: 64 MB at most.";
    "error.backup.missing" => "Choisissez un fichier de sauvegarde.", "Choose a backup file.";
    "error.backup.not_empty" => "La boutique contient des données : confirmez leur remplacement.", "The shop holds data: confirm replacing it.";
    "error.backup.reference" => "Sauvegarde refusée : un enregistrement renvoie à un autre qui n'est pas dans le fichier. Rien n'a été modifié.", "Backup refused: a record refers to one that is not in the file. Nothing was changed.";
    "error.backup.taken" => "Sauvegarde refusée : un enregistrement porte l'identifiant d'un enregistrement d'une autre boutique. Rien n'a été modifié.", "Backup refused: a record has the id of another shop's record. Nothing was changed.";
    "error.backup.quantity" => "Sauvegarde refusée : la quantité d'un produit n'est pas la somme de ses mouvements. Rien n'a été modifié.", "Backup refused: a product's quantity is not the sum of its movements. Nothing was changed.";
    "error.backup.photo" => "Sauvegarde refusée : une photo n'est pas un fichier de cette boutique. Rien n'a été modifié.", "Backup refused: a photo is not a file of this shop. Nothing was changed.";
    "import.title" => "Importer des produits", "Import products";
    "import.intro" => "Un fichier CSV (Excel : Enregistrer sous › CSV UTF-8) avec une ligne d'en-têtes : Nom, SKU, Catégorie, Unité, Quantité, Stock min, Stock max, Prix d'achat, Prix de vente, Notes. Les produits existants sont mis à jour par leur SKU (à défaut, leur nom).", "A CSV file (Excel: Save as › CSV UTF-8) with a header row: Name, SKU, Category, Unit, Quantity, Min stock, Max stock, Purchase price, Sale price, Notes. Existing products are updated by their SKU (else their name).";
    "import.sample" => "Télécharger un fichier d'exemple", "Download a sample file";
    "import.choose" => "Choisir un fichier CSV", "Choose a CSV file";
    "import.reading" => "Lecture du fichier…", "Reading the file…";
    "import.counts" => "{rows} lignes : {valid} à importer, {skipped} ignorées.", "{rows} rows: {valid} to import, {skipped} skipped.";
    "import.mapping" => "Colonnes", "Columns";
    "import.file_column" => "Colonne du fichier", "File column";
    "import.field" => "Champ", "Field";
    "import.example" => "Exemple", "Example";
    "import.first_rows" => "Premières lignes", "First rows";
    "import.start" => "Importer {count} produits", "Import {count} products";
    "import.progress" => "Progression de l'import", "Import progress";
    "import.progress_text" => "{done} / {total} lignes traitées", "{done} / {total} rows done";
    "import.result" => "Import terminé : {created} créés, {updated} mis à jour, {unchanged} inchangés, {refused} refusés.", "Import finished: {created} created, {updated} updated, {unchanged} unchanged, {refused} refused.";
    "import.see_products" => "Voir les produits", "See the products";
    "import.skipped" => "Lignes ignorées ({count})", "Skipped rows ({count})";
    "import.row_error" => "Ligne {line}{column} : {message}", "Line {line}{column}: {message}";
    "products.import" => "Importer CSV", "Import CSV";
    "settings.files" => "Fichiers CSV", "CSV files";
    "settings.separator" => "Séparateur de colonnes", "Column separator";
    "settings.separator.semicolon" => "Point-virgule « ; » (Excel en français)", "Semicolon \";\" (French Excel)";
    "settings.separator.comma" => "Virgule « , »", "Comma \",\"";
    "settings.date_format" => "Format des dates", "Date format";
    "settings.saved" => "Enregistré.", "Saved.";
    "backup.title" => "Sauvegarde", "Backup";
    "backup.intro" => "Toutes les données de la boutique (produits, mouvements, fournisseurs, commandes, alertes, réglages) dans un fichier. Les photos n'y sont pas.", "All of the shop's data (products, movements, suppliers, orders, alerts, settings) in one file. Photos are not included.";
    "backup.download" => "Télécharger la sauvegarde", "Download the backup";
    "backup.restore" => "Restaurer", "Restore";
    "backup.restoring" => "Restauration…", "Restoring…";
    "backup.restored" => "Sauvegarde restaurée : {count} enregistrements.", "Backup restored: {count} records.";
    "backup.confirm_title" => "Remplacer les données ?", "Replace the data?";
    "backup.confirm" => "Toutes les données actuelles de la boutique seront remplacées par celles de la sauvegarde.", "All of the shop's current data will be replaced by the backup's.";
    "backup.replace" => "Oui, remplacer", "Yes, replace";
    "history.export" => "Exporter CSV", "Export CSV";
    "profile.missing.company" => "le nom de l'entreprise", "the company name";
    "profile.missing.city" => "la ville", "the city";
    "profile.missing.category" => "au moins une catégorie", "at least one category";
    "error.profile.delivery_days" => "Délai de livraison : de 0 à 90 jours.", "Delivery time: 0 to 90 days.";
    "error.profile.too_many" => "20 éléments au plus.", "20 items at most.";
    "profile.description" => "Description", "Description";
    "profile.delivery_zones" => "Zones de livraison", "Delivery zones";
    "profile.categories" => "Catégories de produits", "Product categories";
    "profile.lists_hint" => "Séparez les zones et les catégories par des virgules.", "Separate zones and categories with commas.";
    "profile.min_order_amount" => "Montant minimum de commande (F CFA)", "Minimum order amount (F CFA)";
    "profile.delivery_days" => "Délai moyen de livraison (jours)", "Average delivery time (days)";
    "profile.complete" => "Votre profil est complet : les commerçants peuvent vous trouver.", "Your profile is complete: shopkeepers can find you.";
    "profile.incomplete" => "Pour apparaître dans la marketplace, complétez votre profil :", "To appear in the marketplace, complete your profile:";
    "profile.complete_it" => "Compléter mon profil", "Complete my profile";
    "catalog.add" => "+ Article", "+ Item";
    "catalog.edit" => "Modifier l'article", "Edit the item";
    "catalog.search" => "Nom ou catégorie", "Name or category";
    "catalog.category_filter" => "Filtrer par catégorie", "Filter by category";
    "catalog.all_categories" => "Toutes les catégories", "All categories";
    "catalog.count" => "{count} {count:article|articles}", "{count} {count:item|items}";
    "catalog.empty" => "Aucun article. Ajoutez ce que vous vendez aux boutiques.", "No items. Add what you sell to shops.";
    "catalog.minimum" => "Minimum : {count}", "Minimum: {count}";
    "catalog.stock" => "Stock : {count} {unit}", "Stock: {count} {unit}";
    "catalog.available" => "Disponible", "Available";
    "catalog.toggle_failed" => "Changement non enregistré : réessayez.", "Change not saved: try again.";
    "catalog.delete.title" => "Supprimer l'article ?", "Delete the item?";
    "catalog.delete.confirm" => "« {name} » sera retiré de votre catalogue.", "\"{name}\" will be removed from your catalogue.";
    "catalog.name" => "Nom de l'article", "Item name";
    "catalog.price" => "Prix unitaire (F CFA)", "Unit price (F CFA)";
    "catalog.min_order_quantity" => "Quantité minimum de commande", "Minimum order quantity";
    "catalog.stock_available" => "Stock disponible (vide : non suivi)", "Stock available (empty: not tracked)";
    "error.catalog.min_quantity" => "Au moins 1.", "At least 1.";
    "dashboard.suppliers" => "Fournisseurs", "Suppliers";
    "suppliers.add" => "+ Fournisseur", "+ Supplier";
    "suppliers.empty" => "Aucun fournisseur pour l'instant. Ajoutez ceux chez qui vous achetez.", "No suppliers yet. Add the ones you buy from.";
    "suppliers.sort" => "Trier les fournisseurs", "Sort suppliers";
    "suppliers.sort.name" => "Nom", "Name";
    "suppliers.sort.orders" => "Nombre de commandes", "Number of orders";
    "suppliers.sort.last_order" => "Dernière commande", "Last order";
    "suppliers.sort.rating" => "Note", "Rating";
    "suppliers.verified" => "Vérifié", "Verified";
    "suppliers.pin" => "Épingler en favori", "Pin as favourite";
    "suppliers.unpin" => "Retirer des favoris", "Remove from favourites";
    "suppliers.order_count" => "{count} {count:commande|commandes}", "{count} {count:order|orders}";
    "suppliers.last_order" => "dernière le {date}", "last on {date}";
    "suppliers.rating" => "Note moyenne {rating} sur 5", "Average rating {rating} out of 5";
    "suppliers.details" => "Détails", "Details";
    "suppliers.call" => "Appeler", "Call";
    "suppliers.sms" => "SMS", "SMS";
    "suppliers.whatsapp" => "WhatsApp", "WhatsApp";
    "suppliers.directions" => "Itinéraire", "Directions";
    "suppliers.whatsapp.greeting" => "Bonjour {name}, c'est {shop}.", "Hello {name}, this is {shop}.";
    "suppliers.form.new" => "Nouveau fournisseur", "New supplier";
    "suppliers.form.edit" => "Modifier le fournisseur", "Edit supplier";
    "suppliers.name" => "Nom du fournisseur", "Supplier name";
    "suppliers.phone" => "Téléphone", "Phone";
    "suppliers.whatsapp_number" => "Numéro WhatsApp", "WhatsApp number";
    "suppliers.phone.hint" => "Avec l'indicatif du pays pour WhatsApp (ex. +221 77 123 45 67).", "With the country code for WhatsApp (e.g. +221 77 123 45 67).";
    "suppliers.address" => "Adresse", "Address";
    "suppliers.city" => "Ville", "City";
    "suppliers.delete.title" => "Supprimer le fournisseur", "Delete supplier";
    "suppliers.delete.confirm" => "Supprimer « {name} » ? Ses commandes restent dans l'historique.", "Delete “{name}”? Its orders stay in the history.";
    "suppliers.detail" => "Fournisseur", "Supplier";
    "suppliers.order" => "Commander", "Order";
    "suppliers.reliability" => "Fiabilité", "Reliability";
    "suppliers.delivered" => "Commandes livrées", "Delivered orders";
    "suppliers.on_time" => "Livrées à temps", "Delivered on time";
    "suppliers.fill_rate" => "Quantités reçues", "Quantities received";
    "suppliers.rating.title" => "Note", "Rating";
    "suppliers.rating.none" => "Pas encore de note", "No rating yet";
    "suppliers.products" => "Produits fournis", "Products supplied";
    "suppliers.unlink" => "Retirer {name}", "Remove {name}";
    "suppliers.link.search" => "Ajouter un produit (nom ou code)", "Add a product (name or code)";
    "suppliers.link.add" => "Ajouter", "Add";
    "suppliers.orders" => "Commandes", "Orders";
    // Marketplace read side (G1–G4): search, supplier page, product search.
    "marketplace.tabs" => "Mes fournisseurs ou la marketplace", "My suppliers or the marketplace";
    "marketplace.tab.mine" => "Mes fournisseurs", "My suppliers";
    "marketplace.tab.market" => "Marketplace", "Marketplace";
    "marketplace.mode" => "Chercher des fournisseurs ou des produits", "Search suppliers or products";
    "marketplace.mode.suppliers" => "Fournisseurs", "Suppliers";
    "marketplace.mode.products" => "Produits", "Products";
    "marketplace.search" => "Nom, catégorie ou description", "Name, category or description";
    "marketplace.category" => "Catégorie", "Category";
    "marketplace.city" => "Ville ou zone de livraison", "City or delivery area";
    "marketplace.count" => "{count} {count:fournisseur|fournisseurs}", "{count} {count:supplier|suppliers}";
    "marketplace.empty" => "Aucun fournisseur ne correspond à votre recherche.", "No supplier matches your search.";
    "marketplace.delivery_days" => "Livraison en {days} j en moyenne", "Delivers in {days} d on average";
    "marketplace.products.search" => "Produit ou catégorie", "Product or category";
    "marketplace.products.hint" => "Tapez au moins deux lettres du nom d'un produit ou d'une catégorie.", "Type at least two letters of a product or category name.";
    "marketplace.products.empty" => "Aucun produit trouvé.", "No product found.";
    "marketplace.back" => "← Marketplace", "← Marketplace";
    "marketplace.min_order" => "Commande minimum", "Minimum order";
    "marketplace.delivery" => "Délai de livraison", "Delivery time";
    "marketplace.catalog" => "Catalogue", "Catalogue";
    "marketplace.catalog.empty" => "Aucun article disponible.", "No item available.";
    "marketplace.reviews" => "Avis des commerçants", "Shopkeepers' reviews";
    "marketplace.reviews.count" => "({count} avis)", "({count} reviews)";
    "marketplace.reviews.empty" => "Pas encore d'avis.", "No reviews yet.";
    "orders.add" => "+ Commande", "+ Order";
    "orders.all" => "Toutes", "All";
    "orders.status" => "Statut de la commande", "Order status";
    "orders.supplier" => "Fournisseur", "Supplier";
    "orders.all_suppliers" => "Tous les fournisseurs", "All suppliers";
    "orders.period" => "Période", "Period";
    "orders.period.all" => "Toutes les dates", "All dates";
    "orders.period.week" => "Cette semaine", "This week";
    "orders.period.month" => "Ce mois", "This month";
    "orders.period.dates" => "Dates…", "Dates…";
    "orders.spent_month" => "Dépensé ce mois (livré)", "Spent this month (delivered)";
    "orders.spent_quarter" => "Dépensé ce trimestre (livré)", "Spent this quarter (delivered)";
    "orders.empty" => "Aucune commande.", "No orders.";
    "orders.number" => "Commande n°{number}", "Order no. {number}";
    "orders.expected_on" => "livraison prévue le {date}", "expected on {date}";
    "orders.recurring" => "récurrente", "recurring";
    "orders.form.new" => "Nouvelle commande", "New order";
    "orders.choose_supplier" => "Choisissez un fournisseur", "Choose a supplier";
    "orders.no_supplier_yet" => "Ajoutez d'abord un fournisseur", "Add a supplier first";
    "orders.add_product" => "Ajouter un produit (nom ou code)", "Add a product (name or code)";
    "orders.line.quantity" => "Quantité de {name}", "Quantity of {name}";
    "orders.line.price" => "Prix unitaire de {name}", "Unit price of {name}";
    "orders.line.remove" => "Retirer la ligne", "Remove the line";
    "orders.total" => "Total", "Total";
    "orders.expected" => "Livraison prévue le", "Expected delivery";
    "orders.create" => "Créer la commande", "Create the order";
    "orders.detail" => "Commande", "Order";
    "orders.progress" => "Avancement de la commande", "Order progress";
    "orders.quantity" => "Quantité", "Quantity";
    "orders.unit_price" => "Prix unitaire", "Unit price";
    "orders.subtotal" => "Sous-total", "Subtotal";
    "orders.received" => "Reçu", "Received";
    "orders.received_total" => "Reçu pour", "Received for";
    "orders.repeats" => "Reprend la commande n°{number}", "Repeats order no. {number}";
    "orders.confirm" => "Marquer confirmée", "Mark confirmed";
    "orders.ship" => "Marquer expédiée", "Mark shipped";
    "orders.deliver" => "Marquer livrée", "Mark delivered";
    "orders.deliver.title" => "Réception de la livraison", "Receiving the delivery";
    "orders.deliver.hint" => "Corrigez les quantités si la livraison est partielle. Elles entrent en stock.", "Correct the quantities if the delivery is partial. They go into stock.";
    "orders.deliver.confirm" => "Confirmer la réception", "Confirm receipt";
    "orders.whatsapp" => "Envoyer par WhatsApp", "Send by WhatsApp";
    "orders.reorder" => "Recommander", "Order again";
    "orders.cancel" => "Annuler la commande", "Cancel the order";
    "orders.cancel.button" => "Oui, annuler", "Yes, cancel";
    "orders.cancel.confirm" => "Annuler la commande n°{number} ?", "Cancel order no. {number}?";
    "orders.recurrence" => "Commande récurrente", "Recurring order";
    "orders.recurrence.next" => "Prochaine commande créée le {date}", "Next order created on {date}";
    "orders.recurrence.every" => "Répéter", "Repeat";
    "orders.recurrence.none" => "Jamais", "Never";
    "orders.recurrence.week" => "Chaque semaine", "Every week";
    "orders.recurrence.days" => "Tous les N jours", "Every N days";
    "orders.recurrence.weekday" => "Jour", "Day";
    "orders.recurrence.day_count" => "Nombre de jours", "Number of days";
    "orders.message.header" => "Bonjour, voici la commande n°{number} de {shop} :", "Hello, here is order no. {number} from {shop}:";
    "orders.message.expected" => "Livraison souhaitée le {date}. Merci !", "Delivery wanted on {date}. Thank you!";
    "order.status.pending" => "En attente", "Pending";
    "order.status.confirmed" => "Confirmée", "Confirmed";
    "order.status.shipped" => "Expédiée", "Shipped";
    "order.status.delivered" => "Livrée", "Delivered";
    "order.status.cancelled" => "Annulée", "Cancelled";
    "order.status.refused" => "Refusée", "Refused";
    "scanner.open" => "Scanner", "Scan";
    "scanner.title" => "Scanner un code", "Scan a code";
    "scanner.camera" => "Image de la caméra", "Camera picture";
    "scanner.aim" => "Visez le code-barres ou le QR code.", "Point at the barcode or QR code.";
    "scanner.no_camera" => "Caméra indisponible (autorisation refusée ou pas de caméra). Saisissez le code ci-dessous.", "Camera unavailable (permission denied or no camera). Type the code below.";
    "scanner.failed" => "Le lecteur de codes n'a pas pu démarrer. Saisissez le code ci-dessous.", "The code reader could not start. Type the code below.";
    "scanner.type_code" => "Ou saisissez le code", "Or type the code";
    "scanner.unknown.title" => "Code inconnu", "Unknown code";
    "scanner.unknown" => "Aucun produit n'a le code {code}.", "No product has the code {code}.";
    "scanner.create" => "Créer un produit avec ce code", "Create a product with this code";
    "photo.title" => "Photo", "Photo";
    "photo.take" => "Prendre une photo", "Take a photo";
    "photo.choose" => "Choisir un fichier", "Choose a file";
    "photo.remove" => "Retirer la photo", "Remove the photo";
    "photo.sending" => "Envoi de la photo…", "Sending the photo…";
    "photo.after_save" => "Enregistrez d'abord le produit, puis ajoutez sa photo avec « Modifier ».", "Save the product first, then add its photo with “Edit”.";
    "photo.product" => "Photo du produit", "Product photo";
    // Catalogue item photos (F2)
    "photo.catalog_item" => "Photo de l'article", "Item photo";
    "photo.after_save_item" => "Enregistrez d'abord l'article, puis ajoutez sa photo avec « Modifier ».", "Save the item first, then add its photo with “Edit”.";
    "orders.attachment" => "Bon de livraison ou facture", "Delivery note or invoice";
    "error.photo.type" => "Formats acceptés : JPEG, PNG ou WebP.", "Accepted formats: JPEG, PNG or WebP.";
    "error.photo.too_large" => "La photo dépasse 5 Mo.", "The photo is larger than 5 MB.";
    "error.photo.missing" => "Choisissez une photo.", "Choose a photo.";
    "error.photo.unreadable" => "Cette image est illisible ou trop grande.", "This image cannot be read or is too large.";
    "alerts.configure" => "Configurer", "Configure";
    "alerts.view" => "Alertes affichées", "Alerts shown";
    "alerts.current" => "En cours", "Current";
    "alerts.history" => "Historique", "History";
    "alerts.read_all" => "Tout marquer comme lu", "Mark all as read";
    "alerts.empty" => "Aucune alerte.", "No alerts.";
    "alerts.unread" => "{count} {count:alerte non lue|alertes non lues}", "{count} unread {count:alert|alerts}";
    "alerts.group.rupture" => "Ruptures", "Out of stock";
    "alerts.group.low" => "Stock bas", "Low stock";
    "alerts.group.over" => "Surstock", "Overstock";
    "alerts.group.dormant" => "Dormants", "Dormant";
    "alerts.group.orders" => "Livraisons", "Deliveries";
    "alerts.kind.rupture" => "Rupture de stock", "Out of stock";
    "alerts.kind.low" => "Stock bas", "Low stock";
    "alerts.kind.over" => "Surstock", "Overstock";
    "alerts.kind.dormant" => "Produit dormant", "Dormant product";
    "alerts.kind.late" => "Livraison en retard", "Late delivery";
    "alerts.kind.pending" => "Commande en attente", "Pending order";
    "alerts.severity" => "Gravité", "Severity";
    "alerts.severity.all" => "Toutes", "All";
    "alerts.severity.critical" => "Critique", "Critical";
    "alerts.severity.warning" => "Avertissement", "Warning";
    "alerts.severity.info" => "Info", "Info";
    "alerts.text.rupture" => "{product} en rupture depuis {days} {days:jour|jours}.", "{product} out of stock for {days} {days:day|days}.";
    "alerts.text.low" => "{product} : stock bas ({quantity} {unit}).", "{product}: low stock ({quantity} {unit}).";
    "alerts.text.over" => "{product} : surstock ({quantity} {unit}).", "{product}: overstock ({quantity} {unit}).";
    "alerts.text.dormant" => "{product} ne se vend plus ({quantity} {unit} en stock).", "{product} is not selling ({quantity} {unit} in stock).";
    "alerts.text.late" => "Commande n°{number} de {supplier} en retard : livraison prévue le {date}.", "Order no. {number} from {supplier} is late: expected on {date}.";
    "alerts.text.pending" => "Commande n°{number} de {supplier} toujours en attente.", "Order no. {number} from {supplier} still pending.";
    "alerts.text.usual_supplier" => "Fournisseur habituel : {supplier}.", "Usual supplier: {supplier}.";
    "alerts.order" => "Commander", "Order";
    "alerts.read" => "Marquer comme lu", "Mark as read";
    "alerts.dismiss" => "Ignorer", "Dismiss";
    "alerts.rules" => "Règles d'alerte", "Alert rules";
    "alerts.rules.enabled" => "Activée", "On";
    "alerts.rules.percent" => "Seuil (% du stock maximum)", "Threshold (% of maximum stock)";
    "alerts.rules.low_hint" => "Le badge « Stock bas » suit la même règle : stock minimum atteint, ou stock à ce pourcentage du maximum ou moins.", "The \"Low stock\" badge follows the same rule: at or below the minimum stock, or at or below this share of the maximum.";
    "alerts.rules.days" => "Après (jours)", "After (days)";
    "alerts.rules.in_app" => "Dans l'application", "In the app";
    "alerts.rules.push" => "Notification push", "Push notification";
    "error.alert.threshold" => "Seuil invalide : 1 à 100 %, ou 1 à 365 jours.", "Invalid threshold: 1 to 100 %, or 1 to 365 days.";
    "error.alert_rules.duplicate" => "Une seule règle par type d'alerte.", "One rule per alert type.";
    "error.alert_rules.too_many" => "6 règles au plus, une par type d'alerte.", "6 rules at most, one per alert type.";
    "alerts.top_products" => "Produits les plus signalés ce mois", "Products with the most alerts this month";
    "alerts.count" => "{count} {count:alerte|alertes}", "{count} {count:alert|alerts}";
    "products.alerts_month" => "{count} {count:alerte|alertes} ce mois", "{count} {count:alert|alerts} this month";
    "weekday.monday" => "Lundi", "Monday";
    "weekday.tuesday" => "Mardi", "Tuesday";
    "weekday.wednesday" => "Mercredi", "Wednesday";
    "weekday.thursday" => "Jeudi", "Thursday";
    "weekday.friday" => "Vendredi", "Friday";
    "weekday.saturday" => "Samedi", "Saturday";
    "weekday.sunday" => "Dimanche", "Sunday";
    "error.phone.invalid" => "Numéro invalide : 6 à 15 chiffres, avec + devant si besoin.", "Invalid number: 6 to 15 digits, with + in front if needed.";
    "error.supplier.unknown" => "Ce fournisseur n'existe plus. Choisissez-en un autre.", "This supplier no longer exists. Choose another one.";
    "error.order.supplier" => "Choisissez un fournisseur.", "Choose a supplier.";
    "error.order.empty" => "Ajoutez au moins un produit.", "Add at least one product.";
    "error.order.too_many_lines" => "Trop de produits dans une seule commande (200 au plus).", "Too many products in one order (200 at most).";
    "error.order.duplicate_line" => "Ce produit est déjà dans la commande.", "This product is already in the order.";
    "error.order.line_quantity" => "Chaque quantité doit être un nombre entier supérieur à zéro.", "Each quantity must be a whole number above zero.";
    "error.order.line_price" => "Chaque prix doit être un nombre entier positif.", "Each price must be a positive whole number.";
    "error.order.unknown_product" => "Un produit de la commande n'existe plus.", "A product of the order no longer exists.";
    "error.order.no_supplier" => "Le fournisseur de cette commande a été supprimé.", "The supplier of this order was deleted.";
    "error.order.transition" => "Cette commande ne peut plus changer ainsi (son statut a changé).", "This order cannot change this way any more (its status changed).";
    "error.order.received_quantity" => "Saisissez des quantités reçues entières, zéro ou plus.", "Enter whole received quantities, zero or more.";
    "error.order.nothing_received" => "Rien n'a été reçu : saisissez au moins une quantité.", "Nothing was received: enter at least one quantity.";
    "error.order.recurrence" => "Choisissez un jour de la semaine, ou de 1 à 365 jours.", "Choose a weekday, or 1 to 365 days.";
    // Invitations (G7): "Inviter à s'inscrire" in a supplier's detail, the invitation page.
    "invite.button" => "Inviter à s'inscrire", "Invite to register";
    "invite.intro" => "Le fournisseur recevra un lien pour créer son compte (valable 7 jours, une seule fois). Une fois inscrit, il apparaît « Vérifié » et reçoit vos commandes dans Boutiq.", "The supplier will receive a link to create an account (valid 7 days, once). Once registered, it shows as \"Verified\" and receives your orders in Boutiq.";
    "invite.send" => "Envoyer l'invitation", "Send the invitation";
    "invite.sent" => "Invitation envoyée à {email}.", "Invitation sent to {email}.";
    "invite.created" => "Invitation créée pour {email}.", "Invitation created for {email}.";
    "invite.not_emailed" => "Aucun e-mail n'est parti : envoyez le lien ci-dessous par WhatsApp ou copiez-le.", "No e-mail was sent: send the link below by WhatsApp or copy it.";
    "invite.valid_until" => "Lien valable jusqu'au {date}, une seule fois.", "Link valid until {date}, once.";
    "invite.link" => "Lien d'inscription", "Registration link";
    "invite.whatsapp" => "Partager par WhatsApp", "Share on WhatsApp";
    "invite.whatsapp.message" => "Bonjour, la boutique {shop} vous invite à créer votre compte fournisseur sur Boutiq pour recevoir ses commandes : {link}", "Hello, the shop {shop} invites you to create your supplier account on Boutiq to receive its orders: {link}";
    "invite.copy" => "Copier le lien", "Copy the link";
    "invite.copied" => "Lien copié", "Link copied";
    "invite.page.title" => "Invitation fournisseur", "Supplier invitation";
    "invite.page.intro" => "La boutique « {shop} » vous invite à créer votre compte fournisseur. Vérifiez vos informations et choisissez un mot de passe.", "The shop \"{shop}\" invites you to create your supplier account. Check your details and choose a password.";
    "invite.page.submit" => "Créer mon compte fournisseur", "Create my supplier account";
    "error.invitation.invalid" => "Ce lien d'invitation n'est pas valide. Vérifiez qu'il est complet, ou demandez un nouveau lien à la boutique.", "This invitation link is not valid. Check that it is complete, or ask the shop for a new link.";
    "error.invitation.expired" => "Ce lien d'invitation a expiré (il est valable 7 jours). Demandez un nouveau lien à la boutique.", "This invitation link has expired (it is valid 7 days). Ask the shop for a new link.";
    "error.invitation.used" => "Cette invitation a déjà été utilisée. Connectez-vous avec le compte créé.", "This invitation has already been used. Sign in with the account created.";
    "error.invitation.already_linked" => "Ce fournisseur a déjà un compte Boutiq (« Vérifié »).", "This supplier already has a Boutiq account (\"Verified\").";
    "error.invitation.no_public_url" => "Les invitations ne peuvent pas partir : l'adresse du site n'est pas configurée (public_url). Demandez à la personne qui installe Boutiq de la renseigner.", "Invitations cannot be sent: the site address is not configured (public_url). Ask whoever runs Boutiq to set it.";
    // Connected orders (G5), ratings (G6), the supplier's inbox (F3) and dashboard (F4).
    "error.order.connected_copy" => "Une commande au fournisseur inscrit se refait depuis son catalogue (les prix ont pu changer).", "An order to a registered supplier is placed again from its catalogue (prices may have changed).";
    "error.market.unavailable" => "Cet article n'est plus disponible chez le fournisseur.", "This item is no longer available from the supplier.";
    "error.market.price_changed" => "Le fournisseur a changé le prix de cet article : vérifiez le panier.", "The supplier changed this item's price: check the cart.";
    "error.market.below_minimum" => "En dessous de la quantité minimum de commande.", "Below the minimum order quantity.";
    "error.market.above_stock" => "Plus que le stock disponible chez le fournisseur.", "More than the supplier's available stock.";
    "error.market.below_min_amount" => "Le total n'atteint pas le minimum de commande du fournisseur.", "The total is below the supplier's minimum order amount.";
    "error.rating.score" => "Choisissez de 1 à 5 étoiles.", "Choose 1 to 5 stars.";
    "error.rating.not_delivered" => "Une commande se note une fois livrée.", "An order is rated once delivered.";
    "error.rating.already" => "Cette commande est déjà notée.", "This order is already rated.";
    "inbox.empty" => "Aucune commande reçue pour le moment.", "No order received yet.";
    "inbox.accept" => "Accepter", "Accept";
    "inbox.refuse" => "Refuser", "Refuse";
    "inbox.ship" => "Expédier", "Ship";
    "inbox.deliver" => "Livrer", "Deliver";
    "inbox.deliver.confirm" => "Marquer la commande n°{number} de {shop} comme livrée ? Le stock de la boutique la recevra.", "Mark order no. {number} of {shop} as delivered? The shop's stock will receive it.";
    "inbox.refusal_reason" => "Raison du refus (la boutique la lira)", "Reason for refusing (the shop will read it)";
    "inbox.refused_because" => "Refusée :", "Refused:";
    "supplier.kpi.items" => "Articles au catalogue", "Catalogue items";
    "supplier.kpi.pending" => "En attente", "Pending";
    "supplier.kpi.active" => "En cours", "In progress";
    "supplier.kpi.delivered" => "Livrées", "Delivered";
    "supplier.kpi.revenue" => "Chiffre d'affaires (livrées)", "Revenue (delivered)";
    "supplier.kpi.rating" => "Note moyenne", "Average rating";
    "supplier.kpi.rating_count" => "({count} avis)", "({count} reviews)";
    "supplier.recent_orders" => "Dernières commandes", "Latest orders";
    "supplier.all_orders" => "Toutes les commandes", "All orders";
    "orders.connected" => "Commande au fournisseur inscrit : c'est lui qui la fait avancer.", "Order to a registered supplier: it moves the order on.";
    "orders.connected.see_supplier" => "Voir le fournisseur", "See the supplier";
    "rating.title" => "Votre note", "Your rating";
    "rating.prompt" => "Noter la livraison", "Rate the delivery";
    "rating.score" => "Note", "Rating";
    "rating.stars" => "{count} {count:étoile|étoiles} sur 5", "{count} {count:star|stars} out of 5";
    "rating.comment" => "Commentaire (facultatif)", "Comment (optional)";
    "rating.submit" => "Envoyer la note", "Send the rating";
    "cart.title" => "Panier", "Cart";
    "cart.add" => "Ajouter au panier", "Add to cart";
    "cart.added" => "Dans le panier", "In the cart";
    "cart.summary" => "{count} {count:article|articles} dans le panier", "{count} {count:item|items} in the cart";
    "cart.open" => "Voir le panier", "See the cart";
    "cart.min_amount" => "Minimum de commande de ce fournisseur : {amount}.", "This supplier's minimum order: {amount}.";
    "cart.received_as" => "Reçu en stock comme :", "Received into stock as:";
    "cart.new_product" => "(nouveau produit, créé à la livraison)", "(new product, made when it arrives)";
    "cart.change_product" => "Changer", "Change";
    "cart.pick_product" => "Choisir un de mes produits", "Choose one of my products";
    "cart.order" => "Commander", "Order";
    "cart.placed" => "Commande n°{number} envoyée au fournisseur.", "Order no. {number} sent to the supplier.";
    "cart.follow" => "Suivre dans Commandes", "Follow it in Orders";
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string literal of `src/` that looks like one of our keys.
    fn keys_used_in_code() -> Vec<String> {
        let namespaces: std::collections::HashSet<&str> =
            KEYS.iter().filter_map(|k| k.split('.').next()).collect();
        let mut used = Vec::new();
        let mut stack = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            } else if path.extension().is_some_and(|e| e == "rs")
                && !path.ends_with("i18n/messages.rs")
            {
                let text = std::fs::read_to_string(&path).unwrap();
                // A key is a quoted word; inside SurrealQL it may follow a field name
                // (`THROW 'field:error.x'`).
                let is_key_char =
                    |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_';
                let quoted = text
                    .split(['"', '\''])
                    .filter_map(|piece| Some(piece.rsplit(':').next()?.trim()));
                for word in quoted {
                    let looks_like_key = word.contains('.')
                        && word.chars().all(is_key_char)
                        && namespaces.contains(word.split('.').next().unwrap());
                    if looks_like_key {
                        used.push(word.to_owned());
                    }
                }
            }
        }
        used
    }

    /// A number says which form its word takes (`{count:produit|produits}`), never "produit(s)".
    #[test]
    fn no_text_leaves_the_plural_to_the_reader() {
        for key in KEYS {
            let (fr, en) = lookup(key).unwrap();
            assert!(!fr.contains("(s)") && !en.contains("(s)"), "{key}");
        }
    }

    #[test]
    fn every_key_used_in_the_code_is_translated() {
        let missing: Vec<_> = keys_used_in_code()
            .into_iter()
            .filter(|k| lookup(k).is_none())
            .collect();
        assert!(missing.is_empty(), "keys without translation: {missing:?}");
    }

    #[test]
    fn every_translation_is_used() {
        let used = keys_used_in_code();
        let unused: Vec<_> = KEYS
            .iter()
            .filter(|k| !used.iter().any(|u| u == *k))
            .collect();
        assert!(unused.is_empty(), "translations never used: {unused:?}");
    }
}
