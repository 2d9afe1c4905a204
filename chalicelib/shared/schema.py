"""Base for every pydantic model in the app, and the one exact-decimal type of the wire.

``defer_build`` postpones building a model's validator until it is first used, so a Lambda cold
start pays only for the models its route touches, not for every model of every context.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import partial
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError


class Schema(BaseModel):
    model_config = ConfigDict(defer_build=True)


# --- exact decimals on the wire ---------------------------------------------------------------------

_DECIMAL_TEXT = re.compile(r"^(-?)(\d+)(?:\.(\d+))?$")
_NOT_A_DECIMAL = 'must be a decimal string such as "100000.00"'


def exact_decimal(value: Any, *, json_numbers: bool = True, signed: bool = True, whole_digits: int = 20,
                  places: int = 20) -> Decimal:
    """A ``Decimal`` from a decimal string or an int — never from a float or a bool.

    The HTTP edge parses JSON numbers as ``Decimal`` (exact); ``json_numbers=False`` refuses those
    too, for contracts that want amounts written as strings. ``signed``, ``whole_digits`` and
    ``places`` bound what the text may be."""
    if isinstance(value, float) or (isinstance(value, Decimal) and not json_numbers):
        if not json_numbers:
            raise PydanticCustomError(
                "decimal_not_number",
                'must be a decimal string (such as "100000.00" or "0.049"), not a JSON number with a fraction')
        raise PydanticCustomError("decimal_not_float", "must be a decimal string: a binary float is not exact")
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise PydanticCustomError("decimal_string", _NOT_A_DECIMAL)
        value = format(value, "f")
    elif isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    m = _DECIMAL_TEXT.match(value.strip()) if isinstance(value, str) else None
    if (m is None or (m.group(1) and not signed) or len(m.group(2)) > whole_digits
            or len(m.group(3) or "") > places):
        raise PydanticCustomError("decimal_string", _NOT_A_DECIMAL)
    return Decimal(value.strip())


def decimal_text(value: Decimal) -> str:
    """A Decimal as the API writes it: never exponent notation, never ``-0.00``."""
    return format(value.copy_abs() if value.is_zero() else value, "f")


def decimal_string(*, example: str = "100000.00", description: str | None = None, json_numbers: bool = True,
                  signed: bool = True, whole_digits: int = 20, places: int = 20, serialize: str = "always",
                  constraints: Any = None) -> Any:
    """The one exact-decimal type of request and response models: validated by ``exact_decimal``,
    written back by ``decimal_text``, documented in OpenAPI as a string of digits."""
    schema: dict[str, Any] = {"type": "string", "pattern": r"^-?\d+(\.\d+)?$" if signed else r"^\d+(\.\d+)?$",
                              "examples": [example]}
    if description:
        schema["description"] = description
    parts: list[Any] = [BeforeValidator(partial(exact_decimal, json_numbers=json_numbers, signed=signed,
                                                whole_digits=whole_digits, places=places))]
    if constraints is not None:
        parts.append(constraints)
    parts += [PlainSerializer(decimal_text, return_type=str, when_used=serialize), WithJsonSchema(schema)]
    return Annotated[(Decimal, *parts)]
