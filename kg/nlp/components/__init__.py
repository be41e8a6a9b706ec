"""kg's spaCy components, one concern each; importing this module registers them."""
from . import gazetteer, names  # noqa: F401
