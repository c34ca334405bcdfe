"""The web app for analysts: JSON API, server-rendered pages, review, users (`create_app`)."""
