from django.urls import include, path

from records_requests import accounts, letter_views, views

app_name = "records_requests"
urlpatterns = [
    path("", views.request_list, name="list"),
    path("deadline/", views.deadline_calculator, name="deadline"),
    path("new/", views.request_create_view, name="create"),
    path("mine/", views.dashboard, name="dashboard"),
    path("<int:pk>/", views.request_detail, name="detail"),
    path("<int:pk>/log/", views.event_create_view, name="add_event"),
    path("<int:pk>/events/<int:event_pk>/document/", views.event_document, name="event_document"),
    path("<int:pk>/edit/", views.request_edit_view, name="edit"),
    path("<int:pk>/letters/<slug:kind>/<slug:language>/", letter_views.letter_page, name="letter"),
    path(
        "<int:pk>/letters/<slug:kind>/<slug:language>/download.<slug:fmt>",
        letter_views.letter_download,
        name="letter_download",
    ),
    path("<int:pk>/letters/<slug:kind>/<slug:language>/send/", letter_views.letter_email, name="letter_send"),
    path("accounts/", include(accounts.urlpatterns)),
]
