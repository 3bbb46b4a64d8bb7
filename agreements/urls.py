from django.urls import path

from agreements import views
from agreements.feeds import ChangesFeed

app_name = "agreements"
urlpatterns = [
    path("", views.agreement_list, name="list"),
    path("<int:pk>/", views.agreement_detail, name="detail"),
    path("changes/", views.changes, name="changes_latest"),
    path("changes/<int:pk>/", views.changes, name="changes"),
    path("changes/feed/", ChangesFeed(), name="feed"),
]
