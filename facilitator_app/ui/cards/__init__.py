"""The workspace's cards panel."""
