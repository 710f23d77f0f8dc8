"""Forms: public pages' search, filters and comparison; visitors' requests and comments."""

from .sheets import (
    ApiRoleFilterForm,
    CompareForm,
    RoleFilterForm,
    SalarySortForm,
    SearchField,
    SearchForm,
    StaffPasswordResetForm,
)

__all__ = [
    "ApiRoleFilterForm",
    "CompareForm",
    "RoleFilterForm",
    "SalarySortForm",
    "SearchField",
    "SearchForm",
    "StaffPasswordResetForm",
]
