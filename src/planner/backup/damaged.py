"""The error a backup that cannot be restored as it is raises, naming the first bad place."""

from planner.domain.errors import InvalidValue


class DamagedBackup(InvalidValue):
    """A line, member or checksum of a backup is wrong; nothing was written."""

    code = "damaged_backup"
