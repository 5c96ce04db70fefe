"""The one error type a user sees: it names the file and says what is wrong with it."""


class InputError(Exception):
    """An input the annotator cannot use. Printed as one line, never as a traceback."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
