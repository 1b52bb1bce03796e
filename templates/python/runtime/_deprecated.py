"""Names a spec bump renamed, kept as deprecated aliases that warn.

Generated only when the client keeps renamed names (``keep_renamed``): each
alias warns with :class:`DeprecationWarning`, naming what replaced it, and
then does what the new name does.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, cast

__all__ = ["renamed_attribute", "renamed_keywords", "renamed_method"]

_F = TypeVar("_F", bound=Callable[..., Any])


def renamed_method(method: _F, old: str) -> _F:
    """``method`` under its former name ``old``, warning on every call.

    The alias has the method's signature; an ``async`` method's alias
    returns its coroutine (await it as before).
    """
    message = f"{old}() is deprecated: the API renamed it {method.__name__}()"

    @functools.wraps(method)
    def alias(*args: Any, **kwargs: Any) -> Any:
        warnings.warn(message, DeprecationWarning, stacklevel=2)
        return method(*args, **kwargs)

    alias.__name__ = alias.__qualname__ = old
    return cast(_F, alias)


def renamed_keywords(**renamed: str) -> Callable[[_F], _F]:
    """A method that also takes the former names of arguments (``old=new``)."""

    def decorate(method: _F) -> _F:
        @functools.wraps(method)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            for old, new in renamed.items():
                if old not in kwargs:
                    continue
                if new in kwargs:
                    raise TypeError(
                        f"{method.__name__}() got {old}= and {new}=; pass {new}= only"
                    )
                warnings.warn(
                    f"{method.__name__}(): argument {old}= is deprecated: "
                    f"the API renamed it {new}=",
                    DeprecationWarning,
                    stacklevel=2,
                )
                kwargs[new] = kwargs.pop(old)
            return method(*args, **kwargs)

        return cast(_F, wrapper)

    return decorate


def renamed_attribute(
    module: str, namespace: Mapping[str, Any], renamed: Mapping[str, str], name: str
) -> Any:
    """A module's ``__getattr__``: ``name`` if it is a former name, with a warning."""
    new = renamed.get(name)
    if new is None:
        raise AttributeError(f"module {module!r} has no attribute {name!r}")
    warnings.warn(
        f"{module}.{name} is deprecated: the API renamed it {new}",
        DeprecationWarning,
        stacklevel=3,
    )
    return namespace[new]
