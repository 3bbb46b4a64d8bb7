from django.urls import path

from pages import explainers, views

app_name = "pages"
urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("states/<slug:state>/", views.state_detail, name="state"),
    path("states/<slug:state>/<slug:county>/", views.county_detail, name="county"),
    path("agencies/<slug:slug>/", views.agency_detail, name="agency"),
    path("learn/glossary/", explainers.glossary, name="glossary"),
    path("learn/methodology/", explainers.methodology, name="methodology"),
    path("learn/<slug:slug>/", explainers.explainer, name="explainer"),
]
