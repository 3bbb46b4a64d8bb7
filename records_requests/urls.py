from django.urls import path

from records_requests import views

app_name = "records_requests"
urlpatterns = [
    path("deadline/", views.deadline_calculator, name="deadline"),
    path("<int:pk>/", views.request_detail, name="detail"),
]
