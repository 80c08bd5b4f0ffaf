"""The room server: participants write post-its from their phones, offline (docs/ROOM.md).

Public API for the window and the CLI: :class:`RoomSettings`, :class:`RoomServer`,
:class:`PendingPosts`, :class:`PendingPost`, :func:`phone_post_ids`.
"""

from facilitator_app.services.room.moderation import PendingPost, PendingPosts, phone_post_ids
from facilitator_app.services.room.server import RoomServer
from facilitator_app.services.room.settings import RoomSettings

__all__ = ["PendingPost", "PendingPosts", "RoomServer", "RoomSettings", "phone_post_ids"]
