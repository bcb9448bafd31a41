"""Frozen records made cheaply: the base of every change (workshop/core/session/changes.py)."""

from __future__ import annotations

from dataclasses import MISSING as _dataclass_missing, Field, FrozenInstanceError, field
from typing import Any, ClassVar, dataclass_transform

_MISSING = object()


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
class Frozen:
    """A frozen record, as `@dataclass(frozen=True)` makes one (keyword or positional
    construction, defaults, `field(default_factory=...)`, equality, hashing, repr, match), with
    one shared `__init__` instead of methods generated and compiled per class: importing this
    module is on the way to opening a session. A class declared with `@dataclass(frozen=True)`
    works alongside (`apply` looks a change up by its type). `dataclass_transform` tells a type
    checker so: it checks each record's construction as a dataclass's."""

    _names: ClassVar[tuple[str, ...]] = ()
    _defaults: ClassVar[dict[str, Any]] = {}
    _factories: ClassVar[dict[str, Any]] = {}
    __match_args__: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **options: Any) -> None:
        super().__init_subclass__(**options)
        names, defaults, factories = list(cls._names), dict(cls._defaults), dict(cls._factories)
        for name in cls.__dict__.get("__annotations__", {}):
            if name not in names:
                names.append(name)
            value = cls.__dict__.get(name, _MISSING)
            if isinstance(value, Field):
                delattr(cls, name)
                if value.default_factory is not _dataclass_missing:
                    factories[name] = value.default_factory
                elif value.default is not _dataclass_missing:
                    defaults[name] = value.default
                    setattr(cls, name, value.default)
            elif value is not _MISSING:
                defaults[name] = value
        cls._names, cls._defaults, cls._factories = tuple(names), defaults, factories
        cls.__match_args__ = tuple(names)  # type: ignore[misc]  # mypy allows it in a class body only

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        names = self._names
        kind = type(self).__name__
        if len(args) > len(names):
            raise TypeError(f"{kind}() takes {len(names)} arguments but {len(args)} were given")
        values = dict(zip(names, args))
        for name, value in kwargs.items():
            if name not in names:
                raise TypeError(f"{kind}() got an unexpected keyword argument {name!r}")
            if name in values:
                raise TypeError(f"{kind}() got multiple values for argument {name!r}")
            values[name] = value
        put = object.__setattr__
        for name in names:
            if name in values:
                put(self, name, values[name])
            elif name in self._defaults:
                put(self, name, self._defaults[name])
            elif name in self._factories:
                put(self, name, self._factories[name]())
            else:
                raise TypeError(f"{kind}() missing required argument: {name!r}")

    def _values(self) -> tuple:
        return tuple(getattr(self, name) for name in self._names)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._values() == other._values()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._names)
        return f"{type(self).__qualname__}({shown})"

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")
