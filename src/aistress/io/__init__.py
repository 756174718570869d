"""Reading and writing aistress objects: JSON and JSON Lines, atomic file output."""

from aistress.io import atomic, json
from aistress.io.atomic import *  # noqa: F403 - the package re-exports its modules' public names
from aistress.io.json import *  # noqa: F403 - the package re-exports its modules' public names

__all__ = []
__all__ += atomic.__all__
__all__ += json.__all__
