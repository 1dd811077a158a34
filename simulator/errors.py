"""The errors the engine raises on purpose. Each says what is wrong and what is allowed."""


class SpecError(ValueError):
    """A spec field holds a value that is not allowed.

    `field` is the field's name, `value` what it holds and `allowed` a short description of the
    values it may take.
    """

    def __init__(self, field: str, value, allowed: str):
        self.field = field
        self.value = value
        self.allowed = allowed
        super().__init__(f"{field} = {shown(value)} is not allowed: {allowed}")


class InputError(ValueError):
    """An input, target, length or parameter array does not fit the network."""


class ProjectError(ValueError):
    """A project file or setting cannot be used; the message says what to change."""


class FileRefused(ValueError):
    """A file cannot be read safely (not a regular file, too large, damaged); the message says
    why, without the file's name (the caller knows what the file is for)."""


def shown(value, limit: int = 60) -> str:
    """repr(value), cut to about `limit` characters (a file may hold a value of megabytes)."""
    if isinstance(value, int) and value.bit_length() > 3 * limit:  # repr: slow, or refused
        return f"a whole number of about {int(value.bit_length() * 0.30103)} digits"
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 15]}... ({len(text):,} characters)"
