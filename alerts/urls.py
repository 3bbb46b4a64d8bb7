from django.urls import path

from alerts import views
from alerts.feeds import TargetFeed

app_name = "alerts"
urlpatterns = [
    path("subscribe/agency/<slug:slug>/", views.subscribe, name="subscribe_agency"),
    path("subscribe/county/<slug:state>/<slug:county>/", views.subscribe, name="subscribe_county"),
    path("subscribe/state/<slug:state>/", views.subscribe, name="subscribe_state"),
    path("subscribe/sent/", views.subscribe_sent, name="subscribe_sent"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("feeds/agency/<slug:slug>/", TargetFeed(), name="feed_agency"),
    path("feeds/county/<slug:state>/<slug:county>/", TargetFeed(), name="feed_county"),
    path("feeds/state/<slug:state>/", TargetFeed(), name="feed_state"),
]
