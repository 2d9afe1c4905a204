"""Base for every pydantic model in the app.

``defer_build`` postpones building a model's validator until it is first used, so a Lambda cold
start pays only for the models its route touches, not for every model of every context.
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Schema(BaseModel):
    model_config = ConfigDict(defer_build=True)
