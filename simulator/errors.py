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
        super().__init__(f"{field} = {value!r} is not allowed: {allowed}")


class InputError(ValueError):
    """An input, target, length or parameter array does not fit the network."""
