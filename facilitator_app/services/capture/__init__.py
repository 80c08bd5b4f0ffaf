"""During the day: the board of post-its, session timers, head counts, cards in play, paper imports."""
