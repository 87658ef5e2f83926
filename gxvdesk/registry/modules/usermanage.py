"""8. Account Management (document p.27): ``/goform/usermanage``, add/remove/set/get.

Users are a list: ``cmd=add`` with name, password and level; ``cmd=remove&user.name=<name>``.
"""

from ..spec import Module, Param, Record
from ..types import IntRange, Secret, Switch, Text, choice

USERS = Record(
    name="users",
    label="Users",
    key="user.index",
    count="user.count",
    kind="list",
    remove_key="user.name",
    params=(
        Param("user.index", IntRange(1), "User", "User 1..n."),
        Param("user.level", choice("Administrator", "User", "Anonymous"), "Privilege"),
        Param("user.name", Text(max_bytes=23), "User name", "The key for remove."),
        Param("user.password", Secret(max_bytes=63), "Password"),
    ),
)  # fmt: skip

MODULE = Module(
    name="usermanage",
    title="User accounts",
    page=27,
    group="System",
    verbs=frozenset({"get", "set", "add", "remove"}),
    params=(
        Param("user.count", IntRange(1), "Users", read_only=True),
        Param("anonymous.enable", Switch(), "Anonymous login",
              "Allow viewing without a password."),
    ),
    records=(USERS,),
)  # fmt: skip
