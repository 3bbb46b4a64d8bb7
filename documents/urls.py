from django.urls import path

from documents import views

app_name = "documents"
urlpatterns = [
    path("", views.document_search, name="search"),
    path("<int:pk>/", views.document_detail, name="detail"),
    path("<int:pk>/download/", views.document_download, name="download"),
]
