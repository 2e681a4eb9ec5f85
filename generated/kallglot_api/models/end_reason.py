# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from enum import StrEnum
from typing import Any


class EndReason(StrEnum):
    """Values the API documents today; a value added later parses as a new member (see ``_missing_``)."""

    AGENT_HANGUP = "agent_hangup"
    COMPLETED = "completed"
    CUSTOMER_HANGUP = "customer_hangup"
    ERROR = "error"
    TIMEOUT = "timeout"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: Any) -> "EndReason | None":
        # Forward compatibility: the server may add values (a new status or mode) before the SDK knows
        # them. Such a value becomes an unnamed member that keeps the raw string and round-trips.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value.upper()
        member._value_ = value
        return member

    @property
    def is_known(self) -> bool:
        """Whether this value was documented when the SDK was generated."""
        return type(self).__members__.get(self._name_) is self
