"""Every error checker raises on purpose, in one tree, so the CLI can turn each into one
clear line and exit code 2 instead of a traceback::

    CheckerError
    ├── UsageError          bad flags or combinations of flags
    │   └── NoSource        a draft with no source named anywhere (skipped by --drafts-only)
    ├── ConfigError         a config file that cannot be read or names an unknown key
    └── InputError          an input that cannot be read as text
        ├── MissingInput    no such file
        ├── EmptyInput      nothing but white space
        ├── BinaryInput     NUL bytes or a binary format we do not read
        ├── DecodeError     not valid in any encoding we accept
        ├── FetchError      a URL that could not be fetched (status, DNS, timeout, size)
        ├── NoTextError     a PDF or page that holds no text
        └── RefusedInput    an input a policy forbids (e.g. a private address in CI)
"""


class CheckerError(Exception):
    """Base of every error checker reports to the user as one line."""

    exit_code = 2


class UsageError(CheckerError):
    pass


class NoSource(UsageError):
    pass


class ConfigError(CheckerError):
    pass


class InputError(CheckerError):
    pass


class MissingInput(InputError):
    pass


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class DecodeError(InputError):
    pass


class FetchError(InputError):
    pass


class NoTextError(InputError):
    pass


class RefusedInput(InputError):
    pass
