from django.urls import path

from . import views

app_name = "coordinators"

urlpatterns = [
    path("callback/", views.callback_request, name="callback_request"),
    path("callback/thanks/", views.callback_thanks, name="callback_thanks"),
]
