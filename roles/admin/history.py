"""A sheet's history that tells the truth: what changed (links included, in French), who
deleted it and when, and what its deletion does to the other sheets."""

import contextvars
from types import SimpleNamespace

import reversion
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.html import format_html, format_html_join
from reversion.models import Revision, Version
from taggit.models import Tag, TaggedItem

from ..models import CareerMove, Role, RoleSkill, Sector, Skill

# Derived or bookkeeping fields: never shown as a change.
NOT_COMPARED = [
    "sort_title",
    "updated_at",
    "created_at",
    "reviewed_at",
    "reviewed_by",
    "search_titles",
    "search_content",
    "search_folded",
    "search_vector",
]
# Links compared by name below (reversion-compare cannot read tags nor unversioned models).
LINKS = {"tags": "Étiquettes", "sectors": "Secteurs", "related_roles": "Fiches liées"}
PART_LABELS = {
    "missions": "Missions",
    "role_skills": "Compétences",
    "training_paths": "Formations",
    "incoming_moves": "Postes qui mènent à ce métier",
    "outgoing_moves": "Évolutions possibles depuis ce métier",
    "salaries": "Salaires",
}
DELETION_COMMENT = "Fiche supprimée"


def linked_names(version):
    """The names of a version's tags, sectors and related sheets, in their stored order."""
    data = version.field_dict
    role_type = ContentType.objects.get_for_model(Role)
    tagged = version.revision.version_set.filter(
        content_type=ContentType.objects.get_for_model(TaggedItem)
    )
    tag_ids = [
        item.field_dict["tag_id"]
        for item in sorted(tagged, key=lambda v: int(v.object_id))
        if item.field_dict["object_id"] == version.object.pk
        and item.field_dict["content_type_id"] == role_type.pk
    ]
    return {
        "tags": _names(Tag, tag_ids, "name"),
        "sectors": _names(Sector, data.get("sectors", []), "name"),
        "related_roles": _names(Role, data.get("related_roles", []), "title"),
    }


def _names(model, pks, attribute):
    found = dict(model.objects.filter(pk__in=pks).values_list("pk", attribute))
    return [found.get(int(pk), f"(supprimé, n° {pk})") for pk in pks]


def names_diff(old, new):
    """Removed and added names, as the comparison screen shows them."""
    removed = [name for name in old if name not in new]
    added = [name for name in new if name not in old]
    lines = [format_html("<del>− {}</del>", name) for name in removed]
    lines += [format_html("<ins>+ {}</ins>", name) for name in added]
    if not lines and old != new:
        lines = [format_html("Nouvel ordre\u00a0: {}", ", ".join(new))]
    return format_html_join("", '<p class="highlight">{}</p>', ((line,) for line in lines))


class SheetHistoryMixin:
    """For RoleAdmin: French, complete comparisons; deletions recorded as revisions."""

    compare_exclude = [*NOT_COMPARED, *LINKS, "tagged_items"]

    def compare(self, obj, version1, version2):
        diff, _ = super().compare(obj, version1, version2)
        for entry in diff:
            field = entry["field"]
            name = getattr(field, "related_name", None) or field.name
            entry["label"] = PART_LABELS.get(name) or str(field.verbose_name).capitalize()
        old, new = linked_names(version1), linked_names(version2)
        for name, label in LINKS.items():
            if old[name] != new[name]:
                diff.append({"label": label, "diff": names_diff(old[name], new[name])})
        return diff, False

    def _reversion_revisionform_view(self, request, version, template_name, extra_context=None):
        """Revert or recover, restoring every link that still can be, and saying which not."""
        restoration = Restoration(version.revision)
        version.revision.revert = restoration.revert  # what the view calls, for this revision
        context = {"lost_links": restoration.lost, **(extra_context or {})}
        return super()._reversion_revisionform_view(request, version, template_name, context)

    def delete_model(self, request, obj):
        self.record_deletion(request, [obj])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        self.record_deletion(request, list(queryset))
        super().delete_queryset(request, queryset)

    def record_deletion(self, request, roles):
        """A last revision at the time of the deletion, with every link the sheets had.

        Saved at once, in a context of its own: inside the list's revision block (bulk actions)
        it would be saved only at the block's end, when the deleted sheets no longer exist.
        """
        contextvars.Context().run(self._save_deletion_revision, request.user, roles)

    @staticmethod
    def _save_deletion_revision(user, roles):
        with reversion.create_revision(atomic=False):
            reversion.set_user(user)
            reversion.set_comment(DELETION_COMMENT)
            for role in roles:
                reversion.add_to_revision(role)

    def get_deleted_objects(self, objs, request):
        """What deleting these sheets does, in the editors' words (for the confirmation)."""
        _, _, perms_needed, protected = super().get_deleted_objects(objs, request)
        roles = list(objs)
        return (
            [item for role in roles for item in deletion_summary(role, roles)],
            {},
            perms_needed,
            protected,
        )


# The parts deleted with a sheet (and restored with it); career steps only when their other
# end is a plain title, since the other sheets keep theirs.
PARTS = [
    ("missions", {}, "mission", "missions"),
    ("role_skills", {}, "compétence", "compétences"),
    ("training_paths", {}, "formation", "formations"),
    ("incoming_moves", {"from_role": None}, "étape de carrière", "étapes de carrière"),
    ("outgoing_moves", {"to_role": None}, "évolution", "évolutions"),
    ("salaries", {}, "salaire", "salaires"),
]


def counted(count, one, many):
    return f"{count} {one if count == 1 else many}"


def deletion_summary(role, deleted):
    """The sheet, its parts, and what becomes of the other sheets' links to it."""
    parts = [
        (getattr(role, name).filter(**only).count(), one, many) for name, only, one, many in PARTS
    ]
    parts = ", ".join(counted(*part) for part in parts if part[0]) or "aucune partie"
    consequences = []
    steps = (
        CareerMove.objects.filter(
            Q(from_role=role, to_role__isnull=False) | Q(to_role=role, from_role__isnull=False)
        )
        .exclude(from_role__in=deleted, to_role__in=deleted)
        .count()
    )
    if steps:
        consequences.append(
            f"{counted(steps, 'étape de carrière', 'étapes de carrière')} d’autres fiches\u00a0: "
            f"conservée{'s' if steps > 1 else ''}, avec l’intitulé «\u202f{role.title}\u202f» "
            "en texte simple."
        )
    related = Role.objects.filter(related_roles=role).exclude(pk__in=[r.pk for r in deleted])
    titles = ", ".join(
        f"«\u202f{title}\u202f»" for title in related.values_list("title", flat=True)
    )
    if titles:
        consequences.append(
            f"Le lien «\u202fDécouvrez aussi\u202f» vers cette fiche est retiré de\u00a0: {titles}."
        )
    return [f"La fiche «\u202f{role.title}\u202f» avec ses parties\u00a0: {parts}.", consequences]


class Restoration:
    """A revision's versions, adjusted so that links to what was deleted since come back as
    plain text or not at all (reverting them as stored would break at commit); `lost` says
    which, for the recovery screen."""

    def __init__(self, revision):
        self.versions = list(revision.version_set.all())
        restored = {int(v.object_id) for v in self.versions if v._model is Role}
        self.sheets = set(Role.objects.values_list("pk", flat=True)) | restored
        self.sectors = set(Sector.objects.values_list("pk", flat=True))
        self.lost = []
        self.versions = [v for v in self.versions if self._keep(v._model, v._object_version)]

    def revert(self, delete=False):
        """Revision.revert, over the adjusted versions."""
        revision = SimpleNamespace(version_set=SimpleNamespace(iterator=lambda: self.versions))
        Revision.revert(revision, delete=delete)

    def _keep(self, model, version):
        obj = version.object
        if model is Role:
            self._drop_missing(
                version.m2m_data, "related_roles", self.sheets, "«\u202fDécouvrez aussi\u202f»"
            )
            self._drop_missing(version.m2m_data, "sectors", self.sectors, "Secteurs")
        elif model is CareerMove:
            return self._move(obj)
        elif model is RoleSkill and not Skill.objects.filter(pk=obj.skill_id).exists():
            self.lost.append("Une compétence supprimée depuis ne revient pas.")
            return False
        return True

    def _drop_missing(self, m2m_data, field, existing, label):
        pks = (m2m_data or {}).get(field, [])
        missing = [pk for pk in pks if int(pk) not in existing]
        if missing:
            m2m_data[field] = [pk for pk in pks if int(pk) in existing]
            self.lost.append(
                f"{label}\u00a0: {len(missing)} lien(s) vers ce qui a été supprimé depuis."
            )

    def _move(self, move):
        for end in ("from", "to"):
            pk = getattr(move, f"{end}_role_id")
            if pk and pk not in self.sheets:
                title = deleted_title(pk)
                setattr(move, f"{end}_role_id", None)
                setattr(move, f"{end}_title", title)
                self.lost.append(
                    f"L’étape de carrière avec «\u202f{title}\u202f» revient en texte "
                    "simple\u00a0: cette fiche a été supprimée depuis."
                )
        return bool(move.from_role_id or move.to_role_id)


def deleted_title(pk):
    version = Version.objects.get_deleted(Role).filter(object_id=str(pk)).first()
    return version.object_repr if version else "fiche supprimée"
