"""One address per public page type, on the fixture sheets."""

PAGE_TYPES = {
    "accueil": "/",
    "liste": "/metiers/",
    "liste-a-z": "/metiers/?ordre=alpha",
    "liste-filtre-invalide": "/metiers/?famille=inconnue",
    "fiche": "/metiers/coo/",
    "familles": "/familles/",
    "famille": "/familles/direction-generale/",
    "competences": "/competences/",
    "competence": "/competences/negociation-commerciale/",
    "secteurs": "/secteurs/",
    "secteur": "/secteurs/industrie/",
    "etiquette": "/tags/negociation/",
    "recherche": "/recherche/?q=directeur",
    "recherche-vide": "/recherche/?q=",
    "introuvable": "/page-qui-n-existe-pas/",
    "contact": "/contact/?metier=coo",
    "contact-merci": "/contact/merci/",
    "confidentialite": "/confidentialite/",
    "mentions-legales": "/mentions-legales/",
}
