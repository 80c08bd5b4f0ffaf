"""The addresses of this laptop the room server may listen on (loopback, hotspot, LAN)."""

from __future__ import annotations

import ipaddress
import socket

LOOPBACK = "127.0.0.1"


def laptop_addresses() -> list[str]:
    """This laptop's IPv4 addresses, loopback first, then the interfaces that are up."""
    found: list[str] = [LOOPBACK]
    try:
        from PySide6.QtNetwork import QAbstractSocket, QHostAddress, QNetworkInterface
    except ImportError:  # a bundle built without QtNetwork: what the host name resolves to
        return found + _addresses_of_host_name()
    for interface in QNetworkInterface.allInterfaces():
        flags = interface.flags()
        if not flags & QNetworkInterface.InterfaceFlag.IsUp:
            continue
        for entry in interface.addressEntries():
            address: QHostAddress = entry.ip()
            if address.protocol() != QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                continue
            text = address.toString()
            if text not in found:
                found.append(text)
    return found


def _addresses_of_host_name() -> list[str]:
    """The IPv4 addresses this computer's name resolves to (no packet sent)."""
    try:
        entries = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return []
    return sorted({str(entry[4][0]) for entry in entries} - {LOOPBACK})


def default_address(addresses: list[str]) -> str:
    """The first private, non-loopback address (a hotspot's or a venue LAN's), else loopback."""
    for text in addresses:
        address = ipaddress.ip_address(text)
        if address.is_private and not address.is_loopback and not address.is_link_local:
            return text
    return LOOPBACK
