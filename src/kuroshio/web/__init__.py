"""The web dashboard and REST API (``kuroshio serve``): :func:`create_app` builds the FastAPI application."""

from kuroshio.web.app import check_bind, create_app, is_loopback

__all__ = ["check_bind", "create_app", "is_loopback"]
