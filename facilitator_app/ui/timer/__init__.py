"""The workspace's timer panel."""
