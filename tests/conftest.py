"""The whole suite runs offline: any attempt to open a network connection fails loudly."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import NoReturn

import pytest


class NetworkBlockedError(RuntimeError):
    """Raised by every socket connection and name look-up while the tests run."""


def _refuse(*args: object, **kwargs: object) -> NoReturn:
    raise NetworkBlockedError(f"posthygiene must never use the network (attempted with {args!r})")


@pytest.fixture(scope="session", autouse=True)
def no_network() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", _refuse)
        patch.setattr(socket.socket, "connect_ex", _refuse)
        patch.setattr(socket.socket, "sendto", _refuse)
        patch.setattr(socket, "create_connection", _refuse)
        patch.setattr(socket, "getaddrinfo", _refuse)
        patch.setattr(socket, "gethostbyname", _refuse)
        patch.setattr(socket, "gethostbyname_ex", _refuse)
        yield
