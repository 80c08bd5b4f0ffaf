"""The workspace's counts panel."""
