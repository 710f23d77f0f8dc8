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
from .visitors import CommentForm, RecruitmentRequestForm, VisitorForm

__all__ = [
    "ApiRoleFilterForm",
    "CommentForm",
    "CompareForm",
    "RecruitmentRequestForm",
    "RoleFilterForm",
    "SalarySortForm",
    "SearchField",
    "SearchForm",
    "StaffPasswordResetForm",
    "VisitorForm",
]
