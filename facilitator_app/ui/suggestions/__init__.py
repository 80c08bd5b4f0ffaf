"""Theme suggestions beside the board: accept, rename, merge, split or ignore."""
