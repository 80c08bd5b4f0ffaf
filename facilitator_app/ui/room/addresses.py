"""The addresses of this laptop the room server may listen on (loopback, hotspot, LAN)."""

from __future__ import annotations

import ipaddress

from PySide6.QtNetwork import QAbstractSocket, QHostAddress, QNetworkInterface

LOOPBACK = "127.0.0.1"


def laptop_addresses() -> list[str]:
    """This laptop's IPv4 addresses, loopback first, then the interfaces that are up."""
    found: list[str] = [LOOPBACK]
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


def default_address(addresses: list[str]) -> str:
    """The first private, non-loopback address (a hotspot's or a venue LAN's), else loopback."""
    for text in addresses:
        address = ipaddress.ip_address(text)
        if address.is_private and not address.is_loopback and not address.is_link_local:
            return text
    return LOOPBACK
