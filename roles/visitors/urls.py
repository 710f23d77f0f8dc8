from django.urls import path

from . import views

app_name = "visitors"

urlpatterns = [
    path("contact/", views.contact, name="contact"),
    path("contact/merci/", views.ContactThanksView.as_view(), name="contact_thanks"),
    path(
        "metiers/<slug:slug>/commentaires/",
        views.CommentView.as_view(),
        name="comment_create",
    ),
    path("commentaires/confirmer/<str:token>/", views.confirm_comment, name="comment_confirm"),
]
