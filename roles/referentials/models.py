"""The official lists a sheet's codes come from: ROME 4.0, ESCO, ISCO-08 and O*NET-SOC.

Read-only reference data, loaded by `manage.py load_referentials` from the copy in data/.
Each code is the primary key, so that a sheet's foreign key holds the code itself.
"""

from django.db import models
from django.db.models import Q

from ..models.search import folded


class ReferenceQuerySet(models.QuerySet):
    label_paths = ["folded_label"]

    def matching(self, text):
        """Entries whose code starts with `text`, or whose labels hold each of its words."""
        return self.filter(self.matching_condition(text)).distinct()

    def matching_condition(self, text):
        in_labels = Q()
        for path in self.label_paths:
            words = Q()
            for word in folded(text).split():
                words &= Q(**{f"{path}__contains": word})
            in_labels |= words
        return Q(pk__istartswith=text.strip()) | in_labels


class RomeTitleQuerySet(ReferenceQuerySet):
    def matching_condition(self, text):
        """Also every title of a code given in full ("d1406"); the main titles first."""
        return super().matching_condition(text) | Q(rome__code__iexact=text.strip())

    def matching(self, text):
        return super().matching(text).order_by("-is_main", "folded_label")


class RomeCodeQuerySet(ReferenceQuerySet):
    label_paths = ["folded_label", "titles__folded_label"]  # a code is found by any of its titles


class Release(models.Model):
    """Which release of each list the database holds (shown with the attribution)."""

    key = models.CharField(max_length=10, primary_key=True)
    version = models.CharField("version", max_length=40)
    loaded_at = models.DateTimeField("chargée le")

    class Meta:
        verbose_name = "version de référentiel"
        verbose_name_plural = "versions des référentiels"

    def __str__(self):
        return f"{self.key} {self.version}"


class RomeCode(models.Model):
    """A job code (fiche) of France Travail's ROME 4.0."""

    code = models.CharField("code ROME", max_length=5, primary_key=True)
    label = models.CharField("intitulé", max_length=200)
    folded_label = models.CharField(max_length=200, editable=False)
    parent = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, related_name="children"
    )

    objects = RomeCodeQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = "code ROME 4.0"
        verbose_name_plural = "codes ROME 4.0"

    def __str__(self):
        return f"{self.code} · {self.label}"

    @property
    def url(self):
        return f"https://candidat.francetravail.fr/metierscope/fiche-metier/{self.code}"


class RomeTitle(models.Model):
    """A job title (appellation) of ROME 4.0, under one code."""

    ogr_code = models.PositiveIntegerField("code OGR", primary_key=True)
    label = models.CharField("intitulé", max_length=250)
    folded_label = models.CharField(max_length=250, editable=False)
    masculine = models.CharField("forme masculine", max_length=250)
    feminine = models.CharField("forme féminine", max_length=250)
    rome = models.ForeignKey(RomeCode, on_delete=models.CASCADE, related_name="titles")
    is_main = models.BooleanField("appellation principale", default=False)

    objects = RomeTitleQuerySet.as_manager()

    class Meta:
        ordering = ["folded_label"]
        verbose_name = "appellation ROME 4.0"
        verbose_name_plural = "appellations ROME 4.0"

    def __str__(self):
        return f"{self.label} ({self.rome_id})"

    def other_titles(self):
        """The other titles of its code, each gender once, alphabetically."""
        forms = []
        for title in self.rome.titles.exclude(pk=self.pk).order_by("folded_label"):
            forms += [form for form in (title.masculine, title.feminine) if form not in forms]
        return [form for form in forms if form not in (self.masculine, self.feminine)]

    def esco_matches(self):
        """ESCO occupations carrying this very title, in either gender, among their labels:
        those whose preferred label it is first."""
        forms = self.folded_forms()
        candidates = EscoOccupation.objects.select_related("isco").filter(
            folded_label__contains=folded(self.masculine)
        )
        matches = [occupation for occupation in candidates if forms & occupation.folded_forms()]
        return sorted(matches, key=lambda occupation: not forms & occupation.preferred_forms())

    def best_esco_match(self, matches):
        """Among esco_matches(), the one whose preferred label is this title, or None."""
        forms = self.folded_forms()
        preferred = [o for o in matches if forms & o.preferred_forms()]
        return preferred[0] if len(preferred) == 1 else None

    def folded_forms(self):
        return {folded(self.masculine), folded(self.feminine)}


class IscoGroup(models.Model):
    """A group of ISCO-08 (CITP), at any of its four levels."""

    code = models.CharField("code ISCO-08", max_length=4, primary_key=True)
    label = models.CharField("intitulé", max_length=250)
    folded_label = models.CharField(max_length=250, editable=False)
    level = models.PositiveSmallIntegerField("niveau")  # 4: unit group, the one sheets carry

    objects = ReferenceQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = "groupe ISCO-08"
        verbose_name_plural = "groupes ISCO-08"

    def __str__(self):
        return f"{self.code} · {self.label}"

    @property
    def url(self):
        return f"http://data.europa.eu/esco/isco/C{self.code}"


class EscoOccupation(models.Model):
    """An occupation of ESCO v1.0, with its French labels."""

    uri = models.CharField("URI ESCO", max_length=100, primary_key=True)
    label = models.CharField("intitulé", max_length=250)
    alternative_labels = models.TextField("autres intitulés", blank=True)
    folded_label = models.TextField(editable=False)
    isco = models.ForeignKey(
        IscoGroup, on_delete=models.PROTECT, null=True, related_name="esco_occupations"
    )

    objects = ReferenceQuerySet.as_manager()

    class Meta:
        ordering = ["label"]
        verbose_name = "profession ESCO"
        verbose_name_plural = "professions ESCO"

    def __str__(self):
        return self.label

    @property
    def url(self):
        return self.uri

    def folded_forms(self):
        """Every label, folded, the preferred one split into its two genders."""
        return {form.strip() for form in self.folded_label.replace("/", "\n").splitlines()}

    def preferred_forms(self):
        return {form.strip() for form in folded(self.label).split("/")}


class OnetOccupation(models.Model):
    """An occupation of the O*NET-SOC 2019 taxonomy (English title)."""

    code = models.CharField("code O*NET-SOC", max_length=10, primary_key=True)
    label = models.CharField("intitulé (anglais)", max_length=200)
    folded_label = models.CharField(max_length=200, editable=False)

    objects = ReferenceQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = "profession O*NET-SOC"
        verbose_name_plural = "professions O*NET-SOC"

    def __str__(self):
        return f"{self.code} · {self.label}"

    @property
    def url(self):
        return f"https://www.onetonline.org/link/summary/{self.code}"
