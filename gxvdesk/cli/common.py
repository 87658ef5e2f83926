"""What every command shares: opening a camera with credentials, exit codes, error lines."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable

from ..protocol.address import AddressError, CameraAddress
from ..protocol.client import Camera, InvalidSettingsError
from ..protocol.errors import AuthenticationError, CameraError
from ..services.credentials import CredentialStore

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_INVALID = 2
EXIT_REFUSED = 3
EXIT_UNREACHABLE = 4
EXIT_INTERRUPTED = 130


class UsageError(Exception):
    """A command line that cannot be carried out (exit 2)."""


def credentials_for(
    address: CameraAddress, args: argparse.Namespace
) -> tuple[str | None, str | None]:
    """User and password: the address, then --user/--password, then GXV_USER/GXV_PASSWORD,
    then the credential store."""
    user = address.user or args.user or os.environ.get("GXV_USER")
    password = address.password
    if password is None:
        password = args.password if args.password is not None else os.environ.get("GXV_PASSWORD")
    if password is None:
        stored = CredentialStore().get(address.hostport)
        if stored is not None and (user is None or user == stored.user):
            return stored.user, stored.password
    return user, password


def open_camera(args: argparse.Namespace) -> Camera:
    try:
        address = CameraAddress.parse(args.camera)
    except AddressError as exc:
        raise UsageError(str(exc)) from None
    user, password = credentials_for(address, args)
    return Camera(address, user=user, password=password, timeout=args.timeout)


def print_error(message: str) -> None:
    print(f"gxvdesk: {message}", file=sys.stderr)


def run_guarded(command: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run a command; turn every expected failure into one clear line and an exit code."""
    try:
        return command(args)
    except KeyboardInterrupt:
        print_error("interrupted")
        return EXIT_INTERRUPTED
    except InvalidSettingsError as exc:
        for error in exc.errors:
            print_error(f"invalid {error} (nothing was sent)")
        return EXIT_INVALID
    except UsageError as exc:
        print_error(str(exc))
        return EXIT_INVALID
    except AuthenticationError as exc:
        hint = (
            ""
            if getattr(args, "password", None) or os.environ.get("GXV_PASSWORD")
            else ("; give --user/--password, GXV_USER/GXV_PASSWORD or user:password@host")
        )
        print_error(f"{exc}{hint}")
        return EXIT_REFUSED
    except CameraError as exc:
        print_error(str(exc))
        return exc.exit_code
    except (OSError, ValueError) as exc:
        if getattr(args, "verbose", 0):
            raise
        print_error(str(exc))
        return EXIT_FAILURE


def setup_logging(verbosity: int) -> None:
    from ..logs import configure

    configure(
        level=logging.DEBUG if verbosity > 1 else logging.INFO if verbosity else logging.WARNING,
        console=bool(verbosity),
    )


def parse_assignments(items: list[str]) -> list[tuple[str, str]]:
    """``NAME=VALUE`` words into pairs (the value may contain ``=``)."""
    pairs = []
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise UsageError(f"'{item}' is not NAME=VALUE")
        pairs.append((name, value))
    return pairs
