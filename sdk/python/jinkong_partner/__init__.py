"""Jinkong's partner SDK: ``from jinkong_partner import Jinkong``. See ``client.py``."""
from jinkong_partner import errors, webhooks
from jinkong_partner.client import ClientCredentials, Jinkong, Operation

__all__ = ["ClientCredentials", "Jinkong", "Operation", "errors", "webhooks"]
