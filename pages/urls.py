from django.urls import path

from pages import views

app_name = "pages"
urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("states/<slug:state>/", views.state_detail, name="state"),
    path("states/<slug:state>/<slug:county>/", views.county_detail, name="county"),
    path("agencies/<slug:slug>/", views.agency_detail, name="agency"),
]
