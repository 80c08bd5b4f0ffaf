"""The workspace's board panel."""
