"""What a policy or state law looked like when it was loaded, for its revision history.

A model lists its `TRACKED_FIELDS` (attribute names); `changed_fields()` compares them with the values the
row was loaded with. The snapshot is taken lazily: `from_db` keeps the row's raw values and they are
turned into JSON-ready values only when a change is saved. Pages load state laws by the hundred and never
save them; computing every snapshot on load was a third of the home page's time.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar, Self

from django.db import models
from django.db.models.base import DEFERRED


def jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class TrackedFieldsMixin(models.Model):
    TRACKED_FIELDS: ClassVar[list[str]]
    _loaded_row: tuple[Any, Any]  # (field names, values) as from_db got them
    _loaded_values: dict[str, Any]

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db: str | None, field_names: Any, values: Any) -> Self:
        instance = super().from_db(db, field_names, values)
        instance._loaded_row = (field_names, values)
        return instance

    def tracked_values(self) -> dict[str, Any]:
        deferred = self.get_deferred_fields()
        return {name: jsonable(getattr(self, name)) for name in self.TRACKED_FIELDS if name not in deferred}

    def loaded_values(self) -> dict[str, Any]:
        """The tracked values as last loaded or saved ({} for a row never saved)."""
        if "_loaded_values" not in self.__dict__:
            names, values = self.__dict__.get("_loaded_row", ((), ()))
            row = dict(zip(names, values, strict=True))
            self._loaded_values = {
                name: jsonable(row[name])
                for name in self.TRACKED_FIELDS
                if name in row and row[name] is not DEFERRED
            }
        return self._loaded_values

    def changed_fields(self) -> dict[str, list[Any]]:
        """{field: [before, after]} since the row was loaded (every field for a new row)."""
        before = self.loaded_values()
        now = self.tracked_values()
        return {
            name: [before.get(name), value]
            for name, value in now.items()
            if before.get(name) != value or not before
        }
