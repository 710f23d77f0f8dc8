"""Reads an export document (roles.serialization) back into the database, all or nothing."""

from datetime import datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction

from .models import (
    CareerMove,
    Family,
    Mission,
    Role,
    RoleSkill,
    Salary,
    Sector,
    Skill,
    TrainingPath,
)
from .serialization import CODE_KEYS, FORMAT, VERSION

REQUIRED = object()
TYPE_NAMES = {str: "un texte", int: "un nombre entier", bool: "vrai ou faux", list: "une liste"}
TYPE_NAMES[dict] = "un objet"


class SheetFileError(Exception):
    """Where (a path such as `sheets[2].missions[0].text`) and why a document is invalid."""

    def __init__(self, path, reason):
        super().__init__(f"{path}\u00a0: {reason}")
        self.path, self.reason = path, reason


def join(path, key):
    return f"{path}.{key}" if path else key


def take(data, key, path, kind=str, *, null=False, default=REQUIRED):
    """data[key], checked to be of `kind` (or None when `null`)."""
    if not isinstance(data, dict):
        raise SheetFileError(path, "un objet JSON est attendu")
    if key not in data:
        if default is REQUIRED:
            raise SheetFileError(join(path, key), "champ obligatoire absent")
        return default
    value = data[key]
    if value is None and null:
        return None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise SheetFileError(join(path, key), f"{TYPE_NAMES[kind]} est attendu")
    return value


def items(data, key, path):
    """The list data[key], with the path of each item."""
    values = take(data, key, path, list)
    return [(f"{join(path, key)}[{i}]", item) for i, item in enumerate(values)]


def texts(data, key, path):
    """A list of texts."""
    values = take(data, key, path, list)
    for i, value in enumerate(values):
        if not isinstance(value, str):
            raise SheetFileError(f"{join(path, key)}[{i}]", "un texte est attendu")
    return values


def moment(data, key, path):
    """An ISO 8601 date and time with its offset (2026-01-15T09:00:00+00:00)."""
    try:
        value = datetime.fromisoformat(take(data, key, path))
    except ValueError:
        value = None
    if value is None or value.tzinfo is None:
        reason = "date et heure ISO 8601 avec fuseau horaire attendues"
        raise SheetFileError(join(path, key), reason)
    return value


def save(obj, path, keys=None):
    """Validate like the admin does, then save; errors name the document's key."""
    try:
        obj.full_clean()
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        where = path if field == NON_FIELD_ERRORS else f"{path}.{(keys or {}).get(field, field)}"
        raise SheetFileError(where, " ".join(messages)) from None
    obj.save()
    return obj


def by_slug(model, slug, path, label):
    try:
        return model.objects.get(slug=slug)
    except model.DoesNotExist:
        raise SheetFileError(path, f"{label} «\u202f{slug}\u202f» introuvable") from None


def import_document(document):
    """Create the document's vocabularies and sheets; nothing at all when one is invalid."""
    if not isinstance(document, dict):
        raise SheetFileError("(document)", "un objet JSON est attendu")
    if document.get("format") != FORMAT:
        raise SheetFileError("format", f"ce fichier n’est pas un export «\u202f{FORMAT}\u202f»")
    if take(document, "version", "", int) != VERSION:
        raise SheetFileError("version", f"seule la version {VERSION} est lue")
    with transaction.atomic():
        import_vocabularies(document)
        sheets = [(named_path(path, sheet), sheet) for path, sheet in items(document, "sheets", "")]
        roles = [import_sheet(sheet, path) for path, sheet in sheets]
        for role, (path, sheet) in zip(roles, sheets, strict=True):
            import_links(role, sheet, path)
        for role, (path, sheet) in zip(roles, sheets, strict=True):
            restore_dates(role, sheet, path)
    return len(roles)


def named_path(path, sheet):
    """sheets[3] (coo): the position and, when readable, the slug of a sheet."""
    slug = sheet.get("slug") if isinstance(sheet, dict) else None
    return f"{path} ({slug})" if isinstance(slug, str) and slug else path


def import_vocabularies(document):
    """Families, sectors and skills; those already present (same slug) are kept as they are."""
    for path, entry in items(document, "families", ""):
        fields = {"name": take(entry, "name", path), "order": take(entry, "order", path, int)}
        fields["description"] = take(entry, "description", path)
        get_or_save(Family, take(entry, "slug", path), fields, path)
    for path, entry in items(document, "sectors", ""):
        fields = {
            "name": take(entry, "name", path),
            "description": take(entry, "description", path),
        }
        get_or_save(Sector, take(entry, "slug", path), fields, path)
    for path, entry in items(document, "skills", ""):
        fields = {"name": take(entry, "name", path), "kind": take(entry, "kind", path)}
        fields["description"] = take(entry, "description", path)
        get_or_save(Skill, take(entry, "slug", path), fields, path)


def get_or_save(model, slug, fields, path):
    existing = model.objects.filter(slug=slug).first()
    return existing or save(model(slug=slug, **fields), path)


def import_sheet(sheet, path):
    """The sheet and its own parts; links to other sheets come once all exist."""
    codes = take(sheet, "codes", path, dict)
    role = Role(
        slug=take(sheet, "slug", path),
        title=take(sheet, "title", path),
        title_in_english=take(sheet, "title_in_english", path, bool, default=False),
        short_name=take(sheet, "short_name", path),
        alternative_titles="\n".join(texts(sheet, "alternative_titles", path)),
        tagline=take(sheet, "tagline", path),
        summary=take(sheet, "summary", path),
        introduction=take(sheet, "introduction", path),
        reporting_line=take(sheet, "reporting_line", path),
        salary_note=take(sheet, "salary_note", path),
        family=family_of(sheet, path),
        status=take(sheet, "status", path),
        is_featured=take(sheet, "is_featured", path, bool),
        published_at=moment(sheet, "published_at", path),
        **{
            f"{field}_id": take(codes, key, f"{path}.codes") or None
            for field, key in CODE_KEYS.items()
        },
    )
    code_keys = {field: f"codes.{key}" for field, key in CODE_KEYS.items()}
    save(role, path, keys=code_keys)
    import_parts(role, sheet, path)
    return role


def restore_dates(role, sheet, path):
    """The stored dates, once every save that sets them (auto_now, parts touching) is done."""
    Role.objects.filter(pk=role.pk).update(
        created_at=moment(sheet, "created_at", path), updated_at=moment(sheet, "updated_at", path)
    )


def family_of(sheet, path):
    family_slug = take(take(sheet, "family", path, dict), "slug", f"{path}.family")
    return by_slug(Family, family_slug, f"{path}.family.slug", "famille")


def import_parts(role, sheet, path):
    for where, mission in items(sheet, "missions", path):
        fields = {key: take(mission, key, where) for key in ["text", "scope", "company_context"]}
        save(Mission(role=role, order=take(mission, "order", where, int), **fields), where)
    for where, entry in items(sheet, "skills", path):
        skill_slug = take(take(entry, "skill", where, dict), "slug", f"{where}.skill")
        skill = by_slug(Skill, skill_slug, f"{where}.skill.slug", "compétence")
        fields = {key: take(entry, key, where) for key in ["weight", "note"]}
        part = RoleSkill(role=role, skill=skill, order=take(entry, "order", where, int), **fields)
        save(part, where)
    for where, entry in items(sheet, "training", path):
        fields = {key: take(entry, key, where) for key in ["level", "institution", "note"]}
        studies = ", ".join(texts(entry, "fields_of_study", where))
        part = TrainingPath(role=role, order=take(entry, "order", where, int), **fields)
        part.fields_of_study = studies
        save(part, where)
    for where, entry in items(sheet, "salaries", path):
        save(salary(role, entry, where), where)


SALARY_TEXTS = ["experience", "currency", "period", "company_size", "region", "source", "note"]
SALARY_NUMBERS = ["amount_min", "amount_max", "year", "sample_size"]


def salary(role, entry, where):
    fields = {key: take(entry, key, where) for key in SALARY_TEXTS}
    fields |= {key: take(entry, key, where, int, null=True) for key in SALARY_NUMBERS}
    sector_slug = take(entry, "sector", where, null=True)
    sector = by_slug(Sector, sector_slug, f"{where}.sector", "secteur") if sector_slug else None
    return Salary(
        role=role,
        order=take(entry, "order", where, int),
        amount_typical=take(entry, "amount_typical", where, int),
        sector=sector,
        **fields,
    )


def import_links(role, sheet, path):
    """Career moves, related sheets, sectors and tags. A move between two sheets is listed on both:
    it is read from the sheet it starts from."""
    career = take(sheet, "career", path, dict)
    for where, entry in items(career, "outgoing", f"{path}.career"):
        target_role, target_title = other_end(take(entry, "to", where, dict), f"{where}.to")
        save(move(entry, where, from_role=role, to_role=target_role, to_title=target_title), where)
    for where, entry in items(career, "incoming", f"{path}.career"):
        source_role, source_title = other_end(take(entry, "from", where, dict), f"{where}.from")
        if source_role is None:
            save(move(entry, where, from_title=source_title, to_role=role), where)
    for where, entry in items(sheet, "related", path):
        other_slug = take(entry, "slug", where)
        role.related_roles.add(by_slug(Role, other_slug, f"{where}.slug", "fiche"))
    for where, entry in items(sheet, "sectors", path):
        sector_slug = take(entry, "slug", where)
        role.sectors.add(by_slug(Sector, sector_slug, f"{where}.slug", "secteur"))
    role.tags.set(texts(sheet, "tags", path))


def other_end(reference, where):
    """(sheet, "") for a reference with a slug, (None, title) for a plain title."""
    slug = take(reference, "slug", where, null=True)
    if slug:
        return by_slug(Role, slug, f"{where}.slug", "fiche"), ""
    return None, take(reference, "title", where)


def move(entry, where, **ends):
    return CareerMove(
        order=take(entry, "order", where, int),
        kind=take(entry, "kind", where),
        years_of_experience=take(entry, "years_of_experience", where, int, null=True),
        **ends,
    )
