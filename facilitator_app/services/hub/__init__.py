"""The venue hub: table laptops send their files to the coordinator's laptop (docs/ROOM.md).

:class:`VenueHub` (the coordinator's side) receives, checks and merges them through the
normal merge; :func:`send_to_hub` (the table's side, stdlib ``urllib``) sends one.
"""

from facilitator_app.services.hub.receiver import HubReceipt, VenueHub
from facilitator_app.services.hub.sender import HubReply, send_to_hub

__all__ = ["HubReceipt", "HubReply", "VenueHub", "send_to_hub"]
